"""What the three grading tools share: the cited source, translatable reasons, input checks.

The grading rules come from one paper, so its citation lives here once and every result
carries it (the issue asks for the citation in every output). No Qt: the window, the CLI
and the tests all call the same pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.errors import UserInputError
from desktop.i18n import Msg
from desktop.kb.text import normalise_lang

SOURCE_ID = "G1"
"""Id of the ASTCT consensus paper in data/sources.yaml."""

SOURCE_DOI = "10.1016/j.bbmt.2018.12.758"

CITATION = (
    "Lee DW, Santomasso BD, Locke FL, et al. ASTCT consensus grading for cytokine release "
    "syndrome and neurologic toxicity associated with immune effector cells. "
    "Biol Blood Marrow Transplant 2019;25(4):625-638. doi:10.1016/j.bbmt.2018.12.758; PMID 30592986."
)
"""The citation printed with every grade (CLI text and JSON `source`, and the window); a unit
test keeps it equal to the KB's rendering of G1 in data/sources.yaml."""

LANGS = ("en", "zh-Hans")


norm_lang = normalise_lang  # content codes and the CLI's short `zh`; anything else reads as English


@dataclass(frozen=True)
class Reason:
    """One finding that contributed to a grade: an English message translated when shown
    (catalogue `cartref`, desktop/i18n.py), so a result reads in any language."""

    message: Msg
    grade: int = 0
    """The grade this finding alone points to (0 when it only explains, e.g. 'no fever')."""

    def text(self, lang: str = "en") -> str:
        return self.message.text(lang)


def texts(reasons: Sequence[Reason], lang: str) -> list[str]:
    return [r.text(lang) for r in reasons]


def check_int(name: str, value: object, low: int, high: int) -> int:
    """A whole number within the table's range, else a one-line UserInputError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserInputError(f"{name} must be a whole number from {low} to {high}, not {value!r}")
    if not low <= value <= high:
        raise UserInputError(f"{name} must be from {low} to {high}, not {value}")
    return value


def check_choice(name: str, value: object, choices: Sequence[str]) -> str:
    """One of the table's named categories, else a one-line UserInputError listing them."""
    if not isinstance(value, str) or value not in choices:
        raise UserInputError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value
