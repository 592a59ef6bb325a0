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


def test_outcome_search_titles_read_as_words_not_ids(real_kb: Path) -> None:
    """Review D30: titles read "(all, car-t, JAMA Oncol 2024)"."""
    from desktop.kb.search import Searcher

    kb = KnowledgeBase(real_kb)
    hits = [h for h in Searcher(kb.conn).search("FUMANBA-1 12-month PFS", lang="en", limit=20).hits if h.kind == "outcome"]
    assert hits
    for h in hits:
        assert "car-t," not in h.title and "(all," not in h.title, h.title
    assert any("All treated" in h.title for h in hits)
