"""Tables of kb.sqlite, its FTS5 index and the schema version the program understands."""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1


def list_json(value: Any) -> str:
    """How a list column is stored: JSON text with sorted keys and Chinese kept as is, so the
    same content always builds the same bytes (records.from_row decodes it)."""
    import json  # only the KB build writes list columns; the window's start-up reads this module

    return json.dumps(value, ensure_ascii=False, sort_keys=True)

LANGS = ("en", "zh-Hans")
AUDIENCES = ("patient", "clinician")
KINDS = ("therapy", "article", "trial", "outcome", "center", "glossary")
SOURCE_KINDS = (
    "journal",
    "registry",
    "label",
    "guideline",
    "conference",
    "press-release",
    "secondary",
    "regulator",
    "dataset",
)
GRADES = ("P", "C", "S")

# Plausible ranges per outcome unit; the build refuses values outside them.
UNIT_RANGES: dict[str, tuple[float, float]] = {
    "percent": (0.0, 100.0),
    "months": (0.0, 240.0),
    "days": (0.0, 3650.0),
    "count": (0.0, 100000.0),
    "lines": (0.0, 30.0),
    "ratio": (0.0, 20.0),
}

METRICS = (
    "n_infused",
    "n_enrolled",
    "n_randomised",
    "median_prior_lines",
    "followup_median",
    "orr",
    "cr_or_better",
    "scr",
    "vgpr_or_better",
    "mrd_neg",
    "pfs_median",
    "pfs_12mo",
    "pfs_24mo",
    "pfs_36mo",
    "os_median",
    "os_12mo",
    "dor_median",
    "time_to_response_median",
    "crs_any",
    "crs_grade3plus",
    "icans_any",
    "icans_grade3plus",
    "neurotox_any",
    "neurotox_grade3plus",
    "ada_positive",
    "hr_pfs",
    "hr_os",
    "vein_to_vein_median",
    "persistence_12mo",
    "persistence_24mo",
    "persistence_max",
    "median_age",
    "cytopenia_grade3plus",
    "infection_any",
    "infection_grade3plus",
    "mnt_any",
    "cranial_nerve_palsy",
    "parkinsonism",
    "hlh",
    "spm",
    "mortality_nonrelapse",
)

# The FTS5 index. Chinese is cut into words before it is stored (kb/segment.py), words
# separated by spaces, so unicode61 sees each word as a token and unknown characters as
# single-character tokens; `extra` holds the shorter words and characters inside each known
# word, so a query word still matches inside a longer one. Not shown, weighted low.
FTS_TABLE = "search_fts"
FTS_CREATE = f"""
CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
    title, body, extra, kind UNINDEXED, ref_id UNINDEXED, lang UNINDEXED, weight UNINDEXED,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
)
"""
FTS_VOCAB_CREATE = f"CREATE VIRTUAL TABLE {FTS_TABLE}_vocab USING fts5vocab({FTS_TABLE}, 'row')"

# `weight` (NULL = 1) scales a row's bm25 score: the build gives the results of trials other
# than each product's pivotal trial (the first of its key trials) less than 1, so a product's
# question shows its pivotal results before an early phase 1's.
# Column weights for bm25: a title hit counts ten times a body hit; `extra` half a body hit.
BM25_WEIGHTS = (10.0, 1.0, 0.5)
