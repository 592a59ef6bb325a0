"""Check a built KB: SQLite integrity plus the content rules the build enforces."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from desktop.kb import schema

_CITING_TABLES = ("therapies", "approvals", "therapy_labels", "warnings", "trials", "outcomes", "articles", "glossary", "centers", "rules", "regulatory_events", "corrections")


def verify_kb(path: Path) -> list[str]:
    """Problems found (empty list = the KB is sound). Never raises for a bad file."""
    if not Path(path).is_file():
        return [f"{path}: file not found"]
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"{path}: cannot open: {exc}"]
    try:
        return _verify(conn)
    except sqlite3.DatabaseError as exc:
        return [f"{path}: damaged: {exc}"]
    except (ValueError, TypeError, RecursionError) as exc:  # a value no build writes (F22)
        return [f"{path}: damaged: {type(exc).__name__}: {exc}"]
    finally:
        conn.close()


def _verify(conn: sqlite3.Connection) -> list[str]:
    problems: list[str] = []
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        return [f"integrity_check: {'; '.join(result[:5])}"]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    required = {"meta", "sources", "therapies", "trials", "outcomes", "articles", "glossary", "centers", schema.FTS_TABLE}
    missing = sorted(required - tables)
    if missing:
        return [f"missing tables: {', '.join(missing)}"]
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    for key in ("schema_version", "kb_version", "content_date", "content_hash"):
        if not meta.get(key):
            problems.append(f"meta: missing {key}")
    if meta.get("schema_version") != str(schema.SCHEMA_VERSION):
        problems.append(f"meta: schema {meta.get('schema_version')} is not {schema.SCHEMA_VERSION}")
    sources = {r[0] for r in conn.execute("SELECT id FROM sources")}
    for table in _CITING_TABLES:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")}
        if "source_ids" not in columns:
            continue
        key = "id" if "id" in columns else "rowid"
        for ident, raw in conn.execute(f"SELECT {key}, source_ids FROM [{table}]"):
            try:
                ids = json.loads(raw or "[]")
            except (ValueError, RecursionError):
                problems.append(f"{table} {ident}: source_ids is not valid JSON")
                continue
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                problems.append(f"{table} {ident}: source_ids is not a list of ids")
                continue
            if not ids and table not in ("articles", "corrections"):
                problems.append(f"{table} {ident}: no source_ids")
            for sid in ids:
                if sid not in sources:
                    problems.append(f"{table} {ident}: unknown source {sid}")
    trials = {r[0] for r in conn.execute("SELECT id FROM trials")}
    for oid, trial, unit, value in conn.execute("SELECT id, trial_id, unit, value FROM outcomes"):
        if trial not in trials:
            problems.append(f"outcome {oid}: unknown trial {trial}")
        low, high = schema.UNIT_RANGES.get(unit, (float("-inf"), float("inf")))
        if value is not None and not low <= float(value) <= high:
            problems.append(f"outcome {oid}: {value} outside {low:g}–{high:g}")
    for cid, lat, lon in conn.execute("SELECT id, lat, lon FROM centers"):
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(f"centre {cid}: bad coordinates")
    for aid, lang, reviewed in conn.execute("SELECT id, lang, reviewed_on FROM articles"):
        if not reviewed:
            problems.append(f"article {aid} ({lang}): no reviewed_on")
    docs = conn.execute(f"SELECT count(*) FROM {schema.FTS_TABLE}").fetchone()[0]
    if docs == 0:
        problems.append("search index is empty")
    return problems
