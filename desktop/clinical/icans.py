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
    cap,
    check_choice,
    check_int,
    norm_lang,
    texts,
)
from desktop.clinical.ice import ICE_MAX, ice_band, ice_domain_grade
from desktop.errors import UserInputError

CONSCIOUSNESS = ("awake", "spontaneous", "voice", "tactile", "unarousable")
SEIZURE = ("none", "self-limiting", "prolonged")
MOTOR = ("none", "deep-focal")
EDEMA = ("none", "focal", "diffuse")

# value -> (grade, English finding, Chinese finding, English short, Chinese short)
_CONSCIOUSNESS: dict[str, tuple[int, str, str, str, str]] = {
    "awake": (0, "awake and alert", "清醒", "awake", "清醒"),
    "spontaneous": (1, "depressed consciousness, awakens spontaneously", "意识水平下降，可自行觉醒",
                    "awakens spontaneously", "可自行觉醒"),
    "voice": (2, "depressed consciousness, awakens to voice", "意识水平下降，声音可唤醒",
              "awakens to voice", "声音可唤醒"),
    "tactile": (3, "depressed consciousness, awakens only to tactile stimulus", "意识水平下降，仅触觉刺激可唤醒",
                "awakens only to touch", "仅触觉刺激可唤醒"),
    "unarousable": (4, "unarousable, or needs vigorous or repetitive tactile stimuli to arouse; stupor or coma",
                    "无法唤醒，或需强烈或反复触觉刺激才能唤醒；木僵或昏迷",
                    "unarousable, stupor or coma", "无法唤醒/木僵/昏迷"),
}
_SEIZURE: dict[str, tuple[int, str, str, str, str]] = {
    "none": (0, "no seizure", "无癫痫发作", "", ""),
    "self-limiting": (3, "any clinical seizure, focal or generalised, that resolves rapidly, or non-convulsive "
                         "seizures on EEG that resolve with intervention",
                      "任何迅速缓解的局灶性或全面性临床发作，或经干预后缓解的脑电图非惊厥性发作",
                      "seizure resolving rapidly", "迅速缓解的癫痫发作"),
    "prolonged": (4, "life-threatening prolonged seizure (> 5 min), or repetitive clinical or electrical "
                     "seizures without return to baseline in between",
                  "危及生命的持续发作（> 5 分钟），或反复临床或脑电发作且发作间期未恢复至基线",
                  "prolonged or repetitive seizures", "持续或反复癫痫发作"),
}
_MOTOR: dict[str, tuple[int, str, str, str, str]] = {
    "none": (0, "no motor finding", "无运动表现", "", ""),
    "deep-focal": (4, "deep focal motor weakness such as hemiparesis or paraparesis",
                   "深部局灶性运动无力，如偏瘫或截瘫", "deep focal motor weakness", "深部局灶性运动无力"),
}
_EDEMA: dict[str, tuple[int, str, str, str, str]] = {
    "none": (0, "no raised ICP or cerebral oedema", "无颅内压升高或脑水肿", "", ""),
    "focal": (3, "focal or local oedema on neuroimaging", "神经影像示局灶性/局部水肿",
              "focal oedema on imaging", "影像示局灶性水肿"),
    "diffuse": (4, "diffuse cerebral oedema on neuroimaging; decerebrate or decorticate posturing; cranial "
                   "nerve VI palsy; papilloedema; or Cushing's triad",
                "神经影像示弥漫性脑水肿；去大脑或去皮层强直；第 VI 对脑神经麻痹；视乳头水肿；或库欣三联征",
                "diffuse cerebral oedema or raised-ICP signs", "弥漫性脑水肿或颅内压升高体征"),
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
        zh = norm_lang(lang) == "zh-Hans"
        i = 4 if zh else 3
        items: list[str] = []
        if self.ice is None:
            items.append("无法唤醒，无法完成 ICE" if zh else "unarousable, ICE not possible")
        else:
            items.append(f"ICE {self.ice}/{ICE_MAX}")
            if self.consciousness != "awake" or self.grade == 0:
                items.append(str(_CONSCIOUSNESS[self.consciousness][i]))
        for table, value in ((_SEIZURE, self.seizure), (_MOTOR, self.motor), (_EDEMA, self.edema)):
            if value != "none":
                items.append(str(table[value][i]))
        if self.grade == 0:
            items.append("无其他表现" if zh else "no other finding")
        if zh:
            return f"ASTCT ICANS {self.grade} 级：" + "；".join(items)
        return f"ASTCT ICANS grade {self.grade}: " + "; ".join(items)

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
        reasons.append(Reason(
            "ICE 0: the patient is unarousable and cannot perform the ICE: grade 4.",
            "ICE 0：患者无法唤醒，无法完成 ICE：4 级。",
            4,
        ))
    else:
        score = check_int("ICE score", ice, 0, ICE_MAX)
        ice_grade = ice_domain_grade(score)
        if ice_grade == 0:
            reasons.append(Reason(f"ICE {score}/{ICE_MAX}: no finding.", f"ICE {score}/{ICE_MAX}：无异常。", 0))
        else:
            band = ice_band(score)[0]
            reasons.append(Reason(
                f"ICE {score}/{ICE_MAX} (band {band}): grade {ice_grade}.",
                f"ICE {score}/{ICE_MAX}（{band} 分段）：{ice_grade} 级。",
                ice_grade,
            ))
        if score == 0:
            reasons.append(Reason(
                "ICE 0 in a patient who can be aroused (e.g. awake with global aphasia) is grade 3; "
                "grade 4 needs the patient to be unarousable.",
                "可唤醒患者（如清醒但完全性失语）ICE 为 0 时为 3 级；只有无法唤醒时才为 4 级。",
                3,
            ))

    domains: list[tuple[str, int]] = [("ice", ice_grade)]
    for name, table, value in (("consciousness", _CONSCIOUSNESS, consciousness), ("seizure", _SEIZURE, seizure),
                               ("motor", _MOTOR, motor), ("edema", _EDEMA, edema)):
        g, en, zh = table[value][0], table[value][1], table[value][2]
        domains.append((name, g))
        if g and not (name == "consciousness" and ice is None):
            reasons.append(Reason(f"{cap(en)}: grade {g}.", f"{zh}：{g} 级。", g))

    grade = max(g for _, g in domains)
    # When unarousable, the ICE line already names the consciousness finding: count it once.
    shown = [g for name, g in domains if g and not (name == "consciousness" and ice is None)]
    if grade == 0:
        reasons.append(Reason(
            "Awake, ICE 10/10 and no seizure, motor finding or raised ICP/oedema: no ICANS (grade 0).",
            "清醒、ICE 10/10，且无癫痫发作、运动表现或颅内压升高/脑水肿：无 ICANS（0 级）。",
            0,
        ))
    elif len(shown) > 1:
        reasons.append(Reason(
            f"The most severe finding sets the grade: {grade}.",
            f"以最严重的表现定级：{grade} 级。",
            grade,
        ))
    return IcansResult(grade, ice, consciousness, seizure, motor, edema, tuple(domains), tuple(reasons))
