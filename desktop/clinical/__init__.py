"""Clinical calculators: ASTCT CRS grade, ICANS grade and the ICE score, as pure functions.

No Qt here; the window (desktop/ui/views/grading_view.py) and `cartref grade` both call these.

How the tables were checked against the source (G1, Lee DW et al. 2019): the paper itself
could only be read as its first page, so every cell was compared with independent
reproductions of its tables (G2 in data/sources.yaml): CRS with PMC8021214 Table 1,
PMC9327779 Table 2, the jitc.bmj.com CRS table and the Blood (ashpublications) Penn/Lee/ASTCT
comparison table; ICE with PMC8153820 Table 2 and PMC9327779 Table 2 notes; ICANS with
PMC8403007 Table 4, PMC7990806 Table 2, Practical Neurology (pn.bmj.com) Table 2 and
PMC9327779 Table 2. All agree on every threshold used here. tests/unit/test_clinical_*.py
hold an oracle written cell by cell from those tables and compare it with these functions
over every input combination.
"""

from desktop.clinical.common import CITATION, SOURCE_DOI, SOURCE_ID, Reason, norm_lang
from desktop.clinical.crs import (
    FEVER_C,
    HYPOTENSION,
    OXYGEN,
    TEMP_RANGE_C,
    CrsResult,
    MaskedFeverWithoutCrs,
    crs_grade,
    masked_without_crs_message,
)
from desktop.clinical.icans import CONSCIOUSNESS, EDEMA, MOTOR, SEIZURE, IcansResult, icans_grade
from desktop.clinical.ice import ICE_MAX, ICE_PARTS, IceResult, ice_score

__all__ = [
    "CITATION",
    "CONSCIOUSNESS",
    "EDEMA",
    "FEVER_C",
    "HYPOTENSION",
    "ICE_MAX",
    "ICE_PARTS",
    "MOTOR",
    "OXYGEN",
    "SEIZURE",
    "SOURCE_DOI",
    "SOURCE_ID",
    "TEMP_RANGE_C",
    "CrsResult",
    "IcansResult",
    "IceResult",
    "MaskedFeverWithoutCrs",
    "Reason",
    "crs_grade",
    "icans_grade",
    "ice_score",
    "masked_without_crs_message",
    "norm_lang",
]
