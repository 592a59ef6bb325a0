"""ASTCT consensus grading of cytokine release syndrome (Lee et al. 2019).

Fever (≥ 38 °C) is required for CRS. Fever stops being required only in a patient who already
has CRS and then receives antipyretic or anti-cytokine treatment, so a masked fever needs the
prior diagnosis (refused otherwise). Hypotension and hypoxia count only when not attributable
to another cause: until the user confirms that, no grade above 1 can be assigned and the result
says so (grade None). The grade is the more severe of hypotension and hypoxia; fever alone is
grade 1. Grade 5 (death) is not an input of this tool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import CITATION, SOURCE_ID, Reason, check_choice, texts
from desktop.errors import UserInputError
from desktop.i18n import N_, Msg

FEVER_C = 38.0
TEMP_RANGE_C = (30.0, 45.0)
"""Temperatures outside this range are taken as typing errors, not findings."""

HYPOTENSION = ("none", "no-vasopressor", "one-vasopressor", "multiple-vasopressors")
OXYGEN = ("none", "low-flow", "high-flow", "positive-pressure")

# value -> (grade it points to, finding); findings are shown capitalised, as reasons.
_HYPOTENSION: dict[str, tuple[int, str]] = {
    "none": (0, N_("No hypotension")),
    "no-vasopressor": (2, N_("Hypotension not requiring vasopressors")),
    "one-vasopressor": (3, N_("Hypotension requiring one vasopressor (with or without vasopressin)")),
    "multiple-vasopressors": (4, N_("Hypotension requiring multiple vasopressors (excluding vasopressin)")),
}
_OXYGEN: dict[str, tuple[int, str]] = {
    "none": (0, N_("No hypoxia")),
    "low-flow": (2, N_("Hypoxia requiring low-flow nasal cannula (≤ 6 L/min) or blow-by oxygen")),
    "high-flow": (3, N_("Hypoxia requiring high-flow nasal cannula (> 6 L/min), facemask, non-rebreather or Venturi mask")),
    "positive-pressure": (4, N_("Hypoxia requiring positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)")),
}
# Short phrases for the one-line chart summary.
_HYPOTENSION_SHORT = {
    "no-vasopressor": N_("hypotension not needing vasopressors"),
    "one-vasopressor": N_("hypotension on one vasopressor"),
    "multiple-vasopressors": N_("hypotension on multiple vasopressors"),
}
_OXYGEN_SHORT = {
    "low-flow": N_("hypoxia on low-flow O2"),
    "high-flow": N_("hypoxia on high-flow O2 or mask"),
    "positive-pressure": N_("hypoxia on positive-pressure support"),
}


def format_temp(temp_c: float) -> str:
    """The temperature with the digits the user gave (39.1, 37.95), always at least one decimal."""
    text = f"{temp_c:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def check_temp(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UserInputError(f"temperature must be a number in °C, not {value!r}")
    temp = float(value)
    low, high = TEMP_RANGE_C
    if not math.isfinite(temp) or not low <= temp <= high:
        raise UserInputError(f"temperature must be between {low:g} and {high:g} °C, not {value}")
    return temp


@dataclass(frozen=True)
class CrsResult:
    """A CRS grade with the findings that set it."""

    grade: int | None
    """None: not assigned until hypotension/hypoxia are confirmed not attributable to another cause."""
    temp_c: float
    fever_masked: bool
    hypotension: str
    oxygen: str
    reason_items: tuple[Reason, ...] = field(repr=False)
    crs_already_diagnosed: bool = False
    not_attributable: bool = False
    source_id: str = SOURCE_ID
    citation: str = CITATION

    @property
    def fever(self) -> bool:
        return self.temp_c >= FEVER_C

    def reasons(self, lang: str = "en") -> list[str]:
        return texts(self.reason_items, lang)

    def summary(self, lang: str = "en") -> str:
        """One line for the chart note: 'ASTCT CRS grade 2: fever 39.1 °C with hypoxia on low-flow O2'."""
        temp = f"{format_temp(self.temp_c)} °C"
        if self.grade is None:
            return Msg("ASTCT CRS grade not assigned: confirm that hypotension or hypoxia is not attributable "
                       "to another cause").text(lang)
        if self.grade == 0:
            return Msg("ASTCT CRS grade 0: no fever (%(temp)s) and none masked, not CRS", temp=temp).text(lang)
        events = []
        if self.hypotension != "none":
            events.append(Msg(_HYPOTENSION_SHORT[self.hypotension]))
        if self.oxygen != "none":
            events.append(Msg(_OXYGEN_SHORT[self.oxygen]))
        fever = Msg("fever %(temp)s", temp=temp) if self.fever else Msg("fever masked by treatment (%(temp)s)", temp=temp)
        if len(events) == 2:
            line = Msg("ASTCT CRS grade %(grade)s: %(fever)s with %(event)s and %(event2)s", grade=self.grade,
                       fever=fever, event=events[0], event2=events[1])
        elif events:
            line = Msg("ASTCT CRS grade %(grade)s: %(fever)s with %(event)s", grade=self.grade, fever=fever, event=events[0])
        else:
            line = Msg("ASTCT CRS grade %(grade)s: %(fever)s without hypotension or hypoxia", grade=self.grade, fever=fever)
        return line.text(lang)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"grade": self.grade, "reasons": self.reasons(lang), "source": self.citation}


class MaskedFeverWithoutCrs(UserInputError):
    """A masked fever was given for a patient not already diagnosed with CRS (Lee 2019 allows
    fever to be absent only after CRS is diagnosed and then treated)."""


def masked_without_crs_message(lang: str = "en") -> str:
    """The one-line refusal, for the window and (with the flag name added) the CLI."""
    return Msg("A masked fever replaces fever only in a patient already diagnosed with CRS who then received "
               "antipyretic or anti-cytokine treatment: was CRS already diagnosed?").text(lang)


def crs_grade(temp_c: float, *, fever_masked: bool = False, crs_already_diagnosed: bool = False,
              hypotension: str = "none", oxygen: str = "none", not_attributable: bool = False) -> CrsResult:
    """Grade CRS by ASTCT from the temperature, masking treatment, hypotension and oxygen need.

    `fever_masked` needs `crs_already_diagnosed` (else MaskedFeverWithoutCrs); hypotension and
    hypoxia raise the grade only with `not_attributable` (confirmed not due to another cause),
    otherwise a febrile or masked result with either has grade None."""
    temp = check_temp(temp_c)
    check_choice("hypotension", hypotension, HYPOTENSION)
    check_choice("oxygen", oxygen, OXYGEN)
    masked = bool(fever_masked)
    diagnosed = bool(crs_already_diagnosed)
    confirmed = bool(not_attributable)
    if masked and diagnosed is False and temp < FEVER_C:
        raise MaskedFeverWithoutCrs(masked_without_crs_message())
    t = f"{format_temp(temp)} °C"
    bp_grade, bp_finding = _HYPOTENSION[hypotension]
    o2_grade, o2_finding = _OXYGEN[oxygen]
    reasons: list[Reason] = []

    if temp >= FEVER_C:
        reasons.append(Reason(Msg("Temperature %(temp)s is ≥ 38 °C: fever.", temp=t), 1))
    elif masked:
        reasons.append(Reason(Msg(
            "Temperature %(temp)s is below 38 °C, but CRS was already diagnosed and fever is masked by "
            "antipyretic or anti-cytokine treatment: fever is no longer required and hypotension and hypoxia "
            "drive the grade.", temp=t), 1))
    else:
        reasons.append(Reason(Msg(
            "Temperature %(temp)s is below 38 °C and no antipyretic or anti-cytokine treatment masks a "
            "fever: not CRS by the ASTCT criteria (grade 0).", temp=t), 0))
        for g, finding in ((bp_grade, bp_finding), (o2_grade, o2_finding)):
            if g:
                reasons.append(Reason(Msg("%(finding)s is not graded as CRS without fever.", finding=Msg(finding)), 0))
        return CrsResult(0, temp, masked, hypotension, oxygen, tuple(reasons), crs_already_diagnosed=diagnosed,
                         not_attributable=confirmed)

    def result(grade: int | None) -> CrsResult:
        return CrsResult(grade, temp, masked, hypotension, oxygen, tuple(reasons), crs_already_diagnosed=diagnosed,
                         not_attributable=confirmed)

    if bp_grade == 0 and o2_grade == 0:
        if temp >= FEVER_C:
            reasons.append(Reason(Msg("No hypotension and no hypoxia: grade 1 (fever only)."), 1))
        else:
            reasons.append(Reason(Msg("No hypotension and no hypoxia: grade 1 (CRS already diagnosed, "
                                      "fever masked by treatment)."), 1))
        return result(1)

    if not confirmed:
        for g, finding in ((bp_grade, bp_finding), (o2_grade, o2_finding)):
            if g:
                reasons.append(Reason(Msg("%(finding)s: grade %(grade)s if not attributable to another cause.",
                                          finding=Msg(finding), grade=g), g))
        reasons.append(Reason(Msg(
            "Grade not assigned: hypotension and hypoxia count as CRS only when not attributable to another "
            "cause; confirm that, or grade without the finding that has another cause."), 0))
        return result(None)

    reasons.append(Reason(Msg("Hypotension and hypoxia confirmed not attributable to another cause: they count "
                              "as CRS."), 0))
    for g, finding in ((bp_grade, bp_finding), (o2_grade, o2_finding)):
        if g:
            reasons.append(Reason(Msg("%(finding)s: grade %(grade)s.", finding=Msg(finding), grade=g), g))
    grade = max(bp_grade, o2_grade)
    if bp_grade and o2_grade:
        if bp_grade == o2_grade:
            reasons.append(Reason(Msg("Hypotension and hypoxia both point to grade %(grade)s.", grade=grade), grade))
        else:
            hypotension_word, hypoxia_word = Msg("hypotension"), Msg("hypoxia")
            if bp_grade > o2_grade:
                worse, other_word, other = hypotension_word, hypoxia_word, o2_grade
            else:
                worse, other_word, other = hypoxia_word, hypotension_word, bp_grade
            reasons.append(Reason(Msg(
                "The more severe event sets the grade: %(worse)s (grade %(grade)s) over %(other)s (grade %(other_grade)s).",
                worse=worse, grade=grade, other=other_word, other_grade=other), grade))
    return result(grade)
