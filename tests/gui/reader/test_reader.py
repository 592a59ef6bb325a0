"""Reading views: citations, references, glossary tooltips, page headers, fallbacks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.reader import ReaderView
from desktop.ui.reader.render import PageRenderer
from desktop.userdata.db import open_user_db


@pytest.fixture
def reader(qtbot: QtBot, mini_kb: Path) -> ReaderView:
    view = ReaderView(KnowledgeBase(mini_kb), "en", open_user_db())
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def test_article_has_header_notice_citation_and_references(reader: ReaderView) -> None:
    page = reader.open("article:crs")
    text = reader.browser.toPlainText()
    assert "For patients and caregivers" in text
    assert "Reviewed 2026-01-01" in text
    assert "Information, not medical advice" in text
    assert "[@G1]" not in text and "[1]" in text
    assert 'href="cite:G1"' in page.html
    assert "References" in text and "ASTCT consensus grading" in text


def test_clicking_a_citation_shows_the_full_reference(reader: ReaderView, qtbot: QtBot) -> None:
    reader.open("article:crs")
    opened: list[str] = []
    reader.openRequested.connect(opened.append)
    reader.browser.anchorClicked.emit(QUrl("cite:G1"))
    assert not reader.reference_bar.isHidden()
    assert "Lee DW, et al. ASTCT consensus grading" in reader.reference_bar.text()
    assert reader.reference_bar.text().startswith("[1]")
    assert opened == []  # a citation does not leave the page
    reader.reference_bar.linkActivated.emit("source:G1")
    assert opened == ["source:G1"]
    assert reader.reference_bar.accessibleName() == "Reference"
    reader.show()
    qtbot.waitExposed(reader)
    reader.browser.setFocus()
    qtbot.keyClick(reader.browser, Qt.Key.Key_Escape)  # Esc in the text hides the reference again
    assert reader.reference_bar.isHidden()
    reader.open("article:crs")
    assert reader.reference_bar.isHidden()


def test_glossary_term_shows_its_definition_on_hover_or_focus(reader: ReaderView) -> None:
    page = reader.open("therapy:eque-cel")
    assert 'href="glossary:bcma"' in page.html
    reader.browser.highlighted.emit(QUrl("glossary:bcma"))
    # a therapy page is for clinicians, so the clinician definition is shown
    assert "BCMA" in reader.last_tooltip and "TNF-receptor" in reader.last_tooltip
    reader.browser.highlighted.emit(QUrl(""))
    assert reader.last_tooltip == ""
    assert "myeloma cells" in reader.renderer.tooltip_for("glossary:bcma", "patient")


def test_therapy_page_key_facts_approvals_and_trials(reader: ReaderView) -> None:
    reader.open("therapy:eque-cel")
    text = reader.browser.toPlainText()
    for expected in ("Key facts", "BCMA", "Fully human scFv", "Approvals", "2023-06-30", "NMPA", "China",
                     "Key trials", "TEST-1", "96.0% (97/101)", "13.8 mo"):
        assert expected in text, expected


def test_therapy_page_lists_the_label_versions_read(reader: ReaderView) -> None:
    page = reader.open("therapy:eque-cel")
    text = reader.browser.toPlainText()
    for expected in ("Label versions read", "Labels last read on 2026-01-01.", "2023 NMPA label",
                     "the company's label copy", "2025-06-01", "Read on"):
        assert expected in text, expected
    assert text.index("Label versions read") > text.index("Approvals")
    assert 'href="cite:S1"' in page.html


def test_trial_page_outcomes_with_denominators_and_sources(reader: ReaderView) -> None:
    page = reader.open("trial:test-1")
    text = reader.browser.toPlainText()
    for expected in ("NCT00000001", "Single-arm test trial", "Overall response (ORR)", "96.0% (97/101)", "101",
                     "CAR-T-naive", "85.5% (n=91)", "Test 2023"):
        assert expected in text, expected
    assert 'href="cite:S1"' in page.html


def test_chinese_content_and_english_fallback_marker(reader: ReaderView) -> None:
    reader.set_language("zh-Hans")
    reader.open("article:crs")
    assert "细胞因子释放综合征会引起发热" in reader.browser.toPlainText().replace("\u2060", "")  # word joiners keep words whole
    reader.open("article:about")
    text = reader.browser.toPlainText()
    assert "Information, not medical advice." in text
    assert "No Chinese version of this article yet" in text or "本文暂无中文版" in text


def test_glossary_center_source_outcome_and_missing_pages(reader: ReaderView) -> None:
    assert "A protein on myeloma cells" in reader.open("glossary:bcma").html
    assert "Test Hospital Wuhan" in reader.open("center:test-wuhan").html
    assert "doi:10.0000/test.1" in reader.open("source:S1").html
    kb = reader.kb
    outcome = kb.outcomes("test-1")[0]
    assert "96.0% (97/101)" in reader.open(f"outcome:{outcome.id}").html
    page = reader.open("therapy:nope")
    assert not page.found and not reader.bookmark_button.isEnabled()


def test_every_real_article_renders_with_all_citations_linked(qtbot: QtBot, real_kb: Path) -> None:
    kb = KnowledgeBase(real_kb)
    renderer = PageRenderer(kb, "en")
    checked = 0
    for art in kb.articles():
        renderer.set_language(art.lang)
        page = renderer.render(f"article:{art.id}")
        assert page.found
        assert not re.search(r"\[@[^\]]+\]", page.html), art.id
        for sid in re.findall(r'href="cite:([^"]+)"', page.html):
            assert kb.source(sid) is not None, (art.id, sid)
        checked += 1
    for t in kb.therapies():
        assert renderer.render(f"therapy:{t.id}").found
    for tr in kb.trials():
        assert renderer.render(f"trial:{tr.id}").found
    assert checked == len(kb.articles())


def test_markdown_tables_and_bold_next_to_chinese_punctuation(reader: ReaderView) -> None:
    from desktop.ui.reader.render import Citations

    out = reader.renderer.markdown("**1 级：**只有发热 [@G1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", Citations(reader.kb))
    assert "<strong>1 级：</strong>只有发热" in out
    assert "<table" in out and "<td>2</td>" in out
    assert 'href="cite:G1"' in out
