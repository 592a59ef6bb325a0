"""Reading history: every page opened, newest first, trimmed so it never grows without end."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from desktop.userdata.db import now_iso

KEEP = 1000


class Visit(NamedTuple):
    link: str
    title: str
    visited_at: str


def record(conn: sqlite3.Connection, link: str, title: str = "", keep: int = KEEP) -> None:
    """Remember a visit; a page opened again right after itself is stored once."""
    last = conn.execute("SELECT link FROM history ORDER BY id DESC LIMIT 1").fetchone()
    if last is not None and last["link"] == link:
        conn.execute("UPDATE history SET visited_at=?, title=? WHERE id=(SELECT max(id) FROM history)", (now_iso(), title))
        return
    conn.execute("INSERT INTO history (link, title, visited_at) VALUES (?, ?, ?)", (link, title, now_iso()))
    conn.execute("DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - ?", (keep,))


def recent(conn: sqlite3.Connection, limit: int = 50) -> list[Visit]:
    rows = conn.execute("SELECT link, title, visited_at FROM history ORDER BY id DESC LIMIT ?", (limit,))
    return [Visit(r["link"], r["title"], r["visited_at"]) for r in rows]


def clear(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM history")
