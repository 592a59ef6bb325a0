"""The main window driven as a user would: navigate, back/forward, zoom, language, bookmarks."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.kb.store import KnowledgeBase, OpenedKB, open_kb
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.main_window import MainWindow
from desktop.userdata import bookmarks
from desktop.userdata.db import open_user_db
from tests.helpers.kb_damage import damage_middle_page
from tests.helpers.paths import MINI


@pytest.fixture
def user_db() -> Iterator[sqlite3.Connection]:
    conn = open_user_db()
    yield conn
    conn.close()


@pytest.fixture
def translations() -> Iterator[Translations]:
    tr = Translations()
    yield tr
    tr.set_language("en")


@pytest.fixture
def make_window(qtbot: QtBot, user_db: sqlite3.Connection, translations: Translations):  # type: ignore[no-untyped-def]
    def make(kb_path: Path, **kw: object) -> MainWindow:
        window = MainWindow(OpenedKB(KnowledgeBase(kb_path), kw.pop("notice", None)), user_db,  # type: ignore[arg-type]
                            translations=translations, **kw)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        return window

    return make


def test_starts_on_home_with_status_and_navigation(make_window, mini_kb: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window(mini_kb)
    assert w.current == "view:home"
    assert "CAR-T Reference" in w.reader.browser.toPlainText()
    assert "1.0.0" in w.kb_label.text() and "2026-01-01" in w.kb_label.text()
    keys = w.nav_keys
    assert w.nav.count() == len(keys)
    for key in ("home", "therapies", "trials", "compare", "safety", "journey", "glossary", "bookmarks"):
        assert key in keys
    assert w.nav.item(keys.index("trials")).text() == "Trials"  # each row reads as its section
    assert set(w.menus) >= {"file", "help", "view"}


def test_navigation_back_forward_keys_and_mouse(make_window, mini_kb: Path, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    w = make_window(mini_kb)
    w.nav.setCurrentRow(1)  # Therapies (a user click)
    assert w.current == "view:therapies"
    therapies = w.views["therapies"]
    item = therapies.list.item(0)
    therapies.list.itemActivated.emit(item)
    assert w.current == "therapy:eque-cel"
    assert "Equecabtagene autoleucel" in w.reader.browser.toPlainText()
    w.reader.browser.anchorClicked.emit(__import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl("trial:test-1"))
    assert w.current == "trial:test-1"
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.current == "therapy:eque-cel"
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert w.current == "view:therapies"
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert w.current == "therapy:eque-cel"
    # mouse "back"/"forward" buttons over the reading pane, delivered the way a real mouse
    # press arrives: to the native window first
    w.show()
    qtbot.waitExposed(w)
    at = w.reader.browser.viewport().mapTo(w, QPoint(10, 10))
    QTest.mousePress(w.windowHandle(), Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier, at)
    assert w.current == "view:therapies"
    QTest.mousePress(w.windowHandle(), Qt.MouseButton.ForwardButton, Qt.KeyboardModifier.NoModifier, at)
    assert w.current == "therapy:eque-cel"
    assert w.back_button.isEnabled()


def test_zoom_keys_scale_the_reading_pane_and_persist(make_window, mini_kb: Path, qtbot: QtBot, user_db) -> None:  # type: ignore[no-untyped-def]
    w = make_window(mini_kb)
    w.navigate("article:crs")
    size = w.reader.browser.font().pointSizeF()
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.reader.zoom == 120
    assert w.reader.browser.font().pointSizeF() == pytest.approx(size * 1.2)
    qtbot.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert w.reader.zoom == 110
    w.close()
    again = make_window(mini_kb)
    assert again.reader.zoom == 110
    assert again.current == "article:crs"  # last view persisted too
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.reader.zoom == 100


def test_switch_language_relabels_and_shows_chinese_content(make_window, mini_kb: Path, translations: Translations) -> None:  # type: ignore[no-untyped-def]
    if not list(paths.resource_path("i18n").glob("ui_zh_CN.qm")):
        pytest.skip("translations not compiled (make i18n)")
    w = make_window(mini_kb)
    assert w.nav.item(1).text() == "Therapies"
    w.actions_by_name["lang_zh-Hans"].trigger()
    assert translations.language == "zh-Hans" and translations.count >= 1
    assert w.nav.item(1).text() == "治疗产品"
    assert w.menus["file"].title().startswith("文件")
    w.navigate("article:crs")
    assert "细胞因子释放综合征会引起发热" in w.reader.browser.toPlainText().replace("\u2060", "")  # word joiners keep words whole
    assert QSettings(str(paths.user_dir() / "settings.ini"), QSettings.Format.IniFormat).value("language") == "zh-Hans"
    w.set_language("en")
    assert w.nav.item(1).text() == "Therapies"
    assert "Cytokine release syndrome causes fever" in w.reader.browser.toPlainText()


def test_add_and_remove_a_bookmark(make_window, mini_kb: Path, qtbot: QtBot, user_db) -> None:  # type: ignore[no-untyped-def]
    w = make_window(mini_kb)
    w.navigate("therapy:eque-cel")
    star: QToolButton = w.reader.bookmark_button
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert bookmarks.exists(user_db, "therapy", "eque-cel")
    w.navigate("view:bookmarks")
    view = w.views["bookmarks"]
    assert view.links() == ["therapy:eque-cel"]
    view.bookmark_list.setCurrentRow(0)
    view.bookmark_list.itemActivated.emit(view.bookmark_list.item(0))
    assert w.current == "therapy:eque-cel"
    assert star.isChecked()
    qtbot.keyClick(w, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # toggles off
    assert not bookmarks.exists(user_db, "therapy", "eque-cel")
    assert view.links() == []
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    w.navigate("view:bookmarks")
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    assert view.links() == [] and not bookmarks.exists(user_db, "therapy", "eque-cel")


def test_note_is_saved_in_user_db_and_never_in_kb(make_window, mini_kb: Path, qtbot: QtBot, user_db) -> None:  # type: ignore[no-untyped-def]
    before = mini_kb.read_bytes()
    w = make_window(mini_kb)
    w.navigate("article:crs")
    qtbot.mouseClick(w.reader.note_button, Qt.MouseButton.LeftButton)
    assert w.reader.note_edit.isVisible()
    qtbot.keyClicks(w.reader.note_edit, "check temperature twice a day")
    w.navigate("therapy:eque-cel")  # leaving the page saves
    from desktop.userdata import notes

    assert notes.get(user_db, "article:crs").text == "check temperature twice a day"
    w.navigate("article:crs")
    assert w.reader.note_edit.toPlainText() == "check temperature twice a day"
    assert mini_kb.read_bytes() == before


def test_corrupt_installed_kb_falls_back_with_notice(make_window, mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    (paths.installed_kb_dir() / "current.sqlite").write_bytes(b"garbage" * 1000)
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: mini_kb)
    opened = open_kb()
    assert opened.notice
    w = MainWindow(opened, open_user_db(), translations=Translations())
    w.show()
    assert w.notice_label.isVisible() or not w.notice_label.isHidden()
    assert "could not be used" in w.notice_label.text()
    assert "CAR-T Reference" in w.reader.browser.toPlainText()  # still a working window
    w.close()


def test_installed_kb_change_reloads_every_view(make_window, mini_kb: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.content.build import build_kb

    monkeypatch.setattr(paths, "bundled_kb_path", lambda: mini_kb)
    w = make_window(mini_kb)
    # a "pack" installs a newer KB: same fixture content with another version
    src = tmp_path / "mini"
    shutil.copytree(MINI, src)
    (src / "kb.yaml").write_text('version: "2.0.0"\ncontent_date: 2026-02-02\n', encoding="utf-8")
    build_kb(src, (paths.installed_kb_dir() / "current.sqlite"), extra=False)
    with qtbot.waitSignal(w._reload_timer.timeout, timeout=5000):
        pass
    assert w.kb.meta().kb_version == "2.0.0"
    assert "2.0.0" in w.kb_label.text()
    assert w.view("compare").kb is w.kb
    # the new file's whole-file check ran beside the window, not on its thread, and is remembered
    from desktop.kb.store import needs_check
    from desktop.ui.shell.kb_check import BackgroundCheck

    check = w.findChild(BackgroundCheck)
    assert check is not None and check.path == (paths.installed_kb_dir() / "current.sqlite") and check.wait(10)
    assert not needs_check(paths.installed_kb_dir() / "current.sqlite")


def test_a_pack_applied_while_the_window_shows_the_installed_kb_reloads_and_lets_go_of_the_old_file(  # type: ignore[no-untyped-def]
        make_window, kit, cartref_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 20: Windows cannot replace, rename or delete an open file (here its rules are
    emulated on Linux). The update never touches the file the window shows; the window moves
    to the new file and closes the one it leaves, so that file can be deleted once it is
    neither current nor previous."""
    import os

    from desktop.kb.installed import read_installed
    from desktop.packs import apply_pack
    from tests.helpers.packs_kit import craft, install_template, installed_kb
    from tests.helpers.windows_files import emulate_windows_sharing

    install_template(kit, cartref_home)  # pack v1 installed
    if os.name == "posix":
        emulate_windows_sharing(monkeypatch)
    w = make_window(installed_kb())
    first = w.kb
    assert first.meta().kb_version == "1.0.0"
    apply_pack(kit.v2)  # as the Packs view does, on its worker thread
    assert w.reload_kb()
    assert w.kb.meta().kb_version == "1.1.0" and w.kb.path == installed_kb() != first.path
    with pytest.raises(sqlite3.ProgrammingError):
        first.conn.execute("SELECT 1")  # closed: the window holds no file of the KB it left
    assert read_installed().previous == first.path  # kept for rollback
    v3 = craft(tmp_path / "v3.cartpack", kit.key, kit.v1, edit_manifest=lambda m: m.update(pack_version="2026.12.9"))
    apply_pack(v3)
    assert not first.path.exists()  # neither current nor previous, and nobody holds it
    assert w.reload_kb() and w.kb.meta().kb_version == "1.0.0" and w.kb.path == installed_kb()


def test_a_link_to_an_unknown_view_is_ignored(make_window, mini_kb: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window(mini_kb)
    w.navigate("view:no-such-view")  # ignored, no crash
    assert w.current == "view:home" and w.history.entries == ["view:home"]


def test_every_interactive_widget_has_an_accessible_name(make_window, mini_kb: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextBrowser,
    )

    w = make_window(mini_kb)
    for view in ("view:therapies", "view:compare", "view:bookmarks"):
        w.navigate(view)
    missing = []
    for cls in (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QTextBrowser, QPlainTextEdit):
        for widget in w.findChildren(cls):
            if type(widget).__module__.startswith("desktop.ui.") and type(widget).__module__.split(".")[-1] in ("centres_view", "grading_view", "handouts_view"):
                continue
            owner = widget.parent()
            mod = type(owner).__module__ if owner is not None else ""
            if any(x in mod for x in ("centres_view", "grading_view", "handouts_view", "calendar_view", "map_widget")):
                continue
            if isinstance(widget, QLabel) or not widget.isVisibleTo(w) or widget.objectName().startswith("qt_"):
                continue
            if type(widget).__name__ in ("QTabBar",) or isinstance(owner, QComboBox):
                continue
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__}#{widget.objectName()} in {type(owner).__name__}")
    assert not missing, missing


def test_exception_hook_logs_and_shows_a_dialog_and_window_survives(make_window, mini_kb: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    import sys

    from desktop.ui.shell import errors

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(errors, "show_error_dialog", lambda parent, message, details: shown.append((message, details)))
    w = make_window(mini_kb)
    hook = errors.ExceptionHook(lambda: w).install()
    try:
        try:
            raise ZeroDivisionError("boom in a slot")
        except ZeroDivisionError:
            hook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        hook.uninstall()
    assert len(shown) == 1
    message, details = shown[0]
    assert "ZeroDivisionError" in message and "Traceback" not in message
    assert "boom in a slot" in details and "Traceback" in details
    log = paths.log_dir() / errors.LOG_NAME
    assert "ZeroDivisionError: boom in a slot" in log.read_text(encoding="utf-8")
    w.navigate("article:crs")  # still usable
    assert w.current == "article:crs"


def test_error_dialog_copy_details_button(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from desktop.ui.shell import errors

    clicks = {"n": 0}

    def press() -> None:  # polled until the dialog is open: it runs its own event loop
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            return
        if clicks["n"] == 0:
            copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy details")
            clicks["n"] += 1
            copy.click()
        elif box.isVisible():
            poll.stop()
            box.button(QMessageBox.StandardButton.Close).click()

    poll = QTimer()
    poll.timeout.connect(press)
    poll.start(10)
    errors.show_error_dialog(None, "Something went wrong", "the details")
    poll.stop()
    assert clicks["n"] == 1
    assert QApplication.clipboard().text() == "the details"


def test_bundled_cjk_font_is_loaded_and_covers_chinese(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from desktop.ui.shell.fonts import ensure_cjk_font

    family = ensure_cjk_font()
    assert "WenQuanYi" in family
    assert family in QFontDatabase.families()
    assert QFontMetrics(QFont(family)).inFont("武")
    assert family in QApplication.font().families()


def _glyph_lightness(button: QToolButton) -> int:
    """Lightness of the most opaque pixel of a toolbar icon: its glyph colour."""
    image = button.icon().pixmap(24, 24).toImage()
    assert not image.isNull()
    pixels = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]
    return max(pixels, key=lambda c: c.alpha()).lightness()


def test_high_contrast_and_dark_themes(make_window, mini_kb: Path) -> None:  # type: ignore[no-untyped-def]
    w = make_window(mini_kb)
    w.set_theme("high-contrast")
    pal = QApplication.palette()
    assert pal.color(QPalette.ColorRole.Window).name() == "#000000"
    assert pal.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    assert "#ffff00" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    w.set_theme("dark")
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    assert w.reader.renderer.dark
    assert all(_glyph_lightness(b) > 160 for b in (w.back_button, w.forward_button, w.home_button))
    w.set_theme("light")
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 128
    assert all(_glyph_lightness(b) < 96 for b in (w.back_button, w.forward_button, w.home_button))
    assert QSettings(str(paths.user_dir() / "settings.ini"), QSettings.Format.IniFormat).value("theme") == "light"


def test_system_theme_follows_the_desktop(make_window, mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """"System" is dark when the desktop's palette is dark, and on Windows also when the
    desktop asks for dark mode while its style keeps a light palette; else light."""
    from PySide6.QtGui import QColor

    from desktop.ui.shell import theme

    w = make_window(mini_kb)
    w.set_theme("system")  # this test machine's desktop is light
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 128
    assert not w.reader.renderer.dark

    desktop_dark = QPalette()
    desktop_dark.setColor(QPalette.ColorRole.Base, QColor(20, 20, 20))
    monkeypatch.setattr(theme.QGuiApplication, "palette", staticmethod(lambda: desktop_dark))
    w.set_theme("system")
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    assert w.reader.renderer.dark and all(_glyph_lightness(b) > 160 for b in (w.back_button, w.forward_button))
    monkeypatch.undo()

    w.set_theme("system")  # back to the light desktop: our dark palette is not mistaken for it
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 128
    assert not w.reader.renderer.dark

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(theme, "_color_scheme_is_dark", lambda: True)  # dark mode asked for...
    assert theme.apply_theme(app, "system") == "light"  # ...is read from the palette here
    monkeypatch.setattr(theme.sys, "platform", "win32")
    assert theme.apply_theme(app, "system") == "dark"  # ...and from the scheme on Windows
    monkeypatch.undo()
    w.set_theme("light")


def test_leaving_a_dark_theme_gives_back_the_platforms_style_and_palette(  # type: ignore[no-untyped-def]
        make_window, mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QStyle

    from desktop.ui.shell import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    platform_style = app.style().name()
    monkeypatch.setattr(theme, "_default_style", None)  # as in a new session
    app.setStyle("Windows")  # stands in for a platform style other than the Fusion the dark theme uses
    try:
        w = make_window(mini_kb)
        w.set_theme("system")
        extent = QStyle.PixelMetric.PM_ScrollBarExtent
        own = app.style().pixelMetric(extent)
        w.set_theme("dark")
        assert app.style().pixelMetric(extent) != own  # Fusion's scroll bars
        w.set_theme("system")
        assert app.style().pixelMetric(extent) == own  # the platform's style again, not Fusion
        assert not app.testAttribute(Qt.ApplicationAttribute.AA_SetPalette)  # and its palette, still followed
        w.set_theme("high-contrast")
        w.set_theme("light")
        assert app.style().pixelMetric(extent) == own
        assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 128
    finally:
        theme.apply_theme(app, "light")
        app.setStyle(platform_style)


def test_a_damaged_installed_kb_found_after_the_window_opened_falls_back_with_a_notice(
        mini_kb: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up opens a not-yet-checked KB at once and checks it beside the window; a file
    that fails is replaced by the shipped copy, and the status bar says why."""
    from desktop.kb.store import needs_check
    from desktop.ui.shell import app as app_module
    from desktop.ui.shell.kb_check import BackgroundCheck

    shipped = tmp_path / "shipped.sqlite"
    shutil.copy(mini_kb, shipped)
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: shipped)
    installed = (paths.installed_kb_dir() / "current.sqlite")
    shutil.copy(mini_kb, installed)
    damage_middle_page(installed)

    window, _app, hook, user_db = app_module._start([])
    assert window is not None and user_db is not None
    qtbot.addWidget(window)
    try:
        assert window.kb.path == installed  # opened at once, on the header checks
        check = window.findChild(BackgroundCheck)
        assert check is not None and check.wait(10)
        qtbot.waitUntil(lambda: window.kb.path == shipped, timeout=3000)
        assert "could not be used" in window.notice_label.text()
        window.navigate("therapy:eque-cel")
        assert "Equecabtagene autoleucel" in window.reader.browser.toPlainText()
        assert not needs_check(shipped)  # the fallback was checked before use
    finally:
        hook.uninstall()
        window.close()
        user_db.close()


def test_bit_rot_in_a_sealed_installed_kb_is_caught_beside_the_window_and_not_called_an_update(
        mini_kb: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 2026-12-07 F7/F24: a byte changed after a good check (size and mtime kept) is
    caught by the seal hash on the worker thread; the fallback shows its notice and no
    "Knowledge base updated" message."""
    import os

    from desktop.kb import seal
    from desktop.kb.store import check_file
    from desktop.ui.shell import app as app_module
    from desktop.ui.shell.kb_check import BackgroundCheck

    shipped = tmp_path / "shipped.sqlite"
    shutil.copy(mini_kb, shipped)
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: shipped)
    installed = (paths.installed_kb_dir() / "current.sqlite")
    shutil.copy(mini_kb, installed)
    seal.write_seal(seal.file_sha256(installed), {"format": 1, "pack_version": "2026.12.1"})
    check_file(installed)  # a good check, remembered by fingerprint
    st = installed.stat()
    data = bytearray(installed.read_bytes())
    data[data.index(b"1.0.0")] = ord("6")
    with open(installed, "r+b") as fh:
        fh.write(bytes(data))
    os.utime(installed, ns=(st.st_atime_ns, st.st_mtime_ns))

    window, _app, hook, user_db = app_module._start([])
    assert window is not None and user_db is not None
    qtbot.addWidget(window)
    try:
        check = window.findChild(BackgroundCheck)
        assert check is not None and check.wait(10)
        qtbot.waitUntil(lambda: window.kb.path == shipped, timeout=3000)
        assert "does not match the signed pack" in window.notice_label.text()
        assert not window.notice_label.isHidden()
        assert "updated" not in window.statusBar().currentMessage()
    finally:
        hook.uninstall()
        window.close()
        user_db.close()


@pytest.mark.parametrize("listen_first", [True, False], ids=["failure after listening", "failure before listening"])
def test_background_check_reports_a_failure_whenever_it_comes(mini_kb: Path, tmp_path: Path, qtbot: QtBot,
                                                              listen_first: bool) -> None:
    from desktop.ui.shell.kb_check import BackgroundCheck

    bad = tmp_path / "bad.sqlite"
    shutil.copy(mini_kb, bad)
    damage_middle_page(bad)
    heard: list[str] = []
    check = BackgroundCheck(bad)
    if listen_first:
        check.on_failure(heard.append)
    check.start()
    assert check.wait(10)
    if not listen_first:
        check.on_failure(heard.append)
    qtbot.waitUntil(lambda: len(heard) == 1, timeout=2000)
    assert "bad.sqlite" in heard[0]


def test_the_start_up_check_waits_for_the_shown_window_and_runs_by_itself(
        mini_kb: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: the first start's whole-file check (~200 M instructions for the shipped KB)
    reads nothing before the window is shown, then runs without being asked."""
    from desktop.kb.store import needs_check
    from desktop.ui.shell import app as app_module
    from desktop.ui.shell.kb_check import BackgroundCheck

    shipped = tmp_path / "shipped.sqlite"
    shutil.copy(mini_kb, shipped)
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: shipped)
    window, _app, hook, user_db = app_module._start([])
    assert window is not None and user_db is not None
    qtbot.addWidget(window)
    try:
        check = window.findChild(BackgroundCheck)
        assert check is not None and not check.started()  # nothing read on the way to the first frame
        assert needs_check(shipped)
        qtbot.waitUntil(lambda: check.started() and check.wait(0), timeout=5000)
        assert not needs_check(shipped)  # passed and remembered: the next start skips it
    finally:
        hook.uninstall()
        window.close()
        user_db.close()


def test_a_check_stopped_at_quit_never_starts_or_reports(mini_kb: Path, tmp_path: Path, qtbot: QtBot,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.kb.store import CheckInterrupted, needs_check
    from desktop.ui.shell.kb_check import BackgroundCheck

    bad = tmp_path / "bad.sqlite"
    shutil.copy(mini_kb, bad)
    damage_middle_page(bad)
    heard: list[str] = []
    scheduled = BackgroundCheck(bad).start_soon(20)
    scheduled.on_failure(heard.append)
    assert scheduled.stop(5)  # quit before the delay ran out
    qtbot.wait(100)
    assert not scheduled.started() and scheduled.wait(0) and heard == []

    running = BackgroundCheck(bad)

    def interrupted() -> None:
        raise CheckInterrupted(str(bad))

    monkeypatch.setattr(running._check, "run", interrupted)  # what SQLite's "interrupted" becomes
    running.on_failure(heard.append)
    running.start()
    assert running.stop(5)
    qtbot.wait(100)
    assert heard == [] and needs_check(bad)  # neither damage nor a bug, and not remembered


def test_closing_the_window_stops_its_checks(make_window, mini_kb: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.shell.kb_check import BackgroundCheck

    w = make_window(mini_kb)
    copy = tmp_path / "copy.sqlite"
    shutil.copy(mini_kb, copy)
    check = BackgroundCheck(copy).start_soon(60_000)
    w.watch_check(check)
    w.close()
    assert check.wait(0) and not check.started()  # stopped: it never starts, nothing to wait for
