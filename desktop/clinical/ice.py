"""The 10-point ICE (Immune effector Cell-associated Encephalopathy) score, ASTCT 2019.

ICE is the encephalopathy screen inside ICANS grading (adults and children over 12). The
score alone only sets the ICE domain of ICANS; the full grade needs the other domains, so
`grade` here is that domain's grade and the reasons say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import CITATION, SOURCE_ID, Reason, check_int, texts
from desktop.i18n import N_, Msg, NMsg, gettext, pgettext

# (key, maximum points, task (shown capitalised, as a reason), short name for the chart summary)
# in the order the tool is given.
ICE_PARTS: tuple[tuple[str, int, str, str], ...] = (
    ("orientation", 4, N_("Orientation (year, month, city, hospital)"), N_("orientation")),
    ("naming", 3, N_("Naming 3 objects"), N_("naming")),
    ("commands", 1, N_("Following simple commands"), N_("commands")),
    ("writing", 1, N_("Writing a standard sentence"), N_("writing")),
    ("attention", 1, N_("Attention (count back from 100 by 10)"), N_("attention")),
)
ICE_MAX = 10


def ice_domain_grade(score: int) -> int:
    """ICANS grade set by an ICE score in an arousable patient: 10→0, 7–9→1, 3–6→2, 0–2→3."""
    if score >= 10:
        return 0
    if score >= 7:
        return 1
    if score >= 3:
        return 2
    return 3


def ice_band(score: int) -> str:
    """The table's band label for a score (the same in every language)."""
    if score >= 10:
        return "10"
    if score >= 7:
        return "7–9"
    if score >= 3:
        return "3–6"
    return "0–2"


@dataclass(frozen=True)
class IceResult:
    """An ICE score with its parts, the ICANS grade its domain sets, and why."""

    score: int
    parts: tuple[tuple[str, int], ...]
    grade: int
    reason_items: tuple[Reason, ...] = field(repr=False)
    source_id: str = SOURCE_ID
    citation: str = CITATION

    def reasons(self, lang: str = "en") -> list[str]:
        return texts(self.reason_items, lang)

    def summary(self, lang: str = "en") -> str:
        """One line for a chart note, e.g. 'ICE score 8/10 (orientation 3/4, ...)'."""
        _ = gettext(lang)
        p_ = pgettext(lang)
        short = {key: (top, name) for key, top, _task, name in ICE_PARTS}
        inner = p_("list separator", ", ").join(f"{_(short[k][1])} {v}/{short[k][0]}" for k, v in self.parts)
        return _("ICE score %(score)s/%(max)s (%(parts)s)") % {"score": self.score, "max": ICE_MAX, "parts": inner}

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"grade": self.grade, "score": self.score, "reasons": self.reasons(lang), "source": self.citation}


def ice_score(orientation: int, naming: int, commands: int, writing: int, attention: int) -> IceResult:
    """Add up the ICE tasks after checking each lies within its points (else UserInputError)."""
    given = {"orientation": orientation, "naming": naming, "commands": commands, "writing": writing, "attention": attention}
    parts: list[tuple[str, int]] = []
    reasons: list[Reason] = []
    for key, top, task, _name in ICE_PARTS:
        value = check_int(key, given[key], 0, top)
        parts.append((key, value))
        if value < top:
            lost = top - value
            reasons.append(Reason(NMsg("%(task)s: %(value)s/%(top)s (%(n)s point lost).",
                                       "%(task)s: %(value)s/%(top)s (%(n)s points lost).",
                                       lost, task=Msg(task), value=value, top=top)))
    score = sum(v for _, v in parts)
    grade = ice_domain_grade(score)
    if grade == 0:
        reasons.append(Reason(Msg(
            "ICE %(score)s/%(max)s: every task scored in full, no encephalopathy on the ICE (ICANS grade 0 by "
            "this domain).", score=score, max=ICE_MAX), 0))
    else:
        reasons.append(Reason(Msg(
            "ICE %(score)s/%(max)s is in the %(band)s band: ICANS grade %(grade)s by the ICE domain "
            "(consciousness, seizures, motor findings and raised ICP/oedema can raise it).",
            score=score, max=ICE_MAX, band=ice_band(score), grade=grade), grade))
    return IceResult(score=score, parts=tuple(parts), grade=grade, reason_items=tuple(reasons))
