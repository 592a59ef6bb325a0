"""Grade -> management pathway for CRS and ICANS, each source in its own column, dated.

Only rows read in the source are shown (docs/research/clinical-tools-sources.md §4); where a row was
not read the column says so instead of filling it from elsewhere:
- ASCO 2021 guideline (G3), read in its official pocket guide (CT7): CRS grades 3-4, ICANS all-grade
  work-up and grades 1-3. CRS grades 1-2, ICANS grade 4 and the seizure and cerebral-oedema
  sub-pathways were NOT read.
- NCCN CAR T-cell toxicities v2.2026 (11/11/2025), read only in a third-party structured copy (CT15,
  secondary: verify against the NCCN original): CRS grades 1-2 and neurotoxicity grades 1-4. CRS
  grades 3-4 (CART-7) were NOT read.
- CARVYKTI (cilta-cel) label: the boxed warning (CT19) and the company page quoting the label's
  levetiracetam advice (CT8). The label's grade tables with doses were NOT read.
The site picks which column leads (its protocol); the others stay beside it for comparison.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.clinical.common import check_int, norm_lang
from desktop.clinical.sources import CITATIONS
from desktop.clinical.tocilizumab import check_weight, fmt
from desktop.errors import UserInputError
from desktop.i18n import N_, Msg

PROTOCOLS = ("asco", "nccn")
"""What a site may choose to lead with; the label column is always shown for cilta-cel."""
PRODUCTS = ("cilta-cel", "ide-cel", "other")


@dataclass(frozen=True)
class Column:
    """One source's recommendation for one topic (CRS or ICANS) at one grade."""

    key: str
    name: Msg
    source_ids: tuple[str, ...]
    dated: str
    status: str
    """'primary' (read in the primary text or its official summary), 'secondary' (verify), 'label'."""
    steps: tuple[Msg, ...]
    not_read: tuple[Msg, ...] = ()

    def to_json(self, lang: str) -> dict[str, Any]:
        return {"source": self.key, "name": self.name.text(lang), "source_ids": list(self.source_ids),
                "citation": "; ".join(CITATIONS[i] for i in self.source_ids), "dated": self.dated,
                "status": self.status, "steps": [m.text(lang) for m in self.steps],
                "not_read": [m.text(lang) for m in self.not_read]}


@dataclass(frozen=True)
class Section:
    topic: str  # "crs" or "icans"
    grade: int
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


@dataclass(frozen=True)
class PathwayResult:
    crs_grade: int
    icans_grade: int
    protocol: str
    sections: tuple[Section, ...] = field(repr=False)

    def lead_columns(self) -> list[Column]:
        return [c for s in self.sections for c in s.columns if c.key == self.protocol]

    def reasons(self, lang: str = "en") -> list[str]:
        """The chosen protocol's steps, topic by topic, then what it leaves unread."""
        out: list[str] = []
        for col in self.lead_columns():
            out += [m.text(lang) for m in col.steps]
            out += [m.text(lang) for m in col.not_read]
        return out

    @property
    def source_ids(self) -> tuple[str, ...]:
        ids: list[str] = []
        for col in self.lead_columns():
            ids += [i for i in col.source_ids if i not in ids]
        return tuple(ids)

    @property
    def citation(self) -> str:
        return "; ".join(f"{CITATIONS[i]} [{i}]" for i in self.source_ids)

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        lang = norm_lang(lang)
        return {"crs_grade": self.crs_grade, "icans_grade": self.icans_grade, "protocol": self.protocol,
                "reasons": self.reasons(lang), "source": self.citation,
                "sections": [{"topic": s.topic, "grade": s.grade, "columns": [c.to_json(lang) for c in s.columns]}
                             for s in self.sections]}


ASCO = Msg(N_("ASCO guideline 2021 (pocket guide)"))
NCCN = Msg(N_("NCCN v2.2026 (secondary copy, verify)"))
LABEL = Msg(N_("CARVYKTI label (cilta-cel)"))
ASCO_DATED = "2021 (J Clin Oncol 39:3978)"
NCCN_DATED = "v2.2026, 2025-11-11"
LABEL_DATED = "2026-07-21 (openFDA); 2024-08-20 (J&J)"

TOCI_ASCO = N_("Tocilizumab 8 mg/kg IV over 1 hour (not to exceed 800 mg/dose); repeat every 8 hours as needed; "
               "at most 3 doses in 24 hours and 4 in total.")


def _asco_crs(grade: int) -> Column:
    steps: list[Msg] = []
    not_read: list[Msg] = []
    if grade in (1, 2):
        not_read.append(Msg("ASCO's CRS grade 1-2 page was not read: follow the NCCN column (secondary) or the "
                            "site protocol."))
    elif grade == 3:
        steps += [Msg("Supportive care as for grade 2, plus vasopressors; ICU; echocardiogram if not done."),
                  Msg("Tocilizumab as for grade 2 if the 24-hour maximum has not been reached."),
                  Msg("Dexamethasone 10 mg IV every 6 hours (or equivalent); taper rapidly once improving."),
                  Msg("If refractory, manage as grade 4.")]
    elif grade == 4:
        steps += [Msg("Supportive care as for grade 3, plus mechanical ventilation as needed."),
                  Msg("Tocilizumab as for grade 2 if the maximum has not been reached."),
                  Msg("Methylprednisolone 500 mg IV every 12 hours for 3 days, then 250 mg every 12 hours for 2 days, "
                      "125 mg every 12 hours for 2 days, 60 mg every 12 hours until CRS is grade 1."),
                  Msg("If not improving, consider methylprednisolone 1000 mg IV twice a day or an alternative "
                      "therapy.")]
    if grade >= 3:
        steps += [Msg("Organ toxicities are graded by CTCAE v5.0 and do not change the CRS grade."),
                  Msg("Strongly consider antifungal prophylaxis in patients receiving steroids.")]
    return Column("asco", ASCO, ("CT7", "G3"), ASCO_DATED, "primary", tuple(steps), tuple(not_read))


def _nccn_crs(grade: int) -> Column:
    steps: list[Msg] = []
    not_read: list[Msg] = []
    if grade == 1:
        steps += [Msg("Consider dexamethasone 10 mg IV every 24 hours for early-onset CRS (< 72 h after infusion)."),
                  Msg("Consider one dose of tocilizumab 8 mg/kg IV over 1 hour (max 800 mg)."),
                  Msg("Sepsis screen and empiric antibiotics; consider G-CSF if neutropenic (GM-CSF not recommended).")]
    elif grade == 2:
        steps += [Msg("Dexamethasone 10 mg IV every 12-24 hours, depending on the product."),
                  Msg("Tocilizumab 8 mg/kg IV (max 800 mg/dose), may repeat in 8 hours; no more than 3 doses in "
                      "24 hours, maximum 4 in total. Under shortage: at most 2 doses per CRS episode."),
                  Msg("Manage as grade 3 if no improvement within 24 hours of anti-IL-6 therapy.")]
    else:
        not_read.append(Msg("NCCN CRS grade 3-4 (page CART-7) was not read."))
    return Column("nccn", NCCN, ("CT15",), NCCN_DATED, "secondary", tuple(steps), tuple(not_read))


def _label_crs(grade: int) -> Column:
    steps = [Msg("Consider anti-seizure prophylaxis with levetiracetam in patients who experience CRS "
                 "(label as quoted by J&J Medical Connect).")]
    if grade >= 3:
        steps.insert(0, Msg("Treat severe or life-threatening CRS with tocilizumab or tocilizumab and corticosteroids "
                            "(boxed warning)."))
    return Column("label", LABEL, ("CT19", "CT8"), LABEL_DATED, "label", tuple(steps),
                  (Msg("The label's CRS grade table with doses was not read."),))


def _mp_per_kg(weight_kg: float | None) -> Msg:
    if weight_kg is None:
        return Msg("methylprednisolone 1 mg/kg IV every 12 hours")
    return Msg("methylprednisolone 1 mg/kg IV every 12 hours (%(mg)s mg at %(w)s kg)",
               mg=fmt(weight_kg), w=fmt(weight_kg))


def _asco_icans(grade: int, crs: int, high_risk: bool, persistent: bool, weight_kg: float | None) -> Column:
    mp = _mp_per_kg(weight_kg)
    steps: list[Msg] = [
        Msg("ICE score and motor assessment at least twice a day; serial CRP, ferritin, CBC, CMP, fibrinogen, "
            "PT/PTT; neurology consult; aspiration precautions; correct severe hyponatraemia."),
        Msg("Consider seizure prophylaxis for products known for ICANS or patients at high seizure risk.")]
    not_read: list[Msg] = []
    if grade >= 2:
        steps.append(Msg("MRI (or CT) of the brain and EEG (grade 2 or more; EEG also for unexplained altered "
                         "mental status); consider lumbar puncture."))
    if grade >= 3:
        steps.append(Msg("Lumbar puncture (grade 3 or more)."))
        if persistent:
            steps.append(Msg("Persistent grade 3 or more: consider repeat MRI/CT every 2-3 days."))
    if grade == 1:
        if crs:
            steps += [Msg(TOCI_ASCO), Msg("Caution with repeated tocilizumab doses in ICANS; consider adding "
                                          "corticosteroids past the first dose.")]
        else:
            steps.append(Msg("Supportive care (IV hydration, aspiration precautions); no tocilizumab, no steroid."))
    elif grade == 2:
        if crs:
            steps += [Msg("Consider ICU if CRS is grade 2 or more."),
                      Msg("Tocilizumab as for grade 1; if refractory past the first dose: dexamethasone 10 mg IV every "
                          "6-12 hours or %(mp)s until grade 1, then taper.", mp=mp)]
        elif high_risk:
            steps.append(Msg("High-risk product or patient: consider dexamethasone 10 mg IV × 2 doses and reassess; "
                             "repeat every 6-12 hours if no improvement; taper once grade 1."))
        else:
            steps.append(Msg("Supportive care as for grade 1."))
    elif grade == 3:
        steps.append(Msg("ICU for all patients."))
        if crs:
            steps.append(Msg("Tocilizumab as for grade 1; if refractory past the first dose: dexamethasone 10 mg IV "
                             "every 6-12 hours or %(mp)s.", mp=mp))
        else:
            steps.append(Msg("Dexamethasone 10 mg IV every 6-12 hours or %(mp)s.", mp=mp))
    elif grade == 4:
        not_read.append(Msg("ASCO's ICANS grade 4 page, and its seizure and cerebral-oedema sub-pathways, were not "
                            "read: follow the site protocol."))
    return Column("asco", ASCO, ("CT7", "G3"), ASCO_DATED, "primary", tuple(steps), tuple(not_read))


def _nccn_icans(grade: int, crs: int, weight_kg: float | None) -> Column:
    mp = _mp_per_kg(weight_kg)
    steps: list[Msg] = [Msg("Neurological assessment at least twice a day.")]
    if grade == 1:
        steps.append(Msg("Without CRS: consider one dose of dexamethasone 10 mg."))
    elif grade == 2:
        steps.append(Msg("Without CRS: dexamethasone 10 mg, repeat every 6-12 hours."))
    elif grade == 3:
        steps.append(Msg("Without CRS: dexamethasone 10 mg every 6 hours or %(mp)s; ICU; add anakinra 100 mg every "
                         "6 hours if not responding.", mp=mp))
    elif grade == 4:
        steps += [Msg("Without CRS: methylprednisolone 1000 mg/day (may consider twice a day) for 3 days, then 250 mg "
                      "every 12 hours for 2 days, 125 mg every 12 hours for 2 days, 60 mg every 12 hours for 2 days."),
                  Msg("Treat convulsive status epilepticus per institutional guidelines.")]
    if crs:
        steps.append(Msg("With concurrent CRS: tocilizumab 8 mg/kg (max 800 mg) as for CRS, at every grade."))
    return Column("nccn", NCCN, ("CT15",), NCCN_DATED, "secondary", tuple(steps))


def _label_icans() -> Column:
    return Column("label", LABEL, ("CT19",), LABEL_DATED, "label", (
        Msg("ICANS may occur before CRS, with it, after it has resolved, or without CRS; provide supportive care "
            "and/or corticosteroids as needed (boxed warning)."),),
        (Msg("The label's ICANS grade table with doses was not read."),))


def pathway(crs_grade: int, icans_grade: int, *, protocol: str = "asco", high_risk: bool = False,
            persistent: bool = False, weight_kg: float | None = None, product: str = "other") -> PathwayResult:
    """The management steps for a CRS and an ICANS grade, per source, the chosen protocol first."""
    crs = check_int("CRS grade", crs_grade, 0, 4)
    icans = check_int("ICANS grade", icans_grade, 0, 4)
    if protocol not in PROTOCOLS:
        raise UserInputError(f"protocol must be one of {', '.join(PROTOCOLS)}; got {protocol!r}")
    if product not in PRODUCTS:
        raise UserInputError(f"product must be one of {', '.join(PRODUCTS)}; got {product!r}")
    weight = check_weight(weight_kg) if weight_kg is not None else None
    sections: list[Section] = []
    order = {protocol: 0}
    if crs:
        cols = [_asco_crs(crs), _nccn_crs(crs)] + ([_label_crs(crs)] if product == "cilta-cel" else [])
        sections.append(Section("crs", crs, tuple(sorted(cols, key=lambda c: order.get(c.key, 1)))))
    if icans:
        cols = [_asco_icans(icans, crs, high_risk, persistent, weight), _nccn_icans(icans, crs, weight)]
        if product == "cilta-cel":
            cols.append(_label_icans())
        sections.append(Section("icans", icans, tuple(sorted(cols, key=lambda c: order.get(c.key, 1)))))
    return PathwayResult(crs, icans, protocol, tuple(sections))
