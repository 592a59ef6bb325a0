"""A user's own note on a page. Stored only in the user database: the KB is never touched."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from desktop.userdata.db import now_iso


class Note(NamedTuple):
    link: str
    text: str
    updated_at: str


def get(conn: sqlite3.Connection, link: str) -> Note | None:
    row = conn.execute("SELECT link, text, updated_at FROM notes WHERE link=?", (link,)).fetchone()
    return Note(row["link"], row["text"], row["updated_at"]) if row else None


def save(conn: sqlite3.Connection, link: str, text: str) -> None:
    """Store the note; an empty (or all-space) note deletes it."""
    if not text.strip():
        conn.execute("DELETE FROM notes WHERE link=?", (link,))
        return
    conn.execute(
        "INSERT INTO notes (link, text, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (link) DO UPDATE SET text=excluded.text, updated_at=excluded.updated_at",
        (link, text, now_iso()),
    )


def list_all(conn: sqlite3.Connection) -> list[Note]:
    rows = conn.execute("SELECT link, text, updated_at FROM notes ORDER BY updated_at DESC")
    return [Note(r["link"], r["text"], r["updated_at"]) for r in rows]
