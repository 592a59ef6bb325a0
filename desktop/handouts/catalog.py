"""The handouts the program can print: names, titles, languages and page limits.

One list, shared by the CLI (`cartref handout --list`), the window and the tests, so a new
template is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import UserInputError
from desktop.i18n import N_, gettext

LANGS = ("en", "zh-Hans")
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class HandoutSpec:
    name: str
    title_en: str
    """The English title, also the message id of its translations (catalogue `cartref`)."""
    audience: str
    """`patient` (plain reading level) or `clinician`."""
    max_pages: int
    """Page limit in normal print (A4 or Letter)."""
    max_pages_large: int
    """Page limit in large print."""
    needs_infusion: bool = False
    """Cannot print without an infusion date (the recovery calendar)."""
    calendar: bool = False
    """Uses the recovery calendar (infusion date, leukapheresis date, jurisdiction)."""
    needs_delayed_neuro: bool = False
    """Only for a product whose label warns of delayed neurotoxicity (the carers' nerve-check sheet)."""
    keep_tables_whole: bool = True
    """Move a table that would straddle a page break to the next page (month grids, boxes, the
    care-team box: a QR cut by the page break dials nothing)."""

    def title(self, lang: str = "en") -> str:
        return gettext(lang)(self.title_en)

    def page_limit(self, large_print: bool) -> int:
        return self.max_pages_large if large_print else self.max_pages

    def template(self, lang: str) -> str:
        return f"handouts/{self.name}.{'zh-Hans' if lang.startswith('zh') else 'en'}.html.j2"


HANDOUTS: tuple[HandoutSpec, ...] = (
    HandoutSpec("about-car-t", N_("About your CAR-T therapy"), "patient", 4, 8),
    HandoutSpec("journey", N_("Your treatment journey"), "patient", 3, 5),
    HandoutSpec("warning-signs", N_("After your infusion: warning signs"), "patient", 3, 5),
    HandoutSpec("caregiver-checklist", N_("Caregiver checklist"), "patient", 3, 5),
    HandoutSpec("wallet-card", N_("Patient wallet card"), "patient", 1, 2),
    HandoutSpec("clinician-summary", N_("Clinician summary"), "clinician", 1, 5),
    HandoutSpec("recovery-calendar", N_("Your recovery calendar"), "patient", 4, 9, needs_infusion=True, calendar=True),
    HandoutSpec("symptom-log", N_("Daily temperature and symptom log"), "patient", 3, 5, calendar=True),
    HandoutSpec("nerve-check", N_("Weekly nerve check: a sheet for carers"), "patient", 3, 5, needs_delayed_neuro=True),
)


def names() -> list[str]:
    return [h.name for h in HANDOUTS]


def get(name: str) -> HandoutSpec:
    """The spec for `name`; an unknown name is a one-line input error listing the known ones."""
    for spec in HANDOUTS:
        if spec.name == name:
            return spec
    raise UserInputError(f"unknown handout {name!r} (known: {', '.join(names())})")
