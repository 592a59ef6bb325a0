"""Temporary and journal files a kill or a full disk left behind, removed at the next start (F5).

An atomic write leaves `.NAME.XXXX.tmp` when it is killed; SQLite writing such a file (a KB build)
leaves `.NAME.XXXX.tmp-journal` (or `-wal`, `-shm`) beside it, which nothing else ever removes and
which SQLite would treat as a hot journal for a new file of the same name. A repair of the user
database cut short leaves `user.sqlite.salvage`. These are removed:

- in `kb/` only while holding the knowledge-base update lock (the same lock file and `flock` as
  desktop.packs.apply), so nothing of an update in progress is touched;
- in the other folders only when older than `MIN_AGE_S`, so another window's write in progress
  (seconds) is never touched.

Ground floor: no Qt, no KB, no packs import (the lock's name is pinned by a test).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from desktop import paths

LEFTOVER = re.compile(r"^\..+\.tmp(?:-journal|-wal|-shm)?$")
SALVAGE = re.compile(r"^user\.sqlite\.salvage(?:-journal|-wal|-shm)?$")
KB_LOCK = ".lock"  # desktop.packs.apply.LOCK
MIN_AGE_S = 600.0


def is_leftover(name: str) -> bool:
    return bool(LEFTOVER.match(name) or SALVAGE.match(name))


def sweep(folder: Path, *, min_age_s: float = MIN_AGE_S, now: float | None = None) -> list[Path]:
    """Remove the leftover files in `folder` older than `min_age_s`; returns what was removed."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed  # missing or unreadable: nothing to tidy
    for entry in entries:
        if not is_leftover(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False) or now - info.st_mtime < min_age_s:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue  # read-only folder, or gone already
    return removed


def sweep_kb_dir(kb_dir: Path) -> list[Path]:
    """Leftovers in `kb/`, whatever their age, but only while no update runs (its lock is free)."""
    if not any(is_leftover(n) for n in _names(kb_dir)):
        return []  # the usual case: not even the lock file is touched
    try:
        fh = open(kb_dir / KB_LOCK, "a+b")  # noqa: SIM115 - held for the sweep
    except OSError:
        return []
    try:
        if os.name == "nt":
            import msvcrt

            try:
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            except OSError:
                return []
        else:
            import fcntl

            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return []  # an update is running: it tidies up itself
        return sweep(kb_dir, min_age_s=0.0)
    finally:
        fh.close()


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def sweep_all() -> list[Path]:
    """Every folder the program writes in; never raises (a start must not fail over tidying)."""
    removed: list[Path] = []
    with contextlib.suppress(Exception):
        home = paths.user_dir()
        for folder in (home, home / "keys", home / "packs", home / "logs"):
            removed += sweep(folder)
        kb_dir = home / "kb"
        if kb_dir.is_dir():
            removed += sweep_kb_dir(kb_dir)
    return removed
