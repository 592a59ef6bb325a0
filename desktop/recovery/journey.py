"""The treatment phases and their day counts relative to infusion (Day 0), with sources.

Day counts are only given where a source in data/sources.yaml states them (the KB's own
articles supply the words); a phase without a sourced day count prints none. Dates are
computed from the infusion date the user types, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.kb.store import KnowledgeBase
from desktop.kb.text import in_language
from desktop.recovery.calendar import add_period


@dataclass(frozen=True)
class Phase:
    key: str
    topic: str
    """Article topic in the KB that explains this phase."""
    title_en: str
    title_zh: str
    start_day: int | None
    end_day: int | None
    end_years: int | None = None
    """For phases measured in years after infusion (long-term follow-up)."""
    source_ids: tuple[str, ...] = ()
    basis_en: str = ""
    basis_zh: str = ""
    """Where the day count comes from (its jurisdiction), printed beside it."""

    def title(self, lang: str) -> str:
        return in_language(lang, self.title_en, self.title_zh)


# Lymphodepletion: fludarabine + cyclophosphamide on 3 consecutive days, one rest day, then
# infusion (FUMANBA-1, R3/R4) -> Days -4..-2. Infusion is Day 0 followed by a 28-day safety
# period, follow-up from Day 29 to year 2 and long-term follow-up for 15 years (IASO protocol
# NCT05698303, R18; NCT05181501, R17).
PHASES: tuple[Phase, ...] = (
    Phase("screening", "eligibility", "Checks before treatment", "治疗前检查", None, None),
    Phase("leukapheresis", "leukapheresis", "Collecting your cells and making CAR-T", "采集细胞并制备CAR-T", None, None),
    Phase("lymphodepletion", "lymphodepletion", "Short chemotherapy", "短程化疗（淋巴细胞清除）", -4, -2, None,
          ("R3", "R4"), "FUMANBA-1 trial protocol", "FUMANBA-1 研究方案"),
    Phase("infusion", "infusion", "Infusion day", "回输日", 0, 0, None, ("R18",), "IASO study protocol", "IASO 研究方案"),
    Phase("monitoring", "monitoring", "Close watching", "密切观察期", 1, 28, None, ("R18",),
          "IASO study protocol (28-day safety period)", "IASO 研究方案（28天安全观察期）"),
    Phase("follow-up", "follow-up", "Follow-up visits", "随访", 29, None, 2, ("R18",), "IASO study protocol", "IASO 研究方案"),
    Phase("long-term", "follow-up", "Long-term follow-up", "长期随访", None, None, 15, ("R17", "R18"),
          "IASO study protocols", "IASO 研究方案"),
)


def phases_from_kb(kb: KnowledgeBase, therapy_id: str = "eque-cel") -> tuple[Phase, ...]:
    """PHASES, with the lymphodepletion days taken from the KB's dated rule when it has one."""
    from dataclasses import replace

    from desktop.kb.rules import rules_for

    found = [r for r in rules_for(kb, topic="lymphodepletion", therapy_id=therapy_id) if r.day_from is not None and r.therapy_ids]
    if not found:
        return PHASES
    rule = found[0]
    return tuple(
        replace(p, start_day=rule.day_from, end_day=rule.day_to, source_ids=rule.source_ids,
                basis_en=rule.jurisdiction, basis_zh=rule.jurisdiction_zh or rule.jurisdiction)
        if p.key == "lymphodepletion" else p
        for p in PHASES
    )


@dataclass(frozen=True)
class PhaseDates:
    phase: Phase
    day_label: str
    date_label: str


def day_label(phase: Phase, lang: str) -> str:
    zh = lang.startswith("zh")
    s, e, y = phase.start_day, phase.end_day, phase.end_years
    if s is None and y is not None:
        return f"回输后最长{y}年" if zh else f"Up to {y} years after infusion"
    if s is None:
        return "回输前" if zh else "Before infusion"

    def d(n: int) -> str:
        if zh:
            return f"回输前{-n}天" if n < 0 else f"第{n}天"
        return f"Day {n}".replace("-", "−")

    if e is None and y is not None:
        return f"{d(s)}至第{y}年" if zh else f"{d(s)} to year {y}"
    if e is None or e == s:
        return d(s)
    return f"{d(s)}至{d(e)}" if zh else f"{d(s)} to {d(e)[4:]}"


def phase_dates(phase: Phase, infusion: date | None, lang: str) -> PhaseDates:
    """The phase's day label and, when an infusion date is known, its calendar dates."""
    label = day_label(phase, lang)
    if infusion is None:
        return PhaseDates(phase, label, "")
    s, e, y = phase.start_day, phase.end_day, phase.end_years
    if s is None and y is None:
        return PhaseDates(phase, label, "")
    start = infusion + timedelta(days=s) if s is not None else infusion
    if e is not None:
        end = infusion + timedelta(days=e)
    elif y is not None:
        end = add_period(infusion, y, "years")
    else:
        end = start
    text = start.isoformat() if start == end else f"{start.isoformat()} – {end.isoformat()}"
    return PhaseDates(phase, label, text)
