"""Search: safe on any text, prefixes, synonyms, typos, Chinese words, ranking and filters."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.kb.store import KnowledgeBase


@pytest.fixture(scope="module")
def kb(mini_kb: Path) -> KnowledgeBase:
    return KnowledgeBase(mini_kb)


def ids(kb: KnowledgeBase, query: str, **kw: object) -> list[str]:
    return [h.id for h in kb.search(query, **kw).hits]  # type: ignore[arg-type]


NASTY = ['"', '""', "AND", "OR", "NOT", "NEAR(", "NEAR(a b", "*", "-", "^", ":", "(", ")", "((", "a:b",
         "col:term", "\x00", "\x1b[31m", "😀", "ＣＲＳ", "x" * 10_000, "crs AND", "OR crs", "-crs", "^crs",
         "crs*", "{title}: x", "'", "\\", "%", "_", "NEAR", "t-cell", "[@G1]"]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_never_raises(kb: KnowledgeBase, text: str) -> None:
    kb.search(text)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_random_text_never_raises(kb: KnowledgeBase, text: str) -> None:
    result = kb.search(text)
    assert all(h.kind in ("therapy", "article", "trial", "outcome", "center", "glossary") for h in result.hits)


def test_fts_operators_are_words_not_syntax(kb: KnowledgeBase) -> None:
    # "fever AND blood" as syntax and as words both find the article; "NOT" must not exclude it.
    assert "crs" in ids(kb, "fever NOT blood")


def test_full_width_letters_fold(kb: KnowledgeBase) -> None:
    assert ids(kb, "ＣＲＳ") == ids(kb, "CRS")


def test_prefix_as_you_type(kb: KnowledgeBase) -> None:
    assert "crs" in ids(kb, "cyto")
    assert ids(kb, "c") == []  # a one-letter prefix is not expanded


def test_synonyms_expand_both_ways(kb: KnowledgeBase) -> None:
    assert "eque-cel" in ids(kb, "FUCASO")
    assert "eque-cel" in ids(kb, "CT103A")
    assert "eque-cel" in ids(kb, "伊基奥仑赛")
    assert "crs" in ids(kb, "CRS", kind="article")


def test_typo_falls_back_and_says_so(kb: KnowledgeBase) -> None:
    result = kb.search("leukaferesis ")
    assert result.corrected == "leukapheresis"
    assert "crs" in [h.id for h in result.hits]
    result = kb.search("equecabtagen ")
    assert result.corrected and "equecabtagene" in result.corrected
    assert kb.search("cytokine").corrected is None


def test_chinese_two_character_words(kb: KnowledgeBase) -> None:
    assert "test-wuhan" in ids(kb, "武汉")
    assert "crs" in ids(kb, "发热")
    assert "crs" in ids(kb, "细胞因子释放综合征")
    hit = kb.search("武汉", kind="center").hits[0]
    assert "<b>武汉</b>" in hit.snippet


def test_title_outranks_body(kb: KnowledgeBase) -> None:
    hits = kb.search("cytokine release syndrome", kind="article", lang="en").hits
    assert hits[0].id == "crs"


def test_filters_by_kind_and_language(kb: KnowledgeBase) -> None:
    assert {h.kind for h in kb.search("eque-cel", kind="trial").hits} == {"trial"}
    assert all(h.lang == "zh-Hans" for h in kb.search("细胞", lang="zh-Hans").hits)


def test_snippet_is_escaped_html(kb: KnowledgeBase) -> None:
    hit = kb.search("fever").hits[0]
    assert "<b>" in hit.snippet and "<script" not in hit.snippet


def test_snippets_of_the_shipped_kb_do_not_start_with_a_blank(real_kb: Path) -> None:
    """A glossary term without an abbreviation used to show " 免疫细胞…" in its result."""
    kb = KnowledgeBase(real_kb)
    for query in ("细胞因子", "cytokine", "武汉", "fever"):
        for hit in kb.search(query, limit=30).hits:
            assert hit.snippet == hit.snippet.lstrip(), (query, hit.kind, hit.id, hit.snippet[:20])
