"""Loaders for the small tables of data/: kb.yaml, sources, glossary, synonyms, centres."""

from __future__ import annotations

import re

from desktop.content.checker import SOURCE_ID_RE, Checker, list_value, text_value
from desktop.content.yamlload import line_of
from desktop.kb import schema


def load_meta(checker: Checker) -> None:
    """data/kb.yaml: the version and content date every KB and pack carries."""
    path = checker.data_dir / "kb.yaml"
    meta = checker.load_yaml(path) if path.exists() else None
    if not isinstance(meta, dict):
        checker.problem(path, 1, "data/kb.yaml must give `version` and `content_date`")
        return
    checker.content.kb_version = text_value(meta.get("version"))
    checker.content.content_date = checker.date(path, line_of(meta), meta.get("content_date"), "content_date")
    if not checker.content.kb_version:
        checker.problem(path, line_of(meta), "data/kb.yaml is missing `version`")


def load_sources(checker: Checker) -> None:
    """sources.yaml first: every other table is checked against these citation ids."""
    path = checker.data_dir / "sources.yaml"
    if not path.exists():
        checker.problem(path, 1, "missing data/sources.yaml")
        return
    items = checker.load_yaml(path)
    if items is None:
        return
    if not isinstance(items, list):
        checker.problem(path, 1, "sources.yaml must be a list of citations")
        return
    seen: dict[str, int] = {}
    for item in items:
        line = line_of(item)
        if not isinstance(item, dict):
            checker.problem(path, line, "each source must be a mapping")
            continue
        if not checker.require(path, item, ("id", "kind", "title"), "source"):
            continue
        sid = str(item["id"]).strip()
        if not SOURCE_ID_RE.match(sid):
            checker.problem(path, line, f"bad source id {sid!r}")
            continue
        if not checker.unique(seen, path, line, sid, "source"):
            continue
        kind = str(item.get("kind", ""))
        if kind not in schema.SOURCE_KINDS:
            checker.problem(path, line, f"source kind {kind!r} is not one of {', '.join(schema.SOURCE_KINDS)}")
        grade = str(item.get("grade", "P"))
        if grade not in schema.GRADES:
            checker.problem(path, line, f"source grade {grade!r} is not P, C or S")
        checker.source_ids.add(sid)
        checker.content.rows("sources").append(
            {
                "id": sid,
                "kind": kind,
                "grade": grade,
                "authors": text_value(item.get("authors")),
                "title": text_value(item.get("title")),
                "journal": text_value(item.get("journal")),
                "year": text_value(item.get("year")),
                "volume": text_value(item.get("volume")),
                "doi": text_value(item.get("doi")),
                "pmid": text_value(item.get("pmid")),
                "nct": text_value(item.get("nct")),
                "url": text_value(item.get("url")),
                "note": text_value(item.get("note")),
                "reviewed_on": checker.date(path, line, item.get("reviewed_on"), "reviewed_on", required=False),
            }
        )


def load_glossary(checker: Checker) -> None:
    """glossary.yaml: terms the reader links and the search finds, each cited."""
    path = checker.data_dir / "glossary" / "glossary.yaml"
    if not path.exists():
        return
    items = checker.load_yaml(path)
    if not isinstance(items, list):
        if items is not None:
            checker.problem(path, 1, "glossary.yaml must be a list")
        return
    seen: dict[str, int] = {}
    for item in items:
        line = line_of(item)
        if not isinstance(item, dict) or not checker.require(path, item, ("id", "term_en"), "glossary term"):
            continue
        gid = checker.check_id(path, line, item["id"], "glossary")
        if not checker.unique(seen, path, line, gid, "glossary"):
            continue
        checker.content.rows("glossary").append(
            {
                "id": gid,
                "term_en": text_value(item.get("term_en")),
                "term_zh": text_value(item.get("term_zh")),
                "abbr": text_value(item.get("abbr")),
                "patient_en": text_value(item.get("patient_en")),
                "clinician_en": text_value(item.get("clinician_en")),
                "patient_zh": text_value(item.get("patient_zh")),
                "clinician_zh": text_value(item.get("clinician_zh")),
                "source_ids": checker.cited(path, line, item.get("source_ids")),
                "reviewed_on": checker.date(path, line, item.get("reviewed_on"), "reviewed_on"),
            }
        )


def load_synonyms(checker: Checker) -> None:
    """synonyms.yaml: groups of words the search treats as one (at least two each)."""
    path = checker.data_dir / "synonyms.yaml"
    if not path.exists():
        return
    groups = checker.load_yaml(path)
    if not isinstance(groups, list):
        if groups is not None:
            checker.problem(path, 1, "synonyms.yaml must be a list of lists")
        return
    for number, group in enumerate(groups, start=1):
        if not isinstance(group, list) or len(group) < 2:
            checker.problem(path, number, f"synonym group {number} must list at least two terms")
            continue
        for term in group:
            checker.content.rows("synonyms").append({"group_id": number, "term": str(term)})


def load_lay_terms(checker: Checker) -> None:
    """lay_terms.yaml: everyday words -> KB words (one way), each group sourced and reviewed,
    and the question words search drops from what a query must match."""
    path = checker.data_dir / "lay_terms.yaml"
    if not path.exists():
        return
    doc = checker.load_yaml(path)
    if not isinstance(doc, dict):
        checker.problem(path, 1, "lay_terms.yaml must be a mapping with `filler` and `groups`")
        return
    filler = doc.get("filler") or {}
    if not isinstance(filler, dict):
        checker.problem(path, 1, "`filler` must map `reviewed_on`, `zh` and `en`")
        filler = {}
    elif filler:
        checker.date(path, 1, filler.get("reviewed_on"), "reviewed_on")
    for lang in ("zh", "en"):
        for term in filler.get(lang) or []:
            checker.content.rows("search_filler").append({"term": str(term)})
    groups = doc.get("groups") or []
    if not isinstance(groups, list):
        checker.problem(path, 1, "`groups` must be a list")
        return
    for number, group in enumerate(groups, start=1):
        if not isinstance(group, dict):
            checker.problem(path, number, f"lay group {number} must be a mapping")
            continue
        checker.date(path, number, group.get("reviewed_on"), "reviewed_on")
        if not str(group.get("source") or "").strip():
            checker.problem(path, number, f"lay group {number} needs a `source`")
        lay, finds = group.get("lay"), group.get("finds")
        if not isinstance(lay, list) or not lay or not isinstance(finds, list) or not finds:
            checker.problem(path, number, f"lay group {number} needs non-empty `lay` and `finds` lists")
            continue
        for role, terms in (("lay", lay), ("finds", finds)):
            for term in terms:
                checker.content.rows("lay_terms").append({"group_id": number, "term": str(term), "role": role})
        route = group.get("route")
        if route is not None:
            if route not in ("centres",):
                checker.problem(path, number, f"lay group {number}: unknown route {route!r} (known: centres)")
                continue
            for term in lay:
                checker.content.rows("search_routes").append({"term": str(term), "route": str(route)})


def load_centers(checker: Checker) -> None:
    """centers.yaml: coordinates in range, and only therapies and trials that exist."""
    path = checker.data_dir / "centers" / "centers.yaml"
    if not path.exists():
        return
    items = checker.load_yaml(path)
    if not isinstance(items, list):
        if items is not None:
            checker.problem(path, 1, "centers.yaml must be a list")
        return
    seen: dict[str, int] = {}
    for item in items:
        line = line_of(item)
        if not isinstance(item, dict) or not checker.require(path, item, ("id", "name_en", "country"), "centre"):
            continue
        cid = checker.check_id(path, line, item["id"], "centre")
        if not checker.unique(seen, path, line, cid, "centre"):
            continue
        lat, lon = item.get("lat"), item.get("lon")
        if not isinstance(lat, int | float) or not isinstance(lon, int | float):
            checker.problem(path, line, f"centre `{cid}` has no coordinates (lat/lon)")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            checker.problem(path, line, f"centre `{cid}` coordinates out of range: {lat}, {lon}")
            continue
        kind = text_value(item.get("kind")) or "trial"
        if kind not in ("trial", "treating", "certified"):
            # treating: a cited source says it treated patients with a commercial product (issue 22)
            checker.problem(path, line, f"centre kind {kind!r} is not trial, treating or certified")
        phone = text_value(item.get("phone"))
        labelled: list[str] = []
        for entry in item.get("phones") or []:
            # phones: [{label: switchboard, number: "+86 27 8366 2688"}]: only numbers a source gives
            number = text_value(entry.get("number")) if isinstance(entry, dict) else ""
            if not re.fullmatch(r"\+[1-9][0-9 ()-]{6,20}", number):
                checker.problem(path, line, f"centre `{cid}` phone {number!r} is not +COUNTRY NUMBER")
                continue
            label = text_value(entry.get("label"))
            labelled.append(f"{label}: {number}" if label else number)
        if labelled:
            phone = "; ".join([phone, *labelled] if phone else labelled)
        for therapy in list_value(item.get("therapies")):
            if therapy not in checker.therapy_ids:
                checker.problem(path, line, f"centre `{cid}` names unknown therapy `{therapy}`")
        for trial in list_value(item.get("trials")):
            if trial not in checker.trial_ids:
                checker.problem(path, line, f"centre `{cid}` names unknown trial `{trial}`")
        precision = text_value(item.get("coord_precision")) or "city"
        if precision not in ("city", "site"):
            checker.problem(path, line, f"coord_precision {precision!r} is not city or site")
        checker.content.rows("centers").append(
            {
                "id": cid,
                "name_en": text_value(item.get("name_en")),
                "name_zh": text_value(item.get("name_zh")),
                "city": text_value(item.get("city")),
                "city_zh": text_value(item.get("city_zh")),
                "province": text_value(item.get("province")),
                "country": text_value(item.get("country")),
                "lat": float(lat),
                "lon": float(lon),
                "coord_precision": precision,
                "kind": kind,
                "therapies": list_value(item.get("therapies")),
                "trials": list_value(item.get("trials")),
                "role_en": text_value(item.get("role_en")),
                "role_zh": text_value(item.get("role_zh")),
                "phone": phone,
                "address": text_value(item.get("address")),
                "source_ids": checker.cited(path, line, item.get("source_ids")),
                "reviewed_on": checker.date(path, line, item.get("reviewed_on"), "reviewed_on"),
            }
        )
