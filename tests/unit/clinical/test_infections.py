"""The infection plan beyond the case bank: guards, dates, editions, the printable HTML."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.clinical.infections import add_months, igg_mg_dl, infection_plan, plan_html
from desktop.errors import UserInputError

BASE = {"ld_date": date(2026, 1, 1), "infusion": date(2026, 1, 6), "hbv": "negative"}


@pytest.mark.parametrize("bad", [
    {"hbv": "maybe"}, {"risk": "medium"}, {"steroid_days": -1}, {"steroid_days": 366},
    {"ld_date": date(2026, 1, 7)}, {"ld_date": date(2025, 12, 1)}, {"weight_kg": 19.9}, {"weight_kg": float("nan")},
    {"day": 10}, {"day": 10, "anc": -1}, {"day": 10, "anc": 101, "anc_unit": "10^9/L"}, {"igg": 5001},
    {"igg": 51, "igg_unit": "g/L"}, {"igg": 4, "igg_unit": "mmol/L"},
])
def test_implausible_input_refused(bad: dict[str, object]) -> None:
    with pytest.raises(UserInputError):
        infection_plan(**(BASE | bad))  # type: ignore[arg-type]


def test_months_clamp_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 12, 15), 3) == date(2028, 3, 15)
    assert igg_mg_dl(4, "g/L") == 400.0


def test_every_line_is_sourced_and_translated() -> None:
    plan = infection_plan(**BASE, risk="high", steroid_days=6)  # type: ignore[arg-type]
    assert all(line.source_ids for line in plan.lines)
    for lang in ("en", "zh-Hans"):
        data = plan.to_json(lang)
        assert data["source"].count("[CT1") == 4
        for line in data["lines"]:
            for v in line["variants"]:
                assert v["text"]
    zh = plan.to_json("zh-Hans", "patient")
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in line["text"]) for line in zh["lines"]), zh["lines"]


def test_editions_differ() -> None:
    plan = infection_plan(**BASE)  # type: ignore[arg-type]
    clinician, patient = plan_html(plan, "en", "clinician"), plan_html(plan, "en", "patient")
    assert "Each source (until)" in clinician and "sources differ" in clinician and "[CT14]" in clinician
    assert "What it means for you" in patient and "Levofloxacin 500 mg daily" not in patient
    with pytest.raises(UserInputError):
        plan_html(plan, "en", "nurse")
