"""Build side of the dated rules: check data/rules/*.yaml and write their KB tables.

`load(checker)` validates every rule, region and regulatory event at content-load time (a rule
without `jurisdiction`, `valid_from` or `source_ids` is refused); `populate(db, content)` writes
the `rules`, `rule_regions` and `regulatory_events` tables. The records and the queries that
read them back live in `desktop.kb.rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.content.checker import ID_RE, Checker, Content, list_value, text_value
from desktop.content.yamlload import YamlProblem, line_of, load_yaml_file
from desktop.kb import schema
from desktop.kb.rules import start_of

TOPICS = (
    "lymphodepletion",
    "monitoring-daily",
    "monitoring-period",
    "stay-near-centre",
    "driving",
    "caregiver",
    "wallet-card",
    "certification",
    "long-term-monitoring",
    "follow-up",
)
"""Rule topics the program knows; the calendar places the period topics on days."""

PERIOD_TOPICS = ("monitoring-daily", "monitoring-period", "stay-near-centre", "driving", "caregiver", "follow-up")
UNITS = ("hours", "days", "weeks", "months", "years")
EVENT_KINDS = ("approval", "filing", "opinion", "indication-change", "label-change", "safety-programme", "safety-communication", "designation")
_PARTIAL_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


# -- loading data/rules/*.yaml -------------------------------------------------------------
def _partial_date(checker: Checker, path: Path, line: int, value: Any, key: str, required: bool) -> str:
    if value is None or value == "":
        if required:
            checker.problem(path, line, f"rule is missing `{key}` (every rule needs its validity dates)")
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    if not _PARTIAL_DATE.match(text):
        checker.problem(path, line, f"`{key}` is not a date (YYYY-MM-DD, or YYYY-MM when the source gives only a month): {value!r}")
        return ""
    try:
        dt.date.fromisoformat(start_of(text))
    except ValueError:
        checker.problem(path, line, f"`{key}` is not a real date: {text!r}")
        return ""
    return text


def load(checker: Checker) -> None:
    """Validate every data/rules/*.yaml and add rows `rules`, `rule_regions`, `rule_events`."""
    folder = checker.data_dir / "rules"
    if not folder.is_dir():
        return
    seen_rules: dict[str, int] = {}
    seen_events: dict[str, int] = {}
    regions: dict[str, int] = {}
    pending_regions: list[tuple[Path, int, str]] = []
    pending_supersedes: list[tuple[Path, int, str, str]] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            doc = load_yaml_file(path)
        except YamlProblem as exc:
            checker.problem(path, exc.line, exc.message)
            continue
        except (OSError, UnicodeDecodeError) as exc:
            checker.problem(path, 1, f"cannot read: {exc}")
            continue
        except ValueError as exc:  # PyYAML turns an impossible date such as 2025-13-01 into ValueError
            checker.problem(path, 1, f"invalid date in YAML: {exc}")
            continue
        if doc is None:
            continue
        if not isinstance(doc, dict):
            checker.problem(path, 1, "a rules file must be a mapping with `rules:` (and optional `regions:`, `events:`)")
            continue
        unknown = sorted(set(doc) - {"rules", "regions", "events"})
        if unknown:
            checker.problem(path, line_of(doc), f"unknown section(s): {', '.join(unknown)}")
        for item in _as_list(checker, path, doc, "regions"):
            _load_region(checker, path, item, regions)
        for item in _as_list(checker, path, doc, "rules"):
            row = _load_rule(checker, path, item, seen_rules)
            if row is not None:
                pending_regions.append((path, int(row["line"]), row["region"]))
                if row["supersedes"]:
                    pending_supersedes.append((path, int(row["line"]), row["id"], row["supersedes"]))
        for item in _as_list(checker, path, doc, "events"):
            _load_event(checker, path, item, seen_events)
    for path, line, region in pending_regions:
        if region not in regions:
            checker.problem(path, line, f"rule names unknown region `{region}` (declare it under `regions:`)")
    for path, line, rid, old in pending_supersedes:
        if old not in seen_rules:
            checker.problem(path, line, f"rule `{rid}` supersedes unknown rule `{old}`")


def _as_list(checker: Checker, path: Path, doc: dict[str, Any], key: str) -> list[Any]:
    items = doc.get(key)
    if items is None:
        return []
    if not isinstance(items, list):
        checker.problem(path, line_of(doc), f"`{key}` must be a list")
        return []
    return items


def _load_region(checker: Checker, path: Path, item: Any, regions: dict[str, int]) -> None:
    line = line_of(item)
    if not isinstance(item, dict) or not text_value(item.get("id")) or not text_value(item.get("name_en")):
        checker.problem(path, line, "a region needs `id` and `name_en`")
        return
    rid = text_value(item["id"])
    if rid in regions:
        checker.problem(path, line, f"duplicate region `{rid}` (first at line {regions[rid]})")
        return
    regions[rid] = line
    checker.content.rows("rule_regions").append(
        {
            "id": rid,
            "name_en": text_value(item.get("name_en")),
            "name_zh": text_value(item.get("name_zh")),
            "note_en": text_value(item.get("note_en")),
            "note_zh": text_value(item.get("note_zh")),
        }
    )


def _identity(checker: Checker, path: Path, line: int, item: dict[str, Any], what: str,
              seen: dict[str, int]) -> str | None:
    """The item's id when it is well formed and new (the checker reports it otherwise)."""
    ident = checker.check_id(path, line, item.get("id"), what)
    if not ID_RE.match(ident) or not checker.unique(seen, path, line, ident, what):
        return None
    return ident


def _load_rule(checker: Checker, path: Path, item: Any, seen: dict[str, int]) -> dict[str, Any] | None:
    line = line_of(item)
    if not isinstance(item, dict):
        checker.problem(path, line, "each rule must be a mapping")
        return None
    rid = _identity(checker, path, line, item, "rule", seen)
    if rid is None:
        return None
    ok = checker.require(path, item, ("topic", "jurisdiction", "region", "text_en"), f"rule `{rid}`")
    topic = text_value(item.get("topic"))
    if topic and topic not in TOPICS:
        checker.problem(path, line, f"rule `{rid}`: unknown topic `{topic}` (one of {', '.join(TOPICS)})")
        ok = False
    valid_from = _partial_date(checker, path, line, item.get("valid_from"), "valid_from", required=True)
    valid_to = _partial_date(checker, path, line, item.get("valid_to"), "valid_to", required=False)
    if valid_from and valid_to and start_of(valid_to) <= start_of(valid_from):
        checker.problem(path, line, f"rule `{rid}`: valid_to {valid_to} is not after valid_from {valid_from}")
        ok = False
    if not list_value(item.get("source_ids")):
        checker.problem(path, line, f"rule `{rid}` has no `source_ids`: every rule needs a citation")
        ok = False
    sources = checker.cited(path, line, item.get("source_ids"), required=False)
    therapies = list_value(item.get("therapy_ids"))
    for therapy in therapies:
        if therapy not in checker.therapy_ids:
            checker.problem(path, line, f"rule `{rid}` names unknown therapy `{therapy}`")
            ok = False
    value = item.get("value")
    unit = text_value(item.get("unit"))
    number: float | None = None
    if value is not None and value != "":
        try:
            number = float(value)
        except (TypeError, ValueError):
            checker.problem(path, line, f"rule `{rid}`: `value` is not a number: {value!r}")
            ok = False
        else:
            if number <= 0:
                checker.problem(path, line, f"rule `{rid}`: `value` must be positive")
                ok = False
        if unit not in UNITS:
            checker.problem(path, line, f"rule `{rid}`: a value needs a `unit` ({', '.join(UNITS)})")
            ok = False
    elif topic in PERIOD_TOPICS and topic not in ("follow-up",):
        checker.problem(path, line, f"rule `{rid}`: a `{topic}` rule needs `value` and `unit`")
        ok = False
    days: dict[str, int | None] = {"day_from": None, "day_to": None}
    for key in days:
        raw = item.get(key)
        if raw is None or raw == "":
            continue
        if not isinstance(raw, int) or isinstance(raw, bool):
            checker.problem(path, line, f"rule `{rid}`: `{key}` must be a whole day number relative to infusion")
            ok = False
        else:
            days[key] = raw
    if (days["day_from"] is None) != (days["day_to"] is None):
        checker.problem(path, line, f"rule `{rid}`: give both `day_from` and `day_to`, or neither")
        ok = False
    elif days["day_from"] is not None and days["day_to"] is not None and days["day_from"] > days["day_to"]:
        checker.problem(path, line, f"rule `{rid}`: day_from is after day_to")
        ok = False
    if topic == "lymphodepletion" and days["day_from"] is None:
        checker.problem(path, line, f"rule `{rid}`: a lymphodepletion rule needs `day_from`/`day_to` relative to infusion")
        ok = False
    reviewed = checker.date(path, line, item.get("reviewed_on"), "reviewed_on")
    if not (ok and valid_from and sources and reviewed):
        return None
    row: dict[str, Any] = {
        "id": rid,
        "topic": topic,
        "therapy_ids": therapies,
        "jurisdiction": text_value(item.get("jurisdiction")),
        "jurisdiction_zh": text_value(item.get("jurisdiction_zh")),
        "region": text_value(item.get("region")),
        "text_en": text_value(item.get("text_en")),
        "text_zh": text_value(item.get("text_zh")),
        "value": number,
        "unit": unit,
        "day_from": days["day_from"],
        "day_to": days["day_to"],
        "valid_from": valid_from,
        "valid_to": valid_to,
        "supersedes": text_value(item.get("supersedes")),
        "note": text_value(item.get("note")),
        "note_zh": text_value(item.get("note_zh")),
        "source_ids": sources,
        "reviewed_on": reviewed,
        "line": line,
        "file": str(path.name),
    }
    checker.content.rows("rules").append(row)
    return row


def _load_event(checker: Checker, path: Path, item: Any, seen: dict[str, int]) -> None:
    line = line_of(item)
    if not isinstance(item, dict):
        checker.problem(path, line, "each event must be a mapping")
        return
    eid = _identity(checker, path, line, item, "event", seen)
    if eid is None:
        return
    ok = checker.require(path, item, ("kind", "jurisdiction", "text_en"), f"event `{eid}`")
    kind = text_value(item.get("kind"))
    if kind and kind not in EVENT_KINDS:
        checker.problem(path, line, f"event `{eid}`: unknown kind `{kind}` (one of {', '.join(EVENT_KINDS)})")
        ok = False
    date = _partial_date(checker, path, line, item.get("date"), "date", required=True)
    therapies = list_value(item.get("therapy_ids"))
    if not therapies:
        checker.problem(path, line, f"event `{eid}` names no `therapy_ids`")
        ok = False
    for therapy in therapies:
        if therapy not in checker.therapy_ids:
            checker.problem(path, line, f"event `{eid}` names unknown therapy `{therapy}`")
            ok = False
    if not list_value(item.get("source_ids")):
        checker.problem(path, line, f"event `{eid}` has no `source_ids`")
        ok = False
    sources = checker.cited(path, line, item.get("source_ids"), required=False)
    if ok and date and sources:
        checker.content.rows("rule_events").append(
            {
                "id": eid,
                "kind": kind,
                "date": date,
                "therapy_ids": therapies,
                "jurisdiction": text_value(item.get("jurisdiction")),
                "text_en": text_value(item.get("text_en")),
                "text_zh": text_value(item.get("text_zh")),
                "source_ids": sources,
            }
        )


# -- writing the KB tables -------------------------------------------------------------
def populate(db: sqlite_utils.Database, content: Content) -> dict[str, int]:
    """Write `rules`, `rule_regions` and `regulatory_events` (sqlite_utils.Database, Content)."""
    rules = [
        {k: (schema.list_json(v) if k in ("therapy_ids", "source_ids") else v) for k, v in row.items() if k not in ("line", "file")}
        for row in content.rows("rules")
    ]
    db.table("rules").create(
        {
            "id": str,
            "topic": str,
            "therapy_ids": str,
            "jurisdiction": str,
            "jurisdiction_zh": str,
            "region": str,
            "text_en": str,
            "text_zh": str,
            "value": float,
            "unit": str,
            "day_from": int,
            "day_to": int,
            "valid_from": str,
            "valid_to": str,
            "supersedes": str,
            "note": str,
            "note_zh": str,
            "source_ids": str,
            "reviewed_on": str,
        },
        pk="id",
    )
    if rules:
        db.table("rules").insert_all(rules)
    db.table("rules").create_index(["topic"])
    db.table("rule_regions").create({"id": str, "name_en": str, "name_zh": str, "note_en": str, "note_zh": str}, pk="id")
    if content.rows("rule_regions"):
        db.table("rule_regions").insert_all(content.rows("rule_regions"))
    events = sorted(build_events(content), key=lambda e: (e["therapy_id"], e["date"], e["origin"], e["ref_id"]))
    db.table("regulatory_events").create(
        {
            "id": str,
            "therapy_id": str,
            "date": str,
            "kind": str,
            "jurisdiction": str,
            "text_en": str,
            "text_zh": str,
            "origin": str,
            "ref_id": str,
            "source_ids": str,
        },
        pk="id",
    )
    if events:
        db.table("regulatory_events").insert_all(events)
    db.table("regulatory_events").create_index(["therapy_id", "date"])
    return {"rules": len(rules), "regulatory_events": len(events)}


def build_events(content: Content) -> list[dict[str, Any]]:
    """Per-product timeline rows from therapy approvals, dated warnings, rules and rule events."""
    events: list[dict[str, Any]] = []
    therapy_ids = [t["id"] for t in content.rows("therapies")]

    def add(therapy: str, date: str, kind: str, jurisdiction: str, en: str, zh: str, origin: str, ref: str, sources: list[str]) -> None:
        events.append(
            {
                "id": f"{therapy}/{origin}/{ref}",
                "therapy_id": therapy,
                "date": date,
                "kind": kind,
                "jurisdiction": jurisdiction,
                "text_en": en,
                "text_zh": zh,
                "origin": origin,
                "ref_id": ref,
                "source_ids": schema.list_json(list(sources)),
            }
        )

    for n, a in enumerate(content.rows("approvals")):
        if not a.get("date"):
            continue
        label = a.get("event") or "approval"
        kind = a.get("kind") or "approval"
        agency = " ".join(x for x in (a.get("agency", ""), f"({a['region']})" if a.get("region") else "") if x)
        en = f"{label[:1].upper()}{label[1:]}: {a.get('indication_en', '')}".strip().rstrip(":")
        add(a["therapy_id"], a["date"], kind, agency, en, a.get("indication_zh", ""), "approval", f"{n:03d}", a.get("source_ids", []))
    for n, w in enumerate(content.rows("warnings")):
        if not w.get("date"):
            continue
        add(w["therapy_id"], w["date"], "label-change", w.get("jurisdiction", ""), w.get("text_en", ""), w.get("text_zh", ""), "warning", f"{n:03d}", w.get("source_ids", []))
    for r in content.rows("rules"):
        targets = r["therapy_ids"] or therapy_ids
        for therapy in targets:
            add(
                therapy,
                r["valid_from"],
                "label-change" if "label" in r["jurisdiction"].lower() else "safety-programme" if r["topic"] == "certification" else "label-change",
                r["jurisdiction"],
                f"Rule in force: {r['text_en']}",
                f"规则生效：{r['text_zh']}" if r["text_zh"] else "",
                "rule-start",
                r["id"],
                r["source_ids"],
            )
            if r["valid_to"]:
                add(
                    therapy,
                    r["valid_to"],
                    "label-change",
                    r["jurisdiction"],
                    f"Rule no longer in force: {r['text_en']}",
                    f"规则停止适用：{r['text_zh']}" if r["text_zh"] else "",
                    "rule-end",
                    r["id"],
                    r["source_ids"],
                )
    for e in content.rows("rule_events"):
        for therapy in e["therapy_ids"]:
            add(therapy, e["date"], e["kind"], e["jurisdiction"], e["text_en"], e["text_zh"], "event", e["id"], e["source_ids"])
    return events
