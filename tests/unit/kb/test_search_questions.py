"""Search answers questions as people type them (issue 17): segmentation, filler, lay words,
Chinese outcomes, ranking by words covered, and place questions routed to the centre finder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.geo.place_search import with_nearest_centres
from desktop.kb.search import Searcher
from desktop.kb.segment import Segmenter
from desktop.kb.store import KnowledgeBase


@pytest.fixture(scope="module")
def kb(real_kb: Path) -> KnowledgeBase:
    return KnowledgeBase(real_kb)


def top3(kb: KnowledgeBase, query: str) -> list[str]:
    return [f"{h.kind}:{h.id}" for h in kb.search(query, limit=3).hits]


def test_segmenter_keeps_dictionary_words_whole_and_falls_back_to_characters() -> None:
    seg = Segmenter(["伊基奥仑赛", "细胞因子释放综合征", "神经毒性", "迟发性神经毒性", "吗"])
    assert seg.units("伊基奥仑赛有神经毒性吗") == [("伊基奥仑赛",), ("有",), ("神经毒性",), ("吗",)]
    assert seg.units("开车") == [("开", "车")]  # unknown: a phrase of single characters
    body, extra = seg.index_fields("迟发性神经毒性和开车")
    assert body.split() == ["迟发性神经毒性", "和", "开", "车"]
    assert "神经毒性" in extra.split()  # a shorter query word still matches inside the longer one


def test_segmenter_without_words_is_the_old_character_split() -> None:
    assert Segmenter().units("武汉市") == [("武", "汉", "市")]
    assert Segmenter().index_fields("CAR-T细胞")[0] == "CAR-T 细 胞"


def test_shipped_dictionary_keeps_kb_terms_whole(kb: KnowledgeBase) -> None:
    seg = Searcher(kb.conn).segmenter
    for word in ("伊基奥仑赛", "细胞因子释放综合征", "神经毒性", "托珠单抗", "发烧"):
        assert seg.units(word) == [(word,)], word


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("副作用有哪些", {"article:eque-cel-safety-patient", "article:other-toxicities-patient", "article:management-patient"}),
        ("发烧", {"article:crs-patient", "glossary:fever"}),
        ("回输后多久可以开车", {"article:driving-activity-patient", "article:driving-activity-clinician"}),
        ("武汉哪家医院可以做", {"center:tongji-wuhan"}),
        ("意识模糊", {"article:icans-patient", "glossary:icans"}),
        ("白细胞低", {"article:other-toxicities-patient", "glossary:neutropenia", "glossary:cytopenia"}),
        ("打疫苗", {"article:follow-up-patient"}),
        ("cost insurance", {"article:eque-cel-approvals-patient", "article:eque-cel-approvals-clinician"}),
    ],
)
def test_the_issues_questions_find_answers(kb: KnowledgeBase, query: str, expected: set[str]) -> None:
    assert expected & set(top3(kb, query)), top3(kb, query)


def test_headache_finds_the_toxicity_pages(kb: KnowledgeBase) -> None:
    assert kb.search("头痛").hits and kb.search("headache").hits


def test_chinese_outcome_question_finds_the_pivotal_trial_first(kb: KnowledgeBase) -> None:
    hits = kb.search("伊基奥仑赛 无进展生存", limit=5).hits
    assert hits[0].kind == "outcome" and hits[0].id.startswith("fumanba-1/") and "pfs" in hits[0].id
    assert hits[0].lang == "zh-Hans" and "无进展生存" in hits[0].title


def test_filler_is_not_required(kb: KnowledgeBase) -> None:
    assert top3(kb, "副作用有哪些") == top3(kb, "副作用")
    assert top3(kb, "what are the side effects") == top3(kb, "side effects")
    kb.search("什么")  # filler only: still searched, never raises
    kb.search("how what can I is it")


def test_not_every_word_is_required(kb: KnowledgeBase) -> None:
    # "疼" is in no page; the question still finds the leukapheresis pages.
    assert "article:leukapheresis-patient" in top3(kb, "采血细胞疼吗")


def test_lay_words_map_one_way(kb: KnowledgeBase) -> None:
    fever = kb.search("发烧")
    assert "发热" in fever.expanded_terms
    assert not any("发烧" in t for t in kb.search("发热").expanded_terms)
    assert not any("fever" in t for t in kb.search("CRS").expanded_terms)


def test_typo_fallback_never_replaces_a_lay_word(kb: KnowledgeBase) -> None:
    result = kb.search("cost insurance")
    assert result.corrected is None and result.hits
    assert kb.search("insurnce").corrected == "insurance"


def test_exact_title_comes_first(kb: KnowledgeBase) -> None:
    assert top3(kb, "ORR")[0] == "glossary:orr"
    assert top3(kb, "总缓解率")[0] == "glossary:orr"
    assert top3(kb, "CRS")[0] == "glossary:crs"


def test_english_words_under_the_chinese_filter_stay_chinese(kb: KnowledgeBase) -> None:
    assert all(h.lang == "zh-Hans" for h in kb.search("cytokine", lang="zh-Hans").hits)


def test_nothing_meaningful_finds_nothing(kb: KnowledgeBase) -> None:
    assert kb.search("zzqxv qqzzk").hits == ()


def test_place_question_leads_with_the_nearest_centres(kb: KnowledgeBase) -> None:
    result = with_nearest_centres(kb, kb.search("武汉哪家医院可以做"), lang="zh-Hans")
    assert result.hits[0].kind == "center" and result.hits[0].id == "tongji-wuhan"
    assert "武汉" in result.hits[0].snippet and "km" in result.hits[0].snippet
    centres = [h for h in result.hits if h.kind == "center"]
    assert len(centres) >= 3 and len({h.id for h in centres}) == len(centres)
    assert result.hits[0].to_json().keys() == {"kind", "id", "title", "snippet", "score"}


def test_place_question_in_english_and_a_bare_place(kb: KnowledgeBase) -> None:
    result = with_nearest_centres(kb, kb.search("hospital near Kunming"))
    assert result.hits[0].kind == "center" and result.corrected is None
    assert with_nearest_centres(kb, kb.search("Kunming")).corrected is None  # not "wenming"


def test_questions_without_a_place_are_left_alone(kb: KnowledgeBase) -> None:
    for query in ("CRS", "发烧", "cost insurance", "can I drive after CAR-T"):
        result = kb.search(query)
        assert with_nearest_centres(kb, result) is result or with_nearest_centres(kb, result).hits == result.hits
    result = kb.search("武汉哪家医院可以做", kind="article")
    assert with_nearest_centres(kb, result, kind="article") is result


def test_an_old_kb_without_the_new_tables_still_searches(tmp_path: Path, real_kb: Path) -> None:
    old = tmp_path / "old.sqlite"
    old.write_bytes(real_kb.read_bytes())
    conn = sqlite3.connect(old)
    for table in ("search_words", "search_filler", "lay_terms", "search_routes", "search_rows"):
        conn.execute(f"DROP TABLE {table}")
    # The index as it was before issue 17: two text columns, no weight.
    conn.execute("CREATE VIRTUAL TABLE old_fts USING fts5(title, body, kind UNINDEXED, ref_id UNINDEXED, "
                 "lang UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO old_fts SELECT title, body, kind, ref_id, lang FROM search_fts")
    conn.execute("DROP TABLE search_fts_vocab")
    conn.execute("DROP TABLE search_fts")
    conn.execute("ALTER TABLE old_fts RENAME TO search_fts")
    conn.commit()
    conn.close()
    old_kb = KnowledgeBase(old, check=False)
    assert old_kb.search("细胞因子释放综合征").hits
    assert old_kb.search("cytokine release syndrome").hits[0].id == "crs"


def test_nothing_found_offers_everyday_topics_first(kb: KnowledgeBase) -> None:
    from desktop.kb.search import suggestions

    assert suggestions("布洛芬", kb.topic_groups(), "zh-Hans")[:3] == ["发烧", "拉肚子", "头痛"]
    assert suggestions("zzqxv", kb.topic_groups(), "en")[0] == "fever"
    assert "发烧" in suggestions("发骚", kb.topic_groups(), "zh-Hans")[:2]


def test_a_question_in_everyday_words_leads_with_patient_articles(kb: KnowledgeBase) -> None:
    assert top3(kb, "headache")[0].endswith("-patient")
    ranked = [f"{h.kind}:{h.id}" for h in kb.search("拉肚子", limit=20).hits]
    assert ranked.index("article:other-toxicities-patient") < ranked.index("article:other-toxicities-clinician")
    assert top3(kb, "tocilizumab for CRS")[0] == "article:crs-clinician"  # clinical words: no lift
