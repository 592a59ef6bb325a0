"""Recovery calendar: the patient's key days computed from the infusion date.

Every period comes from a dated rule in the KB (`desktop.kb.rules`) for the chosen
jurisdiction, and every event carries that rule's id and sources. Where the sources give no
rule (e.g. no NMPA proximity or driving period was found), the calendar says so as a gap note
instead of borrowing another jurisdiction's number; staff may type the treating centre's own
periods, which are printed as such. Pure: nothing is stored, nothing is read but the KB the
caller passes (this module never opens one itself).
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import math
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from desktop.errors import UserInputError
from desktop.i18n import N_, gettext
from desktop.kb.rules import Region, Rule, regions, rules_for
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import in_language

GAP_TOPICS = ("monitoring-period", "stay-near-centre", "driving")
"""Topics a patient must always see: a rule, the centre's period, or an explicit 'not found'."""

CALENDAR_TOPICS = ("lymphodepletion", "monitoring-daily", "monitoring-period", "stay-near-centre", "driving", "caregiver", "follow-up")

_TOPIC_TITLES: dict[str, str] = {
    "leukapheresis": N_("Leukapheresis (cell collection)"),
    "lymphodepletion": N_("Lymphodepleting chemotherapy"),
    "infusion": N_("CAR-T infusion (day 0)"),
    "monitoring-daily": N_("Daily monitoring"),
    "monitoring-period": N_("Monitoring period"),
    "stay-near-centre": N_("Stay near the treatment centre"),
    "driving": N_("No driving"),
    "caregiver": N_("Care partner with you"),
    "follow-up": N_("Follow-up visit"),
}

# The calendar keeps its texts in English and Chinese side by side, like the content it quotes
# (a rule's text_en/text_zh); its own sentences come from the catalogue (desktop/i18n.py).
_EN, _ZH = "en", "zh-Hans"  # (names, not literals, in gettext() calls: Babel would take a literal for a message)
Pair = tuple[str, str]


def _pair(msgid: str, **args: str | Pair) -> Pair:
    """The message in English and in Chinese; an argument given as (en, zh) is content and is
    put in each language as it is (Chinese falling back to English)."""
    en = {k: v[0] if isinstance(v, tuple) else v for k, v in args.items()}
    zh = {k: (v[1] or v[0]) if isinstance(v, tuple) else v for k, v in args.items()}
    return gettext(_EN)(msgid) % en, gettext(_ZH)(msgid) % zh


class _Titles(Mapping[str, Pair]):
    """topic -> (English, Chinese) title, translated when looked up."""

    def __getitem__(self, topic: str) -> Pair:
        title = _TOPIC_TITLES[topic]
        return title, gettext(_ZH)(title)

    def __iter__(self) -> Iterator[str]:
        return iter(_TOPIC_TITLES)

    def __len__(self) -> int:
        return len(_TOPIC_TITLES)


TOPIC_TITLES: Mapping[str, Pair] = _Titles()

ALIASES = {
    "us": "US",
    "usa": "US",
    "fda": "US",
    "united states": "US",
    "cn": "China",
    "china": "China",
    "nmpa": "China",
    "zh": "China",
    "中国": "China",
    "美国": "US",
}


@dataclass(frozen=True)
class CalendarEvent:
    """One marked span of days (a single day when start == end)."""

    kind: str
    start: dt.date
    end: dt.date
    day_from: int
    day_to: int
    title_en: str
    title_zh: str
    detail_en: str = ""
    detail_zh: str = ""
    jurisdiction: str = ""
    jurisdiction_zh: str = ""
    rule_id: str = ""
    valid: str = ""
    source_ids: tuple[str, ...] = ()

    def title(self, lang: str = "en") -> str:
        return in_language(lang, self.title_en, self.title_zh)

    def detail(self, lang: str = "en") -> str:
        return in_language(lang, self.detail_en, self.detail_zh)

    def jurisdiction_label(self, lang: str = "en") -> str:
        return in_language(lang, self.jurisdiction, self.jurisdiction_zh)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days_label(self) -> str:
        if self.day_from == self.day_to:
            return f"day {self.day_from}"
        return f"days {self.day_from}…{self.day_to}"


@dataclass(frozen=True)
class CalendarNote:
    """Something the patient must read beside the dates: a gap, or another version of a rule."""

    kind: str  # "gap" | "other-rule" | "changed-during" | "region"
    text_en: str
    text_zh: str
    rule_id: str = ""
    source_ids: tuple[str, ...] = ()
    topic: str = ""
    """For a gap: the period no rule gives (monitoring, stay-near-centre, driving, follow-up)."""
    day_from: int = 0
    """For a gap: the day the period starts (its fill-in line on paper starts there)."""

    def text(self, lang: str = "en") -> str:
        return in_language(lang, self.text_en, self.text_zh)


@dataclass(frozen=True)
class Calendar:
    infusion: dt.date
    jurisdiction: str
    jurisdiction_en: str
    jurisdiction_zh: str
    leukapheresis: dt.date | None = None
    therapy_id: str | None = None
    events: tuple[CalendarEvent, ...] = ()
    notes: tuple[CalendarNote, ...] = ()
    kb_meta: dict[str, str] = field(default_factory=dict)

    def jurisdiction_label(self, lang: str = "en") -> str:
        return in_language(lang, self.jurisdiction_en, self.jurisdiction_zh)

    def on(self, day: dt.date) -> list[CalendarEvent]:
        return [e for e in self.events if e.covers(day)]

    def event(self, kind: str) -> CalendarEvent | None:
        return next((e for e in self.events if e.kind == kind), None)

    @property
    def first_day(self) -> dt.date:
        return min(e.start for e in self.events)

    @property
    def last_day(self) -> dt.date:
        return max(e.end for e in self.events)

    def months(self) -> list[tuple[int, int]]:
        """(year, month) for every month from the first to the last marked day."""
        year, month = self.first_day.year, self.first_day.month
        out = []
        while (year, month) <= (self.last_day.year, self.last_day.month):
            out.append((year, month))
            month += 1
            if month == 13:
                year, month = year + 1, 1
        return out

    @staticmethod
    def month_grid(year: int, month: int) -> list[list[dt.date | None]]:
        """Weeks (Monday first) of one month; days outside it are None."""
        return [[d if d.month == month else None for d in week] for week in _cal.Calendar(0).monthdatescalendar(year, month)]

    def source_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for ids in [e.source_ids for e in self.events] + [n.source_ids for n in self.notes]:
            for sid in ids:
                seen.setdefault(sid, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["infusion"] = self.infusion.isoformat()
        data["leukapheresis"] = self.leukapheresis.isoformat() if self.leukapheresis else None
        for event in data["events"]:
            event["start"] = event["start"].isoformat()
            event["end"] = event["end"].isoformat()
        data["source_ids"] = self.source_ids()
        return data

    def as_text(self, lang: str = "en") -> str:
        """Plain-text calendar (for the CLI, logs and a report)."""
        _ = gettext(lang)
        lines = [
            _("Infusion: %(date)s  ·  Jurisdiction: %(jurisdiction)s") % {
                "date": self.infusion.isoformat(), "jurisdiction": self.jurisdiction_label(lang)}
        ]
        for e in sorted(self.events, key=lambda e: (e.start, e.end)):
            when = e.start.isoformat() if e.start == e.end else f"{e.start.isoformat()} → {e.end.isoformat()}"
            who = f" [{e.jurisdiction_label(lang)}; {', '.join(e.source_ids)}]" if e.jurisdiction else ""
            lines.append(f"  {when:<25} {e.days_label:<14} {e.title(lang)}{who}")
            if e.detail(lang):
                lines.append(f"  {'':<25} {'':<14} {e.detail(lang)}")
        for n in self.notes:
            lines.append(f"  ! {n.text(lang)}" + (f" [{', '.join(n.source_ids)}]" if n.source_ids else ""))
        return "\n".join(lines)


# -- arithmetic ----------------------------------------------------------------------------
def add_period(start: dt.date, value: float, unit: str) -> dt.date:
    """`start` plus a rule's period; months/years clamp to the month's last day (Feb 29 -> Feb 28)."""
    if unit == "hours":
        return start + dt.timedelta(days=math.ceil(value / 24))
    if unit == "days":
        return start + dt.timedelta(days=math.ceil(value))
    if unit == "weeks":
        return start + dt.timedelta(days=math.ceil(value * 7))
    if unit in ("months", "years"):
        months = round(value * (12 if unit == "years" else 1))
        index = start.year * 12 + (start.month - 1) + months
        year, month = divmod(index, 12)
        month += 1
        day = min(start.day, _cal.monthrange(year, month)[1])
        return dt.date(year, month, day)
    raise UserInputError(f"unknown period unit {unit!r}")


def resolve_region(jurisdiction: str, known: list[Region]) -> Region:
    """Match a region id, its English/Chinese name, or a short alias (us, china, fda, nmpa)."""
    text = jurisdiction.strip()
    key = ALIASES.get(text.lower(), text)
    for region in known:
        if key.lower() in (region.id.lower(), region.name_en.lower()) or text == region.name_zh:
            return region
    names = ", ".join(r.id for r in known) or "none (the KB has no rules)"
    raise UserInputError(f"unknown jurisdiction {jurisdiction!r}; choose one of: {names}")


# -- the calendar --------------------------------------------------------------------------
def recovery_calendar(
    infusion: dt.date,
    jurisdiction: str,
    leukapheresis: dt.date | None = None,
    *,
    kb: KnowledgeBase,
    therapy_id: str | None = None,
    centre_periods: Mapping[str, int] | None = None,
) -> Calendar:
    """Compute the calendar under the rules in force on the infusion date in `jurisdiction`.

    `centre_periods` maps a topic (`stay-near-centre`, `driving`, `monitoring-period`) to days
    the treating centre has set; they fill gaps and are labelled as the centre's, unsourced.
    """
    if not isinstance(infusion, dt.date):
        raise UserInputError("infusion date is required")
    return _compute(infusion, jurisdiction, leukapheresis, kb, therapy_id, dict(centre_periods or {}))


def _compute(
    infusion: dt.date,
    jurisdiction: str,
    leukapheresis: dt.date | None,
    kb: KnowledgeBase,
    therapy_id: str | None,
    centre: dict[str, int],
) -> Calendar:
    region = resolve_region(jurisdiction, regions(kb))
    if leukapheresis is not None and leukapheresis >= infusion:
        raise UserInputError("the leukapheresis date must be before the infusion date")
    for topic, days in centre.items():
        if topic not in (*GAP_TOPICS, "caregiver"):
            raise UserInputError(f"a centre period must be one of {', '.join(GAP_TOPICS)}: {topic!r}")
        if not isinstance(days, int) or days <= 0 or days > 3650:
            raise UserInputError(f"centre period for {topic} must be a number of days (1–3650)")
    all_rules = rules_for(kb, therapy_id=therapy_id, region=region.id)
    events: list[CalendarEvent] = []
    notes: list[CalendarNote] = []
    if region.note_en:
        notes.append(CalendarNote("region", region.note_en, region.note_zh))

    def rel(day: dt.date) -> int:
        return (day - infusion).days

    if leukapheresis is not None:
        gap = (infusion - leukapheresis).days
        events.append(
            CalendarEvent(
                "leukapheresis",
                leukapheresis,
                leukapheresis,
                rel(leukapheresis),
                rel(leukapheresis),
                *TOPIC_TITLES["leukapheresis"],
                *_pair(N_("%(days)s days before infusion (date entered by staff)"), days=str(gap)),
            )
        )
    events.append(CalendarEvent("infusion", infusion, infusion, 0, 0, *TOPIC_TITLES["infusion"]))
    covered: set[str] = set()
    noted: set[str] = set()
    for topic in CALENDAR_TOPICS:
        versions = [r for r in all_rules if r.topic == topic]
        current = [r for r in versions if r.in_force(infusion)]
        for rule in current:
            event = _event_for(rule, infusion)
            if event is None:
                continue
            events.append(event)
            covered.add(topic)
            for later in versions:
                if later is rule or later in current:
                    continue
                start = dt.date.fromisoformat(later.valid_from if len(later.valid_from) == 10 else later.valid_from + "-01")
                if event.start < start <= event.end:
                    noted.add(later.id)
                    notes.append(
                        CalendarNote(
                            "changed-during",
                            *_pair(N_("This rule changed on %(date)s, during your period: %(text)s (%(jurisdiction)s). "
                                   "Ask your team which applies to you."), date=later.valid_from,
                                   text=(later.text_en, later.text_zh),
                                   jurisdiction=(later.jurisdiction, later.jurisdiction_zh)),
                            later.id,
                            later.source_ids,
                        )
                    )
        for other in versions:
            if other in current or other.id in noted:
                continue
            notes.append(
                CalendarNote(
                    "other-rule",
                    *_pair(N_("Not in force on %(date)s (%(period)s): %(text)s (%(jurisdiction)s)"),
                           date=infusion.isoformat(), period=_period(other), text=(other.text_en, other.text_zh),
                           jurisdiction=(other.jurisdiction, other.jurisdiction_zh)),
                    other.id,
                    other.source_ids,
                )
            )
    for topic in (*GAP_TOPICS, "caregiver"):
        if topic in centre:
            days = centre[topic]
            title_en, title_zh = TOPIC_TITLES[topic]
            detail_en, detail_zh = _pair(N_("%(days)s days after infusion, as set by the treating centre"), days=str(days))
            who_en, who_zh = _pair(N_("treating centre (entered by staff, not from the knowledge base)"))
            events.append(
                CalendarEvent(
                    topic,
                    infusion,
                    infusion + dt.timedelta(days=days),
                    0,
                    days,
                    title_en,
                    title_zh,
                    detail_en=detail_en,
                    detail_zh=detail_zh,
                    jurisdiction=who_en,
                    jurisdiction_zh=who_zh,
                )
            )
        elif topic in GAP_TOPICS and topic not in covered:
            notes.append(
                CalendarNote(
                    "gap",
                    *_pair(N_("%(title)s: no rule in force on %(date)s was found in the sources for %(region)s. Your "
                           "treating centre sets this period: ask them."),
                           title=TOPIC_TITLES[topic], date=infusion.isoformat(), region=(region.name_en, region.name_zh)),
                    topic=topic,
                )
            )
    meta: dict[str, str] = {}
    if hasattr(kb, "meta"):
        m = kb.meta()
        meta = {"kb_version": m.kb_version, "content_date": m.content_date, "content_hash": m.content_hash}
    events.sort(key=lambda e: (e.start, e.end, e.kind))
    return Calendar(
        infusion=infusion,
        jurisdiction=region.id,
        jurisdiction_en=region.name_en,
        jurisdiction_zh=region.name_zh,
        leukapheresis=leukapheresis,
        therapy_id=therapy_id,
        events=tuple(events),
        notes=tuple(notes),
        kb_meta=meta,
    )


def period_text(rule: Rule, lang: str) -> str:
    """When a rule is valid: `since 2025-06-26` or `2021-03 – 2025-06-26` in English."""
    _ = gettext(lang)
    if rule.valid_to:
        return _("%(start)s – %(end)s") % {"start": rule.valid_from, "end": rule.valid_to}
    return _("since %(date)s") % {"date": rule.valid_from}


def _period(rule: Rule) -> Pair:
    return period_text(rule, _EN), period_text(rule, _ZH)


MONTH_NAMES = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
               N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def month_title(year: int, month: int, lang: str) -> str:
    """'March 2026' in English (whatever the system's locale), '2026年3月' in Chinese."""
    _ = gettext(lang)
    return _("%(month)s %(year)s") % {"month": _(MONTH_NAMES[month - 1]), "year": year}


def _event_for(rule: Rule, infusion: dt.date) -> CalendarEvent | None:
    title_en, title_zh = TOPIC_TITLES.get(rule.topic, (rule.topic, rule.topic))
    common: dict[str, Any] = {
        "jurisdiction": rule.jurisdiction,
        "jurisdiction_zh": rule.jurisdiction_zh,
        "rule_id": rule.id,
        "valid": rule.period_label,
        "source_ids": rule.source_ids,
        "detail_en": rule.text_en,
        "detail_zh": rule.text_zh,
    }
    if rule.day_from is not None and rule.day_to is not None:
        start = infusion + dt.timedelta(days=rule.day_from)
        end = infusion + dt.timedelta(days=rule.day_to)
        return CalendarEvent(rule.topic, start, end, rule.day_from, rule.day_to, title_en, title_zh, **common)
    if rule.value is None or not rule.unit:
        return None
    end = add_period(infusion, rule.value, rule.unit)
    return CalendarEvent(rule.topic, infusion, end, 0, (end - infusion).days, title_en, title_zh, **common)
