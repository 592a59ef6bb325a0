"""data/ -> kb.sqlite with sqlite-utils: validated, deterministic, written atomically.

The database is written to a temporary file beside the target and renamed into place, so a
crash mid-build never leaves a half-written KB where the program looks for one.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from desktop.content import places, rules
from desktop.content.checker import Content
from desktop.content.load import load_content
from desktop.errors import ContentError
from desktop.fileio import atomic_path
from desktop.kb import schema
from desktop.kb.compare import metric_label
from desktop.kb.text import index_text, normalise
from desktop.markup import to_plain


@dataclass(frozen=True)
class BuildResult:
    path: Path
    kb_version: str
    content_hash: str
    counts: dict[str, int]
    seconds: float


def build_kb(data_dir: Path, out_path: Path, *, extra: bool = True) -> BuildResult:
    """Validate data_dir and write the KB to out_path; raises ContentError listing problems.

    `extra=False` leaves out the place and rule tables (a quick KB for tests of the core ones).
    """
    started = time.perf_counter()
    content = load_content(data_dir)
    if content.problems:
        raise ContentError(content.problems)
    out_path = out_path.resolve()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    # 0644: a KB is a read-only reference every user of a shared install (/opt/cartref) must read.
    with atomic_path(out_path, mode=0o644) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            db = sqlite_utils.Database(conn)
            counts = _write(db, content, extra=extra)
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
    return BuildResult(out_path, content.kb_version, content.content_hash, counts, time.perf_counter() - started)


def _write(db: sqlite_utils.Database, content: Content, *, extra: bool) -> dict[str, int]:
    meta = {
        "schema_version": str(schema.SCHEMA_VERSION),
        "kb_version": content.kb_version,
        "content_date": content.content_date,
        "content_hash": content.content_hash,
    }
    db.table("meta").insert_all(({"key": k, "value": v} for k, v in sorted(meta.items())), pk="key")
    list_columns = {"codes", "key_trials", "source_ids", "registry_ids", "therapies", "trials"}
    pks: dict[str, str | tuple[str, ...]] = {
        "sources": "id",
        "therapies": "id",
        "trials": "id",
        "outcomes": "id",
        "articles": ("id", "lang"),
        "glossary": "id",
        "centers": "id",
    }
    counts: dict[str, int] = {}
    for table in ("sources", "therapies", "approvals", "warnings", "trials", "outcomes", "articles", "glossary", "synonyms", "centers"):
        rows = content.rows(table)
        prepared = [
            {k: (schema.list_json(v) if k in list_columns else v) for k, v in row.items() if k not in ("line", "file")}
            for row in rows
        ]
        if prepared:
            pk = pks.get(table)
            if pk:
                db.table(table).insert_all(prepared, pk=pk)
            else:
                db.table(table).insert_all(prepared)
        else:
            _create_empty(db, table)
        counts[table] = len(rows)
    db.table("synonyms").create_index(["group_id"], if_not_exists=True)
    db.table("outcomes").create_index(["trial_id"], if_not_exists=True)
    counts["search_docs"] = _write_search_index(db, content)
    if extra:
        counts.update(places.populate(db))
        counts.update(rules.populate(db, content))
    return counts


_EMPTY_COLUMNS: dict[str, dict[str, type]] = {
    "sources": {"id": str, "kind": str, "grade": str, "title": str},
    "therapies": {"id": str, "name_en": str},
    "approvals": {"therapy_id": str, "region": str, "date": str},
    "warnings": {"therapy_id": str, "text_en": str},
    "trials": {"id": str, "name": str, "therapy_id": str},
    "outcomes": {"id": str, "trial_id": str, "metric": str, "value": float},
    "articles": {"id": str, "lang": str, "title": str, "body_md": str},
    "glossary": {"id": str, "term_en": str},
    "synonyms": {"group_id": int, "term": str},
    "centers": {"id": str, "name_en": str, "lat": float, "lon": float},
}


def _create_empty(db: sqlite_utils.Database, table: str) -> None:
    db.table(table).create(_EMPTY_COLUMNS[table], if_not_exists=True)


# -- search documents --------------------------------------------------------------------
def _docs(content: Content) -> Iterable[tuple[str, str, str, str, str]]:
    """(kind, ref_id, lang, title, body) for everything search should find."""
    trial_names = {t["id"]: t["name"] for t in content.rows("trials")}
    therapy_names = {t["id"]: t["name_en"] for t in content.rows("therapies")}
    for t in content.rows("therapies"):
        names = " ".join([t["name_en"], t["brand"], *t["codes"], t["target"]])
        yield "therapy", t["id"], "en", f"{t['name_en']} ({t['brand']})" if t["brand"] else t["name_en"], " ".join(
            [names, t["company"], t["construct_en"], t["dose_en"], t["summary_en"]]
        )
        if t["name_zh"] or t["summary_zh"]:
            yield "therapy", t["id"], "zh-Hans", t["name_zh"] or t["name_en"], " ".join(
                [names, t["construct_zh"], t["dose_zh"], t["summary_zh"]]
            )
    for a in content.rows("articles"):
        yield "article", a["id"], a["lang"], a["title"], to_plain(a["body_md"])
    for t in content.rows("trials"):
        base = " ".join([t["name"], therapy_names.get(t["therapy_id"], ""), t["phase"], *t["registry_ids"]])
        yield "trial", t["id"], "en", t["name"], " ".join([base, t["design_en"], t["population_en"]])
        if t["design_zh"] or t["population_zh"]:
            yield "trial", t["id"], "zh-Hans", t["name"], " ".join([base, t["design_zh"], t["population_zh"]])
    for o in content.rows("outcomes"):
        name = trial_names.get(o["trial_id"], o["trial_id"])
        metric = metric_label(o["metric"])
        title = f"{name}: {metric} ({o['cohort']}, {o['arm']}, {o['data_cut']})"
        value = "" if o["value"] is None else f"{o['value']:g}"
        body = " ".join(
            x
            for x in (
                name,
                metric,
                _METRIC_WORDS.get(o["metric"], ""),
                value,
                o["unit"],
                o["data_cut"],
                o["note"],
            )
            if x
        )
        yield "outcome", o["id"], "en", title, body
    for g in content.rows("glossary"):
        # Empty parts left out: a body that starts with a space shows as a snippet that does.
        yield "glossary", g["id"], "en", g["term_en"], " ".join(filter(None, [g["abbr"], g["patient_en"], g["clinician_en"]]))
        if g["term_zh"]:
            yield "glossary", g["id"], "zh-Hans", g["term_zh"], " ".join(filter(None, [g["abbr"], g["patient_zh"], g["clinician_zh"]]))
    for c in content.rows("centers"):
        place = " ".join(filter(None, [c["city"], c["province"], c["country"]]))
        yield "center", c["id"], "en", c["name_en"], " ".join([place, c["role_en"], *c["therapies"], *c["trials"]])
        if c["name_zh"]:
            yield "center", c["id"], "zh-Hans", c["name_zh"], " ".join([c["city_zh"], place, c["role_zh"]])


_METRIC_WORDS = {
    "orr": "overall response rate ORR",
    "cr_or_better": "complete response or better CR",
    "scr": "stringent complete response sCR",
    "mrd_neg": "minimal residual disease negativity MRD",
    "pfs_median": "median progression-free survival PFS",
    "pfs_12mo": "12-month progression-free survival PFS",
    "pfs_24mo": "24-month progression-free survival PFS",
    "crs_any": "cytokine release syndrome CRS any grade",
    "crs_grade3plus": "cytokine release syndrome CRS grade 3 or higher",
    "icans_any": "ICANS neurotoxicity any grade",
    "icans_grade3plus": "ICANS neurotoxicity grade 3 or higher",
    "median_prior_lines": "median prior lines of therapy",
    "n_infused": "patients infused",
    "os_median": "median overall survival OS",
    "dor_median": "median duration of response DOR",
}


def _write_search_index(db: sqlite_utils.Database, content: Content) -> int:
    conn = db.conn
    conn.execute(schema.FTS_CREATE)
    conn.execute(schema.FTS_VOCAB_CREATE)
    rows = [
        (index_text(title), index_text(body), kind, ref, lang)
        for kind, ref, lang, title, body in _docs(content)
    ]
    conn.executemany(
        f"INSERT INTO {schema.FTS_TABLE}(title, body, kind, ref_id, lang) VALUES (?, ?, ?, ?, ?)", rows
    )
    conn.execute(f"INSERT INTO {schema.FTS_TABLE}({schema.FTS_TABLE}) VALUES ('optimize')")
    # Normalised synonym terms, for query expansion.
    conn.execute("CREATE TABLE synonym_terms (norm TEXT NOT NULL, group_id INTEGER NOT NULL)")
    conn.executemany(
        "INSERT INTO synonym_terms(norm, group_id) VALUES (?, ?)",
        sorted({(normalise(s["term"]).strip(), s["group_id"]) for s in content.rows("synonyms")}),
    )
    conn.execute("CREATE INDEX synonym_terms_norm ON synonym_terms(norm)")
    return len(rows)
