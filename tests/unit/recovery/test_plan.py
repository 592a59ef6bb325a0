"""The recovery plan: jurisdictions, phases and the calendar computed once, before any handout."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.errors import UserInputError
from desktop.handouts.render import Options, Personal, render_handout
from desktop.kb.store import KnowledgeBase
from desktop.recovery import journey
from desktop.recovery import plan as recovery
from desktop.recovery.plan import Dates, plan_for
from tests.helpers.rules_fixture import mini_with_rules


@pytest.fixture(scope="module")
def rules_kb(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("plan")
    build_kb(mini_with_rules(base / "data"), base / "kb.sqlite")
    with KnowledgeBase(base / "kb.sqlite") as opened:
        yield opened


def test_default_jurisdiction_is_the_products(rules_kb: KnowledgeBase) -> None:
    assert recovery.default_jurisdiction(rules_kb) == "China"  # the only rule naming eque-cel
    assert recovery.default_jurisdiction(rules_kb, "no-such-product") == "China"  # first region
    assert recovery.check_jurisdiction(rules_kb, "fda") == "US"
    with pytest.raises(UserInputError, match="unknown jurisdiction 'mars'; choose one of: China, US"):
        recovery.check_jurisdiction(rules_kb, "mars")


def test_journey_dates_follow_the_infusion_date() -> None:
    lymph = next(p for p in journey.PHASES if p.key == "lymphodepletion")
    d = journey.phase_dates(lymph, date(2026, 3, 2), "en")
    assert d.day_label == "Day \u22124 to \u22122"
    assert d.date_label == "2026-02-26 – 2026-02-28"
    lt = next(p for p in journey.PHASES if p.key == "long-term")
    assert journey.phase_dates(lt, date(2024, 2, 29), "en").date_label.endswith("2039-02-28")
    assert journey.phase_dates(lymph, None, "zh-Hans").day_label == "回输前4天至回输前2天"


def test_plan_holds_the_calendar_the_phases_and_its_inputs(rules_kb: KnowledgeBase) -> None:
    asked = Dates(date(2026, 1, 29), date(2025, 12, 20), " us ")
    plan = plan_for(rules_kb, asked)
    assert plan.calendar is not None and plan.calendar.jurisdiction == "US" and plan.has_rules and not plan.problem
    assert plan.inputs() == Dates(date(2026, 1, 29), date(2025, 12, 20), "us", "eque-cel")  # the default product, resolved
    lymph = next(p for p in plan.phase_dates("en") if p.phase.key == "lymphodepletion")
    assert lymph.date_label == "2026-01-25 – 2026-01-27"  # the KB's China rule for eque-cel: days -4..-2
    assert plan_for(rules_kb, Dates(date(2026, 1, 29))).calendar.jurisdiction == "China"  # type: ignore[union-attr]
    empty = plan_for(rules_kb)
    assert empty.calendar is None and empty.infusion is None and empty.has_rules and not empty.problem


def test_a_plan_that_cannot_have_a_calendar_says_why_and_only_calendar_handouts_refuse(rules_kb: KnowledgeBase) -> None:
    cases = [
        (Dates(date(2026, 1, 1), date(2026, 1, 2)), "before the infusion"),
        (Dates(None, date(2026, 1, 2)), "needs an infusion date too"),
        (Dates(None, None, "atlantis"), "unknown jurisdiction 'atlantis'"),
        (Dates(date(2026, 1, 1), None, "atlantis"), "unknown jurisdiction 'atlantis'"),
    ]
    for dates, why in cases:
        plan = plan_for(rules_kb, dates)
        assert plan.calendar is None and why in plan.problem
        with pytest.raises(UserInputError, match=why):
            render_handout(rules_kb, "symptom-log", plan, Options())
        assert render_handout(rules_kb, "journey", plan, Options()).html  # as before: journey has no calendar


def test_the_handout_prints_the_plans_dates(rules_kb: KnowledgeBase) -> None:
    plan = plan_for(rules_kb, Dates(date(2026, 1, 29)))
    typed = Personal(patient="Li", infusion_date=date(2030, 5, 5))  # what the plan was not made from
    html = render_handout(rules_kb, "journey", plan, Options(), typed).html
    assert "2026-01-25" in html and "2030-05" not in html


def test_a_kb_without_rules_still_gets_the_typed_days(mini_kb: Path) -> None:
    plan = plan_for(KnowledgeBase(mini_kb), Dates(date(2026, 1, 29), date(2026, 1, 2)))
    assert plan.calendar is not None and not plan.has_rules
    assert [e.kind for e in plan.calendar.events] == ["leukapheresis", "infusion"]
