"""The weekly nerve check on the calendar (issue 23 item 7) and what the calendar marks for the
default product where no rule gives a period (D24), on the real KB."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.handouts import neurocheck, recovery
from desktop.handouts.content import HandoutContent
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import Dates, plan_for

D = dt.date


def test_only_a_label_that_warns_gets_the_check(real_kb: Path) -> None:
    kb = KnowledgeBase(real_kb)
    warning = neurocheck.delayed_warning(kb, "cilta-cel")
    assert warning is not None and "parkinsonism" in warning.text and "P10" in warning.source_ids
    assert neurocheck.delayed_warning(kb, "eque-cel") is None and neurocheck.delayed_warning(kb, "ide-cel") is None
    plan = plan_for(kb, Dates(D(2026, 12, 1), None, "US", "eque-cel"))
    assert neurocheck.with_checks(kb, plan.calendar, plan.product) is plan.calendar


def test_weekly_days_14_to_100_one_row_no_extra_months(real_kb: Path) -> None:
    kb = KnowledgeBase(real_kb)
    plan = plan_for(kb, Dates(D(2026, 12, 1), None, "US", "cilta-cel"))
    cal = neurocheck.with_checks(kb, plan.calendar, plan.product)
    assert cal is not None
    checks = [e for e in cal.events if e.kind == "neuro-check"]
    assert [e.day_from for e in checks] == [14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98]
    assert checks[0].start == D(2026, 12, 15) and all(e.start == e.end for e in checks)
    assert {"G14", "CT21", "P9", "P10"} <= set(checks[0].source_ids)
    assert "not a limit set by the label" in checks[0].detail_en and "并非说明书规定的期限" in checks[0].detail_zh
    content = HandoutContent(kb, "en")
    rows = [r for r in recovery.event_rows(cal, "en", content) if r.kind == "neuro-check"]
    assert len(rows) == 1 and rows[0].days == "Days 14 to 98, every 7 days" and "2027-03-09" in rows[0].detail
    titles = [m.title for m in recovery.month_views(cal, "en")]
    assert titles[-1] == "January 2027"  # the periods' months; the checks in Feb-Mar are listed, not gridded
    december = next(m for m in recovery.month_views(cal, "en") if m.title == "December 2026")
    marked = [c.day for week in december.weeks for c in week if any(mk.kind == "neuro-check" for mk in c.marks)]
    assert marked == [D(2026, 12, 15), D(2026, 12, 22), D(2026, 12, 29)]


def test_default_product_marks_its_protocol_period_and_leaves_visits_to_the_team(real_kb: Path) -> None:
    kb = KnowledgeBase(real_kb)
    cal = plan_for(kb, Dates(D(2026, 12, 1))).calendar
    assert cal is not None and cal.jurisdiction == "China"
    watch = cal.event("monitoring-period")
    assert watch is not None and (watch.start, watch.end) == (D(2026, 12, 2), D(2026, 12, 29))
    assert watch.source_ids == ("R18",) and "IASO" in watch.jurisdiction
    gaps = {n.topic: n for n in cal.notes if n.kind == "gap"}
    assert "monitoring-period" not in gaps and gaps["follow-up"].day_from == 29
    fills = {f.topic: f for f in recovery.fill_ins(cal, "zh-Hans")}
    assert fills["follow-up"].when == "2026-12-30 – ____________" and fills["follow-up"].days == "第29天至______"
    assert set(fills) == {"stay-near-centre", "driving", "follow-up"}
    us = plan_for(kb, Dates(D(2026, 12, 1), None, "US")).calendar
    assert us is not None and not any(n.topic == "follow-up" for n in us.notes)  # only the product's own region
