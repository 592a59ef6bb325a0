"""The grading tools cite the ASTCT paper exactly as data/sources.yaml records it (id G1)."""

from __future__ import annotations

import yaml

from desktop.clinical import CITATION, SOURCE_DOI, SOURCE_ID, crs_grade, icans_grade, ice_score
from desktop.kb.records import Source
from tests.helpers.paths import ROOT


def test_citation_is_the_kb_rendering_of_g1() -> None:
    entries = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))
    g1 = next(e for e in entries if e["id"] == SOURCE_ID)
    assert str(g1["doi"]) == SOURCE_DOI
    fields = set(Source._fields)
    source = Source(**{k: str(v) for k, v in g1.items() if k in fields})
    assert source.citation == CITATION


def test_every_result_carries_the_citation() -> None:
    for result in (ice_score(4, 3, 1, 1, 1), crs_grade(39.0), icans_grade(ice=9)):
        assert result.source_id == SOURCE_ID
        assert result.to_json()["source"] == CITATION
