"""Citations of the sources the action tools (issue 23) rest on, as data/sources.yaml renders them.

Every result of tocilizumab, pathway, ICAHT, HEMATOTOX, the neuro watch and the infection plan names its source ids
and prints these lines; tests/unit/clinical/test_tool_sources.py keeps each equal to the KB's
rendering, so the window, the CLI and the reader cite the same text. What was and was not read
in each source is recorded in docs/research/clinical-tools-sources.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.clinical.common import Reason, texts

CITATIONS: dict[str, str] = {
    "CT1": "Rejeski K, Perez A, Sesques P, et al. CAR-HEMATOTOX: a model for CAR T-cell-related hematologic toxicity "
           "in relapsed/refractory large B-cell lymphoma. Blood 2021;138(24):2499-2513. doi:10.1182/blood.2020010543.",
    "CT3": "Rejeski K, et al. The CAR-HEMATOTOX score as a prognostic model of toxicity and response in patients "
           "receiving BCMA-directed CAR-T for relapsed/refractory multiple myeloma. J Hematol Oncol 2023. "
           "doi:10.1186/s13045-023-01465-x.",
    "CT4": "Rejeski K, Subklewe M, Aljurf M, et al. Immune effector cell-associated hematotoxicity: EHA/EBMT consensus "
           "grading and best practice recommendations. Blood 2023;142(10):865-877. doi:10.1182/blood.2023020578.",
    "CT6": "Unidentified (ASH journal table). Definition of T-ICAHT grading (Table 1). ASH publications "
           "(ash-sap.org view-large 12809257).",
    "CT7": "American Society of Clinical Oncology (Santomasso BD, et al.); pocket guide by Guideline Central. "
           "Immune-related adverse events: CAR T-cell therapy (ASCO guideline pocket guide), Tables 1-2. "
           "eguideline.guidelinecentral.com (i/1475467).",
    "CT8": "Johnson & Johnson Medical Information. CARVYKTI - Management of Severe Adverse Reactions. "
           "jnjmedicalconnect.com 2024.",
    "CT9": "Novartis. KYMRIAH (tisagenlecleucel) US Prescribing Information, 2.4 Management of Severe Adverse "
           "Reactions, Table 1. US FDA label (third-party mirror, 120ty.net).",
    "CT11": "Unidentified (ASH journal table). Recommendations and considerations for assessments and interventions "
            "during the course of CAR-T. ASH publications (ashpublications.com view-large 12523856).",
    "CT12": "Unidentified (ASH journal table). Stanford supportive care guidelines for managing infectious risk "
            "following CAR19. ASH publications (ashpublications.net view-large 10070704).",
    "CT13": "American Society of Hematology (ASH-SAP). Prevention of infectious complications and management of "
            "cytopenias resulting from CAR T-cell and bispecific T-cell recruiting antibodies (Table 4). ASH "
            "Self-Assessment Program (ash-sap.org view-large 12050824).",
    "CT14": "Unidentified (ASH journal table). Prophylactic measures to prevent infectious complications during "
            "treatment with BCMA-targeting BsAb and CAR T-cell therapy (Table 6). ASH publications "
            "(ashpublications.net view-large 12526167).",
    "CT15": "National Comprehensive Cancer Network (third-party structured copy). NCCN Guidelines, Management of "
            "CAR T-Cell-Related Toxicities v2.2026 (11/11/2025), pages CART-6 and CART-9. public GitHub repository "
            "(find_string ids 58502727636, 58395637676; repository not named by the index).",
    "CT18": "Cigna Healthcare (consumer drug monograph). Ciltacabtagene autoleucel injection (consumer medication "
            "information). cigna.com.",
    "CT19": "Janssen Biotech. CARVYKTI (ciltacabtagene autoleucel) label record, boxed warning. openFDA drug label "
            "API (record last_updated 2026-07-21).",
    "CT21": "Santomasso BD, Gust J, Perna F. How I treat unique and difficult-to-manage cases of CAR T-cell "
            "therapy-associated neurotoxicity. Blood 2023;141(20):2443-2451. doi:10.1182/blood.2022017604.",
    "G1": "Lee DW, Santomasso BD, Locke FL, et al. ASTCT consensus grading for cytokine release syndrome and neurologic "
          "toxicity associated with immune effector cells. Biol Blood Marrow Transplant 2019;25(4):625-638. "
          "doi:10.1016/j.bbmt.2018.12.758; PMID 30592986.",
    "G10": "Hines MR, Knight TE, McNerney KO, et al. Immune effector cell-associated hemophagocytic "
           "lymphohistiocytosis-like syndrome. Transplant Cell Ther 2023;29(7):438.e1-438.e16. "
           "doi:10.1016/j.jtct.2023.03.006; PMID 36906275.",
    "G3": "Santomasso BD, Nastoupil LJ, Adkins S, et al. Management of immune-related adverse events in patients "
          "treated with chimeric antigen receptor T-cell therapy: ASCO guideline. J Clin Oncol 2021;39(35):3978-3992. "
          "doi:10.1200/JCO.21.01992; PMID 34724386.",
    "G14": "Janssen Biotech, Inc. CARVYKTI (ciltacabtagene autoleucel) Medication Guide. DailyMed (US National "
           "Library of Medicine).",
}
"""Source id -> citation line (the KB's `Source.citation` of that id)."""


def cite(ids: Iterable[str]) -> str:
    """'citation [ID]; citation [ID]' for the JSON `source` field and the CLI's Source line."""
    return "; ".join(f"{CITATIONS[i]} [{i}]" for i in ids)


class Explained:
    """`citation` and translated `reasons` for a frozen result dataclass that keeps
    `reason_items` and `source_ids` (the tocilizumab ledger, ICAHT and the neuro watch)."""

    reason_items: tuple[Reason, ...]
    source_ids: tuple[str, ...]

    @property
    def citation(self) -> str:
        return cite(self.source_ids)

    def reasons(self, lang: str = "en") -> list[str]:
        return texts(self.reason_items, lang)

