"""Offline feedback: zero-result searches and "problem with this page" notes.

Kept only in the user database (table `feedback`, migration 3) until the user exports them to
one small JSON file to carry back by USB. Nothing is ever sent; the user can list and clear.
"""

from __future__ import annotations

import builtins
import json
import platform
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop.errors import UserInputError
from desktop.fileio import write_bytes_atomic
from desktop.userdata.db import now_iso

MAX_TEXT = 4000
MAX_QUERY = 500
KEEP_NO_RESULTS = 500
EXPORT_FORMAT = "cartref-feedback/1"


@dataclass(frozen=True)
class FeedbackItem:
    id: int
    kind: str  # "no-results" | "page-problem"
    query: str
    page_id: str
    kb_version: str
    text: str
    created_at: str


def _one_line(text: str | None, limit: int) -> str:
    return " ".join((text or "").split())[:limit]


def record_no_results(conn: sqlite3.Connection, query: str, kb_version: str = "") -> int | None:
    """Keep a search that found nothing (the same query right after itself is kept once)."""
    q = _one_line(query, MAX_QUERY)
    if not q:
        return None
    last = conn.execute("SELECT id, query FROM feedback WHERE kind='no-results' ORDER BY id DESC LIMIT 1").fetchone()
    if last is not None and last["query"] == q:
        return int(last["id"])
    cur = conn.execute(
        "INSERT INTO feedback (kind, query, page_id, kb_version, text, created_at) VALUES ('no-results', ?, '', ?, '', ?)",
        (q, kb_version, now_iso()),
    )
    conn.execute(
        "DELETE FROM feedback WHERE kind='no-results' AND id NOT IN (SELECT id FROM feedback WHERE kind='no-results' ORDER BY id DESC LIMIT ?)",
        (KEEP_NO_RESULTS,),
    )
    return int(cur.lastrowid or 0)


def record_page_problem(conn: sqlite3.Connection, page_id: str, text: str, kb_version: str = "") -> int:
    """Keep a "report a problem with this page" note; the text is required."""
    body = (text or "").strip()[:MAX_TEXT]
    if not body:
        raise UserInputError("describe the problem before saving")
    if not page_id.strip():
        raise UserInputError("no page to report on")
    cur = conn.execute(
        "INSERT INTO feedback (kind, query, page_id, kb_version, text, created_at) VALUES ('page-problem', '', ?, ?, ?, ?)",
        (page_id.strip()[:200], kb_version, body, now_iso()),
    )
    return int(cur.lastrowid or 0)


def list_feedback(conn: sqlite3.Connection, kind: str | None = None) -> builtins.list[FeedbackItem]:
    sql = "SELECT * FROM feedback"
    params: tuple[Any, ...] = ()
    if kind:
        sql += " WHERE kind=?"
        params = (kind,)
    return [
        FeedbackItem(
            int(r["id"]), r["kind"], r["query"] or "", r["page_id"] or "", r["kb_version"] or "", r["text"] or "", r["created_at"]
        )
        for r in conn.execute(sql + " ORDER BY id", params)
    ]


def clear(conn: sqlite3.Connection) -> int:
    """Forget everything kept; returns how many items were removed."""
    return int(conn.execute("DELETE FROM feedback").rowcount or 0)


def export_payload(conn: sqlite3.Connection) -> dict[str, Any]:
    from desktop import __version__

    items = list_feedback(conn)
    return {
        "format": EXPORT_FORMAT,
        "exported_at": now_iso(),
        "program_version": __version__,
        "platform": platform.system(),
        "counts": {
            "no-results": sum(1 for i in items if i.kind == "no-results"),
            "page-problem": sum(1 for i in items if i.kind == "page-problem"),
        },
        "items": [{k: v for k, v in asdict(i).items() if k != "id"} for i in items],
    }


def export_feedback(conn: sqlite3.Connection, path: Path) -> int:
    """Write all kept feedback to `path` as one JSON file, atomically; returns the item count."""
    from desktop.outputs import check_output_file, check_written

    path = check_output_file(path)  # never over a device, a folder or a pipe (F15)
    payload = export_payload(conn)
    data = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    write_bytes_atomic(path, data)
    check_written(path, len(data))
    return len(payload["items"])


# The public name other modules use: `feedback.list(conn)`.
list = list_feedback
