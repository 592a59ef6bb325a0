"""The trial comparison as a query over long-format outcomes (no hand-made tables)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.i18n import N_, gettext
from desktop.kb.records import Outcome, Therapy, Trial
from desktop.kb.store import KnowledgeBase

COMPARE_METRICS: tuple[str, ...] = (
    "n_infused",
    "median_prior_lines",
    "followup_median",
    "orr",
    "cr_or_better",
    "scr",
    "mrd_neg",
    "pfs_median",
    "pfs_12mo",
    "pfs_24mo",
    "crs_any",
    "crs_grade3plus",
    "icans_any",
    "icans_grade3plus",
    "neurotox_any",
    "neurotox_grade3plus",
)

METRIC_LABELS: dict[str, str] = {
    "n_infused": N_("Patients infused (N)"),
    "n_enrolled": N_("Patients enrolled"),
    "median_prior_lines": N_("Median prior lines"),
    "followup_median": N_("Median follow-up"),
    "orr": N_("Overall response (ORR)"),
    "cr_or_better": N_("Complete response or better (≥CR)"),
    "scr": N_("Stringent complete response (sCR)"),
    "vgpr_or_better": N_("VGPR or better"),
    "mrd_neg": N_("MRD negative"),
    "pfs_median": N_("Median PFS"),
    "pfs_12mo": N_("12-month PFS"),
    "pfs_24mo": N_("24-month PFS"),
    "pfs_36mo": N_("36-month PFS"),
    "os_median": N_("Median OS"),
    "dor_median": N_("Median duration of response"),
    "time_to_response_median": N_("Median time to first response"),
    "crs_any": N_("CRS, any grade"),
    "crs_grade3plus": N_("CRS, grade ≥3"),
    "icans_any": N_("ICANS, any grade"),
    "icans_grade3plus": N_("ICANS, grade ≥3"),
    "neurotox_any": N_("Neurotoxicity, any grade"),
    "neurotox_grade3plus": N_("Neurotoxicity, grade ≥3"),
    "ada_positive": N_("Anti-drug antibodies"),
    "hr_pfs": N_("PFS hazard ratio"),
    "hr_os": N_("OS hazard ratio"),
    "vein_to_vein_median": N_("Median apheresis to infusion"),
    "median_age": N_("Median age (years)"),
    "n_randomised": N_("Patients randomised (N)"),
    "os_12mo": N_("12-month OS"),
    "persistence_max": N_("Longest CAR-T persistence"),
    "persistence_12mo": N_("CAR-T detectable at 12 months"),
    "persistence_24mo": N_("CAR-T detectable at 24 months"),
    "cytopenia_grade3plus": N_("Cytopenia, grade ≥3"),
    "infection_any": N_("Infections, any grade"),
    "hlh": N_("HLH/MAS"),
    "mnt_any": N_("Movement and neurocognitive toxicity"),
    "parkinsonism": N_("Parkinsonism"),
    "cranial_nerve_palsy": N_("Cranial nerve palsy"),
    "mortality_nonrelapse": N_("Non-relapse mortality"),
    "spm": N_("Second primary malignancies"),
}
"""Every metric id data/trials/outcomes.csv uses (a test keeps them in step)."""


COHORT_LABELS: dict[str, str] = {
    "all": N_("All treated"),
    "car-t-naive": N_("CAR-T-naive"),
    "prior-car-t": N_("Prior CAR-T"),
    "infused": N_("Infused patients"),
    "two-prior-lines": N_("2 prior lines"),
    "no-extramedullary-disease": N_("No extramedullary disease"),
    "phase-1": N_("Phase 1 part"),
}
"""Every cohort id data/trials/outcomes.csv uses (a test keeps them in step)."""


ARM_LABELS: dict[str, str] = {
    "car-t": N_("CAR-T"),
    "standard-care": N_("Standard of care"),
}
"""Every arm id data/trials/outcomes.csv uses, as a reader says it (review D30: "Arm: car-t")."""


SETTING_LABELS: dict[str, str] = {
    "late-line": N_("Late line (≥3 prior lines)"),
    "early-line": N_("Earlier line (1–3 prior lines)"),
    "newly-diagnosed": N_("Newly diagnosed"),
    "other-disease": N_("Other disease"),
}
"""Every trial `setting` data/trials uses (a test keeps them in step)."""


REGION_LABELS: dict[str, str] = {
    "United States": N_("United States"),
    "US": N_("United States"),
    "China": N_("China"),
    "China (mainland)": N_("mainland China"),
    "European Union": N_("European Union"),
    "EU": N_("European Union"),
    "Japan": N_("Japan"),
    "Hong Kong SAR": N_("Hong Kong SAR"),
    "Macau SAR": N_("Macau SAR"),
    "Singapore": N_("Singapore"),
}
"""Every approval and label `region` data/therapies uses (a test keeps them in step)."""

AGENCY_LABELS: dict[str, str] = {
    "FDA": N_("FDA (US Food and Drug Administration)"),
    "NMPA": N_("NMPA (China's National Medical Products Administration)"),
    "European Commission": N_("European Commission"),
    "EMA (CHMP)": N_("EMA (CHMP)"),
    "Department of Health": N_("Department of Health"),
    "HSA": N_("HSA (Health Sciences Authority)"),
    "ISAF (Pharmaceutical Administration Bureau)": N_("ISAF (Pharmaceutical Administration Bureau)"),
    "MHLW/PMDA": N_("MHLW/PMDA"),
}
"""Every approval `agency` data/therapies uses (a test keeps them in step)."""

STATUS_LABELS: dict[str, str] = {
    "approved": N_("approved"),
    "investigational": N_("investigational"),
}

UNIT_WORDS: dict[str, str] = {"months": N_("%(n)s mo"), "days": N_("%(n)s d")}
"""An outcome's value with its unit, in words that follow the language (个月, 天)."""

NOT_REACHED = N_("not reached")


PHASE_WORDS: dict[str, str] = {"real-world": N_("real-world"), "Early 1": N_("early phase 1")}


def phase_label(phase: str, lang: str = "en") -> str:
    """A trial's phase for a reader: `1b/2` -> 1b/2期 in Chinese; words (real-world) translated."""
    if not lang.lower().startswith("zh") or not phase:
        return phase
    if phase in PHASE_WORDS:
        return gettext(lang)(PHASE_WORDS[phase])
    _ = gettext(lang)
    return (_("phase %(phase)s") % {"phase": phase}).strip()


def region_label(region: str, lang: str = "en") -> str:
    return gettext(lang)(REGION_LABELS[region]) if region in REGION_LABELS and lang != "en" else region


def agency_label(agency: str, lang: str = "en") -> str:
    """The agency as in the data in English; its name with the abbreviation in Chinese."""
    return gettext(lang)(AGENCY_LABELS[agency]) if agency in AGENCY_LABELS and lang != "en" else agency


def status_label(status: str, lang: str = "en") -> str:
    return _label(STATUS_LABELS, status, lang)


def trial_name(trial: Trial, lang: str = "en") -> str:
    """The trial's name in `lang`: a published Chinese name or description when data/ has one."""
    zh = getattr(trial, "name_zh", "")
    return zh if zh and lang.lower().startswith("zh") else trial.name


def therapy_short_name(therapy: Therapy | None, fallback: str, lang: str = "en") -> str:
    """A product for a table cell: its sourced Chinese name in Chinese, else its short id
    (eque-cel, ide-cel: the abbreviations of the international nonproprietary names)."""
    if therapy is not None and lang.lower().startswith("zh") and therapy.name_zh:
        return therapy.name_zh.removesuffix("注射液")
    return fallback


def display_value(o: Outcome, lang: str = "en") -> str:
    """`Outcome.display_value` in `lang`: 13.8 个月, 16 天, 未达到, 95% CI."""
    if not lang.lower().startswith("zh"):
        return o.display_value
    _ = gettext(lang)
    if o.value is None:
        return _(NOT_REACHED) if not o.note or o.note.strip().lower() == NOT_REACHED else o.note
    number = o.value_text or f"{o.value:g}"
    unit = {"percent": "%", "lines": "", "count": "", "ratio": ""}.get(o.unit)
    text = f"{number}{unit}" if unit is not None else _(UNIT_WORDS[o.unit]) % {"n": number} if o.unit in UNIT_WORDS else number
    if o.numerator is not None and o.denominator is not None:
        text += f"（{o.numerator:g}/{o.denominator:g}）"
    elif o.denominator is not None:
        text += f"（n={o.denominator:g}）"
    if o.ci_text:
        text += f" [95% CI {o.ci_text}]"
    elif o.ci_low is not None and o.ci_high is not None:
        text += f" [95% CI {o.ci_low:g}–{o.ci_high:g}]"
    return text


def _label(table: dict[str, str], key: str, lang: str) -> str:
    """The label in `lang` (catalogue `cartref`); an id the table lacks is shown as words
    (`os_12mo` -> `os 12mo`)."""
    label = table.get(key)
    return gettext(lang)(label) if label else key.replace("_", " ")


def setting_label(setting: str, lang: str = "en") -> str:
    return _label(SETTING_LABELS, setting, lang)


def cohort_label(cohort: str, lang: str = "en") -> str:
    return _label(COHORT_LABELS, cohort, lang)


def arm_label(arm: str, lang: str = "en") -> str:
    return _label(ARM_LABELS, arm, lang)


def metric_label(metric: str, lang: str = "en") -> str:
    return _label(METRIC_LABELS, metric, lang)


DERIVED_FROM_SCR = "from-scr"
"""≥CR shown as "≥ sCR": the source reports only sCR, which is part of ≥CR (a lower bound)."""
DERIVED_PERCENT = "percent-from-count"
"""A count with its n/N shown as a percentage, so the column keeps one unit."""

PERCENT_COLUMNS = frozenset({"orr", "cr_or_better", "scr", "mrd_neg", "crs_any", "crs_grade3plus", "icans_any",
                             "icans_grade3plus", "neurotox_any", "neurotox_grade3plus"})


@dataclass
class Comparison:
    trials: list[Trial]
    metrics: list[str]
    cells: dict[tuple[str, str], Outcome] = field(default_factory=dict)
    cohort: str = "all"
    derived: dict[tuple[str, str], str] = field(default_factory=dict)
    """(metric, trial) -> DERIVED_* for cells computed from what the KB holds (the UI says so)."""

    def cell(self, metric: str, trial_id: str) -> Outcome | None:
        return self.cells.get((metric, trial_id))

    def how(self, metric: str, trial_id: str) -> str:
        return self.derived.get((metric, trial_id), "")


def _as_percent(o: Outcome) -> Outcome | None:
    """A count with numerator and denominator as the percentage they make (1/103 -> 1.0%)."""
    if o.unit != "count" or o.numerator is None or not o.denominator:
        return None
    pct = 100.0 * o.numerator / o.denominator
    return o._replace(value=round(pct, 1), unit="percent", value_text=f"{pct:.1f}")


def _ge_from_scr(scr: Outcome) -> Outcome | None:
    """≥CR as "≥ sCR%": sCR patients are in CR or better, so sCR is a floor for ≥CR."""
    if scr.value is None or scr.unit != "percent":
        return None
    return scr._replace(metric="cr_or_better", value_text="≥" + (scr.value_text or f"{scr.value:g}"))


def is_myeloma(trial: Trial) -> bool:
    """Trials in myeloma (every setting but `other-disease`, e.g. the NMOSD study)."""
    return trial.setting != "other-disease"


def cohorts(kb: KnowledgeBase) -> list[str]:
    found = sorted({o.cohort for o in kb.outcomes() if o.arm == "car-t"})
    return sorted(found, key=lambda c: (c != "all", c))


def build_comparison(
    kb: KnowledgeBase,
    *,
    cohort: str = "all",
    arm: str = "car-t",
    setting: str | None = None,
    metrics: tuple[str, ...] = COMPARE_METRICS,
    derive: bool = False,
) -> Comparison:
    """Trials as columns, metrics as rows; per cell the analysis with the longest follow-up.

    `derive` (the window's table) fills what the KB holds the parts of: a count with its n/N
    as a percentage, and ≥CR as "≥ sCR" where only sCR is reported; `derived` names each."""
    outcomes = [o for o in kb.outcomes() if o.arm == arm and o.cohort == cohort and o.metric in metrics]
    trial_ids = {o.trial_id for o in outcomes}
    trials = [t for t in kb.trials() if t.id in trial_ids and (setting is None or t.setting == setting)]
    keep = {t.id for t in trials}
    cells: dict[tuple[str, str], tuple[float, int, Outcome]] = {}
    for order, o in enumerate(outcomes):
        if o.trial_id not in keep:
            continue
        rank = (o.followup_months or 0.0, order)
        key = (o.metric, o.trial_id)
        if key not in cells or rank > cells[key][:2]:
            cells[key] = (*rank, o)
    chosen = {k: v[2] for k, v in cells.items()}
    derived: dict[tuple[str, str], str] = {}
    for (metric, trial_id), o in list(chosen.items()) if derive else ():
        if metric in PERCENT_COLUMNS and (pct := _as_percent(o)) is not None:
            chosen[(metric, trial_id)] = pct
            derived[(metric, trial_id)] = DERIVED_PERCENT
    if derive and "cr_or_better" in metrics:
        for (metric, trial_id), o in list(chosen.items()):
            if metric == "scr" and ("cr_or_better", trial_id) not in chosen and (ge := _ge_from_scr(o)) is not None:
                chosen[("cr_or_better", trial_id)] = ge
                derived[("cr_or_better", trial_id)] = DERIVED_FROM_SCR
    present = [m for m in metrics if any(k[0] == m for k in chosen)]
    return Comparison(trials, present, chosen, cohort, derived)
