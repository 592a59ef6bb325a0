"""Tocilizumab for CRS: the dose for a weight and whether another dose may be given now.

Each limit is checked against the text that was read (docs/research/clinical-tools-sources.md §5):
- 8 mg/kg IV over 1 hour, not to exceed 800 mg/dose; repeat every 8 hours as needed; at most 3 doses
  in a 24-hour period and 4 in total: ASCO guideline pocket guide, ICANS table (CT7, of G3).
- >= 30 kg: 8 mg/kg over 1 hour, maximum 800 mg; minimum interval 8 hours; at most 4 doses in total:
  KYMRIAH US label 2.4 Table 1 (CT9, a label copy).

Two readings are the safer one, stated in every result that they touch:
- Below 30 kg the sources differ (the KYMRIAH label: 12 mg/kg; ASCO: 8 mg/kg without a weight
  band), so no dose is given below 30 kg: the treating team's protocol decides.
- The 3-in-24-hours rule needs the times of the earlier doses. Without them it is checked only where
  the count alone settles it (two or fewer earlier doses, or the last one 24 h or more ago);
  otherwise another dose is not cleared. The 24-hour window counts doses given less than 24 h
  before now (a dose exactly 24 h ago is outside it), a design choice recorded in the notes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import Reason
from desktop.clinical.sources import Explained
from desktop.errors import UserInputError
from desktop.i18n import Msg

MG_PER_KG = 8.0
MAX_DOSE_MG = 800.0
MIN_INTERVAL_H = 8.0
MAX_IN_24H = 3
MAX_TOTAL = 4
LABEL_MIN_WEIGHT_KG = 30.0
WEIGHT_RANGE_KG = (20.0, 300.0)
SOURCE_IDS = ("CT7", "CT9")


@dataclass(frozen=True)
class TocilizumabResult(Explained):
    """The dose (None when none is given for this weight), whether another dose may be given, why."""

    dose_mg: float | None
    can_give: bool
    weight_kg: float
    doses_given: int
    reason_items: tuple[Reason, ...] = field(repr=False)
    checked_24h: bool = True
    source_ids: tuple[str, ...] = SOURCE_IDS

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        return {"dose_mg": self.dose_mg, "can_give": self.can_give, "reasons": self.reasons(lang),
                "source": self.citation}


def _number(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserInputError(f"{name} must be a number, not {value!r}")
    return float(value)


def check_weight(value: object) -> float:
    weight = _number("weight", value)
    low, high = WEIGHT_RANGE_KG
    if not low <= weight <= high:
        raise UserInputError(f"weight must be from {low:g} to {high:g} kg, not {weight:g}")
    return weight


def fmt(value: float) -> str:
    """800, 799.2, 7.9: the digits a nurse would write."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def tocilizumab(weight_kg: float, doses_given: int = 0, hours_since_last: float | None = None,
                dose_times_h_ago: Sequence[float] | None = None) -> TocilizumabResult:
    """The next tocilizumab dose and whether it may be given now, with each limit's reason."""
    weight = check_weight(weight_kg)
    if isinstance(doses_given, bool) or not isinstance(doses_given, int) or doses_given < 0:
        raise UserInputError(f"doses given must be a whole number of 0 or more, not {doses_given!r}")
    times: list[float] | None = None
    if dose_times_h_ago is not None:
        times = sorted(_number("dose time", t) for t in dose_times_h_ago)
        if any(t < 0 for t in times):
            raise UserInputError("dose times are hours before now and cannot be negative")
        if doses_given and doses_given != len(times):
            raise UserInputError(f"doses given ({doses_given}) does not match the {len(times)} dose times")
        doses_given = len(times)
        if hours_since_last is not None and times and not math.isclose(_number("hours since last", hours_since_last), times[0]):
            raise UserInputError("hours since the last dose does not match the latest dose time")
        if times:
            hours_since_last = times[0]
    if hours_since_last is not None:
        hours_since_last = _number("hours since last", hours_since_last)
        if hours_since_last < 0:
            raise UserInputError(f"hours since the last dose cannot be negative, not {fmt(hours_since_last)}")

    reasons: list[Reason] = []
    can_give = True
    checked_24h = True

    if weight < LABEL_MIN_WEIGHT_KG:
        dose: float | None = None
        can_give = False
        reasons.append(Reason(Msg(
            "Weight %(w)s kg is below 30 kg: the KYMRIAH label gives 12 mg/kg below 30 kg and 8 mg/kg from 30 kg, "
            "the ASCO guideline 8 mg/kg without a weight band. The sources differ, so this calculator gives no dose "
            "below 30 kg: use the treating team's protocol.", w=fmt(weight))))
    else:
        raw = weight * MG_PER_KG
        dose = round(min(raw, MAX_DOSE_MG), 1)
        if raw > MAX_DOSE_MG:
            reasons.append(Reason(Msg(
                "8 mg/kg × %(w)s kg = %(raw)s mg, above the cap: %(dose)s mg IV over 1 hour (ASCO: \"not to exceed "
                "800 mg/dose\"; KYMRIAH label: maximum dose 800 mg).", w=fmt(weight), raw=fmt(raw), dose=fmt(dose))))
        else:
            reasons.append(Reason(Msg(
                "8 mg/kg × %(w)s kg = %(dose)s mg IV over 1 hour (ASCO; KYMRIAH label for 30 kg or more); "
                "at most 800 mg per dose.", w=fmt(weight), dose=fmt(dose))))

    if doses_given >= MAX_TOTAL:
        can_give = False
        reasons.append(Reason(Msg(
            "Doses given: %(n)s. The maximum is 4 doses in total (ASCO: \"maximum total of 4 doses\"; KYMRIAH label: "
            "\"Limit to a maximum total of 4 tocilizumab doses\"). No further dose.", n=doses_given)))
    else:
        left = MAX_TOTAL - doses_given - 1
        if doses_given and dose is not None:
            reasons.append(Reason(Msg(
                "Doses given: %(n)s of at most 4; after this one, %(left)s would remain.", n=doses_given, left=left)))

    if doses_given and doses_given < MAX_TOTAL:
        if hours_since_last is None:
            can_give = False
            reasons.append(Reason(Msg(
                "The time since the last dose is not given, so the 8-hour minimum interval cannot be checked: "
                "not cleared.")))
        elif hours_since_last < MIN_INTERVAL_H:
            can_give = False
            reasons.append(Reason(Msg(
                "Last dose %(h)s h ago: less than the 8-hour minimum interval (KYMRIAH label: \"minimum interval of "
                "8 hours\"; ASCO: \"every 8 hours as needed\"). Wait %(wait)s h more.",
                h=fmt(hours_since_last), wait=fmt(MIN_INTERVAL_H - hours_since_last))))
        else:
            reasons.append(Reason(Msg(
                "Last dose %(h)s h ago: at least 8 hours, the minimum interval is met.", h=fmt(hours_since_last))))

        if times is not None:
            in_window = sum(1 for t in times if t < 24.0)
            if in_window >= MAX_IN_24H:
                can_give = False
                reasons.append(Reason(Msg(
                    "Doses in the last 24 hours: %(n)s. ASCO limits tocilizumab to \"a maximum of 3 doses in a "
                    "24-hour period\". Not now.", n=in_window)))
            else:
                reasons.append(Reason(Msg(
                    "Doses in the last 24 hours: %(n)s (a dose exactly 24 h ago is outside the window). Another keeps "
                    "within ASCO's 3 doses in 24 hours.", n=in_window)))
        elif doses_given < MAX_IN_24H or (hours_since_last is not None and hours_since_last >= 24.0):
            reasons.append(Reason(Msg(
                "Earlier doses: %(n)s. Another cannot make more than 3 in 24 hours (ASCO limit).", n=doses_given)))
        else:
            can_give = False
            checked_24h = False
            reasons.append(Reason(Msg(
                "Doses given: %(n)s, the last under 24 h ago. The 3-doses-in-24-hours limit (ASCO) needs the time of "
                "each earlier dose. Give the dose times; until then not cleared.", n=doses_given)))
    elif doses_given == 0 and dose is not None:
        reasons.append(Reason(Msg(
            "First dose. Repeat only if needed, at least 8 hours apart, at most 3 doses in 24 hours and 4 in "
            "total (ASCO).")))

    if dose is not None and can_give:
        reasons.append(Reason(Msg(
            "ASCO: caution with repeated tocilizumab doses in patients with ICANS; consider adding corticosteroids "
            "past the first dose.")))
    return TocilizumabResult(dose, can_give, weight, doses_given, tuple(reasons), checked_24h)
