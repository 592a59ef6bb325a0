"""The 10-point ICE (Immune effector Cell-associated Encephalopathy) score, ASTCT 2019.

ICE is the encephalopathy screen inside ICANS grading (adults and children over 12). The
score alone only sets the ICE domain of ICANS; the full grade needs the other domains, so
`grade` here is that domain's grade and the reasons say so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import CITATION, SOURCE_ID, Reason, cap, check_int, norm_lang, texts

# (key, maximum points, English task, Chinese task) in the order the tool is given.
ICE_PARTS: tuple[tuple[str, int, str, str], ...] = (
    ("orientation", 4, "orientation (year, month, city, hospital)", "定向力（年、月、城市、医院）"),
    ("naming", 3, "naming 3 objects", "命名 3 个物品"),
    ("commands", 1, "following simple commands", "执行简单指令"),
    ("writing", 1, "writing a standard sentence", "书写一个标准句子"),
    ("attention", 1, "attention (count back from 100 by 10)", "注意力（从 100 开始每次减 10 倒数）"),
)
ICE_MAX = 10

_SHORT = {
    "orientation": ("orientation", "定向"),
    "naming": ("naming", "命名"),
    "commands": ("commands", "执行指令"),
    "writing": ("writing", "书写"),
    "attention": ("attention", "注意力"),
}


def ice_domain_grade(score: int) -> int:
    """ICANS grade set by an ICE score in an arousable patient: 10→0, 7–9→1, 3–6→2, 0–2→3."""
    if score >= 10:
        return 0
    if score >= 7:
        return 1
    if score >= 3:
        return 2
    return 3


def ice_band(score: int) -> tuple[str, str]:
    """The table's band label for a score, in both languages."""
    if score >= 10:
        return "10", "10"
    if score >= 7:
        return "7–9", "7–9"
    if score >= 3:
        return "3–6", "3–6"
    return "0–2", "0–2"


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
        maxima = {key: top for key, top, _, _ in ICE_PARTS}
        if norm_lang(lang) == "zh-Hans":
            inner = "，".join(f"{_SHORT[k][1]} {v}/{maxima[k]}" for k, v in self.parts)
            return f"ICE 评分 {self.score}/{ICE_MAX}（{inner}）"
        inner = ", ".join(f"{_SHORT[k][0]} {v}/{maxima[k]}" for k, v in self.parts)
        return f"ICE score {self.score}/{ICE_MAX} ({inner})"

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"grade": self.grade, "score": self.score, "reasons": self.reasons(lang), "source": self.citation}


def ice_score(orientation: int, naming: int, commands: int, writing: int, attention: int) -> IceResult:
    """Add up the ICE tasks after checking each lies within its points (else UserInputError)."""
    given = {"orientation": orientation, "naming": naming, "commands": commands, "writing": writing, "attention": attention}
    parts: list[tuple[str, int]] = []
    reasons: list[Reason] = []
    for key, top, task_en, task_zh in ICE_PARTS:
        value = check_int(key, given[key], 0, top)
        parts.append((key, value))
        if value < top:
            lost = top - value
            reasons.append(Reason(
                f"{cap(task_en)}: {value}/{top} ({lost} point{'s' if lost > 1 else ''} lost).",
                f"{task_zh}：{value}/{top}（失 {lost} 分）。",
            ))
    score = sum(v for _, v in parts)
    grade = ice_domain_grade(score)
    if grade == 0:
        reasons.append(Reason(
            f"ICE {score}/{ICE_MAX}: every task scored in full, no encephalopathy on the ICE (ICANS grade 0 by this domain).",
            f"ICE {score}/{ICE_MAX}：各项均得满分，ICE 未见脑病表现（按此项 ICANS 为 0 级）。",
            0,
        ))
    else:
        band_en, band_zh = ice_band(score)
        reasons.append(Reason(
            f"ICE {score}/{ICE_MAX} is in the {band_en} band: ICANS grade {grade} by the ICE domain "
            "(consciousness, seizures, motor findings and raised ICP/oedema can raise it).",
            f"ICE {score}/{ICE_MAX} 属于 {band_zh} 分段：按 ICE 项 ICANS 为 {grade} 级"
            "（意识水平、癫痫发作、运动表现和颅内压升高/脑水肿可使分级更高）。",
            grade,
        ))
    return IceResult(score=score, parts=tuple(parts), grade=grade, reason_items=tuple(reasons))
