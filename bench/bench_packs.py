"""Content packs on the real data/: build, verify, apply and rollback, beside the floors they
cannot beat (loading the content, inflating the zip, building the KB)."""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from pathlib import Path

from desktop import paths
from desktop.content.build import build_kb
from desktop.content.load import load_content


def _timed(fn: object) -> float:
    started = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - started


def run() -> list[dict[str, object]]:
    from desktop.packs.apply import apply_pack, rollback
    from desktop.packs.archive import verify_pack
    from desktop.packs.build import build_pack
    from desktop.packs.keys import generate_keypair, trust_key, write_keypair

    data = paths.data_dir()
    saved = os.environ.get("CARTREF_HOME")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["CARTREF_HOME"] = str(root / "home")
        try:
            key = generate_keypair("bench")
            _, pub = write_keypair(key, root / "bench.key")
            trust_key(pub)
            pack = root / "bench.cartpack"
            t_build = _timed(lambda: build_pack(data, key, "9999.1", pack))
            f_build = _timed(lambda: load_content(data))
            t_verify = _timed(lambda: verify_pack(pack))

            def inflate() -> None:
                with zipfile.ZipFile(pack) as zf:
                    for name in zf.namelist():
                        zf.read(name)

            f_verify = _timed(inflate)
            t_apply = _timed(lambda: apply_pack(pack))
            f_apply = _timed(lambda: build_kb(data, root / "floor.sqlite"))
            t_rollback = _timed(rollback)
            size_kib = pack.stat().st_size / 1024
        finally:
            if saved is None:
                os.environ.pop("CARTREF_HOME", None)
            else:
                os.environ["CARTREF_HOME"] = saved
    return [
        {"name": "pack build (data/)", "value": t_build * 1000, "unit": "ms", "budget": 10_000.0, "floor": f_build * 1000},
        {"name": "pack verify (signature + every hash)", "value": t_verify * 1000, "unit": "ms", "budget": 2_000.0, "floor": f_verify * 1000},
        {"name": "pack apply (verify, build, verify_kb, swap)", "value": t_apply * 1000, "unit": "ms", "budget": 30_000.0, "floor": f_apply * 1000},
        {"name": "pack rollback", "value": t_rollback * 1000, "unit": "ms", "budget": 1_000.0, "floor": ""},
        {"name": "pack size (data/)", "value": size_kib, "unit": "KiB", "budget": 50_000.0, "floor": ""},
    ]
