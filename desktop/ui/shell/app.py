"""`run_app(argv)`: the GUI entry point called by `cartref` / `cartref gui`."""

from __future__ import annotations

import gc
import os
import sqlite3
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import paths
from desktop.errors import KBError
from desktop.kb.store import open_kb
from desktop.ui.shell import theme
from desktop.ui.shell.errors import ExceptionHook, write_log
from desktop.ui.shell.fonts import ensure_cjk_font
from desktop.ui.shell.i18n import Translations, normalise, system_language
from desktop.ui.shell.kb_check import BackgroundCheck
from desktop.ui.shell.main_window import MainWindow, settings_for_user
from desktop.userdata import db as userdb


def _user_db() -> tuple[sqlite3.Connection, str | None]:
    """The user database (read-only when it cannot be written but can be read: nothing is
    thrown away), else one in memory for this session when it cannot be opened at all."""
    try:
        conn = userdb.open_user_db(read_only_ok=True)
        notice = userdb.last_recovery()
        userdb.forget_recovery()  # shown once, in this window
        userdb.set_interactive(conn)
        return conn, notice
    except (OSError, sqlite3.Error, userdb.UserDbError) as exc:
        write_log(f"user database unavailable: {exc}")
        message = QCoreApplication.translate(
            "App", "Bookmarks and notes cannot be saved this time ({0}); they are kept until you close the program.")
        return userdb.open_temporary_db(), message.format(exc)


def _sweep_leftovers() -> None:
    """Temporary and journal files a kill or a full disk left last time (F5)."""
    from desktop.leftovers import sweep_all

    removed = sweep_all()
    if removed:
        write_log(f"removed {len(removed)} leftover temporary file(s): {', '.join(p.name for p in removed)}")


def create_app(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # fractional scale factors pass through: Qt 6's default
        app = QApplication([sys.argv[0] if sys.argv else "cartref", *argv])
    app.setApplicationName("CAR-T Reference")
    app.setOrganizationName("cartref")
    app.setApplicationDisplayName("CAR-T Reference")
    icon = paths.resource_path("icons", "cartref.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    ensure_cjk_font()
    return app


def _collect_from_now_on() -> None:
    """Move what start-up made out of the collector's sight and turn collection (back) on.

    Every later full collection, and the one at exit, then skips the session-long objects
    start-up made: ~40 ms less CPU per start-up measured here, and shorter GC pauses while
    typing. The ~370 objects of start-up garbage in cycles stay frozen: a few kilobytes."""
    gc.freeze()
    gc.enable()


def run_app(argv: list[str]) -> int:
    try:
        window, app, hook, user_db = _start(argv)
    finally:
        _collect_from_now_on()
    if window is None:
        return 2
    try:
        return int(app.exec())
    finally:
        window.stop_checks()  # quit without closing the window (CARTREF_EXIT_WHEN_SHOWN, a signal)
        hook.uninstall()
        if user_db is not None:
            user_db.close()


def _start(argv: list[str]) -> tuple[MainWindow | None, QApplication, ExceptionHook, sqlite3.Connection | None]:
    """Everything up to the shown window; (None, ...) when there is no knowledge base."""
    app = create_app(argv)
    hook = ExceptionHook(lambda: QApplication.activeWindow()).install()
    settings = settings_for_user()
    translations = Translations()
    lang = normalise(str(settings.value("language", system_language())))
    translations.set_language(lang)
    effective_theme = theme.apply_theme(app, str(settings.value("theme", "system")))  # before any widget: cheap
    try:
        opened = open_kb(defer_check=True)
    except KBError as exc:
        from PySide6.QtWidgets import QMessageBox  # only on this failure path: it costs start-up

        QMessageBox.critical(None, QCoreApplication.translate("App", "No knowledge base"),
                             QCoreApplication.translate("App", "The program cannot start without its knowledge base: {0}").format(exc))
        hook.uninstall()
        return None, app, hook, None
    check = BackgroundCheck(opened.kb.path) if opened.unchecked else None  # started once the window is shown
    user_db, user_notice = _user_db()
    window = MainWindow(opened, user_db, settings=settings, translations=translations, lang=lang, user_notice=user_notice)
    if check is not None:
        window.watch_check(check)
    if effective_theme in ("dark", "high-contrast"):
        window.set_dark(True)
    window.show()
    # Our indicators and input frames once the first frame is on screen: a turn of the event
    # loop (which paints it), then a pause (see theme.after_first_frame).
    QTimer.singleShot(0, lambda: QTimer.singleShot(300, lambda: theme.after_first_frame(app)))
    if check is not None:
        check.start_soon()  # once the first frame has settled: see kb_check
    QTimer.singleShot(2000, _sweep_leftovers)  # after the first paint: not on the start-up path
    if os.environ.get("CARTREF_EXIT_WHEN_SHOWN"):
        # start-up benchmark: leave as soon as the shown window has been through the event loop
        QTimer.singleShot(0, app.quit)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _s: window.set_theme(window.theme_name) if window.theme_name == "system" else None)
    return window, app, hook, user_db
