"""Outcome pages read as words and give N where the KB holds it (review D10, D30)."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.render import PageRenderer


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_fumanba_1_12_month_pfs_shows_a_readable_arm_and_its_n(qapp, real_kb: Path) -> None:  # type: ignore[no-untyped-def]
    kb = KnowledgeBase(real_kb)
    o = next(x for x in kb.outcomes("fumanba-1") if x.metric == "pfs_12mo" and x.cohort == "all"
             and x.data_cut == "JAMA Oncol 2024")
    page = PageRenderer(kb).outcome(o.id)
    assert page is not None
    text = _text(page.html)
    assert "Arm CAR-T" in text and "car-t" not in text.split("Arm", 1)[1][:20]
    assert "Cohort All treated" in text
    # the row has no denominator (the source does not say which set the estimate uses): the
    # page says so, and gives the patients infused in the same analysis in a row of its own
    assert "Denominator not given by the source" in text
    assert "Patients infused in this analysis 103" in text


def test_standard_care_arm_reads_as_words(qapp, real_kb: Path) -> None:  # type: ignore[no-untyped-def]
    kb = KnowledgeBase(real_kb)
    o = next(x for x in kb.outcomes("cartitude-4") if x.arm == "standard-care")
    text = _text(PageRenderer(kb).outcome(o.id).html)  # type: ignore[union-attr]
    assert "Arm Standard of care" in text and "standard-care" not in text
