"""BCMA delayed neurotoxicity watch: the label's "call now" signs and the weekly check.

Read (docs/research/clinical-tools-sources.md §7):
- CARVYKTI Medication Guide (G14): "Call your healthcare provider or get emergency help right away if you
  get any of the following": fever 100.4 °F / 38 °C or higher, chills, fast or irregular heartbeat,
  difficulty breathing, very low blood pressure, dizziness, and nervous-system effects that "can occur days
  or weeks after" the infusion (confusion, speech or reading/writing difficulty, memory loss, loss of
  coordination, slower movements, changes in handwriting, personality changes incl. reduced facial
  expression, tingling or numbness).
- Santomasso et al., Blood 2023, Table 2 (CT21): days 1-30 monitor ICANS with added attention to
  handwriting, movement and personality change for BCMA CAR-T; after month 1 a full neurological
  assessment at 1-3-6 months may be indicated; neuroimaging for any delayed neurological symptom.
- Facial numbness appears only in a consumer monograph (CT18, secondary).
No label gives a closed window: the weekly checks run from infusion through at least day 100 and as long
as the treating team advises (clinical practice, not a label limit).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import Reason, check_int
from desktop.clinical.sources import Explained
from desktop.errors import UserInputError
from desktop.i18n import N_, Msg

FEVER_C = 38.0
SOURCE_IDS = ("G14", "CT21")

SIGNS: dict[str, str] = {
    "chills": N_("chills or shaking chills"),
    "heartbeat": N_("fast or irregular heartbeat"),
    "breathing": N_("difficulty breathing"),
    "low-bp": N_("very low blood pressure"),
    "dizziness": N_("dizziness or light-headedness"),
    "confusion": N_("confusion or reduced alertness"),
    "speech": N_("difficulty speaking, or reading, writing or understanding words"),
    "memory": N_("memory loss"),
    "coordination": N_("loss of coordination"),
    "slower-movements": N_("slower movements"),
    "handwriting": N_("changes in handwriting"),
    "personality": N_("personality changes: less able to express emotions, less talkative, less interested, "
                      "reduced facial expression"),
    "tingling": N_("tingling, numbness or pain"),
}
"""The Medication Guide's call-now signs (G14), keyed for the CLI and the form."""

WEEKLY_CHECK: tuple[tuple[str, str], ...] = (
    ("handwriting", N_("Handwriting: write the same sentence each week and compare (G14; CT21).")),
    ("movement", N_("Movement: slower movements, loss of coordination (G14; CT21).")),
    ("personality", N_("Personality and expression: less talkative, less interested, reduced facial expression "
                       "(G14; CT21).")),
    ("face", N_("Face: weakness or numbness of the face (consumer monograph CT18, secondary: verify).")),
)


@dataclass(frozen=True)
class WatchResult(Explained):
    call_now: bool
    day: int | None
    reason_items: tuple[Reason, ...] = field(repr=False)
    source_ids: tuple[str, ...] = SOURCE_IDS

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"call_now": self.call_now, "day": self.day, "reasons": self.reasons(lang), "source": self.citation}


def f_to_c(temp_f: float) -> float:
    return round((temp_f - 32.0) * 5.0 / 9.0, 2)


def neuro_watch(*, day: int | None = None, temp_c: float | None = None, temp_f: float | None = None,
                signs: Sequence[str] = ()) -> WatchResult:
    """Whether to call now (the Medication Guide's list) and what to watch on this day after infusion."""
    if day is not None:
        check_int("day", day, 0, 3650)
    if temp_c is not None and temp_f is not None:
        raise UserInputError("give the temperature in °C or in °F, not both")
    if temp_f is not None:
        if isinstance(temp_f, bool) or not isinstance(temp_f, int | float) or not 86.0 <= temp_f <= 113.0:
            raise UserInputError(f"temperature must be from 86 to 113 °F, not {temp_f!r}")
        temp_c = f_to_c(temp_f)
    if temp_c is not None and (isinstance(temp_c, bool) or not isinstance(temp_c, int | float)
                               or not math.isfinite(temp_c) or not 30.0 <= temp_c <= 45.0):
        raise UserInputError(f"temperature must be from 30 to 45 °C, not {temp_c!r}")
    unknown = [s for s in signs if s not in SIGNS]
    if unknown:
        raise UserInputError(f"unknown sign {unknown[0]!r}; one of {', '.join(SIGNS)}")

    reasons: list[Reason] = []
    call = False
    if temp_c is not None:
        if temp_c >= FEVER_C:
            call = True
            reasons.append(Reason(Msg("Temperature %(t)s °C is 38 °C (100.4 °F) or higher: call now.", t=f"{temp_c:g}")))
        else:
            reasons.append(Reason(Msg("Temperature %(t)s °C is below 38 °C (100.4 °F): not a call-now fever by the "
                                      "Medication Guide; the other signs still apply.", t=f"{temp_c:g}")))
    for key in signs:
        call = True
        reasons.append(Reason(Msg("Sign: %(sign)s. Call now.", sign=Msg(SIGNS[key]))))
    if call:
        reasons.insert(0, Reason(Msg("Call your healthcare provider or get emergency help right away "
                                     "(CARVYKTI Medication Guide).")))
    if signs:
        reasons.append(Reason(Msg("Nervous-system effects can occur days or weeks after the infusion and may at first "
                                  "be subtle (Medication Guide).")))
    if day is not None:
        if day <= 30:
            reasons.append(Reason(Msg("Day %(d)s (days 1-30): monitor ICANS with added attention to handwriting, "
                                      "movement and personality change (Santomasso 2023, Table 2).", d=day)))
        else:
            reasons.append(Reason(Msg("Day %(d)s (after month 1): a full neurological assessment at 1, 3 and 6 months "
                                      "may be indicated; neuroimaging for any delayed neurological symptom "
                                      "(Santomasso 2023, Table 2).", d=day)))
        reasons.append(Reason(Msg("Weekly checks from infusion through at least day 100 and as long as the treating "
                                  "team advises: clinical practice, not a label limit.")))
    return WatchResult(call, day, tuple(reasons))
