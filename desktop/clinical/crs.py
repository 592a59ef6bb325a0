"""ASTCT consensus grading of cytokine release syndrome (Lee et al. 2019).

Fever (≥ 38 °C) is required for CRS; once antipyretic or anti-cytokine treatment masks it,
fever is no longer required and hypotension and hypoxia drive the grade. The grade is the
more severe of hypotension and hypoxia; fever alone is grade 1. Grade 5 (death) is not an
input of this tool.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import CITATION, SOURCE_ID, Reason, cap, check_choice, norm_lang, texts
from desktop.errors import UserInputError

FEVER_C = 38.0
TEMP_RANGE_C = (30.0, 45.0)
"""Temperatures outside this range are taken as typing errors, not findings."""

HYPOTENSION = ("none", "no-vasopressor", "one-vasopressor", "multiple-vasopressors")
OXYGEN = ("none", "low-flow", "high-flow", "positive-pressure")

# value -> (grade it points to, English finding, Chinese finding)
_HYPOTENSION: dict[str, tuple[int, str, str]] = {
    "none": (0, "no hypotension", "无低血压"),
    "no-vasopressor": (2, "hypotension not requiring vasopressors", "低血压，无需升压药"),
    "one-vasopressor": (3, "hypotension requiring one vasopressor (with or without vasopressin)",
                        "低血压，需要一种升压药（无论是否联用血管升压素）"),
    "multiple-vasopressors": (4, "hypotension requiring multiple vasopressors (excluding vasopressin)",
                              "低血压，需要多种升压药（血管升压素除外）"),
}
_OXYGEN: dict[str, tuple[int, str, str]] = {
    "none": (0, "no hypoxia", "无低氧"),
    "low-flow": (2, "hypoxia requiring low-flow nasal cannula (≤ 6 L/min) or blow-by oxygen",
                 "低氧，需要低流量鼻导管（≤ 6 L/min）或面前吹氧"),
    "high-flow": (3, "hypoxia requiring high-flow nasal cannula (> 6 L/min), facemask, non-rebreather or Venturi mask",
                  "低氧，需要高流量鼻导管（> 6 L/min）、面罩、非重复呼吸面罩或文丘里面罩"),
    "positive-pressure": (4, "hypoxia requiring positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)",
                          "低氧，需要正压通气（CPAP、BiPAP、气管插管和机械通气）"),
}
# Short phrases for the one-line chart summary.
_HYPOTENSION_SHORT = {
    "no-vasopressor": ("hypotension not needing vasopressors", "低血压（无需升压药）"),
    "one-vasopressor": ("hypotension on one vasopressor", "低血压（一种升压药）"),
    "multiple-vasopressors": ("hypotension on multiple vasopressors", "低血压（多种升压药）"),
}
_OXYGEN_SHORT = {
    "low-flow": ("hypoxia on low-flow O2", "低氧（低流量吸氧）"),
    "high-flow": ("hypoxia on high-flow O2 or mask", "低氧（高流量吸氧或面罩）"),
    "positive-pressure": ("hypoxia on positive-pressure support", "低氧（正压通气）"),
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

    grade: int
    temp_c: float
    fever_masked: bool
    hypotension: str
    oxygen: str
    reason_items: tuple[Reason, ...] = field(repr=False)
    source_id: str = SOURCE_ID
    citation: str = CITATION

    @property
    def fever(self) -> bool:
        return self.temp_c >= FEVER_C

    def reasons(self, lang: str = "en") -> list[str]:
        return texts(self.reason_items, lang)

    def summary(self, lang: str = "en") -> str:
        """One line for the chart note: 'ASTCT CRS grade 2: fever 39.1 °C with hypoxia on low-flow O2'."""
        zh = norm_lang(lang) == "zh-Hans"
        temp = f"{format_temp(self.temp_c)} °C"
        if self.grade == 0:
            if zh:
                return f"ASTCT CRS 0 级：无发热（{temp}）且未被治疗掩盖，不符合 CRS"
            return f"ASTCT CRS grade 0: no fever ({temp}) and none masked, not CRS"
        i = 1 if zh else 0
        events = []
        if self.hypotension != "none":
            events.append(_HYPOTENSION_SHORT[self.hypotension][i])
        if self.oxygen != "none":
            events.append(_OXYGEN_SHORT[self.oxygen][i])
        if zh:
            fever = f"发热 {temp}" if self.fever else f"发热被治疗掩盖（{temp}）"
            tail = "，伴" + "和".join(events) if events else "，无低血压或低氧"
            return f"ASTCT CRS {self.grade} 级：{fever}{tail}"
        fever = f"fever {temp}" if self.fever else f"fever masked by treatment ({temp})"
        tail = " with " + " and ".join(events) if events else " without hypotension or hypoxia"
        return f"ASTCT CRS grade {self.grade}: {fever}{tail}"

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"grade": self.grade, "reasons": self.reasons(lang), "source": self.citation}


def crs_grade(temp_c: float, *, fever_masked: bool = False, hypotension: str = "none",
              oxygen: str = "none") -> CrsResult:
    """Grade CRS by ASTCT from the temperature, masking treatment, hypotension and oxygen need."""
    temp = check_temp(temp_c)
    check_choice("hypotension", hypotension, HYPOTENSION)
    check_choice("oxygen", oxygen, OXYGEN)
    masked = bool(fever_masked)
    t = f"{format_temp(temp)} °C"
    bp_grade, bp_en, bp_zh = _HYPOTENSION[hypotension]
    o2_grade, o2_en, o2_zh = _OXYGEN[oxygen]
    reasons: list[Reason] = []

    if temp >= FEVER_C:
        reasons.append(Reason(f"Temperature {t} is ≥ 38 °C: fever.", f"体温 {t} ≥ 38 °C：发热。", 1))
    elif masked:
        reasons.append(Reason(
            f"Temperature {t} is below 38 °C, but fever is masked by antipyretic or anti-cytokine "
            "treatment: fever is no longer required and hypotension and hypoxia drive the grade.",
            f"体温 {t} 低于 38 °C，但发热已被退热药或抗细胞因子治疗掩盖：不再要求发热，"
            "按低血压和低氧分级。",
            1,
        ))
    else:
        reasons.append(Reason(
            f"Temperature {t} is below 38 °C and no antipyretic or anti-cytokine treatment masks a "
            "fever: not CRS by the ASTCT criteria (grade 0).",
            f"体温 {t} 低于 38 °C，且无退热药或抗细胞因子治疗掩盖发热：按 ASTCT 标准不构成 CRS（0 级）。",
            0,
        ))
        for g, en, zh in ((bp_grade, bp_en, bp_zh), (o2_grade, o2_en, o2_zh)):
            if g:
                reasons.append(Reason(
                    f"{cap(en)} is not graded as CRS without fever.",
                    f"{zh}：无发热时不按 CRS 分级。",
                    0,
                ))
        return CrsResult(0, temp, masked, hypotension, oxygen, tuple(reasons))

    if bp_grade == 0 and o2_grade == 0:
        reasons.append(Reason(
            "No hypotension and no hypoxia: grade 1 (fever only).",
            "无低血压、无低氧：1 级（仅发热）。",
            1,
        ))
        return CrsResult(1, temp, masked, hypotension, oxygen, tuple(reasons))

    for g, en, zh in ((bp_grade, bp_en, bp_zh), (o2_grade, o2_en, o2_zh)):
        if g:
            reasons.append(Reason(f"{cap(en)}: grade {g}.", f"{zh}：{g} 级。", g))
    grade = max(bp_grade, o2_grade)
    if bp_grade and o2_grade:
        if bp_grade == o2_grade:
            reasons.append(Reason(
                f"Hypotension and hypoxia both point to grade {grade}.",
                f"低血压和低氧均对应 {grade} 级。",
                grade,
            ))
        else:
            if bp_grade > o2_grade:
                worse_en, worse_zh, other_en, other_zh, other = "hypotension", "低血压", "hypoxia", "低氧", o2_grade
            else:
                worse_en, worse_zh, other_en, other_zh, other = "hypoxia", "低氧", "hypotension", "低血压", bp_grade
            reasons.append(Reason(
                f"The more severe event sets the grade: {worse_en} (grade {grade}) over {other_en} (grade {other}).",
                f"以较重者定级：{worse_zh}（{grade} 级）重于{other_zh}（{other} 级）。",
                grade,
            ))
    return CrsResult(grade, temp, masked, hypotension, oxygen, tuple(reasons))
