"""Read data/ and check every rule; the result is plain rows ready for the database.

Each problem is collected as `file:line: message` so an author sees all of them at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import markup
from desktop.kb import schema
from desktop.kb.yamlload import LineDict, YamlProblem, line_of, load_yaml_file, load_yaml_text

ID_RE = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
SOURCE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-_]*$")
ARTICLE_SECTIONS = ("therapies", "trials", "safety", "journey", "about", "centers", "glossary")
OUTCOME_COLUMNS = (
    "trial_id",
    "arm",
    "cohort",
    "metric",
    "value",
    "unit",
    "ci_low",
    "ci_high",
    "numerator",
    "denominator",
    "followup_months",
    "data_cut",
    "source_ids",
    "grade",
    "note",
    "reviewed_on",
)
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


@dataclass
class Content:
    """Everything in data/, checked, as rows keyed by table name."""

    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    content_hash: str = ""
    kb_version: str = ""
    content_date: str = ""

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.setdefault(table, [])


class _Checker:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.content = Content()
        self.source_ids: set[str] = set()
        self.therapy_ids: set[str] = set()
        self.trial_ids: set[str] = set()

    # -- helpers -----------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)

    def problem(self, path: Path, line: int, message: str) -> None:
        self.content.problems.append(f"{self.rel(path)}:{line}: {message}")

    def load_yaml(self, path: Path) -> Any:
        try:
            return load_yaml_file(path)
        except YamlProblem as exc:
            self.problem(path, exc.line, exc.message)
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(path, 1, f"cannot read: {exc}")
        return None

    def require(self, path: Path, item: dict[str, Any], keys: tuple[str, ...], what: str) -> bool:
        ok = True
        for key in keys:
            value = item.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                self.problem(path, line_of(item), f"{what} is missing `{key}`")
                ok = False
        return ok

    def date(self, path: Path, line: int, value: Any, key: str, required: bool = True) -> str:
        if value is None or value == "":
            if required:
                self.problem(path, line, f"missing `{key}`")
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self.problem(path, line, f"`{key}` is not a date (YYYY-MM-DD): {value!r}")
            return ""

    def ids_list(self, path: Path, line: int, value: Any, key: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [v.strip() for v in re.split(r"[;,]", value) if v.strip()]
        if not isinstance(value, list):
            self.problem(path, line, f"`{key}` must be a list")
            return []
        return [str(v).strip() for v in value]

    def cited(self, path: Path, line: int, value: Any, required: bool = True) -> list[str]:
        ids = self.ids_list(path, line, value, "source_ids")
        if required and not ids:
            self.problem(path, line, "no `source_ids`: every fact needs a citation")
        for sid in ids:
            if sid not in self.source_ids:
                self.problem(path, line, f"unknown source id `{sid}` (not in data/sources.yaml)")
        return ids

    def unique(self, seen: dict[str, int], path: Path, line: int, ident: str, what: str) -> bool:
        if ident in seen:
            self.problem(path, line, f"duplicate {what} id `{ident}` (first at line {seen[ident]})")
            return False
        seen[ident] = line
        return True

    def check_id(self, path: Path, line: int, ident: Any, what: str) -> str:
        text = str(ident or "").strip()
        if not ID_RE.match(text):
            self.problem(path, line, f"bad {what} id {text!r}: use lower-case letters, digits, '-' and '.'")
        return text

    # -- the parts of data/ -------------------------------------------------------------
    def load_sources(self) -> None:
        path = self.data_dir / "sources.yaml"
        if not path.exists():
            self.problem(path, 1, "missing data/sources.yaml")
            return
        items = self.load_yaml(path)
        if items is None:
            return
        if not isinstance(items, list):
            self.problem(path, 1, "sources.yaml must be a list of citations")
            return
        seen: dict[str, int] = {}
        for item in items:
            line = line_of(item)
            if not isinstance(item, dict):
                self.problem(path, line, "each source must be a mapping")
                continue
            if not self.require(path, item, ("id", "kind", "title"), "source"):
                continue
            sid = str(item["id"]).strip()
            if not SOURCE_ID_RE.match(sid):
                self.problem(path, line, f"bad source id {sid!r}")
                continue
            if not self.unique(seen, path, line, sid, "source"):
                continue
            kind = str(item.get("kind", ""))
            if kind not in schema.SOURCE_KINDS:
                self.problem(path, line, f"source kind {kind!r} is not one of {', '.join(schema.SOURCE_KINDS)}")
            grade = str(item.get("grade", "P"))
            if grade not in schema.GRADES:
                self.problem(path, line, f"source grade {grade!r} is not P, C or S")
            self.source_ids.add(sid)
            self.content.rows("sources").append(
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
                    "reviewed_on": self.date(path, line, item.get("reviewed_on"), "reviewed_on", required=False),
                }
            )

    def load_therapies(self) -> None:
        folder = self.data_dir / "therapies"
        seen: dict[str, int] = {}
        for path in sorted(folder.glob("*.yaml")):
            item = self.load_yaml(path)
            if item is None:
                continue
            if not isinstance(item, dict):
                self.problem(path, 1, "a therapy file must be a mapping")
                continue
            line = line_of(item)
            if not self.require(path, item, ("id", "name_en", "target"), "therapy"):
                continue
            tid = self.check_id(path, line, item["id"], "therapy")
            if not self.unique(seen, path, line, tid, "therapy"):
                continue
            self.therapy_ids.add(tid)
            sids = self.cited(path, line, item.get("source_ids"))
            reviewed = self.date(path, line, item.get("reviewed_on"), "reviewed_on")
            self.content.rows("therapies").append(
                {
                    "id": tid,
                    "name_en": text_value(item.get("name_en")),
                    "name_zh": text_value(item.get("name_zh")),
                    "brand": text_value(item.get("brand")),
                    "codes": list_value(item.get("codes")),
                    "company": text_value(item.get("company")),
                    "target": text_value(item.get("target")),
                    "construct_en": text_value(item.get("construct_en")),
                    "construct_zh": text_value(item.get("construct_zh")),
                    "dose_en": text_value(item.get("dose_en")),
                    "dose_zh": text_value(item.get("dose_zh")),
                    "summary_en": text_value(item.get("summary_en")),
                    "summary_zh": text_value(item.get("summary_zh")),
                    "status": text_value(item.get("status")),
                    "key_trials": list_value(item.get("key_trials")),
                    "source_ids": sids,
                    "reviewed_on": reviewed,
                    "_line": line,
                    "_path": path,
                }
            )
            for approval in item.get("approvals") or []:
                aline = line_of(approval, line)
                if not isinstance(approval, dict) or not self.require(
                    path, approval, ("region", "date"), "approval"
                ):
                    continue
                self.content.rows("approvals").append(
                    {
                        "therapy_id": tid,
                        "region": text_value(approval.get("region")),
                        "agency": text_value(approval.get("agency")),
                        "date": self.date(path, aline, approval.get("date"), "date"),
                        "event": text_value(approval.get("event")) or "approval",
                        "indication_en": text_value(approval.get("indication_en")),
                        "indication_zh": text_value(approval.get("indication_zh")),
                        "source_ids": self.cited(path, aline, approval.get("source_ids")),
                    }
                )
            for warning in item.get("warnings") or []:
                wline = line_of(warning, line)
                if not isinstance(warning, dict) or not self.require(path, warning, ("text_en",), "warning"):
                    continue
                self.content.rows("warnings").append(
                    {
                        "therapy_id": tid,
                        "text_en": text_value(warning.get("text_en")),
                        "text_zh": text_value(warning.get("text_zh")),
                        "jurisdiction": text_value(warning.get("jurisdiction")),
                        "date": self.date(path, wline, warning.get("date"), "date", required=False),
                        "source_ids": self.cited(path, wline, warning.get("source_ids")),
                    }
                )

    def load_trials(self) -> None:
        path = self.data_dir / "trials" / "trials.yaml"
        if not path.exists():
            return
        items = self.load_yaml(path)
        if not isinstance(items, list):
            if items is not None:
                self.problem(path, 1, "trials.yaml must be a list")
            return
        seen: dict[str, int] = {}
        for item in items:
            line = line_of(item)
            if not isinstance(item, dict) or not self.require(path, item, ("id", "name", "therapy_id"), "trial"):
                continue
            tid = self.check_id(path, line, item["id"], "trial")
            if not self.unique(seen, path, line, tid, "trial"):
                continue
            therapy = str(item.get("therapy_id"))
            if therapy not in self.therapy_ids:
                self.problem(path, line, f"trial `{tid}` names unknown therapy `{therapy}`")
            self.trial_ids.add(tid)
            self.content.rows("trials").append(
                {
                    "id": tid,
                    "name": text_value(item.get("name")),
                    "therapy_id": therapy,
                    "phase": text_value(item.get("phase")),
                    "design_en": text_value(item.get("design_en")),
                    "design_zh": text_value(item.get("design_zh")),
                    "population_en": text_value(item.get("population_en")),
                    "population_zh": text_value(item.get("population_zh")),
                    "setting": text_value(item.get("setting")),
                    "registry_ids": list_value(item.get("registry_ids")),
                    "source_ids": self.cited(path, line, item.get("source_ids")),
                    "reviewed_on": self.date(path, line, item.get("reviewed_on"), "reviewed_on"),
                }
            )

    def check_key_trials(self) -> None:
        for row in self.content.rows("therapies"):
            for trial in row["key_trials"]:
                if trial not in self.trial_ids:
                    self.problem(row["_path"], row["_line"], f"key trial `{trial}` is not in trials.yaml")
            del row["_line"], row["_path"]

    def load_outcomes(self) -> None:
        path = self.data_dir / "trials" / "outcomes.csv"
        if not path.exists():
            return
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.problem(path, 1, f"cannot read: {exc}")
            return
        reader = csv.DictReader(text.splitlines())
        missing = [c for c in ("trial_id", "metric", "value", "unit", "source_ids") if c not in (reader.fieldnames or [])]
        if missing:
            self.problem(path, 1, f"outcomes.csv lacks column(s): {', '.join(missing)}")
            return
        seen: dict[str, int] = {}
        for index, raw in enumerate(reader):
            line = index + 2
            row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
            trial = row.get("trial_id", "")
            if trial not in self.trial_ids:
                self.problem(path, line, f"outcome for unknown trial `{trial}`")
            metric = row.get("metric", "")
            if metric not in schema.METRICS:
                self.problem(path, line, f"unknown metric `{metric}`")
            unit = row.get("unit", "")
            if unit not in schema.UNIT_RANGES:
                self.problem(path, line, f"unknown unit `{unit}`")
            values: dict[str, float | None] = {}
            for key in ("value", "ci_low", "ci_high", "numerator", "denominator", "followup_months"):
                values[key] = self.number(path, line, row.get(key, ""), key)
            value = values["value"]
            if value is None and "not reached" not in row.get("note", "").lower():
                self.problem(path, line, "empty `value` (write the number, or note 'not reached')")
            if unit in schema.UNIT_RANGES:
                low, high = schema.UNIT_RANGES[unit]
                for key in ("value", "ci_low", "ci_high"):
                    number = values[key]
                    if number is not None and not low <= number <= high:
                        what = "percentage" if unit == "percent" else f"{unit} value"
                        self.problem(path, line, f"{what} {number:g} in `{key}` is outside {low:g}–{high:g}")
            num, den = values["numerator"], values["denominator"]
            if num is not None and den is not None and (den <= 0 or num > den):
                self.problem(path, line, f"numerator {num:g} does not fit denominator {den:g}")
            grade = row.get("grade", "") or "P"
            if grade not in schema.GRADES:
                self.problem(path, line, f"grade {grade!r} is not P, C or S")
            arm = row.get("arm", "") or "car-t"
            cohort = row.get("cohort", "") or "all"
            data_cut = row.get("data_cut", "")
            oid = "/".join((trial, arm, cohort, metric, _slug(data_cut) or "main"))
            if not self.unique(seen, path, line, oid, "outcome"):
                continue
            self.content.rows("outcomes").append(
                {
                    "id": oid,
                    "trial_id": trial,
                    "arm": arm,
                    "cohort": cohort,
                    "metric": metric,
                    "value": value,
                    "value_text": row.get("value", ""),
                    "ci_text": f"{row.get('ci_low', '')}–{row.get('ci_high', '')}" if row.get("ci_low") else "",
                    "unit": unit,
                    "ci_low": values["ci_low"],
                    "ci_high": values["ci_high"],
                    "numerator": values["numerator"],
                    "denominator": values["denominator"],
                    "followup_months": values["followup_months"],
                    "data_cut": data_cut,
                    "source_ids": self.cited(path, line, row.get("source_ids", "")),
                    "grade": grade,
                    "note": row.get("note", ""),
                    "reviewed_on": self.date(path, line, row.get("reviewed_on", ""), "reviewed_on"),
                    "line": line,
                }
            )

    def number(self, path: Path, line: int, text: str, key: str) -> float | None:
        if text == "":
            return None
        try:
            return float(text)
        except ValueError:
            self.problem(path, line, f"`{key}` is not a number: {text!r}")
            return None

    def load_articles(self) -> None:
        seen: dict[tuple[str, str], str] = {}
        for path in sorted(self.data_dir.glob("*/*.md")):
            section = path.parent.name
            if section not in ARTICLE_SECTIONS:
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                self.problem(path, 1, f"cannot read: {exc}")
                continue
            match = FRONT_MATTER.match(text)
            if not match:
                self.problem(path, 1, "article has no YAML front matter (--- ... ---)")
                continue
            try:
                meta = load_yaml_text(match.group(1), line_offset=1)
            except YamlProblem as exc:
                self.problem(path, exc.line, exc.message)
                continue
            if not isinstance(meta, dict):
                self.problem(path, 1, "front matter must be a mapping")
                continue
            body = text[match.end() :]
            body_line = text[: match.end()].count("\n") + 1
            if not self.require(path, meta, ("id", "title", "lang", "audience"), "article"):
                continue
            aid = self.check_id(path, 2, meta["id"], "article")
            lang = str(meta.get("lang"))
            if lang not in schema.LANGS:
                self.problem(path, 2, f"lang {lang!r} is not one of {', '.join(schema.LANGS)}")
            audience = str(meta.get("audience"))
            if audience not in schema.AUDIENCES:
                self.problem(path, 2, f"audience {audience!r} is not patient or clinician")
            key = (aid, lang)
            if key in seen:
                self.problem(path, 2, f"duplicate article id `{aid}` in {lang} (also in {seen[key]})")
                continue
            seen[key] = self.rel(path)
            reviewed = self.date(path, 2, meta.get("reviewed_on"), "reviewed_on")
            sids = self.cited(path, 2, meta.get("source_ids"), required=section != "about")
            for offset, body_text in enumerate(body.splitlines()):
                for group in markup.cite_groups(body_text):
                    for cite in re.split(r"[;,]\s*", group):
                        cite = cite.strip().lstrip("@")
                        if cite not in self.source_ids:
                            self.problem(path, body_line + offset, f"citation [@{cite}] is not in data/sources.yaml")
                        elif cite not in sids:
                            self.problem(path, body_line + offset, f"citation [@{cite}] is not listed in source_ids")
            therapy = text_value(meta.get("therapy_id"))
            if therapy and therapy not in self.therapy_ids:
                self.problem(path, 2, f"unknown therapy `{therapy}`")
            self.content.rows("articles").append(
                {
                    "id": aid,
                    "lang": lang,
                    "title": text_value(meta.get("title")),
                    "audience": audience,
                    "section": section,
                    "topic": text_value(meta.get("topic")) or aid,
                    "therapy_id": therapy,
                    "summary": text_value(meta.get("summary")),
                    "body_md": body.strip() + "\n",
                    "source_ids": sids,
                    "reviewed_on": reviewed,
                    "translation_status": text_value(meta.get("translation_status")) or "original",
                    "file": self.rel(path),
                }
            )

    def load_glossary(self) -> None:
        path = self.data_dir / "glossary" / "glossary.yaml"
        if not path.exists():
            return
        items = self.load_yaml(path)
        if not isinstance(items, list):
            if items is not None:
                self.problem(path, 1, "glossary.yaml must be a list")
            return
        seen: dict[str, int] = {}
        for item in items:
            line = line_of(item)
            if not isinstance(item, dict) or not self.require(path, item, ("id", "term_en"), "glossary term"):
                continue
            gid = self.check_id(path, line, item["id"], "glossary")
            if not self.unique(seen, path, line, gid, "glossary"):
                continue
            self.content.rows("glossary").append(
                {
                    "id": gid,
                    "term_en": text_value(item.get("term_en")),
                    "term_zh": text_value(item.get("term_zh")),
                    "abbr": text_value(item.get("abbr")),
                    "patient_en": text_value(item.get("patient_en")),
                    "clinician_en": text_value(item.get("clinician_en")),
                    "patient_zh": text_value(item.get("patient_zh")),
                    "clinician_zh": text_value(item.get("clinician_zh")),
                    "source_ids": self.cited(path, line, item.get("source_ids")),
                    "reviewed_on": self.date(path, line, item.get("reviewed_on"), "reviewed_on"),
                }
            )

    def load_synonyms(self) -> None:
        path = self.data_dir / "synonyms.yaml"
        if not path.exists():
            return
        groups = self.load_yaml(path)
        if not isinstance(groups, list):
            if groups is not None:
                self.problem(path, 1, "synonyms.yaml must be a list of lists")
            return
        for number, group in enumerate(groups, start=1):
            if not isinstance(group, list) or len(group) < 2:
                self.problem(path, number, f"synonym group {number} must list at least two terms")
                continue
            for term in group:
                self.content.rows("synonyms").append({"group_id": number, "term": str(term)})

    def load_centers(self) -> None:
        path = self.data_dir / "centers" / "centers.yaml"
        if not path.exists():
            return
        items = self.load_yaml(path)
        if not isinstance(items, list):
            if items is not None:
                self.problem(path, 1, "centers.yaml must be a list")
            return
        seen: dict[str, int] = {}
        for item in items:
            line = line_of(item)
            if not isinstance(item, dict) or not self.require(path, item, ("id", "name_en", "country"), "centre"):
                continue
            cid = self.check_id(path, line, item["id"], "centre")
            if not self.unique(seen, path, line, cid, "centre"):
                continue
            lat, lon = item.get("lat"), item.get("lon")
            if not isinstance(lat, int | float) or not isinstance(lon, int | float):
                self.problem(path, line, f"centre `{cid}` has no coordinates (lat/lon)")
                continue
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                self.problem(path, line, f"centre `{cid}` coordinates out of range: {lat}, {lon}")
                continue
            kind = text_value(item.get("kind")) or "trial"
            if kind not in ("trial", "certified"):
                self.problem(path, line, f"centre kind {kind!r} is not trial or certified")
            for therapy in list_value(item.get("therapies")):
                if therapy not in self.therapy_ids:
                    self.problem(path, line, f"centre `{cid}` names unknown therapy `{therapy}`")
            for trial in list_value(item.get("trials")):
                if trial not in self.trial_ids:
                    self.problem(path, line, f"centre `{cid}` names unknown trial `{trial}`")
            precision = text_value(item.get("coord_precision")) or "city"
            if precision not in ("city", "site"):
                self.problem(path, line, f"coord_precision {precision!r} is not city or site")
            self.content.rows("centers").append(
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
                    "phone": text_value(item.get("phone")),
                    "address": text_value(item.get("address")),
                    "source_ids": self.cited(path, line, item.get("source_ids")),
                    "reviewed_on": self.date(path, line, item.get("reviewed_on"), "reviewed_on"),
                }
            )

    def load_meta(self) -> None:
        path = self.data_dir / "kb.yaml"
        meta = self.load_yaml(path) if path.exists() else None
        if not isinstance(meta, dict):
            self.problem(path, 1, "data/kb.yaml must give `version` and `content_date`")
            return
        self.content.kb_version = text_value(meta.get("version"))
        self.content.content_date = self.date(path, line_of(meta), meta.get("content_date"), "content_date")
        if not self.content.kb_version:
            self.problem(path, line_of(meta), "data/kb.yaml is missing `version`")


def content_hash(data_dir: Path) -> str:
    """sha256 over every file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(data_dir).as_posix()
        if rel.startswith(".") or "/." in rel:
            continue
        digest.update(rel.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


EXTRA_CONTENT_MODULES = ("desktop.kb.rules", "desktop.geo.gazetteer")
"""Modules that load more of data/: each may define `load(checker) -> None`, using
`checker.problem(path, line, message)`, `checker.cited(...)`, `checker.date(...)` and
`checker.content.rows(table)`. They run after the core tables, so ids can be checked."""


def _extra_loaders() -> list[Any]:
    import importlib

    found = []
    for name in EXTRA_CONTENT_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and (name == exc.name or name.startswith(exc.name + ".")):
                continue
            raise
        if hasattr(module, "load"):
            found.append(module.load)
    return found


def load_content(data_dir: Path) -> Content:
    checker = _Checker(data_dir)
    if not data_dir.is_dir():
        checker.problem(data_dir, 1, "data folder not found")
        return checker.content
    checker.load_meta()
    checker.load_sources()
    checker.load_therapies()
    checker.load_trials()
    checker.check_key_trials()
    checker.load_outcomes()
    checker.load_articles()
    checker.load_glossary()
    checker.load_synonyms()
    checker.load_centers()
    for loader in _extra_loaders():
        loader(checker)
    checker.content.content_hash = content_hash(data_dir)
    return checker.content


def text_value(value: Any) -> str:
    """A YAML/CSV scalar as trimmed text (dates as ISO); None is empty."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def list_value(value: Any) -> list[str]:
    """A YAML list, or a `;`/`,`-separated string, as a list of trimmed texts."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in re.split(r"[;,]", value) if v.strip()]
    if isinstance(value, list):
        return [text_value(v) for v in value]
    return [text_value(value)]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


__all__ = ["EXTRA_CONTENT_MODULES", "Content", "LineDict", "content_hash", "load_content"]
