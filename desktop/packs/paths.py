"""Names inside a pack: only plain relative paths that cannot escape the extraction folder."""

from __future__ import annotations

import re

from desktop.packs.errors import PackProblem

_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
MAX_NAME = 400


def check_member_name(name: str) -> None:
    """Refuse absolute paths, drive letters, backslashes, `..`, `.`, empty parts and control chars."""

    def unsafe(why: str) -> PackProblem:
        return PackProblem("unsafe-path", f"The pack contains an unsafe file path {name!r} ({why}), so it was not applied.")

    if not name or len(name) > MAX_NAME:
        raise unsafe("empty or too long")
    if name.startswith("/") or _DRIVE.match(name):
        raise unsafe("absolute path")
    if "\\" in name:
        raise unsafe("backslash")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise unsafe("control character")
    parts = name.split("/")
    for part in parts:
        if part == "..":
            raise unsafe("goes up with ..")
        if part in ("", "."):
            raise unsafe("empty or . part")
        if part != part.rstrip(" .") or _WINDOWS_RESERVED.match(part) or ":" in part:
            raise unsafe("not portable")
