"""ASTCT consensus grading of ICANS in adults (Lee et al. 2019).

Five domains (ICE score, depressed consciousness, seizure, motor findings, raised ICP /
cerebral oedema); the grade is the most severe finding. An ICE of 0 is grade 3 in a patient
who is awake (e.g. global aphasia) and grade 4 only when the patient is unarousable and
cannot do the ICE, which is why "unarousable" is an input of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import (
    CITATION,
    SOURCE_ID,
    Reason,
    check_choice,
    check_int,
    texts,
)
from desktop.clinical.ice import ICE_MAX, ice_band, ice_domain_grade
from desktop.errors import UserInputError
from desktop.i18n import N_, Msg, gettext, pgettext

CONSCIOUSNESS = ("awake", "spontaneous", "voice", "tactile", "unarousable")
SEIZURE = ("none", "self-limiting", "prolonged")
MOTOR = ("none", "deep-focal")
EDEMA = ("none", "focal", "diffuse")

# value -> (grade, finding (shown capitalised, as a reason), short phrase for the chart summary)
_CONSCIOUSNESS: dict[str, tuple[int, str, str]] = {
    "awake": (0, N_("Awake and alert"), N_("awake")),
    "spontaneous": (1, N_("Depressed consciousness, awakens spontaneously"), N_("awakens spontaneously")),
    "voice": (2, N_("Depressed consciousness, awakens to voice"), N_("awakens to voice")),
    "tactile": (3, N_("Depressed consciousness, awakens only to tactile stimulus"), N_("awakens only to touch")),
    "unarousable": (4, N_("Unarousable, or needs vigorous or repetitive tactile stimuli to arouse; stupor or coma"),
                    N_("unarousable, stupor or coma")),
}
_SEIZURE: dict[str, tuple[int, str, str]] = {
    "none": (0, N_("No seizure"), ""),
    "self-limiting": (3, N_("Any clinical seizure, focal or generalised, that resolves rapidly, or non-convulsive "
                            "seizures on EEG that resolve with intervention"),
                      N_("seizure resolving rapidly")),
    "prolonged": (4, N_("Life-threatening prolonged seizure (> 5 min), or repetitive clinical or electrical "
                        "seizures without return to baseline in between"),
                  N_("prolonged or repetitive seizures")),
}
_MOTOR: dict[str, tuple[int, str, str]] = {
    "none": (0, N_("No motor finding"), ""),
    "deep-focal": (4, N_("Deep focal motor weakness such as hemiparesis or paraparesis"), N_("deep focal motor weakness")),
}
_EDEMA: dict[str, tuple[int, str, str]] = {
    "none": (0, N_("No raised ICP or cerebral oedema"), ""),
    "focal": (3, N_("Focal or local oedema on neuroimaging"), N_("focal oedema on imaging")),
    "diffuse": (4, N_("Diffuse cerebral oedema on neuroimaging; decerebrate or decorticate posturing; cranial "
                      "nerve VI palsy; papilloedema; or Cushing's triad"),
                N_("diffuse cerebral oedema or raised-ICP signs")),
}


@dataclass(frozen=True)
class IcansResult:
    """An ICANS grade, the per-domain grades and the findings that set it."""

    grade: int
    ice: int | None
    """The ICE score, or None when the patient is unarousable and cannot do the ICE."""
    consciousness: str
    seizure: str
    motor: str
    edema: str
    domain_grades: tuple[tuple[str, int], ...]
    reason_items: tuple[Reason, ...] = field(repr=False)
    source_id: str = SOURCE_ID
    citation: str = CITATION

    @property
    def unarousable(self) -> bool:
        return self.ice is None

    def reasons(self, lang: str = "en") -> list[str]:
        return texts(self.reason_items, lang)

    def summary(self, lang: str = "en") -> str:
        """One line for the chart note: 'ASTCT ICANS grade 3: ICE 2/10; seizure resolving rapidly'."""
        _ = gettext(lang)
        p_ = pgettext(lang)
        items: list[str] = []
        if self.ice is None:
            items.append(_("unarousable, ICE not possible"))
        else:
            items.append(f"ICE {self.ice}/{ICE_MAX}")
            if self.consciousness != "awake" or self.grade == 0:
                items.append(_(_CONSCIOUSNESS[self.consciousness][2]))
        for table, value in ((_SEIZURE, self.seizure), (_MOTOR, self.motor), (_EDEMA, self.edema)):
            if value != "none":
                items.append(_(table[value][2]))
        if self.grade == 0:
            items.append(_("no other finding"))
        return _("ASTCT ICANS grade %(grade)s: %(findings)s") % {
            "grade": self.grade, "findings": p_("list separator", "; ").join(items)}

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"grade": self.grade, "reasons": self.reasons(lang), "source": self.citation}


def icans_grade(*, ice: int | None = None, unarousable: bool = False, consciousness: str = "awake",
                seizure: str = "none", motor: str = "none", edema: str = "none") -> IcansResult:
    """Grade ICANS by ASTCT; give either `ice` (0–10) or `unarousable=True`, not both."""
    if unarousable and ice is not None:
        raise UserInputError("give either an ICE score or unarousable, not both")
    if not unarousable and ice is None:
        raise UserInputError("an ICE score (0-10) is needed, or unarousable when the ICE cannot be done")
    check_choice("consciousness", consciousness, CONSCIOUSNESS)
    check_choice("seizure", seizure, SEIZURE)
    check_choice("motor", motor, MOTOR)
    check_choice("edema", edema, EDEMA)
    if unarousable and consciousness != "unarousable":
        raise UserInputError(
            f"consciousness '{consciousness}' contradicts unarousable: a patient who awakens can do "
            "the ICE, so give its score"
        )

    reasons: list[Reason] = []
    if ice is None:
        ice_grade = 4
        reasons.append(Reason(Msg("ICE 0: the patient is unarousable and cannot perform the ICE: grade 4."), 4))
    else:
        score = check_int("ICE score", ice, 0, ICE_MAX)
        ice_grade = ice_domain_grade(score)
        if ice_grade == 0:
            reasons.append(Reason(Msg("ICE %(score)s/%(max)s: no finding.", score=score, max=ICE_MAX), 0))
        else:
            reasons.append(Reason(Msg("ICE %(score)s/%(max)s (band %(band)s): grade %(grade)s.", score=score,
                                      max=ICE_MAX, band=ice_band(score), grade=ice_grade), ice_grade))
        if score == 0:
            reasons.append(Reason(Msg(
                "ICE 0 in a patient who can be aroused (e.g. awake with global aphasia) is grade 3; "
                "grade 4 needs the patient to be unarousable."), 3))

    domains: list[tuple[str, int]] = [("ice", ice_grade)]
    for name, table, value in (("consciousness", _CONSCIOUSNESS, consciousness), ("seizure", _SEIZURE, seizure),
                               ("motor", _MOTOR, motor), ("edema", _EDEMA, edema)):
        g, finding = table[value][0], table[value][1]
        domains.append((name, g))
        if g and not (name == "consciousness" and ice is None):
            reasons.append(Reason(Msg("%(finding)s: grade %(grade)s.", finding=Msg(finding), grade=g), g))

    grade = max(g for _, g in domains)
    # When unarousable, the ICE line already names the consciousness finding: count it once.
    shown = [g for name, g in domains if g and not (name == "consciousness" and ice is None)]
    if grade == 0:
        reasons.append(Reason(Msg(
            "Awake, ICE 10/10 and no seizure, motor finding or raised ICP/oedema: no ICANS (grade 0)."), 0))
    elif len(shown) > 1:
        reasons.append(Reason(Msg("The most severe finding sets the grade: %(grade)s.", grade=grade), grade))
    return IcansResult(grade, ice, consciousness, seizure, motor, edema, tuple(domains), tuple(reasons))
