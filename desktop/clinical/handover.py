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
`handover_html` is the page (English and Chinese side by side); desktop.handouts.sheets prints it for
the window and for `cartref handover`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape

from desktop.clinical.common import check_int
from desktop.clinical.sources import CITATIONS
from desktop.errors import UserInputError
from desktop.i18n import N_, Msg, gettext

PRODUCTS = ("cilta-cel", "ide-cel", "other")
PHONE = re.compile(r"\+?[0-9][0-9 ()\-]{2,29}")
"""What the QR's `tel:` link may hold: a number a phone can dial."""


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
    for name, text in (("steroids", steroids), ("counts", counts), ("prophylaxis", prophylaxis),
                       ("centre", centre), *(("tocilizumab", t) for t in tocilizumab)):
        if len(text) > 300 or any(ord(ch) < 32 for ch in text):
            raise UserInputError(f"{name}: one line of at most 300 characters")
    if phone.strip() and not PHONE.fullmatch(phone.strip()):
        raise UserInputError(f"phone must be digits, spaces, + - ( ) only, 3 to 30 characters; got {phone!r}")
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


_ZH = "zh-Hans"
_HANDOVER_LABELS = {
    "title": N_("CAR-T patient: emergency handover"),
    "product": N_("Product"),
    "infusion": N_("Infusion date"),
    "day": N_("Day since infusion"),
    "grades": N_("Current grades (ASTCT)"),
    "toci": N_("Tocilizumab doses given (when, how much)"),
    "steroids": N_("Steroid exposure"),
    "counts": N_("Counts trend"),
    "prophylaxis": N_("Prophylaxis"),
    "centre": N_("Treating centre"),
    "phone": N_("Centre phone (24 h)"),
    "watch": N_("What not to miss"),
    "none": N_("none recorded"),
}


def _both(msgid: str) -> str:
    """'English / 中文' for the bilingual sheet, whatever the window's language."""
    zh = gettext(_ZH)(msgid)
    return escape(msgid if zh == msgid else f"{msgid} / {zh}")


def handover_html(h: Handover) -> str:
    """The one-page bilingual handover (QR image named 'qr.png' when a phone is given)."""
    def row(key: str, value: str) -> str:
        text = escape(value) if value else f"<i>{_both(_HANDOVER_LABELS['none'])}</i>"
        return f"<tr><td width='28%'><b>{_both(_HANDOVER_LABELS[key])}</b></td><td>{text}</td></tr>"

    grades = f"CRS {h.crs_grade} · ICANS {h.icans_grade}"
    rows = [row("product", h.product), row("infusion", h.infusion.isoformat()), row("day", str(h.day)),
            row("grades", grades), row("toci", "; ".join(h.tocilizumab)), row("steroids", h.steroids),
            row("counts", h.counts), row("prophylaxis", h.prophylaxis), row("centre", h.centre),
            row("phone", h.phone)]
    watch = "".join(f"<li>{escape(w.message.text('en'))}<br>{escape(w.message.text(_ZH))} "
                    f"<small>[{', '.join(w.source_ids)}]</small></li>" for w in h.watch)
    qr = "<p align='right'><img src='qr.png' width='110' height='110'></p>" if h.phone else ""
    cites = "".join(f"<li>{escape(CITATIONS[i])} [{i}]</li>" for i in h.source_ids)
    return (f"<h2>{_both(_HANDOVER_LABELS['title'])}</h2>{qr}<table cellpadding='3' border='1' cellspacing='0' "
            f"width='100%'>{''.join(rows)}</table><h3>{_both(_HANDOVER_LABELS['watch'])}</h3><ul>{watch}</ul>"
            f"<ol><small>{cites}</small></ol>")
