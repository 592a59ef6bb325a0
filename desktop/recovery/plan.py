"""A patient's recovery plan: the dates typed, the phases and the calendar, computed once.

The handouts form, the calendar view and `cartref handout` each call `plan_for` when the
dates change and pass the resulting `Plan` on; a handout only projects it onto paper, so no
calendar is computed in the middle of rendering, and a plan handed from the calendar view to
the handouts form is printed as it is, not re-typed and recomputed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from desktop.errors import UserInputError
from desktop.kb.rules import Region, regions, rules_for
from desktop.kb.store import KnowledgeBase
from desktop.recovery import journey
from desktop.recovery.calendar import (
    TOPIC_TITLES,
    Calendar,
    CalendarEvent,
    recovery_calendar,
    resolve_region,
)

DEFAULT_THERAPY = "eque-cel"
"""The product the handouts and the default jurisdiction follow."""


def jurisdictions(kb: KnowledgeBase) -> list[Region]:
    """The regions a calendar can be computed for (the KB's `rule_regions`)."""
    return regions(kb)


def default_jurisdiction(kb: KnowledgeBase, therapy_id: str = DEFAULT_THERAPY) -> str:
    """The region whose rules name the product (China for eque-cel); else the first region; '' if none."""
    known = [r.id for r in regions(kb)]
    if not known:
        return ""
    for rule in rules_for(kb, therapy_id=therapy_id):
        if therapy_id in rule.therapy_ids and rule.region in known:
            return rule.region
    return known[0]


def check_jurisdiction(kb: KnowledgeBase, jurisdiction: str) -> str:
    """The region id for a typed jurisdiction (id, name or alias such as us / china); one-line error otherwise."""
    return resolve_region(jurisdiction, regions(kb)).id


def build_calendar(kb: KnowledgeBase, infusion: dt.date, jurisdiction: str = "",
                   leukapheresis: dt.date | None = None) -> tuple[Calendar, bool]:
    """The calendar under `jurisdiction` (default: the product's); (calendar, has_rules).

    A KB without dated rules still gets a calendar with the days the user typed, and
    `has_rules` False so the handout says the rules are missing instead of inventing them.
    """
    if leukapheresis is not None and leukapheresis >= infusion:
        raise UserInputError("the leukapheresis date must be before the infusion date")
    if not regions(kb):
        if jurisdiction:
            resolve_region(jurisdiction, [])  # raises: this KB has no rules
        events = [CalendarEvent("infusion", infusion, infusion, 0, 0, *TOPIC_TITLES["infusion"])]
        if leukapheresis is not None:
            rel = (leukapheresis - infusion).days
            events.insert(0, CalendarEvent("leukapheresis", leukapheresis, leukapheresis, rel, rel, *TOPIC_TITLES["leukapheresis"]))
        return Calendar(infusion, "", "", "", leukapheresis, events=tuple(events)), False
    region = jurisdiction or default_jurisdiction(kb)
    return recovery_calendar(infusion, region, leukapheresis, kb=kb), True


class PlanInputs(Protocol):
    """What a plan is computed from: the handouts' `Personal` has these, and so has `Dates`."""

    @property
    def infusion_date(self) -> dt.date | None: ...

    @property
    def leukapheresis_date(self) -> dt.date | None: ...

    @property
    def jurisdiction(self) -> str: ...


@dataclass(frozen=True)
class Dates:
    """Plan inputs on their own (the calendar view has no patient details)."""

    infusion_date: dt.date | None = None
    leukapheresis_date: dt.date | None = None
    jurisdiction: str = ""
    """A rule region id, name or alias; '' = the product's (e.g. China for eque-cel)."""


@dataclass(frozen=True)
class Plan:
    """The recovery plan for one set of dates under one KB: what every handout and view shows.

    `problem` is the one-line reason no calendar could be computed for these dates (e.g. a
    leukapheresis date after the infusion): only what needs the calendar reports it, so a
    handout without a calendar still prints, as it always has.
    """

    infusion: dt.date | None
    leukapheresis: dt.date | None
    jurisdiction: str
    """As asked ('' = the product's); the calendar holds the region it resolved to."""
    phases: tuple[journey.Phase, ...]
    calendar: Calendar | None
    has_rules: bool
    problem: str = ""

    def inputs(self) -> Dates:
        """The dates this plan was computed from (a form compares them with what it shows)."""
        return Dates(self.infusion, self.leukapheresis, self.jurisdiction)

    def phase_dates(self, lang: str) -> list[journey.PhaseDates]:
        """Each treatment phase's day label and, with an infusion date, its calendar dates."""
        return [journey.phase_dates(p, self.infusion, lang) for p in self.phases]


def plan_for(kb: KnowledgeBase, inputs: PlanInputs | None = None) -> Plan:
    """Compute the plan once: the KB's phases and, with an infusion date, the calendar."""
    infusion = inputs.infusion_date if inputs is not None else None
    leukapheresis = inputs.leukapheresis_date if inputs is not None else None
    jurisdiction = inputs.jurisdiction.strip() if inputs is not None else ""
    calendar: Calendar | None = None
    problem = ""
    try:
        if infusion is not None:
            calendar, has_rules = build_calendar(kb, infusion, jurisdiction, leukapheresis)
        else:
            has_rules = bool(jurisdictions(kb))
            if leukapheresis is not None:
                problem = "a leukapheresis date needs an infusion date too"
            elif jurisdiction:
                check_jurisdiction(kb, jurisdiction)
    except UserInputError as exc:
        problem = str(exc)
        has_rules = bool(jurisdictions(kb))
    return Plan(infusion, leukapheresis, jurisdiction, journey.phases_from_kb(kb), calendar, has_rules, problem)
