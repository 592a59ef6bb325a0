"""What the recovery-calendar and symptom-log handouts print, computed without Qt.

The dates come from the plan (`desktop.recovery.plan.Plan`, computed under one jurisdiction's
dated rules before rendering); this module only arranges them for paper (month grids with marked days, the
event list, the log sheet's rows) and reads the "call now" thresholds from the KB's safety
articles and glossary, so no clinical number is written into a template.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from desktop import markup
from desktop.errors import UserInputError
from desktop.handouts.content import HandoutContent
from desktop.i18n import NP_, gettext, pgettext
from desktop.recovery import journey
from desktop.recovery.calendar import TOPIC_TITLES, Calendar, CalendarNote
from desktop.recovery.calendar import month_title as calendar_month_title

# kind -> (colour, mark); the one-character mark keeps days apart on a grey printer and is
# translated (context MARK_CONTEXT).
MARK_CONTEXT = "one-character calendar mark"
MARKS: dict[str, tuple[str, str]] = {
    "leukapheresis": ("#cfe0f7", NP_("one-character calendar mark", "A")),
    "lymphodepletion": ("#f9d29d", NP_("one-character calendar mark", "L")),
    "infusion": ("#b71c1c", NP_("one-character calendar mark", "0")),
    "monitoring-daily": ("#f6c6c6", NP_("one-character calendar mark", "M")),
    "monitoring-period": ("#f6c6c6", NP_("one-character calendar mark", "W")),
    "stay-near-centre": ("#c9e7c1", NP_("one-character calendar mark", "N")),
    "driving": ("#fbe88a", NP_("one-character calendar mark", "D")),
    "caregiver": ("#dccdf0", NP_("one-character calendar mark", "C")),
    "follow-up": ("#bfe6e6", NP_("one-character calendar mark", "F")),
    "neuro-check": ("#e6dcf5", NP_("one-character calendar mark", "H")),
}
PRIORITY = ("infusion", "lymphodepletion", "leukapheresis", "follow-up", "neuro-check", "monitoring-period",
            "monitoring-daily", "stay-near-centre", "driving", "caregiver")
SPAN_KINDS = ("leukapheresis", "lymphodepletion", "infusion", "follow-up", "neuro-check")
"""Kinds marked on every day they cover; the other (period) kinds are marked on their last day."""
SPAN_SHADE = "#eef2f7"
WEEKDAYS_EN = (NP_("short weekday", "Mon"), NP_("short weekday", "Tue"), NP_("short weekday", "Wed"),
               NP_("short weekday", "Thu"), NP_("short weekday", "Fri"), NP_("short weekday", "Sat"),
               NP_("short weekday", "Sun"))


# -- labels --------------------------------------------------------------------------------
def _minus(n: int) -> str:
    return str(n).replace("-", "−")


def day_text(n: int, lang: str) -> str:
    _ = gettext(lang)
    return _("Day %(n)s") % {"n": _minus(n)}


def days_text(a: int, b: int, lang: str) -> str:
    if a == b:
        return day_text(a, lang)
    _ = gettext(lang)
    return _("Days %(first)s to %(last)s") % {"first": _minus(a), "last": _minus(b)}


def date_text(d: dt.date, lang: str) -> str:
    """ISO date with the weekday, so the patient can find it on a wall calendar."""
    _ = gettext(lang)
    return _("%(weekday)s %(date)s") % {"weekday": weekdays(lang)[d.weekday()], "date": d.isoformat()}


def valid_text(valid: str, lang: str) -> str:
    """A rule's `since 2025-06-26` in the reader's language; ranges print as they are."""
    if valid.startswith("since "):
        p_ = pgettext(lang)
        return p_("calendar handout: a rule valid from a date", "since %(date)s") % {"date": valid[6:]}
    return valid


def month_title(year: int, month: int, lang: str) -> str:
    return calendar_month_title(year, month, lang)


# -- the grid ------------------------------------------------------------------------------
@dataclass
class Mark:
    kind: str
    code: str
    colour: str
    end: bool
    """True when this mark is a period's last day (not a day of a spanning event)."""


@dataclass
class DayCell:
    day: dt.date | None
    rel: int | None = None
    marks: list[Mark] = field(default_factory=list)
    colour: str = "#ffffff"
    text_colour: str = "#111111"


@dataclass
class MonthView:
    title: str
    weeks: list[list[DayCell]]


def _code(kind: str, lang: str) -> str:
    mark = MARKS.get(kind)
    return pgettext(lang)(MARK_CONTEXT, mark[1]) if mark else "?"


def month_views(cal: Calendar, lang: str) -> list[MonthView]:
    """Every month the calendar's periods touch (at least the infusion month and the next one).

    The weekly nerve check (to day 98) is marked where it falls in these months but adds no
    months of its own: its dates are all listed in its row of the key days, so a 100-day watch
    does not double the calendar's pages."""
    from dataclasses import replace

    periods = tuple(e for e in cal.events if e.kind != "neuro-check")
    months = replace(cal, events=periods).months() if periods else cal.months()
    nxt = (cal.infusion.year + (cal.infusion.month == 12), cal.infusion.month % 12 + 1)
    if nxt not in months:
        months.append(nxt)
    first = cal.first_day
    out = []
    for year, month in sorted(months):
        weeks = []
        for week in Calendar.month_grid(year, month):
            row = []
            for day in week:
                if day is None:
                    row.append(DayCell(None))
                    continue
                cell = DayCell(day, (day - cal.infusion).days if day >= first else None)
                for e in cal.on(day):
                    span = e.kind in SPAN_KINDS
                    if span or day == e.end:
                        cell.marks.append(Mark(e.kind, _code(e.kind, lang), MARKS.get(e.kind, ("#dddddd", ""))[0], not span))
                cell.marks.sort(key=lambda m: PRIORITY.index(m.kind) if m.kind in PRIORITY else 99)
                if cell.marks:
                    cell.colour = cell.marks[0].colour
                elif cal.on(day):
                    cell.colour = SPAN_SHADE
                if cell.marks and cell.marks[0].kind == "infusion":
                    cell.text_colour = "#ffffff"
                row.append(cell)
            weeks.append(row)
        out.append(MonthView(month_title(year, month, lang), weeks))
    return out


def weekdays(lang: str) -> tuple[str, ...]:
    p_ = pgettext(lang)
    return tuple(p_("short weekday", day) for day in WEEKDAYS_EN)


# -- the event list ------------------------------------------------------------------------
@dataclass
class EventRow:
    kind: str
    code: str
    colour: str
    text_colour: str
    when: str
    days: str
    title: str
    end_label: str
    detail: str
    jurisdiction: str
    valid: str
    source_ids: tuple[str, ...]


def event_rows(cal: Calendar, lang: str, content: HandoutContent) -> list[EventRow]:
    """One row per event, in date order; the sources are recorded as used."""
    _ = gettext(lang)
    rows = []
    weekly = [e for e in cal.events if e.kind == "neuro-check"]
    for e in sorted(cal.events, key=lambda e: (e.start, e.end, PRIORITY.index(e.kind) if e.kind in PRIORITY else 99)):
        content.use(e.source_ids)
        if e.kind == "neuro-check":  # one row for the weekly series, on its first day
            if e is weekly[0]:
                rows.append(EventRow(
                    e.kind, _code(e.kind, lang), MARKS[e.kind][0], "#111111",
                    f"{weekly[0].start.isoformat()} – {weekly[-1].start.isoformat()}",
                    _("Days %(first)s to %(last)s, every 7 days") % {"first": weekly[0].day_from, "last": weekly[-1].day_from},
                    e.title(lang), "", _("Dates: %(dates)s") % {"dates": ", ".join(w.start.isoformat() for w in weekly)}
                    + "\n" + e.detail(lang), e.jurisdiction_label(lang), valid_text(e.valid, lang), e.source_ids))
            continue
        when = date_text(e.start, lang) if e.start == e.end else f"{e.start.isoformat()} – {e.end.isoformat()}"
        span = e.kind in SPAN_KINDS
        end_label = "" if span or e.start == e.end else _("Last day: %(date)s") % {"date": date_text(e.end, lang)}
        colour = MARKS.get(e.kind, ("#dddddd", ""))[0]
        rows.append(EventRow(
            e.kind, _code(e.kind, lang), colour, "#ffffff" if e.kind == "infusion" else "#111111", when,
            days_text(e.day_from, e.day_to, lang), e.title(lang), end_label, e.detail(lang), e.jurisdiction_label(lang),
            valid_text(e.valid, lang), e.source_ids,
        ))
    return rows


@dataclass
class FillIn:
    """A period no rule gives: a row in the key days with a line the care team completes (D24)."""

    title: str
    when: str
    days: str
    topic: str = ""


def fill_ins(cal: Calendar, lang: str) -> list[FillIn]:
    """One fill-in row per gap in the rules, from the day the period starts (the infusion day,
    or day 29 for the follow-up visits): the care team writes the days, nothing is guessed."""
    _ = gettext(lang)
    rows = []
    for n in cal.notes:
        if n.kind == "gap" and n.topic in TOPIC_TITLES:
            title = TOPIC_TITLES[n.topic]
            start = cal.infusion + dt.timedelta(days=n.day_from)
            days = (_("Day %(n)s to ______") % {"n": n.day_from} if n.day_from
                    else _("Day 0 to ______"))
            rows.append(FillIn(title[1] if lang.startswith("zh") else title[0],
                               f"{start.isoformat()} – ____________", days, n.topic))
    return rows


def notes(cal: Calendar, content: HandoutContent) -> list[CalendarNote]:
    for n in cal.notes:
        content.use(n.source_ids)
    return list(cal.notes)


# -- the symptom log -----------------------------------------------------------------------
@dataclass
class LogRow:
    rel: int
    date: str
    weekday: str


@dataclass
class LogPlan:
    rows: list[LogRow]
    last_day: int
    basis: str
    """Whose period the sheet's length follows (a rule's jurisdiction or the study protocol)."""
    source_ids: tuple[str, ...]


def log_plan(cal: Calendar | None, lang: str, content: HandoutContent) -> LogPlan:
    """Rows from day 0 to the end of the monitoring window.

    The window is the jurisdiction's monitoring-period rule when one is in force; otherwise
    the close-watching phase of the study protocol the journey handout uses (labelled so).
    """
    monitor = cal.event("monitoring-period") if cal is not None else None
    if monitor is not None:
        last, basis, ids = monitor.day_to, monitor.jurisdiction_label(lang), monitor.source_ids
    else:
        phase = next((p for p in journey.PHASES if p.key == "monitoring" and p.end_day is not None), None)
        if phase is None or phase.end_day is None:
            raise UserInputError("no monitoring window is known for the symptom log")
        last, basis, ids = phase.end_day, phase.basis(lang), phase.source_ids
    content.use(ids)
    rows = []
    for n in range(0, last + 1):
        if cal is not None:
            d = cal.infusion + dt.timedelta(days=n)
            rows.append(LogRow(n, f"{d.month:02d}-{d.day:02d}", weekdays(lang)[d.weekday()]))
        else:
            rows.append(LogRow(n, "", ""))
    return LogPlan(rows, last, basis, ids)


@dataclass
class Threshold:
    value: str
    """e.g. `38 °C`, as the KB's text gives it."""
    source_ids: tuple[str, ...]


_TEMP = re.compile(r"(\d+(?:[.,]\d+)?)\s*°C")


def fever_threshold(content: HandoutContent) -> Threshold | None:
    """The fever temperature from the CRS article's "call" section, else the glossary's fever entry."""
    article = content.article("crs")
    if article is not None:
        for section in article._sections:
            if not any(k in section.heading.casefold() for k in ("call", "联系")):
                continue
            for line in section.body_md.splitlines():
                m = _TEMP.search(line)
                cites = markup.cite_ids(line)
                if m and cites:
                    content.use(cites)
                    return Threshold(f"{m.group(1)} °C", tuple(cites))
    term = content.term("fever")
    if term is not None:
        m = _TEMP.search(term.definition)
        found = next((g for g in content.kb.glossary() if g.id == term.id), None)
        if m and found is not None:
            return Threshold(f"{m.group(1)} °C", found.source_ids)
    content.missing.append("fever threshold")
    return None


def call_now_items(content: HandoutContent) -> list[str]:
    """The "call straight away" bullets of the CRS and ICANS patient articles, as HTML with cites."""
    items: list[str] = []
    crs = content.article("crs")
    items += content.bullets(crs, "call", "联系", limit=6)
    icans = content.article("icans")
    items += content.bullets(icans, "can do", "可以做", "call", limit=1)
    return items
