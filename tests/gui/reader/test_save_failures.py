"""A bookmark or note that could not be saved never looks saved, and the window never waits
SQLite's 5 s for a lock another program holds (review F13)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.bookmarks_view import BookmarksView
from desktop.ui.reader.reader import ReaderView
from desktop.userdata import bookmarks, db, notes


@pytest.fixture
def user_db(cartref_home: Path) -> Iterator[sqlite3.Connection]:
    conn = db.open_user_db()
    db.set_interactive(conn)  # as the window's own connection
    yield conn
    conn.close()


@pytest.fixture
def held(cartref_home: Path, user_db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Another program holding a write transaction on the user database."""
    other = sqlite3.connect(cartref_home / "user.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO history (link, title, visited_at) VALUES ('x', 'x', 'x')")
    yield other
    other.execute("ROLLBACK")
    other.close()


@pytest.fixture
def reader(qtbot: QtBot, mini_kb: Path, user_db: sqlite3.Connection) -> ReaderView:
    view = ReaderView(KnowledgeBase(mini_kb), "en", user_db)
    qtbot.addWidget(view)
    view.show()
    return view


def test_a_bookmark_click_on_a_locked_file_answers_at_once_and_stays_unchecked(
        reader: ReaderView, held: sqlite3.Connection, user_db: sqlite3.Connection) -> None:
    reader.open("article:crs")
    failures: list[str] = []
    reader.saveFailed.connect(failures.append)
    start = time.monotonic()
    reader.bookmark_button.click()
    assert time.monotonic() - start < 2.0  # not SQLite's 5 s
    assert not reader.bookmark_button.isChecked() and not reader.is_bookmarked()
    assert failures and "Not saved" in failures[0] and "another program" in failures[0]
    assert "Not saved" in reader.save_problem
    held.execute("ROLLBACK")
    held.execute("BEGIN IMMEDIATE")  # released and taken again by the fixture's teardown
    held.execute("ROLLBACK")
    reader.bookmark_button.click()  # free now: saved, and the problem line goes away
    assert reader.bookmark_button.isChecked() and bookmarks.exists(user_db, "article", "crs")
    assert reader.save_problem == ""
    held.execute("BEGIN IMMEDIATE")


def test_a_note_that_cannot_be_saved_is_kept_and_saved_later(
        reader: ReaderView, held: sqlite3.Connection, user_db: sqlite3.Connection) -> None:
    reader.open("article:crs")
    reader.note_button.setChecked(True)
    reader.note_edit.setPlainText("ask about driving")
    assert reader.save_note() is False
    assert "Not saved" in reader.save_problem
    reader.open("article:ics")  # navigating away keeps the unsaved text in memory...
    reader.open("article:crs")
    assert reader.note_edit.toPlainText() == "ask about driving" and reader.note_edit.isVisible()
    held.execute("ROLLBACK")
    assert reader.save_note() is True  # ...and it is saved once the file is free
    assert (n := notes.get(user_db, "article:crs")) is not None and n.text == "ask about driving"
    assert reader.save_problem == ""
    held.execute("BEGIN IMMEDIATE")


def test_a_read_only_database_never_shows_a_bookmark_as_saved(
        qtbot: QtBot, mini_kb: Path, cartref_home: Path, user_db: sqlite3.Connection) -> None:
    """The file of a newer program, opened read-only (F11): clicks are refused visibly."""
    user_db.close()
    c = sqlite3.connect(cartref_home / "user.sqlite")
    c.execute("PRAGMA user_version=9")
    c.close()
    ro = db.open_user_db(read_only_ok=True)
    view = ReaderView(KnowledgeBase(mini_kb), "en", ro)
    qtbot.addWidget(view)
    view.open("article:crs")
    view.bookmark_button.click()
    assert not view.bookmark_button.isChecked() and "Not saved" in view.save_problem
    assert "newer version" in view.save_problem
    ro.close()


def test_removing_a_bookmark_on_a_locked_file_keeps_it_listed(
        qtbot: QtBot, mini_kb: Path, user_db: sqlite3.Connection, cartref_home: Path) -> None:
    bookmarks.add(user_db, "article", "crs", "CRS")
    view = BookmarksView(KnowledgeBase(mini_kb), user_db)
    qtbot.addWidget(view)
    other = sqlite3.connect(cartref_home / "user.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        view.remove_selected()
        assert view.links() == ["article:crs"] and "Not saved" in view.problem
    finally:
        other.execute("ROLLBACK")
        other.close()
    view.remove_selected()
    assert view.links() == [] and view.problem == ""


def test_a_problem_report_that_cannot_be_saved_keeps_the_dialog_open(
        qtbot: QtBot, held: sqlite3.Connection, user_db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report stays in its dialog with the reason, not a generic "Something went wrong"."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.views.feedback_dialogs import ReportProblemDialog
    from desktop.userdata import feedback

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    report = ReportProblemDialog("article:crs", "1.0.0", conn=user_db)
    qtbot.addWidget(report)
    report.text.setPlainText("The grade table is cut off.")
    start = time.monotonic()
    report.buttons.button(report.buttons.StandardButton.Save).click()
    assert time.monotonic() - start < 2.0
    assert shown and "Not saved" in shown[0] and "another program" in shown[0]
    assert report.text.toPlainText() == "The grade table is cut off." and not report.result()
    held.execute("ROLLBACK")
    assert feedback.list_feedback(user_db) == []
    held.execute("BEGIN IMMEDIATE")
