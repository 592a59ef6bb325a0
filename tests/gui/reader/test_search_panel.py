"""Search as you type, driven from the keyboard: results grouped by kind, open with Enter."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase, OpenedKB
from desktop.ui.reader.roles import LINK_ROLE, SNIPPET_ROLE
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.main_window import MainWindow
from desktop.userdata.db import open_user_db


@pytest.fixture
def window(qtbot: QtBot, mini_kb: Path) -> Iterator[MainWindow]:
    conn: sqlite3.Connection = open_user_db()
    w = MainWindow(OpenedKB(KnowledgeBase(mini_kb), None), conn, translations=Translations())
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    yield w
    conn.close()


def _type_chinese(widget: object, text: str) -> None:
    """Key events carrying text (qtbot.keyClicks aborts on non-ASCII under PySide6 6.12)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))  # type: ignore[arg-type]
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))  # type: ignore[arg-type]


def test_type_a_query_and_open_the_first_result_with_enter(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    panel = window.search_panel
    with qtbot.waitSignal(panel.resultsUpdated, timeout=2000):
        qtbot.keyClicks(window.search_field, "cytokine")
    assert window.stack.currentWidget() is panel
    links = [i.data(LINK_ROLE) for i in panel.hit_indexes()]
    assert "article:crs" in links
    groups = [panel.model.index(i, 0).data() for i in range(panel.model.rowCount())]
    assert any(g.startswith("Articles") for g in groups)
    # snippet has the highlighted match
    assert "<b>" in panel.hit_indexes()[0].data(SNIPPET_ROLE)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.current == links[0]
    assert window.stack.currentWidget() is window.reader
    assert window.search_field.text() == ""


def test_down_up_enter_escape(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    window.search_field.setFocus()
    with qtbot.waitSignal(panel.resultsUpdated, timeout=2000):
        qtbot.keyClicks(window.search_field, "eque")
    hits = panel.hit_indexes()
    assert hits
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert panel.results.hasFocus() and panel.results.currentIndex() == hits[0]
    qtbot.keyClick(panel.results, Qt.Key.Key_Up)
    assert window.search_field.hasFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    if len(hits) > 1:
        qtbot.keyClick(panel.results, Qt.Key.Key_Down)
        assert panel.results.currentIndex() == hits[1]
    target = panel.results.currentIndex().data(LINK_ROLE)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert window.current == target
    # Esc clears the field and returns to the page shown before
    window.search_field.setFocus()
    with qtbot.waitSignal(panel.resultsUpdated, timeout=2000):
        qtbot.keyClicks(window.search_field, "bcma")
    assert window.stack.currentWidget() is panel
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.stack.currentWidget() is window.reader and window.current == target


def test_chinese_query_typed_with_key_events(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    window.search_field.setFocus()
    with qtbot.waitSignal(panel.resultsUpdated, timeout=2000):
        _type_chinese(window.search_field, "细胞因子")
    assert window.search_field.text() == "细胞因子"
    links = [i.data(LINK_ROLE) for i in panel.hit_indexes()]
    assert "article:crs" in links


def test_typo_shows_corrected_query(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    result = panel.search("cytokin releese")
    if result.corrected:
        assert panel.corrected_label.isVisibleTo(panel)
        assert result.corrected in panel.corrected_label.text()
    result = panel.search("leukapheresiss")
    assert result.corrected and "leukapheresis" in result.corrected
    assert not panel.corrected_label.isHidden()
    assert "leukapheresis" in panel.corrected_label.text()


def test_empty_state_suggests_synonyms_and_a_click_searches(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    with qtbot.waitSignal(panel.noResults, timeout=2000):
        panel.search("zzzqqq")
    assert not panel.empty_label.isHidden() and panel.results.isHidden()
    text = panel.empty_label.text()
    assert "FUCASO" in text or "eque-cel" in text
    assert "CRS" in text or "cytokine release syndrome" in text
    panel.empty_label.linkActivated.emit("suggest:FUCASO")
    assert window.search_field.text() == "FUCASO"
    assert panel.hit_indexes()


def test_kind_and_language_filters(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    panel.search("eque")
    kinds = {str(i.data(LINK_ROLE)).split(":")[0] for i in panel.hit_indexes()}
    assert len(kinds) >= 2
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("trial"))
    kinds = {str(i.data(LINK_ROLE)).split(":")[0] for i in panel.hit_indexes()}
    assert kinds == {"trial"}
    panel.kind_filter.setCurrentIndex(0)
    panel.lang_filter.setCurrentIndex(panel.lang_filter.findData("zh-Hans"))
    chinese = panel.search("细胞因子")
    assert panel.hit_indexes() and {h.lang for h in chinese.hits} == {"zh-Hans"}
    panel.search("cytokine")  # English words, Chinese filter: only Chinese pages, if any
    assert all(h.lang == "zh-Hans" for h in panel.result.hits)  # type: ignore[union-attr]
    panel.lang_filter.setCurrentIndex(panel.lang_filter.findData("en"))  # re-runs "cytokine"
    assert panel.hit_indexes() and {h.lang for h in panel.result.hits} == {"en"}  # type: ignore[union-attr]


def test_typing_is_debounced_not_one_search_per_key(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel
    calls: list[str] = []
    original = panel.kb.search

    def counting(q: str, **kw: object):  # type: ignore[no-untyped-def]
        calls.append(q)
        return original(q, **kw)  # type: ignore[arg-type]

    panel.kb.search = counting  # type: ignore[method-assign]
    window.search_field.setFocus()
    with qtbot.waitSignal(panel.resultsUpdated, timeout=2000):
        QTest.keyClicks(window.search_field, "leukapheresis")
    assert calls and calls[-1] == "leukapheresis"
    assert len(calls) < len("leukapheresis")


def test_first_keystrokes_after_switching_language_show_results_in_that_language(window: MainWindow, qtbot: QtBot) -> None:
    """The results panel is built by the first text typed: it must start in the window's language."""
    window.set_language("zh-Hans")
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "CRS")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is not window.reader
                    and getattr(window.stack.currentWidget(), "model", None) is not None
                    and window.stack.currentWidget().model.rowCount() > 0, timeout=3000)  # type: ignore[attr-defined]
    panel = window.stack.currentWidget()
    headings = [panel.model.index(i, 0).data() for i in range(panel.model.rowCount())]  # type: ignore[attr-defined]
    assert any("\u4e00" <= ch <= "\u9fff" for h in headings for ch in h), headings
    assert panel.kind_filter.itemText(0) != "All kinds"  # type: ignore[attr-defined]
    window.set_language("en")


def test_the_results_model_keeps_qts_model_rules(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.reader.roles import HEADER_ROLE

    panel = window.search_panel
    panel.search("eque")
    qtmodeltester.check(panel.model, force_py=True)  # then it watches every change below
    first = panel.model.index(0, 0)
    assert first.data(HEADER_ROLE) and not first.data(LINK_ROLE)  # a group heading leads
    assert not panel.model.flags(first) & Qt.ItemFlag.ItemIsSelectable
    assert len(panel.hit_indexes()) == len(panel.result.hits)  # type: ignore[union-attr]
    panel.search("zzzqqq")
    assert panel.model.rowCount() == 0
    panel.search("cytokine")
    assert panel.hit_indexes()


def test_place_question_shows_the_nearest_centres_as_the_first_group(qtbot: QtBot, real_kb: Path) -> None:
    from desktop.ui.reader.search_panel import SearchPanel

    panel = SearchPanel(KnowledgeBase(real_kb), lang="zh-Hans")
    qtbot.addWidget(panel)
    panel.search("武汉哪家医院可以做")
    first_heading = panel.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    hits = [str(i.data(LINK_ROLE)) for i in panel.hit_indexes()]
    assert hits[0] == "center:tongji-wuhan"
    assert all(h.startswith("center:") for h in hits[:3])
    assert str(first_heading).endswith("(5)")  # the centres group: five nearest, first
    panel.search("发烧")  # no place: no centre group in front
    assert not str(panel.hit_indexes()[0].data(LINK_ROLE)).startswith("center:")


def test_snippets_show_no_markdown_table_syntax() -> None:
    from desktop.ui.reader.search_panel import plain_snippet

    assert plain_snippet("ORR | 96% | <b>CR</b> --- --- --- next") == "ORR · 96% · <b>CR</b> next"
    assert plain_snippet("| a | b |") == "a · b"
    assert plain_snippet("day -7 to -1, 1-3 lines") == "day -7 to -1, 1-3 lines"  # ranges stay
