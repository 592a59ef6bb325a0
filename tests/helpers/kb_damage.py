"""Damage a KB file the way a bad sector or an interrupted copy would: one page in the middle."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def damage_middle_page(kb_file: Path) -> None:
    """Overwrite the start of the middle page: the header and the meta table still read fine,
    so the file opens, and only the whole-file check finds the damage."""
    with sqlite3.connect(kb_file) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(kb_file.read_bytes())
    middle = (len(data) // page // 2) * page
    data[middle: middle + 64] = b"\xff" * 64
    kb_file.write_bytes(bytes(data))
