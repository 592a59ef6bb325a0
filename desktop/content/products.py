"""Loaders for the products: therapies (with approvals and warnings) and their trials."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.content.checker import Checker, list_value, text_value
from desktop.content.yamlload import line_of

APPROVAL_KINDS = ("designation", "filing", "opinion", "approval", "indication-change")
"""What an approval row records: a designation, an application filed or accepted, a regulator's
opinion (e.g. CHMP, before the Commission decides), an approval, or a change of indication."""


def approval_kind(event: str) -> str:
    """Classify a free-text approval `event` when the row gives no `kind:`.

    An opinion is checked before indication words: a CHMP opinion to extend an indication is an
    opinion, not yet an indication change."""
    text = event.lower()
    if "designation" in text:
        return "designation"
    if any(word in text for word in ("accepted", "submitted", "under review", "filing")):
        return "filing"
    if "opinion" in text:
        return "opinion"
    if "expansion" in text or "indication" in text:
        return "indication-change"
    return "approval"


def load_therapies(checker: Checker) -> None:
    """therapies/*.yaml, with their approvals and warnings; the ids later tables name."""
    folder = checker.data_dir / "therapies"
    seen: dict[str, int] = {}
    for path in sorted(folder.glob("*.yaml")):
        item = checker.load_yaml(path)
        if item is None:
            continue
        if not isinstance(item, dict):
            checker.problem(path, 1, "a therapy file must be a mapping")
            continue
        line = line_of(item)
        if not checker.require(path, item, ("id", "name_en", "target"), "therapy"):
            continue
        tid = checker.check_id(path, line, item["id"], "therapy")
        if not checker.unique(seen, path, line, tid, "therapy"):
            continue
        checker.therapy_ids.add(tid)
        sids = checker.cited(path, line, item.get("source_ids"))
        reviewed = checker.date(path, line, item.get("reviewed_on"), "reviewed_on")
        labels = item.get("labels") or []
        label_read_on = checker.date(path, line, item.get("label_read_on"), "label_read_on", required=bool(labels))
        checker.content.rows("therapies").append(
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
                "label_read_on": label_read_on,
                "_line": line,
                "_path": path,
            }
        )
        for approval in item.get("approvals") or []:
            aline = line_of(approval, line)
            if not isinstance(approval, dict) or not checker.require(
                path, approval, ("region", "date"), "approval"
            ):
                continue
            event = text_value(approval.get("event")) or "approval"
            kind = text_value(approval.get("kind")) or approval_kind(event)
            if kind not in APPROVAL_KINDS:
                checker.problem(path, aline, f"approval: unknown kind `{kind}` (one of {', '.join(APPROVAL_KINDS)})")
            checker.content.rows("approvals").append(
                {
                    "therapy_id": tid,
                    "region": text_value(approval.get("region")),
                    "agency": text_value(approval.get("agency")),
                    "date": checker.date(path, aline, approval.get("date"), "date"),
                    "event": event,
                    "kind": kind,
                    "indication_en": text_value(approval.get("indication_en")),
                    "indication_zh": text_value(approval.get("indication_zh")),
                    "source_ids": checker.cited(path, aline, approval.get("source_ids")),
                }
            )
        _load_labels(checker, path, line, tid, labels, label_read_on)
        for warning in item.get("warnings") or []:
            wline = line_of(warning, line)
            if not isinstance(warning, dict) or not checker.require(path, warning, ("text_en",), "warning"):
                continue
            checker.content.rows("warnings").append(
                {
                    "therapy_id": tid,
                    "text_en": text_value(warning.get("text_en")),
                    "text_zh": text_value(warning.get("text_zh")),
                    "jurisdiction": text_value(warning.get("jurisdiction")),
                    "date": checker.date(path, wline, warning.get("date"), "date", required=False),
                    "source_ids": checker.cited(path, wline, warning.get("source_ids")),
                }
            )


def _load_labels(checker: Checker, path: Path, line: int, tid: str, labels: Any, label_read_on: str) -> None:
    """`labels:` - which label version was read per region, when, and from which sources.

    A label read after the therapy's `label_read_on` would mean that date is stale, so it is refused."""
    if not isinstance(labels, list):
        checker.problem(path, line, "`labels` must be a list")
        return
    seen: dict[str, int] = {}
    for label in labels:
        lline = line_of(label, line)
        if not isinstance(label, dict) or not checker.require(path, label, ("region", "version", "read_on"), "label"):
            continue
        region = text_value(label.get("region"))
        checker.unique(seen, path, lline, region, "label region")
        read_on = checker.date(path, lline, label.get("read_on"), "read_on")
        if read_on and label_read_on and read_on > label_read_on:
            checker.problem(path, lline, f"label {region}: read_on {read_on} is after label_read_on {label_read_on}")
        checker.content.rows("therapy_labels").append(
            {
                "therapy_id": tid,
                "region": region,
                "version": text_value(label.get("version")),
                "read_via": text_value(label.get("read_via")),
                "read_on": read_on,
                "source_ids": checker.cited(path, lline, label.get("source_ids")),
            }
        )


def load_trials(checker: Checker) -> None:
    """trials.yaml: each trial names a known therapy."""
    path = checker.data_dir / "trials" / "trials.yaml"
    if not path.exists():
        return
    items = checker.load_yaml(path)
    if not isinstance(items, list):
        if items is not None:
            checker.problem(path, 1, "trials.yaml must be a list")
        return
    seen: dict[str, int] = {}
    for item in items:
        line = line_of(item)
        if not isinstance(item, dict) or not checker.require(path, item, ("id", "name", "therapy_id"), "trial"):
            continue
        tid = checker.check_id(path, line, item["id"], "trial")
        if not checker.unique(seen, path, line, tid, "trial"):
            continue
        therapy = str(item.get("therapy_id"))
        if therapy not in checker.therapy_ids:
            checker.problem(path, line, f"trial `{tid}` names unknown therapy `{therapy}`")
        checker.trial_ids.add(tid)
        checker.content.rows("trials").append(
            {
                "id": tid,
                "name": text_value(item.get("name")),
                "name_zh": text_value(item.get("name_zh")),
                "therapy_id": therapy,
                "phase": text_value(item.get("phase")),
                "design_en": text_value(item.get("design_en")),
                "design_zh": text_value(item.get("design_zh")),
                "population_en": text_value(item.get("population_en")),
                "population_zh": text_value(item.get("population_zh")),
                "setting": text_value(item.get("setting")),
                "registry_ids": list_value(item.get("registry_ids")),
                "source_ids": checker.cited(path, line, item.get("source_ids")),
                "reviewed_on": checker.date(path, line, item.get("reviewed_on"), "reviewed_on"),
            }
        )


def check_key_trials(checker: Checker) -> None:
    """A therapy's key trials must be in trials.yaml (known only after both are read)."""
    for row in checker.content.rows("therapies"):
        for trial in row["key_trials"]:
            if trial not in checker.trial_ids:
                checker.problem(row["_path"], row["_line"], f"key trial `{trial}` is not in trials.yaml")
        del row["_line"], row["_path"]
