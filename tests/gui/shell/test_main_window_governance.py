"""The governance views and offline feedback as reached from the main window."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase, OpenedKB
from desktop.ui.reader import search_controller
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.main_window import MainWindow
from desktop.userdata.db import open_user_db
from desktop.userdata.feedback import list_feedback


@pytest.fixture
def window(qtbot: QtBot, real_kb: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(search_controller, "NO_RESULTS_SETTLE_MS", 200)
    conn = open_user_db()
    w = MainWindow(OpenedKB(KnowledgeBase(real_kb), None), conn, translations=Translations())
    qtbot.addWidget(w)
    w.show()
    yield w
    conn.close()


def _nav_keys(w: MainWindow) -> list[str]:
    assert w.nav.count() == len(w.nav_keys)
    return list(w.nav_keys)


def test_calendar_timeline_and_changes_are_in_the_navigation(window: MainWindow) -> None:
    keys = _nav_keys(window)
    for key in ("calendar", "timeline", "changes"):
        assert key in keys
        window.navigate(f"view:{key}")
        assert window.stack.currentWidget() is window.views[key]
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert "Recovery calendar" in labels and "What changed" in labels


def test_a_search_the_user_stops_on_with_no_results_is_kept(window: MainWindow, qtbot: QtBot) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_field, "zqxjvwk")
    qtbot.waitUntil(lambda: bool(list_feedback(window.user_db, "no-results")), timeout=5000)  # past the settle time
    kept = [f.query for f in list_feedback(window.user_db, "no-results")]
    assert kept == ["zqxjvwk"], kept  # only the settled query, not each prefix typed on the way
    assert not window.search.feedback_pending


def test_a_search_that_finds_something_is_not_kept(window: MainWindow, qtbot: QtBot) -> None:
    window.focus_search()
    qtbot.keyClicks(window.search_field, "cytokine")
    qtbot.waitUntil(lambda: window.search_panel.result is not None and window.search_panel.result.query == "cytokine",
                    timeout=5000)
    assert window.search_panel.result is not None and window.search_panel.result.hits
    assert not window.search.feedback_pending  # found: nothing will be kept
    assert list_feedback(window.user_db, "no-results") == []


def test_help_menu_offers_report_and_export(window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [a.text() for a in window.menus["help"].actions()]
    assert "Report a problem with this page…" in texts and "Export feedback to a file…" in texts
    window.navigate("therapy:eque-cel")
    from desktop.ui.views import feedback_dialogs

    def fake_exec(dialog: feedback_dialogs.ReportProblemDialog) -> int:
        dialog.text.setPlainText("The approval date looks wrong.")
        dialog.buttons.accepted.emit()  # the user presses Save
        return 1

    monkeypatch.setattr(feedback_dialogs.ReportProblemDialog, "exec", fake_exec)
    window.report_problem()
    items = list_feedback(window.user_db, "page-problem")
    assert [(i.page_id, i.text) for i in items] == [("therapy:eque-cel", "The approval date looks wrong.")]
    out = tmp_path / "feedback.json"
    from desktop.userdata.feedback import export_feedback

    export_feedback(window.user_db, out)
    assert "therapy:eque-cel" in json.dumps(json.loads(out.read_text(encoding="utf-8")))


def test_feedback_db_is_separate_from_the_kb(window: MainWindow, real_kb: Path) -> None:
    with sqlite3.connect(real_kb) as kb:
        assert kb.execute("SELECT count(*) FROM sqlite_master WHERE name='feedback'").fetchone()[0] == 0


def test_print_calendar_opens_the_calendar_handout_with_its_dates(window: MainWindow, qtbot: QtBot) -> None:
    import datetime as dt

    window.navigate("view:calendar")
    calendar = window.views["calendar"]
    calendar.set_inputs(dt.date(2026, 1, 29), "US", dt.date(2025, 12, 10))  # type: ignore[attr-defined]
    qtbot.mouseClick(calendar.print_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert window.current == "view:handouts"
    handouts = window.views["handouts"]
    assert handouts.template.currentData() == "recovery-calendar"  # type: ignore[attr-defined]
    assert handouts.infusion.text() == "2026-01-29"  # type: ignore[attr-defined]
    assert handouts.leukapheresis.text() == "2025-12-10"  # type: ignore[attr-defined]
    assert handouts.jurisdiction.currentData() == "US"  # type: ignore[attr-defined]


def test_home_page_leads_patients_to_the_recovery_calendar(window: MainWindow) -> None:
    window.navigate("view:home")
    html = window.reader.browser.toHtml()
    assert 'href="view:calendar"' in html and "Recovery calendar" in window.reader.browser.toPlainText()
    assert 'href="view:timeline"' in html and 'href="view:changes"' in html
