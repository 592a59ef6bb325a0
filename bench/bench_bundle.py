"""Bundle size (unpacked and .tar.gz) beside an unfiltered PyInstaller build, and frozen start-up.

The unfiltered build is made once into bench/results/ (a few minutes) and reused.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FROZEN_DIR = ROOT / "dist" / "cartref"
RESULTS = ROOT / "bench" / "results"
UNFILTERED_DIR = RESULTS / "dist-unfiltered" / "cartref-unfiltered"


class _Counter(io.RawIOBase):
    """A write-only sink that only counts bytes, so compressed size needs no temp file."""

    def __init__(self) -> None:
        self.n = 0

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.n += len(b)
        return len(b)


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def targz_size(path: Path) -> int:
    sink = _Counter()
    with tarfile.open(fileobj=sink, mode="w:gz", compresslevel=9) as tar:
        tar.add(path, arcname=path.name)
    return sink.n


def _build_unfiltered() -> None:
    if (UNFILTERED_DIR / "cartref").exists():
        return
    sys.stderr.write("bench: building the unfiltered bundle for comparison (once) …\n")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(RESULTS / "dist-unfiltered"),
         "--workpath", str(RESULTS / "build-unfiltered"), str(ROOT / "build.spec")],
        env={**os.environ, "CARTREF_UNFILTERED": "1"}, check=True, capture_output=True,
    )


def _start_once(cmd: list[str]) -> float:
    """Wall time of one start until the window is shown and the event loop idles
    (CARTREF_EXIT_WHEN_SHOWN), in a fresh user folder."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "CARTREF_HOME": home, "QT_QPA_PLATFORM": "offscreen", "CARTREF_EXIT_WHEN_SHOWN": "1"}
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=120)
        return (time.perf_counter() - t0) * 1000


def _paired_startups(dev_cmd: list[str], frozen_cmd: list[str], runs: int = 11) -> tuple[float, float, float]:
    """(dev median, frozen median, median of frozen/dev pairs). Each frozen start has a dev
    start beside it: this machine's speed swings from one minute to the next (see bench_ui)."""
    dev, frozen = [], []
    for cmd in (dev_cmd, frozen_cmd):
        _start_once(cmd)  # warm the page cache
    for _ in range(runs):
        dev.append(_start_once(dev_cmd))
        frozen.append(_start_once(frozen_cmd))
    ratio = statistics.median(f / d for f, d in zip(frozen, dev, strict=True))
    return statistics.median(dev), statistics.median(frozen), ratio


def run() -> list[dict[str, object]]:
    if not (FROZEN_DIR / "cartref").exists():
        return [{"name": "bundle (run `make bundle` first)", "value": "", "unit": "", "budget": "", "floor": ""}]
    _build_unfiltered()
    mb = 1_000_000
    size, size_unf = dir_size(FROZEN_DIR) / mb, dir_size(UNFILTERED_DIR) / mb
    gz, gz_unf = targz_size(FROZEN_DIR) / mb, targz_size(UNFILTERED_DIR) / mb
    rows: list[dict[str, object]] = [
        {"name": "bundle unpacked (floor = unfiltered build)", "value": round(size, 1), "unit": "MB",
         "budget": 140, "floor": round(size_unf, 1), "ok": size <= 140},
        {"name": "bundle .tar.gz (floor = unfiltered build)", "value": round(gz, 1), "unit": "MB",
         "budget": 60, "floor": round(gz_unf, 1), "ok": gz <= 60},
    ]
    dev, frozen, ratio = _paired_startups([sys.executable, "-m", "desktop"], [str(FROZEN_DIR / "cartref")])
    rows.append({"name": "frozen start-up to window (floor = dev start-up; ratio = median of pairs)",
                 "value": round(frozen), "unit": "ms", "budget": "1.5x floor", "floor": round(dev), "ratio": ratio,
                 "ok": ratio <= 1.5})
    return rows
