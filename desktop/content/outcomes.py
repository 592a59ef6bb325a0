"""The loader for trials/outcomes.csv: numbers, units and their plausible ranges, one row per result."""

from __future__ import annotations

import csv

from desktop.content.checker import Checker, slug
from desktop.kb import schema

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


def load_outcomes(checker: Checker) -> None:
    """outcomes.csv: a known trial, metric and unit, numbers within the unit's range."""
    path = checker.data_dir / "trials" / "outcomes.csv"
    if not path.exists():
        return
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        checker.problem(path, 1, f"cannot read: {exc}")
        return
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("trial_id", "metric", "value", "unit", "source_ids") if c not in (reader.fieldnames or [])]
    if missing:
        checker.problem(path, 1, f"outcomes.csv lacks column(s): {', '.join(missing)}")
        return
    seen: dict[str, int] = {}
    for index, raw in enumerate(reader):
        line = index + 2
        row = {k: (v or "").strip() for k, v in raw.items() if k is not None}
        trial = row.get("trial_id", "")
        if trial not in checker.trial_ids:
            checker.problem(path, line, f"outcome for unknown trial `{trial}`")
        metric = row.get("metric", "")
        if metric not in schema.METRICS:
            checker.problem(path, line, f"unknown metric `{metric}`")
        unit = row.get("unit", "")
        if unit not in schema.UNIT_RANGES:
            checker.problem(path, line, f"unknown unit `{unit}`")
        values: dict[str, float | None] = {}
        for key in ("value", "ci_low", "ci_high", "numerator", "denominator", "followup_months"):
            values[key] = checker.number(path, line, row.get(key, ""), key)
        value = values["value"]
        if value is None and "not reached" not in row.get("note", "").lower():
            checker.problem(path, line, "empty `value` (write the number, or note 'not reached')")
        if unit in schema.UNIT_RANGES:
            low, high = schema.UNIT_RANGES[unit]
            for key in ("value", "ci_low", "ci_high"):
                number = values[key]
                if number is not None and not low <= number <= high:
                    what = "percentage" if unit == "percent" else f"{unit} value"
                    checker.problem(path, line, f"{what} {number:g} in `{key}` is outside {low:g}–{high:g}")
        num, den = values["numerator"], values["denominator"]
        if num is not None and den is not None and (den <= 0 or num > den):
            checker.problem(path, line, f"numerator {num:g} does not fit denominator {den:g}")
        grade = row.get("grade", "") or "P"
        if grade not in schema.GRADES:
            checker.problem(path, line, f"grade {grade!r} is not P, C or S")
        arm = row.get("arm", "") or "car-t"
        cohort = row.get("cohort", "") or "all"
        data_cut = row.get("data_cut", "")
        oid = "/".join((trial, arm, cohort, metric, slug(data_cut) or "main"))
        if not checker.unique(seen, path, line, oid, "outcome"):
            continue
        checker.content.rows("outcomes").append(
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
                "source_ids": checker.cited(path, line, row.get("source_ids", "")),
                "grade": grade,
                "note": row.get("note", ""),
                "reviewed_on": checker.date(path, line, row.get("reviewed_on", ""), "reviewed_on"),
                "line": line,
            }
        )
