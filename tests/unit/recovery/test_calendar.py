"""Recovery calendar arithmetic: month ends, leap days, both jurisdictions, rule changes."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.content.build import build_kb
from desktop.errors import UserInputError
from desktop.kb.store import KnowledgeBase
from desktop.recovery.calendar import Calendar, add_period, recovery_calendar
from tests.helpers.rules_fixture import mini_with_rules

D = dt.date


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("cal")
    build_kb(mini_with_rules(base / "data"), base / "kb.sqlite")
    with KnowledgeBase(base / "kb.sqlite") as opened:
        yield opened


@pytest.mark.parametrize(
    ("start", "value", "unit", "expected"),
    [
        (D(2028, 2, 27), 2, "weeks", D(2028, 3, 12)),
        (D(2027, 2, 27), 2, "weeks", D(2027, 3, 13)),
        (D(2028, 1, 31), 1, "months", D(2028, 2, 29)),
        (D(2027, 1, 31), 1, "months", D(2027, 2, 28)),
        (D(2028, 2, 29), 1, "years", D(2029, 2, 28)),
        (D(2025, 12, 20), 4, "weeks", D(2026, 1, 17)),
        (D(2025, 12, 31), 10, "days", D(2026, 1, 10)),
        (D(2025, 11, 30), 3, "months", D(2026, 2, 28)),
        (D(2025, 6, 1), 36, "hours", D(2025, 6, 3)),
    ],
)
def test_add_period(start: dt.date, value: float, unit: str, expected: dt.date) -> None:
    assert add_period(start, value, unit) == expected


def test_leap_day_china(kb: KnowledgeBase) -> None:
    cal = recovery_calendar(D(2028, 2, 27), "China", kb=kb)
    ld = cal.event("lymphodepletion")
    assert ld is not None
    assert (ld.start, ld.end) == (D(2028, 2, 23), D(2028, 2, 25))
    assert ld.rule_id == "cn-ld" and ld.source_ids == ("S1",) and ld.jurisdiction == "Test protocol"
    # China has no proximity/driving/monitoring rule in the sources: gaps, never a borrowed US number
    assert cal.event("stay-near-centre") is None and cal.event("driving") is None
    gaps = [n for n in cal.notes if n.kind == "gap"]
    assert len(gaps) == 3
    assert all("treating centre" in n.text_en for n in gaps)


def test_leap_day_us_new_rules(kb: KnowledgeBase) -> None:
    cal = recovery_calendar(D(2028, 2, 27), "us", kb=kb)
    near = cal.event("stay-near-centre")
    drive = cal.event("driving")
    monitor = cal.event("monitoring-period")
    assert near is not None and drive is not None and monitor is not None
    assert near.rule_id == "us-near-2w" and near.end == D(2028, 3, 12) and near.day_to == 14
    assert drive.rule_id == "us-drive-2w" and drive.end == D(2028, 3, 12)
    assert monitor.end == D(2028, 3, 27)  # one calendar month
    ld = cal.event("lymphodepletion")
    assert ld is not None and (ld.start, ld.end) == (D(2028, 2, 21), D(2028, 2, 25))
    # the older versions are shown beside, never dropped silently
    others = {n.rule_id for n in cal.notes if n.kind == "other-rule"}
    assert others == {"us-near-4w", "us-drive-8w"}
    assert cal.months() == [(2028, 2), (2028, 3)]


def test_old_rules_across_year_end(kb: KnowledgeBase) -> None:
    cal = recovery_calendar(D(2024, 12, 20), "United States (test labels)", leukapheresis=D(2024, 11, 1), kb=kb)
    near = cal.event("stay-near-centre")
    drive = cal.event("driving")
    assert near is not None and near.rule_id == "us-near-4w" and near.end == D(2025, 1, 17)
    assert drive is not None and drive.rule_id == "us-drive-8w" and drive.end == D(2025, 2, 14)
    leuk = cal.event("leukapheresis")
    assert leuk is not None and leuk.day_from == -49
    assert cal.months() == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
    grid = Calendar.month_grid(2025, 2)
    assert grid[0][:5] == [None] * 5 and grid[0][5] == D(2025, 2, 1)
    assert sum(1 for week in grid for d in week if d) == 28


def test_rule_change_during_period_is_flagged(kb: KnowledgeBase) -> None:
    cal = recovery_calendar(D(2025, 6, 20), "US", kb=kb)
    near = cal.event("stay-near-centre")
    assert near is not None and near.rule_id == "us-near-4w"
    changed = {n.rule_id for n in cal.notes if n.kind == "changed-during"}
    assert changed == {"us-near-2w", "us-drive-2w"}


def test_day_of_change_uses_new_rule(kb: KnowledgeBase) -> None:
    before = recovery_calendar(D(2025, 6, 25), "US", kb=kb).event("driving")
    on = recovery_calendar(D(2025, 6, 26), "US", kb=kb).event("driving")
    assert before is not None and before.day_to == 56
    assert on is not None and on.day_to == 14


def test_centre_periods_fill_gaps_and_are_labelled(kb: KnowledgeBase) -> None:
    cal = recovery_calendar(D(2025, 1, 30), "China", kb=kb, centre_periods={"stay-near-centre": 30})
    near = cal.event("stay-near-centre")
    assert near is not None and near.end == D(2025, 3, 1) and near.source_ids == ()
    assert "treating centre" in near.jurisdiction
    assert len([n for n in cal.notes if n.kind == "gap"]) == 2


def test_key_days_and_sources(kb: KnowledgeBase) -> None:
    cal = recovery_calendar(D(2025, 3, 31), "US", kb=kb)
    assert [e.kind for e in cal.on(D(2025, 3, 31))] == ["infusion", "monitoring-period", "driving", "stay-near-centre"] or {
        e.kind for e in cal.on(D(2025, 3, 31))
    } == {"infusion", "monitoring-period", "driving", "stay-near-centre"}
    assert cal.source_ids() == ["S1"]
    data = cal.to_dict()
    assert data["infusion"] == "2025-03-31" and data["source_ids"] == ["S1"]
    assert "2025-03-31" in cal.as_text() and "回输" in cal.as_text("zh-Hans")
    assert cal.kb_meta["kb_version"] == "1.0.0"


def test_bad_input(kb: KnowledgeBase) -> None:
    with pytest.raises(UserInputError, match="unknown jurisdiction"):
        recovery_calendar(D(2025, 1, 1), "Mars", kb=kb)
    with pytest.raises(UserInputError, match="leukapheresis"):
        recovery_calendar(D(2025, 1, 1), "US", leukapheresis=D(2025, 1, 2), kb=kb)
    with pytest.raises(UserInputError, match="centre period"):
        recovery_calendar(D(2025, 1, 1), "US", kb=kb, centre_periods={"driving": 0})
