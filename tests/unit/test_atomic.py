"""Atomic writes: the target is either the old file or the complete new one, never a part."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.atomic import atomic_path, write_bytes_atomic


def test_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_bytes_atomic(target, b"new", mode=0o644)
    assert target.read_bytes() == b"new"
    # Windows has no POSIX modes: a file is read-only (0o444) or not (0o666)
    assert target.stat().st_mode & 0o777 == (0o666 if sys.platform == "win32" else 0o644)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failure_midway_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "kb.sqlite"
    target.write_bytes(b"old")
    with pytest.raises(OSError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kb.sqlite"]
