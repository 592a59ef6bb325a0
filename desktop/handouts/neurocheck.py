"""The BCMA delayed-neurotoxicity weekly check, on the recovery calendar and the carers' sheet.

For a product whose label in the KB warns of delayed neurotoxicity (parkinsonism: cilta-cel's
US boxed warning, P10), the calendar marks a weekly check from day 14 to day 100 and the
carers' sheet prints the check and the label's "call now" wording. The wording and the check
items are the ones `desktop.clinical.neurowatch` reads from the CARVYKTI Medication Guide (G14)
and Santomasso 2023 (CT21); the window is clinical practice (monitoring beyond day 100 in the
CARTITUDE studies, P9), not a label limit, and is printed as such. No Qt here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from desktop.clinical import neurowatch
from desktop.i18n import N_, gettext
from desktop.kb.store import KnowledgeBase
from desktop.recovery.calendar import Calendar, CalendarEvent

_EN, _ZH = "en", "zh-Hans"  # names, not literals, in gettext() calls (Babel would take a literal for a message)
FIRST_DAY, LAST_DAY = 14, 100
CHECK_DAYS = tuple(range(FIRST_DAY, LAST_DAY + 1, 7))
"""Day 14, 21, ... 98: once a week from day 14 until day 100."""
WINDOW_SOURCES = ("P9",)
"""Monitoring beyond day 100 in the CARTITUDE studies (the window's basis, not a label limit)."""

_DELAYED = re.compile(r"parkinson|delayed neuro", re.IGNORECASE)

TITLE = N_("Weekly nerve check (handwriting, movement, personality)")
WINDOW = N_("Once a week from Day 14 to Day 100, and for as long as your care team advises: this window is "
            "clinical practice, not a limit set by the label.")


@dataclass(frozen=True)
class DelayedWarning:
    """The label warning that calls for the weekly check, as the KB holds it."""

    text: str
    jurisdiction: str
    source_ids: tuple[str, ...]


def delayed_warning(kb: KnowledgeBase, therapy_id: str, lang: str = "en") -> DelayedWarning | None:
    """The product's label warning of delayed (parkinsonian) neurotoxicity, or None if its label has none."""
    for w in kb.warnings(therapy_id):
        if _DELAYED.search(w.text_en):
            text = w.text_zh if lang.startswith("zh") and w.text_zh else w.text_en
            return DelayedWarning(text, w.jurisdiction, tuple(w.source_ids))
    return None


def source_ids(warning: DelayedWarning) -> tuple[str, ...]:
    """Everything the check rests on: the warning's label, the Medication Guide and CT21, the window's P9."""
    return tuple(dict.fromkeys((*warning.source_ids, *neurowatch.SOURCE_IDS, *WINDOW_SOURCES)))


def check_dates(infusion: dt.date | None) -> list[tuple[int, dt.date | None]]:
    """(day, date) of every weekly check; dates only with an infusion date."""
    return [(n, infusion + dt.timedelta(days=n) if infusion else None) for n in CHECK_DAYS]


def with_checks(kb: KnowledgeBase, cal: Calendar | None, therapy_id: str) -> Calendar | None:
    """`cal` with the weekly check days marked, when the product's label warns of delayed neurotoxicity."""
    if cal is None:
        return None
    warning = delayed_warning(kb, therapy_id)
    if warning is None or any(e.kind == "neuro-check" for e in cal.events):
        return cal
    warning_zh = delayed_warning(kb, therapy_id, _ZH) or warning
    en, zh = gettext(_EN), gettext(_ZH)
    ids = source_ids(warning)
    events = [
        CalendarEvent("neuro-check", day, day, n, n, en(TITLE), zh(TITLE),
                      detail_en=f"{warning.text} {en(WINDOW)}", detail_zh=f"{warning_zh.text}{zh(WINDOW)}",
                      jurisdiction=warning.jurisdiction, jurisdiction_zh=warning.jurisdiction, source_ids=ids)
        for n, day in check_dates(cal.infusion) if day is not None
    ]
    merged = sorted((*cal.events, *events), key=lambda e: (e.start, e.end, e.kind))
    return replace(cal, events=tuple(merged))
