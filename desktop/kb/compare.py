"""The trial comparison as a query over long-format outcomes (no hand-made tables)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.kb.records import Outcome, Trial
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import in_language

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

METRIC_LABELS: dict[str, tuple[str, str]] = {
    "n_infused": ("Patients infused (N)", "回输患者数（N）"),
    "n_enrolled": ("Patients enrolled", "入组患者数"),
    "median_prior_lines": ("Median prior lines", "既往治疗线数中位数"),
    "followup_median": ("Median follow-up", "中位随访时间"),
    "orr": ("Overall response (ORR)", "总缓解率（ORR）"),
    "cr_or_better": ("Complete response or better (≥CR)", "完全缓解及以上（≥CR）"),
    "scr": ("Stringent complete response (sCR)", "严格意义的完全缓解（sCR）"),
    "vgpr_or_better": ("VGPR or better", "非常好的部分缓解及以上"),
    "mrd_neg": ("MRD negative", "MRD阴性"),
    "pfs_median": ("Median PFS", "中位无进展生存期"),
    "pfs_12mo": ("12-month PFS", "12个月无进展生存率"),
    "pfs_24mo": ("24-month PFS", "24个月无进展生存率"),
    "pfs_36mo": ("36-month PFS", "36个月无进展生存率"),
    "os_median": ("Median OS", "中位总生存期"),
    "dor_median": ("Median duration of response", "中位缓解持续时间"),
    "time_to_response_median": ("Median time to first response", "中位首次缓解时间"),
    "crs_any": ("CRS, any grade", "CRS（任何级别）"),
    "crs_grade3plus": ("CRS, grade ≥3", "CRS（≥3级）"),
    "icans_any": ("ICANS, any grade", "ICANS（任何级别）"),
    "icans_grade3plus": ("ICANS, grade ≥3", "ICANS（≥3级）"),
    "neurotox_any": ("Neurotoxicity, any grade", "神经毒性（任何级别）"),
    "neurotox_grade3plus": ("Neurotoxicity, grade ≥3", "神经毒性（≥3级）"),
    "ada_positive": ("Anti-drug antibodies", "抗药抗体阳性"),
    "hr_pfs": ("PFS hazard ratio", "PFS风险比"),
    "hr_os": ("OS hazard ratio", "OS风险比"),
    "vein_to_vein_median": ("Median apheresis to infusion", "单采至回输中位时间"),
    "median_age": ("Median age (years)", "中位年龄（岁）"),
    "n_randomised": ("Patients randomised (N)", "随机分组患者数（N）"),
    "os_12mo": ("12-month OS", "12个月总生存率"),
    "persistence_max": ("Longest CAR-T persistence", "CAR-T最长持续时间"),
    "persistence_12mo": ("CAR-T detectable at 12 months", "12个月时可检测到CAR-T"),
    "persistence_24mo": ("CAR-T detectable at 24 months", "24个月时可检测到CAR-T"),
    "cytopenia_grade3plus": ("Cytopenia, grade ≥3", "血细胞减少（≥3级）"),
    "infection_any": ("Infections, any grade", "感染（任何级别）"),
    "hlh": ("HLH/MAS", "噬血细胞性淋巴组织细胞增生症/巨噬细胞活化综合征（HLH/MAS）"),
    "mnt_any": ("Movement and neurocognitive toxicity", "运动及神经认知毒性"),
    "parkinsonism": ("Parkinsonism", "帕金森综合征"),
    "cranial_nerve_palsy": ("Cranial nerve palsy", "脑神经麻痹"),
    "mortality_nonrelapse": ("Non-relapse mortality", "非复发死亡率"),
    "spm": ("Second primary malignancies", "第二原发恶性肿瘤"),
}
"""Every metric id data/trials/outcomes.csv uses (a test keeps them in step)."""


COHORT_LABELS: dict[str, tuple[str, str]] = {
    "all": ("All treated", "全部治疗患者"),
    "car-t-naive": ("CAR-T-naive", "未接受过 CAR-T"),
    "prior-car-t": ("Prior CAR-T", "既往接受过 CAR-T"),
    "infused": ("Infused patients", "已回输患者"),
    "two-prior-lines": ("2 prior lines", "既往 2 线治疗"),
    "no-extramedullary-disease": ("No extramedullary disease", "无髓外病变"),
    "phase-1": ("Phase 1 part", "1 期部分"),
}
"""Every cohort id data/trials/outcomes.csv uses (a test keeps them in step)."""


SETTING_LABELS: dict[str, tuple[str, str]] = {
    "late-line": ("Late line (≥3 prior lines)", "后线（既往 ≥3 线）"),
    "early-line": ("Earlier line (1–3 prior lines)", "较早线（既往 1–3 线）"),
    "newly-diagnosed": ("Newly diagnosed", "新诊断"),
    "other-disease": ("Other disease", "其他疾病"),
}
"""Every trial `setting` data/trials uses (a test keeps them in step)."""


def _label(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    """The label in `lang`; an id the table lacks is shown as words (`os_12mo` -> `os 12mo`)."""
    words = key.replace("_", " ")
    en, zh = table.get(key, (words, words))
    return in_language(lang, en, zh)


def setting_label(setting: str, lang: str = "en") -> str:
    return _label(SETTING_LABELS, setting, lang)


def cohort_label(cohort: str, lang: str = "en") -> str:
    return _label(COHORT_LABELS, cohort, lang)


def metric_label(metric: str, lang: str = "en") -> str:
    return _label(METRIC_LABELS, metric, lang)


@dataclass
class Comparison:
    trials: list[Trial]
    metrics: list[str]
    cells: dict[tuple[str, str], Outcome] = field(default_factory=dict)
    cohort: str = "all"

    def cell(self, metric: str, trial_id: str) -> Outcome | None:
        return self.cells.get((metric, trial_id))


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
) -> Comparison:
    """Trials as columns, metrics as rows; per cell the analysis with the longest follow-up."""
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
    present = [m for m in metrics if any(k[0] == m for k in cells)]
    return Comparison(trials, present, {k: v[2] for k, v in cells.items()}, cohort)
