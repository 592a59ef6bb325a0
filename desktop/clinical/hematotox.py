"""CAR-HEMATOTOX: only what was read — the validated risk split and unit conversions; no score.

The score's per-item points (Rejeski et al., Blood 2021, CT1: the figure with the item cut-offs)
were NOT read in the primary source, so this module computes no score; `hematotox_score` refuses.
What was read and is offered:
- the risk split HT-low = 0-1, HT-high = >= 2 (myeloma validation, Rejeski et al., J Hematol Oncol 2023,
  CT3), for a score taken from the paper itself;
- where the score is validated: large B-cell lymphoma with axi-cel or tisa-cel (CT1); relapsed or
  refractory myeloma with ide-cel or cilta-cel, retrospective, 113 patients (CT3); not validated for
  other products (e.g. eque-cel, zevor-cel) or for ALL;
- the unit conversions Chinese labs need (SI identities).
"""

from __future__ import annotations

import math
from typing import NoReturn

from desktop.errors import CartrefError, UserInputError
from desktop.i18n import N_

NOT_AVAILABLE = "not available: the per-item points of Rejeski 2021 were not read in the primary source"
SOURCE_IDS = ("CT1", "CT3")

BANNER = N_(
    "CAR-HEMATOTOX score not calculated: the per-item points of Rejeski et al. (Blood 2021) were not read in the "
    "primary source, and a score is not built from secondary tables. Read here: the risk split (0-1 low, 2 or more "
    "high; myeloma validation, J Hematol Oncol 2023) and the unit conversions. Validated in large B-cell lymphoma "
    "(axi-cel, tisa-cel) and in relapsed/refractory myeloma (ide-cel, cilta-cel; retrospective, 113 patients); not "
    "validated for other products (e.g. eque-cel, zevor-cel) or for ALL.")

UNITS: dict[str, tuple[str, ...]] = {
    "anc": ("per-uL", "10^9/L"),
    "hb": ("g/dL", "g/L"),
    "crp": ("mg/dL", "mg/L"),
    "ferritin": ("ng/mL", "ug/L"),
}
"""Each quantity's units; the first is the unit the score's paper uses."""

_FACTOR = {("anc", "10^9/L"): 1000.0, ("hb", "g/L"): 0.1, ("crp", "mg/L"): 0.1, ("ferritin", "ug/L"): 1.0}


def to_paper_unit(quantity: str, value: float, unit: str) -> float:
    """The value in the paper's unit: ANC per µL, Hb g/dL, CRP mg/dL, ferritin ng/mL (= µg/L)."""
    if quantity not in UNITS:
        raise UserInputError(f"unknown quantity {quantity!r}")
    if unit not in UNITS[quantity]:
        raise UserInputError(f"{quantity} unit must be one of {', '.join(UNITS[quantity])}, not {unit!r}")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise UserInputError(f"{quantity} must be a number of 0 or more, not {value!r}")
    if unit == UNITS[quantity][0]:
        return float(value)
    return round(value * _FACTOR[(quantity, unit)], 6)


def risk_for_score(score: int) -> str:
    """'low' (0-1) or 'high' (>= 2): the split of the myeloma validation (CT3) for a score from the paper."""
    if isinstance(score, bool) or not isinstance(score, int) or score < 0:
        raise UserInputError(f"score must be a whole number of 0 or more, not {score!r}")
    return "low" if score <= 1 else "high"


def hematotox_score(**_inputs: float) -> NoReturn:
    """Refuses: the per-item points were not read (see the module docstring)."""
    raise CartrefError(NOT_AVAILABLE)
