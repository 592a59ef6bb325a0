"""A window every user can work (issue 21): one text size everywhere (D13), every view on a small
screen and at 200 % (D16), Tab never trapped (D11), mnemonics that never open a menu (D12).

The screen-reader side is tested through AT-SPI itself: tests/e2e/test_atspi.py."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.kb.store import OpenedKB, open_kb
from desktop.ui.shell import fonts
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.main_window import MainWindow
from desktop.userdata.db import open_user_db

MNEMONIC = re.compile(r"&([^&\s])")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    opened: OpenedKB = open_kb()
    db: sqlite3.Connection = open_user_db()
    translations = Translations()
    w = MainWindow(opened, db, translations=translations)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=3000)
    yield w
    w.set_zoom(100, announce=False)  # the application font is shared by the tests that follow
    translations.set_language("en")
    w.close()
    db.close()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _shown(w: MainWindow, key: str) -> QWidget:
    w.navigate(f"view:{key}")
    _settle()
    shown = w.shown_view()
    assert shown is not None
    return shown


def _visible(root: QWidget) -> list[QWidget]:
    return [c for c in root.findChildren(QWidget) if c.isVisible()]


def test_text_size_scales_every_view_and_the_window_stays_on_1280x800(window: MainWindow, qtbot: QtBot) -> None:
    w = window
    before: dict[str, dict[int, float]] = {}
    for key in w.nav_keys:
        view = _shown(w, key)
        before[key] = {id(c): c.font().pointSizeF() for c in _visible(view)}
    nav_size, menu_size = w.nav.font().pointSizeF(), w.menuBar().font().pointSizeF()
    for _ in range(10):  # Ctrl+= ten times: 200 %
        QTest.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert fonts.text_size() == 200 and w.reader.zoom == 200
    assert w.settings.value("textSize") == 200
    assert w.nav.font().pointSizeF() == pytest.approx(nav_size * 2)
    assert w.menuBar().font().pointSizeF() == pytest.approx(menu_size * 2)
    for key in w.nav_keys:
        view = _shown(w, key)
        grown = [c for c in _visible(view) if id(c) in before[key]]
        assert grown, key
        small = [(type(c).__name__, c.objectName()) for c in grown
                 if c.font().pointSizeF() < 1.9 * before[key][id(c)]]
        assert not small, f"{key}: these did not grow with the text size: {small}"
        assert w.width() <= 1280 and w.height() <= 800, (key, w.size())
        hint = w.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 800, (key, hint)
    QTest.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert fonts.text_size() == 100
    assert w.nav.font().pointSizeF() == pytest.approx(nav_size)


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_every_view_fits_1024x768(window: MainWindow, language: str) -> None:
    w = window
    w.set_language(language)
    w.resize(1024, 768)
    _settle()
    for key in w.nav_keys:
        view = _shown(w, key)
        hint, room = view.minimumSizeHint(), w.page_area.viewport().size()
        assert hint.width() <= room.width(), f"{key} needs {hint.width()} px, has {room.width()}"
        assert hint.height() <= room.height(), f"{key} needs {hint.height()} px high, has {room.height()}"
        window_hint = w.minimumSizeHint()
        assert window_hint.width() <= 1024 and window_hint.height() <= 768, (key, window_hint)
        assert w.width() <= 1024


def test_first_launch_fits_the_screen(window: MainWindow) -> None:
    area = window.screen().availableGeometry()
    window.resize(area.width() + 400, area.height() + 300)
    window.fit_screen()
    assert window.frameGeometry().width() <= area.width() and window.frameGeometry().height() <= area.height()
    assert area.contains(window.pos())


def _tab_until_navigation(w: MainWindow, key: str, backwards: bool = False, limit: int = 120) -> list[QWidget]:
    """Tab from the view's heading until the navigation has the focus again; the widgets passed."""
    heading = w.heading()
    heading.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is heading, f"{key}: its heading cannot take the focus"
    passed: list[QWidget] = []
    tab = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(limit):
        focus = QApplication.focusWidget()
        assert focus is not None
        QTest.keyClick(focus, tab, Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier)
        now = QApplication.focusWidget()
        assert now is not None
        if now is w.nav:
            return passed
        passed.append(now)
    raise AssertionError(f"{key}: {limit} Tabs never reached the navigation; stuck at "
                         f"{[type(x).__name__ + ':' + x.objectName() for x in passed[-5:]]}")


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_tab_lands_on_each_heading_and_leaves_every_table_and_text_area(window: MainWindow, language: str) -> None:
    w = window
    w.set_language(language)
    for key in w.nav_keys:
        view = _shown(w, key)
        w.nav.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(w.nav, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is w.heading(), f"{key}: Tab from the navigation lands on {QApplication.focusWidget()}"
        assert w.heading().text() and w.heading().isVisible()
        passed = _tab_until_navigation(w, key)
        traps = [c for c in view.findChildren(QWidget) if c.isVisible()
                 and isinstance(c, (QAbstractItemView, QPlainTextEdit, QTextEdit))]
        for trap in traps:
            if isinstance(trap, QAbstractItemView):
                assert not trap.tabKeyNavigation(), f"{key}: Tab moves inside {trap.objectName() or type(trap).__name__}"
            elif not trap.isReadOnly():
                assert trap.tabChangesFocus(), f"{key}: Tab types a tab into {trap.objectName() or type(trap).__name__}"
        assert passed or key == "home"
        _tab_until_navigation(w, key, backwards=True)


def _menu_letters(w: MainWindow) -> set[str]:
    letters = set()
    for action in w.menuBar().actions():
        m = MNEMONIC.search(action.text())
        if m:
            letters.add(m.group(1).lower())
    return letters


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_mnemonics_focus_their_field_and_never_open_a_menu(window: MainWindow, language: str) -> None:
    w = window
    w.set_language(language)
    menu_letters = _menu_letters(w)
    assert menu_letters >= {"f", "v", "h"}
    for key in w.nav_keys:
        view = _shown(w, key)
        tabs = [t for t in view.findChildren(QTabWidget) if t.isVisible()]
        for page in range(tabs[0].count()) if tabs else [None]:
            if page is not None:
                tabs[0].setCurrentIndex(page)
                _settle()
            _check_mnemonics(w, view, f"{key}/{page}", language, menu_letters)


def _check_mnemonics(w: MainWindow, view: QWidget, key: str, language: str, menu_letters: set[str]) -> None:
    """No Alt+letter of the view is the menu bar's or two controls'; each label's focuses its field."""
    owners: dict[str, list[QLabel | QAbstractButton]] = {}
    for c in _visible(view):
        if isinstance(c, QAbstractButton) or (isinstance(c, QLabel) and c.textFormat() != Qt.TextFormat.RichText
                                              and not QtGui.Qt.mightBeRichText(c.text())):
            m = MNEMONIC.search(c.text())
            if m:
                owners.setdefault(m.group(1).lower(), []).append(c)
    clash = sorted(set(owners) & menu_letters)
    assert not clash, f"{key} ({language}): Alt+{clash} belongs to the menu bar: {[o.text() for c in clash for o in owners[c]]}"
    twice = {letter: [o.text() for o in ws] for letter, ws in owners.items() if len(ws) > 1}
    assert not twice, f"{key} ({language}): one Alt+letter for two controls: {twice}"
    for letter, (label,) in owners.items():
        if not isinstance(label, QLabel) or label.buddy() is None or not label.buddy().isEnabled():
            continue
        w.heading().setFocus()
        QTest.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
        assert QApplication.activePopupWidget() is None, f"{key}: Alt+{letter} opened a menu"
        focus = QApplication.focusWidget()
        buddy = label.buddy()
        assert focus is buddy or (focus is not None and buddy.isAncestorOf(focus)), \
            f"{key} ({language}): Alt+{letter} ({label.text()}) focused {focus!r}, not its field"
