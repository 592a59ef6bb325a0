"""The frozen bundle as a remote site gets it: self-test and search with no network, a real window.

These run after `make bundle` (CI does `make test-bundle`); on a checkout with no bundle they
are skipped with the command to build one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

FROZEN = ROOT / "dist" / "cartref" / "cartref"

pytestmark = [
    pytest.mark.bundle,
    # the Linux bundle; the Windows one is built and smoke-tested by `make windows`
    pytest.mark.skipif(sys.platform == "win32", reason="tests the Linux bundle (Windows: `make windows`)"),
    pytest.mark.skipif(not FROZEN.exists(), reason="no frozen bundle: run `make bundle` first"),
]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CARTREF_", "PYTHON"))}
    env.update({"CARTREF_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra})
    return env


def _no_network_prefix() -> list[str]:
    """`unshare -n` gives the process a network namespace with only a downed loopback."""
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"cannot create a network namespace here: {probe.stderr.decode().strip()}")
    return ["unshare", "-n"]


def test_frozen_self_test_passes_without_network(tmp_path: Path) -> None:
    proc = subprocess.run([*_no_network_prefix(), str(FROZEN), "--self-test"], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "self-test: ok"


def test_frozen_search_finds_fucaso_and_chinese_without_network(tmp_path: Path) -> None:
    for query, lang in (("FUCASO", "en"), ("细胞因子释放综合征", "zh")):
        proc = subprocess.run([*_no_network_prefix(), str(FROZEN), "search", query, "--lang", lang, "--json"],
                              env=_env(tmp_path), capture_output=True, text=True, timeout=60, check=False)
        assert proc.returncode == 0, proc.stderr
        hits = json.loads(proc.stdout)
        assert hits and {"kind", "id", "title", "snippet", "score"} <= set(hits[0])


def test_frozen_bad_input_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run([str(FROZEN), "show", "nonsense-kind", "x"], env=_env(tmp_path),
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "Traceback" not in proc.stderr


def _window_names(display: str) -> str:
    out = subprocess.run(["xwininfo", "-root", "-tree", "-display", display], capture_output=True,
                         text=True, check=False)
    return out.stdout


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xwininfo")), reason="needs Xvfb and xwininfo")
def test_frozen_window_opens_under_xvfb(tmp_path: Path) -> None:
    display = f":{90 + os.getpid() % 50}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        time.sleep(1.0)
        env = _env(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        app = subprocess.Popen([str(FROZEN)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "CAR-T Reference" not in _window_names(display):
            assert app.poll() is None, app.stderr.read().decode() if app.stderr else "app exited"
            time.sleep(0.25)
        assert "CAR-T Reference" in _window_names(display), "no main window appeared within 60 s"
        time.sleep(2.0)  # let it paint
        shot = ROOT / "bench" / "results" / "frozen-window-xvfb.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        grab = subprocess.run(
            [sys.executable, "-c",
             "import sys; from PySide6.QtGui import QGuiApplication; a = QGuiApplication([]); "
             "img = a.primaryScreen().grabWindow(0); sys.exit(0 if img.save(sys.argv[1]) else 1)", str(shot)],
            env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}, capture_output=True, timeout=60,
            check=False)
        assert grab.returncode == 0, grab.stderr
        assert shot.stat().st_size > 10_000  # a painted window, not a black screen
    finally:
        if app is not None:  # communicate() also closes the pipes (warnings are errors in the tests)
            app.terminate()
            try:
                app.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.communicate()
        xvfb.terminate()
        xvfb.wait(10)
