"""Bookmarks: a page the user wants to find again (kind + id, as in the window's links)."""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from desktop.userdata.db import now_iso


class Bookmark(NamedTuple):
    kind: str
    ref_id: str
    title: str
    created_at: str

    @property
    def link(self) -> str:
        return f"{self.kind}:{self.ref_id}"


def split_link(link: str) -> tuple[str, str]:
    """`"therapy:eque-cel"` -> `("therapy", "eque-cel")`; raises ValueError on a bare word."""
    kind, sep, ref = link.partition(":")
    if not sep or not kind or not ref:
        raise ValueError(f"not a page link: {link!r}")
    return kind, ref


def add(conn: sqlite3.Connection, kind: str, ref_id: str, title: str = "") -> None:
    """Add or re-title a bookmark (adding twice keeps one)."""
    conn.execute(
        "INSERT INTO bookmarks (kind, ref_id, title, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (kind, ref_id) DO UPDATE SET title=excluded.title",
        (kind, ref_id, title, now_iso()),
    )


def remove(conn: sqlite3.Connection, kind: str, ref_id: str) -> bool:
    cur = conn.execute("DELETE FROM bookmarks WHERE kind=? AND ref_id=?", (kind, ref_id))
    return cur.rowcount > 0


def exists(conn: sqlite3.Connection, kind: str, ref_id: str) -> bool:
    return conn.execute("SELECT 1 FROM bookmarks WHERE kind=? AND ref_id=?", (kind, ref_id)).fetchone() is not None


def toggle(conn: sqlite3.Connection, kind: str, ref_id: str, title: str = "") -> bool:
    """Add when absent, remove when present; returns whether it is bookmarked afterwards."""
    if exists(conn, kind, ref_id):
        remove(conn, kind, ref_id)
        return False
    add(conn, kind, ref_id, title)
    return True


def list_all(conn: sqlite3.Connection) -> list[Bookmark]:
    rows = conn.execute("SELECT kind, ref_id, title, created_at FROM bookmarks ORDER BY created_at DESC, id DESC")
    return [Bookmark(r["kind"], r["ref_id"], r["title"], r["created_at"]) for r in rows]
