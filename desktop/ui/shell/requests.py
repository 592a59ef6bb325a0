"""Typed requests one view makes of another through the AppContext (`handoutRequested`).

Imported only by the views that make or answer them, all built after the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.recovery.plan import Plan


@dataclass(frozen=True)
class UseCentre:
    """Centres -> handouts: print handouts for this treating centre."""

    center_id: str


@dataclass(frozen=True)
class PrintCalendar:
    """Calendar -> handouts: open `handout` for the calendar's plan, in the calendar's language.

    The plan (dates, jurisdiction, the calendar itself) is printed as it was computed, not
    re-typed into the form and computed again."""

    handout: str
    plan: Plan
    lang: str


HandoutRequest = UseCentre | PrintCalendar
