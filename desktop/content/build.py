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
from desktop.content.tables import CITY_PENDING
from desktop.errors import ContentError
from desktop.fileio import atomic_path
from desktop.kb import schema
from desktop.kb.compare import COHORT_LABELS, METRIC_LABELS, arm_label, cohort_label, metric_label
from desktop.kb.segment import Segmenter, cjk_runs, title_key
from desktop.kb.text import normalise
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
    list_columns = {"codes", "key_trials", "source_ids", "registry_ids", "therapies", "trials", "refs"}
    pks: dict[str, str | tuple[str, ...]] = {
        "sources": "id",
        "therapies": "id",
        "trials": "id",
        "outcomes": "id",
        "articles": ("id", "lang"),
        "glossary": "id",
        "centers": "id",
        "corrections": "id",
    }
    counts: dict[str, int] = {}
    for table in ("sources", "therapies", "approvals", "therapy_labels", "warnings", "trials", "outcomes", "articles", "glossary", "synonyms", "centers", "corrections"):
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
        places.locate_centres(db, CITY_PENDING)
        counts.update(rules.populate(db, content))
    return counts


_EMPTY_COLUMNS: dict[str, dict[str, type]] = {
    "sources": {"id": str, "kind": str, "grade": str, "title": str},
    "therapies": {"id": str, "name_en": str},
    "approvals": {"therapy_id": str, "region": str, "date": str, "kind": str},
    "therapy_labels": {"therapy_id": str, "region": str, "version": str, "read_via": str, "read_on": str,
                       "source_ids": str},
    "warnings": {"therapy_id": str, "text_en": str},
    "trials": {"id": str, "name": str, "therapy_id": str},
    "outcomes": {"id": str, "trial_id": str, "metric": str, "value": float},
    "articles": {"id": str, "lang": str, "title": str, "body_md": str},
    "glossary": {"id": str, "term_en": str},
    "synonyms": {"group_id": int, "term": str},
    "centers": {"id": str, "name_en": str, "lat": float, "lon": float},
    "corrections": {"id": str, "date": str, "what_en": str, "what_zh": str, "reason_en": str, "reason_zh": str,
                    "refs": str, "source_ids": str},
}


def _create_empty(db: sqlite_utils.Database, table: str) -> None:
    db.table(table).create(_EMPTY_COLUMNS[table], if_not_exists=True)


# -- search documents --------------------------------------------------------------------
def _docs(content: Content) -> Iterable[tuple[str, str, str, str, str]]:
    """(kind, ref_id, lang, title, body) for everything search should find."""
    trial_names = {t["id"]: t["name"] for t in content.rows("trials")}
    trial_zh = {t["id"]: t.get("name_zh") or t["name"] for t in content.rows("trials")}
    therapy_names = {t["id"]: t["name_en"] for t in content.rows("therapies")}
    therapy_zh = {t["id"]: t["name_zh"] for t in content.rows("therapies")}
    trial_therapy = {t["id"]: t["therapy_id"] for t in content.rows("trials")}
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
            # the Chinese name (or description) first, so the snippet starts in Chinese
            product = therapy_zh.get(t["therapy_id"]) or therapy_names.get(t["therapy_id"], "")
            zh_base = " ".join(x for x in (t.get("name_zh", ""), t["name"], product, t["phase"], *t["registry_ids"]) if x)
            yield "trial", t["id"], "zh-Hans", trial_zh[t["id"]], " ".join([t["design_zh"], t["population_zh"], zh_base])
    for o in content.rows("outcomes"):
        name = trial_names.get(o["trial_id"], o["trial_id"])
        metric = metric_label(o["metric"])
        # Readable labels, not ids (review D30: "(all, car-t, JAMA Oncol 2024)").
        title = f"{name}: {metric} ({cohort_label(o['cohort'])}, {arm_label(o['arm'])}, {o['data_cut']})"
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
        # The same record in Chinese, so Chinese questions reach trial results (issue 17).
        tid = trial_therapy.get(o["trial_id"], "")
        metric_zh, cohort_zh = metric_label(o["metric"], "zh-Hans"), cohort_label(o["cohort"], "zh-Hans")
        arm_zh = "" if o["arm"] == "car-t" else "，" + arm_label(o["arm"], "zh-Hans")
        title_zh = f"{trial_zh.get(o['trial_id'], name)}：{metric_zh}（{cohort_zh}{arm_zh}，{o['data_cut']}）"
        body_zh = "，".join(
            x
            for x in (name, therapy_zh.get(tid, ""), therapy_names.get(tid, ""), metric_zh, cohort_zh, metric,
                      _METRIC_WORDS.get(o["metric"], ""), value, o["unit"], o["data_cut"])
            if x
        )
        yield "outcome", o["id"], "zh-Hans", title_zh, body_zh
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


def _pivotal_outcomes(content: Content) -> set[str]:
    """Outcome ids of each product's pivotal trial (its first key trial): asked for a product's
    results, search shows these before an early phase 1 of the same product (other trials'
    results are weighted 0.6)."""
    first = {t["key_trials"][0] for t in content.rows("therapies") if t.get("key_trials")}
    return {o["id"] for o in content.rows("outcomes") if o["trial_id"] in first}


def search_words(content: Content) -> list[str]:
    """The Chinese words the segmenter knows: the KB's own terms, never article prose."""
    terms: list[str] = []
    terms += [s["term"] for s in content.rows("synonyms")]
    terms += [s["term"] for s in content.rows("lay_terms")]
    terms += [s["term"] for s in content.rows("search_filler")]
    terms += [g["term_zh"] for g in content.rows("glossary") if g.get("term_zh")]
    terms += [t["name_zh"] for t in content.rows("therapies") if t.get("name_zh")]
    terms += [metric_label(m, "zh-Hans") for m in METRIC_LABELS]
    terms += [cohort_label(c, "zh-Hans") for c in COHORT_LABELS]
    terms += [c["name_zh"] for c in content.rows("centers") if c.get("name_zh")]
    terms += [c["city_zh"] for c in content.rows("centers") if c.get("city_zh")]
    return sorted({run for term in terms for run in cjk_runs(normalise(term)) if len(run) >= 2})


def _write_search_index(db: sqlite_utils.Database, content: Content) -> int:
    conn = db.conn
    conn.execute(schema.FTS_CREATE)
    conn.execute(schema.FTS_VOCAB_CREATE)
    words = search_words(content)
    seg = Segmenter(words)
    pivotal = _pivotal_outcomes(content)
    rows: list[tuple[object, ...]] = []
    docs = list(_docs(content))
    for kind, ref, lang, title, body in docs:  # rowid = position in docs (search_rows says so)
        title_text, title_extra = seg.index_fields(title)
        body_text, body_extra = seg.index_fields(body)
        weight = 0.6 if kind == "outcome" and ref not in pivotal else None
        rows.append((len(rows) + 1, title_text, body_text, f"{title_extra} {body_extra}".strip(), kind, ref, lang, weight))
    conn.executemany(
        f"INSERT INTO {schema.FTS_TABLE}(rowid, title, body, extra, kind, ref_id, lang, weight) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(f"INSERT INTO {schema.FTS_TABLE}({schema.FTS_TABLE}) VALUES ('optimize')")
    # Which index row holds a record in a language: a hit is shown in the reader's language
    # even when the other language's row ranked it (UNINDEXED columns cannot be looked up).
    # `title_key` finds a record whose title is exactly the query (it is listed first).
    # `patient` marks the patient articles, which a question in everyday words ranks first.
    audience = {(a["id"], a["lang"]): a["audience"] for a in content.rows("articles")}
    conn.execute("CREATE TABLE search_rows (kind TEXT NOT NULL, ref_id TEXT NOT NULL, lang TEXT NOT NULL, "
                 "row INTEGER NOT NULL, title_key TEXT NOT NULL, patient INTEGER NOT NULL, "
                 "PRIMARY KEY (kind, ref_id, lang)) WITHOUT ROWID")
    conn.executemany(
        "INSERT OR IGNORE INTO search_rows VALUES (?, ?, ?, ?, ?, ?)",
        [(kind, ref, lang, rowid, title_key(title), int(kind == "article" and audience.get((ref, lang)) == "patient"))
         for rowid, (kind, ref, lang, title, _body) in enumerate(docs, start=1)],
    )
    conn.execute("CREATE INDEX search_rows_title ON search_rows(title_key)")
    # Normalised synonym terms, for query expansion.
    conn.execute("CREATE TABLE synonym_terms (norm TEXT NOT NULL, group_id INTEGER NOT NULL)")
    conn.executemany(
        "INSERT INTO synonym_terms(norm, group_id) VALUES (?, ?)",
        sorted({(normalise(s["term"]).strip(), s["group_id"]) for s in content.rows("synonyms")}),
    )
    conn.execute("CREATE INDEX synonym_terms_norm ON synonym_terms(norm)")
    # Lay words (one way: a lay term finds its group's `finds` terms), question filler, and
    # the segmenter's dictionary: all read by kb/search.py.
    conn.execute("CREATE TABLE lay_terms (norm TEXT NOT NULL, group_id INTEGER NOT NULL, role TEXT NOT NULL)")
    conn.executemany(
        "INSERT INTO lay_terms(norm, group_id, role) VALUES (?, ?, ?)",
        # In file order: the first lay word of a group is the one offered when nothing is found.
        list(dict.fromkeys((normalise(s["term"]).strip(), s["group_id"], s["role"]) for s in content.rows("lay_terms"))),
    )
    conn.execute("CREATE TABLE search_filler (norm TEXT PRIMARY KEY)")
    conn.executemany("INSERT OR IGNORE INTO search_filler(norm) VALUES (?)",
                     sorted({(normalise(s["term"]).strip(),) for s in content.rows("search_filler")}))
    conn.execute("CREATE TABLE search_routes (norm TEXT NOT NULL, route TEXT NOT NULL)")
    conn.executemany("INSERT INTO search_routes(norm, route) VALUES (?, ?)",
                     sorted({(normalise(s["term"]).strip(), s["route"]) for s in content.rows("search_routes")}))
    conn.execute("CREATE TABLE search_words (word TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO search_words(word) VALUES (?)", [(w,) for w in words])
    return len(rows)
