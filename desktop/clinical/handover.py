"""The emergency handover: one bilingual page for an emergency department new to CAR-T.

The facts come from the treating team (product, dates, grades, tocilizumab doses, steroids, counts,
prophylaxis, contacts); this module checks them, counts the day since infusion and adds the
"what not to miss" lines, each resting on a text that was read:
- CRS and ICANS: ASTCT grading (G1); ICANS can come before, with, after or without CRS (cilta-cel
  boxed warning, CT19); tocilizumab limits (ASCO pocket guide, CT7).
- Infection: antiviral prophylaxis for all and irradiated blood products to at least day 90 (EHA/EBMT
  consensus Table 3, CT4); a fever of 38 °C or more is a call-now sign (Medication Guide, G14).
- IEC-HS: only "consider IEC-HS, see Hines 2023" (G10): its criteria and grading were NOT read, so no
  numeric rule is given. HLH/MAS is in the cilta-cel boxed warning (CT19).
- Delayed neurotoxicity for cilta-cel: parkinsonism and Guillain-Barré syndrome (boxed warning, CT19);
  handwriting, movement and personality changes (G14).
The page itself is laid out by the window (desktop/ui/views/clinical_tools.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from desktop.clinical.common import check_int
from desktop.errors import UserInputError
from desktop.i18n import Msg

PRODUCTS = ("cilta-cel", "ide-cel", "other")


@dataclass(frozen=True)
class Watch:
    message: Msg
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Handover:
    product: str
    infusion: date
    today: date
    crs_grade: int
    icans_grade: int
    tocilizumab: tuple[str, ...]
    steroids: str
    counts: str
    prophylaxis: str
    centre: str
    phone: str
    watch: tuple[Watch, ...] = field(repr=False)

    @property
    def day(self) -> int:
        return (self.today - self.infusion).days

    @property
    def source_ids(self) -> tuple[str, ...]:
        ids: list[str] = []
        for w in self.watch:
            ids += [i for i in w.source_ids if i not in ids]
        return tuple(ids)


def handover(*, product: str, infusion: date, today: date, crs_grade: int = 0, icans_grade: int = 0,
             tocilizumab: Sequence[str] = (), steroids: str = "", counts: str = "", prophylaxis: str = "",
             centre: str = "", phone: str = "") -> Handover:
    """Check the team's facts and add the sourced watch list."""
    if product not in PRODUCTS:
        raise UserInputError(f"product must be one of {', '.join(PRODUCTS)}; got {product!r}")
    if today < infusion:
        raise UserInputError("today is before the infusion date")
    if (today - infusion).days > 3650:
        raise UserInputError("the infusion date is more than 10 years ago")
    crs = check_int("CRS grade", crs_grade, 0, 4)
    icans = check_int("ICANS grade", icans_grade, 0, 4)
    if len(tocilizumab) > 10:
        raise UserInputError("more than 10 tocilizumab doses listed")
    watch = [
        Watch(Msg("CRS: fever of 38 °C or more, with or without low blood pressure or low oxygen; grade by ASTCT. "
                  "Tocilizumab 8 mg/kg (max 800 mg), at least 8 h apart, at most 3 in 24 h and 4 in total."),
              ("G1", "CT7")),
        Watch(Msg("ICANS: confusion, speech or writing difficulty, drowsiness, seizure; ICE score and ASTCT grade. "
                  "It can occur before, with, after or without CRS."), ("G1", "CT19")),
        Watch(Msg("Infection: fever may be infection; antiviral prophylaxis for all patients to 1 year and/or CD4 "
                  "> 0.2 ×10⁹/L; irradiated blood products until at least day 90."), ("CT4", "G14")),
        Watch(Msg("IEC-HS (HLH-like syndrome), often not tied to CRS or its severity: consider it and see Hines "
                  "et al. 2023; no criteria are given here (not read)."), ("G10",)),
    ]
    if product == "cilta-cel":
        watch.append(Watch(Msg("Cilta-cel: HLH/MAS, parkinsonism and Guillain-Barré syndrome are in the boxed "
                               "warning; watch handwriting, movement and personality changes."), ("CT19", "G14")))
    return Handover(product, infusion, today, crs, icans, tuple(t.strip() for t in tocilizumab if t.strip()),
                    steroids.strip(), counts.strip(), prophylaxis.strip(), centre.strip(), phone.strip(), tuple(watch))
