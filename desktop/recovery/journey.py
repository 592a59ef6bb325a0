"""The treatment phases and their day counts relative to infusion (Day 0), with sources.

Day counts are only given where a source in data/sources.yaml states them (the KB's own
articles supply the words); a phase without a sourced day count prints none. Dates are
computed from the infusion date the user types, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.i18n import N_, gettext, ngettext, pgettext
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import in_language
from desktop.recovery.calendar import add_period


@dataclass(frozen=True)
class Phase:
    key: str
    topic: str
    """Article topic in the KB that explains this phase."""
    title_en: str
    """The English title, also the message id of its translations (catalogue `cartref`)."""
    start_day: int | None
    end_day: int | None
    end_years: int | None = None
    """For phases measured in years after infusion (long-term follow-up)."""
    source_ids: tuple[str, ...] = ()
    basis_en: str = ""
    basis_zh: str = ""
    """Where the day count comes from (its jurisdiction), printed beside it: a message id when
    only `basis_en` is set (the protocols below), content when both are (a KB rule's)."""

    def title(self, lang: str) -> str:
        return gettext(lang)(self.title_en)

    def basis(self, lang: str) -> str:
        if self.basis_zh or not self.basis_en:
            return in_language(lang, self.basis_en, self.basis_zh)
        return gettext(lang)(self.basis_en)


# Lymphodepletion: fludarabine + cyclophosphamide on 3 consecutive days, one rest day, then
# infusion (FUMANBA-1, R3/R4) -> Days -4..-2. Infusion is Day 0 followed by a 28-day safety
# period, follow-up from Day 29 to year 2 and long-term follow-up for 15 years (IASO protocol
# NCT05698303, R18; NCT05181501, R17).
PHASES: tuple[Phase, ...] = (
    Phase("screening", "eligibility", N_("Checks before treatment"), None, None),
    Phase("leukapheresis", "leukapheresis", N_("Collecting your cells and making CAR-T"), None, None),
    Phase("lymphodepletion", "lymphodepletion", N_("Short chemotherapy"), -4, -2, None,
          ("R3", "R4"), N_("FUMANBA-1 trial protocol")),
    Phase("infusion", "infusion", N_("Infusion day"), 0, 0, None, ("R18",), N_("IASO study protocol")),
    Phase("monitoring", "monitoring", N_("Close watching"), 1, 28, None, ("R18",),
          N_("IASO study protocol (28-day safety period)")),
    Phase("follow-up", "follow-up", N_("Follow-up visits"), 29, None, 2, ("R18",), N_("IASO study protocol")),
    Phase("long-term", "follow-up", N_("Long-term follow-up"), None, None, 15, ("R17", "R18"),
          N_("IASO study protocols")),
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
    _, n_, p_ = gettext(lang), ngettext(lang), pgettext(lang)
    s, e, y = phase.start_day, phase.end_day, phase.end_years
    if s is None and y is not None:
        return n_("Up to %(n)s year after infusion", "Up to %(n)s years after infusion", y) % {"n": y}
    if s is None:
        return _("Before infusion")

    def d(n: int) -> str:
        return _("Day −%(n)s") % {"n": -n} if n < 0 else _("Day %(n)s") % {"n": n}

    def end(n: int) -> str:
        """The second day of a range, after 'Day −4 to': '−2' in English."""
        if n < 0:
            return p_("second day of a range, before infusion", "−%(n)s") % {"n": -n}
        return p_("second day of a range", "%(n)s") % {"n": n}

    if e is None and y is not None:
        return _("%(start)s to year %(year)s") % {"start": d(s), "year": y}
    if e is None or e == s:
        return d(s)
    return _("%(start)s to %(end)s") % {"start": d(s), "end": end(e)}


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
