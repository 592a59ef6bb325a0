"""`suggestions`: what the search panel offers when a query finds nothing."""

from __future__ import annotations

from pathlib import Path

from desktop.kb.search import suggestions
from desktop.kb.store import KnowledgeBase

GROUPS = [["cytokine release syndrome", "CRS", "细胞因子释放综合征"], ["equecabtagene autoleucel", "eque-cel", "FUCASO", "伊基奥仑赛"],
          ["leukapheresis", "白细胞单采"]]


def test_near_terms_come_first() -> None:
    found = suggestions("leukaferesis", GROUPS, "en")
    assert found[0] == "leukapheresis"


def test_then_one_term_per_group_in_the_ui_language() -> None:
    assert suggestions("zzzqqq", GROUPS, "en") == ["cytokine release syndrome", "equecabtagene autoleucel", "leukapheresis"]
    assert suggestions("zzzqqq", GROUPS, "zh-Hans") == ["细胞因子释放综合征", "伊基奥仑赛", "白细胞单采"]


def test_no_repeats_and_at_most_total() -> None:
    found = suggestions("CRS", GROUPS, "en", total=2)
    assert found[0] == "CRS" and len(found) == len(set(found)) == 2
    many = [[f"term{i}"] for i in range(30)]
    assert len(suggestions("zzz", many, "en")) == 10


def test_on_the_mini_kb(mini_kb: Path) -> None:
    kb = KnowledgeBase(mini_kb)
    found = suggestions("zzzqqq", kb.synonym_groups(), "en")
    assert found and ("FUCASO" in found or "eque-cel" in found)
