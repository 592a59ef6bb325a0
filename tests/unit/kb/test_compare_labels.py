"""The comparison's labels: every cohort and metric in the shipped KB reads as words in both languages."""

from __future__ import annotations

from pathlib import Path

from desktop.kb.compare import (
    ARM_LABELS,
    COHORT_LABELS,
    METRIC_LABELS,
    SETTING_LABELS,
    cohort_label,
    metric_label,
    setting_label,
)
from desktop.kb.store import KnowledgeBase


def test_every_cohort_metric_and_setting_of_the_shipped_kb_has_a_label(real_kb: Path) -> None:
    kb = KnowledgeBase(real_kb)
    outcomes = kb.outcomes()
    assert not {o.cohort for o in outcomes} - set(COHORT_LABELS)
    assert not {o.metric for o in outcomes} - set(METRIC_LABELS)
    assert not {t.setting for t in kb.trials() if t.setting} - set(SETTING_LABELS)
    assert not {o.arm for o in outcomes} - set(ARM_LABELS)


def test_labels_follow_the_language_and_fall_back_to_the_id() -> None:
    assert cohort_label("prior-car-t") == "Prior CAR-T"
    assert cohort_label("prior-car-t", "zh-Hans") == "既往接受过 CAR-T"
    assert cohort_label("new-cohort", "zh-Hans") == "new-cohort"
    assert metric_label("orr", "zh-Hans") != metric_label("orr")
    assert setting_label("late-line", "zh-Hans") == "后线（既往 ≥3 线）"


def test_every_region_agency_status_and_phase_word_of_the_shipped_kb_has_a_label(real_kb: Path) -> None:
    from desktop.kb.compare import AGENCY_LABELS, PHASE_WORDS, REGION_LABELS, STATUS_LABELS

    kb = KnowledgeBase(real_kb)
    therapies = kb.therapies()
    approvals = [a for t in therapies for a in kb.approvals(t.id)]
    labels = [lb for t in therapies for lb in kb.labels(t.id)]
    assert not ({a.region for a in approvals} | {lb.region for lb in labels}) - set(REGION_LABELS)
    assert not {a.agency for a in approvals if a.agency} - set(AGENCY_LABELS)
    assert not {t.status for t in therapies} - set(STATUS_LABELS)
    words = {t.phase for t in kb.trials() if t.phase and not t.phase[0].isdigit()}
    assert not words - set(PHASE_WORDS)


def test_values_units_and_names_read_in_chinese(real_kb: Path) -> None:
    from desktop.kb.compare import display_value, phase_label, region_label, trial_name

    kb = KnowledgeBase(real_kb)
    by_id = {o.id: o for o in kb.outcomes()}
    assert display_value(by_id["fumanba-1/car-t/all/pfs_median/jama-oncol-2024"], "zh-Hans") == "未达到"
    assert display_value(by_id["fumanba-1/car-t/all/pfs_median/jama-oncol-2024"]) == "not reached"
    follow_up = display_value(by_id["fumanba-1/car-t/all/followup_median/jama-oncol-2024"], "zh-Hans")
    assert follow_up.startswith("13.8 个月") and " mo" not in follow_up
    assert display_value(by_id["fumanba-1/car-t/all/time_to_response_median/jama-oncol-2024"], "zh-Hans").startswith("16 天")
    assert phase_label("1b/2", "zh-Hans") == "1b/2期" and phase_label("real-world", "zh-Hans") == "真实世界"
    assert region_label("China (mainland)", "zh-Hans") == "中国内地" and region_label("US") == "US"
    soc = kb.trial("cilta-cel-soc-us")
    assert soc is not None and trial_name(soc, "zh-Hans").startswith("西达基奥仑赛") and trial_name(soc) == soc.name
    cilta = kb.therapy("cilta-cel")
    assert cilta is not None and cilta.name("zh-Hans") == "西达基奥仑赛" and "ZH1" in cilta.source_ids


def test_outcome_search_titles_read_as_words_not_ids(real_kb: Path) -> None:
    """Review D30: titles read "(all, car-t, JAMA Oncol 2024)"."""
    from desktop.kb.search import Searcher

    kb = KnowledgeBase(real_kb)
    hits = [h for h in Searcher(kb.conn).search("FUMANBA-1 12-month PFS", lang="en", limit=20).hits if h.kind == "outcome"]
    assert hits
    for h in hits:
        assert "car-t," not in h.title and "(all," not in h.title, h.title
    assert any("All treated" in h.title for h in hits)
