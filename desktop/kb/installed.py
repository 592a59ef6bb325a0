"""Which installed KB files are current and previous: the pointer file `kb/installed.txt`.

Content packs install each KB under a name of its own (`kb/kb-<pack version>-<random>.sqlite`)
and never replace, rename or delete a KB file while it is named current or previous. What
changes which KB is in use is one atomic replacement of this small pointer (packs.apply), so
a window or any other reader may hold a KB open during an update: Windows refuses to replace,
rename or delete a file that is open (SQLite opens it without FILE_SHARE_DELETE), POSIX does
not care. Files no longer named here are deleted later, when nothing holds them.

The pointer is plain text (start-up reads it and need not import json):

    cartref-kb 1
    current kb-2026.12.1-3f9a0c12.sqlite
    previous kb-2026.11.25-77aa0e01.sqlite

A missing line means none (after a rollback to the bundled KB there is no current). With no
pointer at all, the layout before it is read: `current.sqlite` and `previous.sqlite` (an
install made by an older version, or a KB put in kb/ by hand). The next apply or rollback
writes a pointer naming those files as they are, so migrating renames nothing that may be open.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from desktop import paths
from desktop.errors import KBError
from desktop.readlimits import read_regular

POINTER = "installed.txt"
HEADER = "cartref-kb 1"
LEGACY_CURRENT = "current.sqlite"
LEGACY_PREVIOUS = "previous.sqlite"
MAX_POINTER_BYTES = 4096
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_NAME_CHARS = _ALNUM | frozenset("._-")
# (no regular expressions: start-up reads the pointer, and compiling one costs ~1 ms)


class Installed(NamedTuple):
    current: Path | None
    """The installed KB in use (None: the program uses its bundled KB). A file the pointer
    names may be missing or damaged: that is damage, reported when it is opened."""
    previous: Path | None
    """The KB `pack rollback` restores (None: rollback goes back to the bundled KB)."""
    pointer: bool
    """Read from the pointer (False: the layout before it, or nothing installed yet)."""


def is_kb_name(name: str) -> bool:
    """A plain file name in kb/ (no folder, not hidden, not a temporary file)."""
    return (name.endswith(".sqlite") and len(name) <= 134 and name[0] in _ALNUM
            and all(c in _NAME_CHARS for c in name))


def _made_by_packs(name: str) -> bool:
    """KB files packs make (or made, before the pointer): the only ones ever deleted as unused."""
    return is_kb_name(name) and (name.startswith("kb-") or name in (LEGACY_CURRENT, LEGACY_PREVIOUS))


def pointer_path() -> Path:
    return paths.installed_kb_dir() / POINTER


def read_installed() -> Installed:
    """The current and previous installed KBs. Raises KBError when the pointer is damaged."""
    kb_dir = paths.installed_kb_dir()
    target = kb_dir / POINTER
    try:
        data = read_regular(target, MAX_POINTER_BYTES)
    except FileNotFoundError:
        if os.path.lexists(target):  # a dangling link is damage, not absence
            raise KBError(f"the record of installed knowledge bases is damaged: {target}") from None
        current, previous = kb_dir / LEGACY_CURRENT, kb_dir / LEGACY_PREVIOUS
        return Installed(current if os.path.lexists(current) else None,
                         previous if os.path.lexists(previous) else None, False)
    except (OSError, ValueError) as exc:  # a folder, a FIFO, a huge file
        raise KBError(f"the record of installed knowledge bases cannot be read ({exc}): {target}") from None
    names = parse_pointer(data)
    if names is None:
        raise KBError(f"the record of installed knowledge bases is damaged: {target}")
    current_name, previous_name = names
    return Installed(kb_dir / current_name if current_name else None,
                     kb_dir / previous_name if previous_name else None, True)


def parse_pointer(data: bytes) -> tuple[str | None, str | None] | None:
    """(current name, previous name) from the pointer's bytes, or None when they are not ours."""
    try:
        lines = data.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return None
    if not lines or lines[0] != HEADER:
        return None
    found: dict[str, str] = {}
    for line in lines[1:]:
        key, _, name = line.partition(" ")
        if key not in ("current", "previous") or key in found or not is_kb_name(name):
            return None
        found[key] = name
    if found.get("current") is not None and found.get("current") == found.get("previous"):
        return None
    return found.get("current"), found.get("previous")


def format_pointer(current: str | None, previous: str | None) -> bytes:
    lines = [HEADER]
    for key, name in (("current", current), ("previous", previous)):
        if name is not None:
            if not is_kb_name(name):
                raise ValueError(f"not a KB file name: {name!r}")
            lines.append(f"{key} {name}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def current_path() -> Path | None:
    """The installed KB in use, or None; raises KBError when the pointer is damaged."""
    return read_installed().current


def unused_files() -> list[Path]:
    """KB files in kb/ that are neither current nor previous (to delete once nothing holds them
    open): files the pointer stopped naming, and new files an update killed before its commit
    left behind. Empty when the pointer is damaged (nothing is known to be unused then)."""
    try:
        installed = read_installed()
    except KBError:
        return []
    keep = {p.name for p in (installed.current, installed.previous) if p is not None}
    kb_dir = paths.installed_kb_dir()
    try:
        names = sorted(os.listdir(kb_dir))
    except OSError:
        return []
    return [kb_dir / n for n in names if _made_by_packs(n) and n not in keep and (kb_dir / n).is_file()]
