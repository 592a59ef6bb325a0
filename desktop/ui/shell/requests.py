"""Typed requests one view makes of another through the AppContext (`handoutRequested`).

Imported only by the views that make or answer them, all built after the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UseCentre:
    """Centres -> handouts: print handouts for this treating centre."""

    center_id: str


@dataclass(frozen=True)
class PrintCalendar:
    """Calendar -> handouts: open `handout` with the calendar's dates and rules filled in.

    `infusion` and `leukapheresis` are ISO dates (`leukapheresis` may be empty), `jurisdiction`
    a rule region id, `lang` the language the calendar was shown in."""

    handout: str
    infusion: str
    leukapheresis: str
    jurisdiction: str
    lang: str

    def params(self) -> dict[str, str]:
        """The form fields the handouts view fills in (`HandoutsView.show_template`)."""
        return {"infusion": self.infusion, "leukapheresis": self.leukapheresis,
                "jurisdiction": self.jurisdiction, "lang": self.lang}


HandoutRequest = UseCentre | PrintCalendar
