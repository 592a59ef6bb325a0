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
from desktop.i18n import N_, gettext
from desktop.kb.rules import Region, regions, rules_for
from desktop.kb.store import KnowledgeBase
from desktop.recovery import journey
from desktop.recovery.calendar import (
    TOPIC_TITLES,
    Calendar,
    CalendarEvent,
    CalendarNote,
    recovery_calendar,
    resolve_region,
)

_EN, _ZH = "en", "zh-Hans"  # names, not literals, in gettext() calls (Babel)

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
    calendar = recovery_calendar(infusion, region, leukapheresis, kb=kb)
    if calendar.jurisdiction == default_jurisdiction(kb):
        calendar = with_protocol_periods(calendar)
    return calendar, True


def with_protocol_periods(calendar: Calendar) -> Calendar:
    """The product's own study-protocol periods where its jurisdiction has no rule (D24).

    For eque-cel in China no NMPA rule gives the monitoring period, but the IASO protocol's
    28-day safety period (R18) does: it is marked, labelled as the protocol's, instead of a
    blank. Follow-up runs from day 29 under the same protocol, which gives no visit days, so
    the visits stay a gap the care team fills in, starting on day 29. Nothing is invented: a
    phase without a sourced day count adds nothing.
    """
    from dataclasses import replace

    phases = {p.key: p for p in journey.PHASES}
    events = list(calendar.events)
    notes = list(calendar.notes)
    watch = phases.get("monitoring")
    if calendar.event("monitoring-period") is None and watch and watch.start_day is not None and watch.end_day is not None:
        infusion = calendar.infusion
        events.append(CalendarEvent(
            "monitoring-period", infusion + dt.timedelta(days=watch.start_day), infusion + dt.timedelta(days=watch.end_day),
            watch.start_day, watch.end_day, *TOPIC_TITLES["monitoring-period"],
            detail_en=gettext(_EN)(watch.title_en), detail_zh=gettext(_ZH)(watch.title_en),
            jurisdiction=watch.basis(_EN), jurisdiction_zh=watch.basis(_ZH), source_ids=watch.source_ids))
        notes = [n for n in notes if not (n.kind == "gap" and n.topic == "monitoring-period")]
    follow = phases.get("follow-up")
    if calendar.event("follow-up") is None and follow and follow.start_day is not None:
        msg = N_("Follow-up visits: the follow-up of %(basis)s starts on day %(day)s; the sources give no visit days. "
                 "Your treating centre sets them: ask them.")
        notes.append(CalendarNote(
            "gap", gettext(_EN)(msg) % {"basis": follow.basis(_EN), "day": follow.start_day},
            gettext(_ZH)(msg) % {"basis": follow.basis(_ZH), "day": follow.start_day},
            source_ids=follow.source_ids, topic="follow-up", day_from=follow.start_day))
    events.sort(key=lambda e: (e.start, e.end, e.kind))
    return replace(calendar, events=tuple(events), notes=tuple(notes))


class PlanInputs(Protocol):
    """What a plan is computed from: the handouts' `Personal` has these, and so has `Dates`."""

    @property
    def infusion_date(self) -> dt.date | None: ...

    @property
    def leukapheresis_date(self) -> dt.date | None: ...

    @property
    def jurisdiction(self) -> str: ...

    @property
    def product(self) -> str: ...


@dataclass(frozen=True)
class Dates:
    """Plan inputs on their own (the calendar view has no patient details)."""

    infusion_date: dt.date | None = None
    leukapheresis_date: dt.date | None = None
    jurisdiction: str = ""
    """A rule region id, name or alias; '' = the product's (e.g. China for eque-cel)."""
    product: str = ""
    """The CAR-T product (therapy id); '' = the handouts' default (eque-cel)."""


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
    product: str = DEFAULT_THERAPY
    """The product (therapy id) whose label warnings the calendar and the nerve-check sheet follow."""

    def inputs(self) -> Dates:
        """The dates this plan was computed from (a form compares them with what it shows)."""
        return Dates(self.infusion, self.leukapheresis, self.jurisdiction, self.product)

    def phase_dates(self, lang: str) -> list[journey.PhaseDates]:
        """Each treatment phase's day label and, with an infusion date, its calendar dates."""
        return [journey.phase_dates(p, self.infusion, lang) for p in self.phases]


def plan_for(kb: KnowledgeBase, inputs: PlanInputs | None = None) -> Plan:
    """Compute the plan once: the KB's phases and, with an infusion date, the calendar."""
    infusion = inputs.infusion_date if inputs is not None else None
    leukapheresis = inputs.leukapheresis_date if inputs is not None else None
    jurisdiction = inputs.jurisdiction.strip() if inputs is not None else ""
    product = (inputs.product.strip() if inputs is not None else "") or DEFAULT_THERAPY
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
    if kb.therapy(product) is None:
        known = ", ".join(t.id for t in kb.therapies())
        problem = problem or f"unknown product {product!r} (one of: {known})"
    return Plan(infusion, leukapheresis, jurisdiction, journey.phases_from_kb(kb), calendar, has_rules, problem, product)
