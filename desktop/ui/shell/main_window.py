"""The main window: search field on top, navigation on the left, reading pane and views.

One history covers everything the user can go to (a page like `therapy:eque-cel` or a view
like `view:compare`), so Back after opening a trial from the Trials list returns to the list.
Views written by other parts of the program (centres, grading, handouts) are embedded when
their module is present; each follows the view contract (openRequested, set_kb, set_language).

Start-up never touches PySide6's `Qt` namespace: its first use builds 93 Python enum classes
(~115 M instructions, a tenth of start-up here), so the code that runs before the first paint
uses Qt's defaults and plain values, and code that runs later imports `Qt` where it needs it.
tests/e2e/test_startup_lean.py keeps this true.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QFileSystemWatcher, QSettings, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QIcon,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop import paths
from desktop.errors import KBError
from desktop.kb.store import open_kb
from desktop.ui.reader.reader import ReaderView
from desktop.ui.reader.render import split_link
from desktop.ui.shell import theme
from desktop.ui.shell.i18n import Translations, normalise
from desktop.ui.shell.kb_check import BackgroundCheck
from desktop.userdata import history as user_history

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject
    from PySide6.QtGui import (
        QCloseEvent,
        QDragEnterEvent,
        QDropEvent,
        QShowEvent,
        QWindow,
    )

    from desktop.handouts.render import PrintRequest
    from desktop.kb.store import KnowledgeBase, OpenedKB
    from desktop.ui.reader.render import Page
    from desktop.ui.reader.search_panel import SearchPanel

# (navigation key, module, class) of views other parts of the program provide.
EXTERNAL_VIEWS: tuple[tuple[str, str, str], ...] = (
    ("centres", "desktop.ui.views.centres_view", "CentresView"),
    ("grading", "desktop.ui.views.grading_view", "GradingView"),
    ("handouts", "desktop.ui.views.handouts_view", "HandoutsView"),
    ("calendar", "desktop.ui.views.calendar_view", "CalendarView"),
    ("timeline", "desktop.ui.views.timeline_view", "TimelineView"),
    ("changes", "desktop.ui.views.changes_view", "ChangesView"),
)
NAV_ORDER = ("home", "therapies", "trials", "compare", "safety", "journey", "glossary", "centres", "grading",
             "handouts", "calendar", "timeline", "changes", "bookmarks")
NO_RESULTS_SETTLE_MS = 1500  # a query that still finds nothing after this pause is kept as feedback
PACK_SUFFIXES = (".cartpack", ".zip")
HISTORY_LIMIT = 200


def settings_for_user() -> QSettings:
    """Settings live beside the user database (so `$CARTREF_HOME` isolates them too)."""
    return QSettings(str(paths.user_dir() / "settings.ini"), QSettings.Format.IniFormat)


def external_view_present(module: str) -> bool:
    """Whether a view module exists, without importing it (imports wait until it is shown)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def load_external_view(module: str, cls: str) -> type[QWidget] | None:
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    found = getattr(mod, cls, None)
    return found if isinstance(found, type) and issubclass(found, QWidget) else None


class MainWindow(QMainWindow):
    def __init__(self, opened: OpenedKB, user_db: sqlite3.Connection, *, settings: QSettings | None = None,
                 translations: Translations | None = None, lang: str | None = None, user_notice: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb: KnowledgeBase = opened.kb
        self.kb_notice = opened.notice
        self.user_db = user_db
        self.settings = settings if settings is not None else settings_for_user()
        self.translations = translations if translations is not None else Translations()
        self.lang = normalise(lang or str(self.settings.value("language", "en")))
        self.theme_name = str(self.settings.value("theme", "system"))
        self.history: list[str] = []
        self.history_index = -1
        self.current = ""
        self.menus: dict[str, Any] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        icon = paths.resource_path("icons", "cartref.png")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        # -- top bar: back, forward, search --------------------------------------------------
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumWidth(320)
        self.back_button = QToolButton(self)
        self.back_button.clicked.connect(self.go_back)
        self.forward_button = QToolButton(self)
        self.forward_button.clicked.connect(self.go_forward)
        self.home_button = QToolButton(self)
        self.home_button.clicked.connect(lambda: self.navigate("view:home"))
        self.top_bar = QToolBar(self)
        self.top_bar.setObjectName("topBar")
        self.top_bar.setMovable(False)
        self.top_bar.setFloatable(False)
        self.top_bar.addWidget(self.back_button)
        self.top_bar.addWidget(self.forward_button)
        self.top_bar.addWidget(self.home_button)
        self.top_bar.addWidget(self.search_field)
        self.addToolBar(self.top_bar)  # the top area

        # -- navigation + pages -----------------------------------------------------------
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(150)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget(self)
        # Horizontal is the default; the parent goes by keyword, as QSplitter(parent) would
        # first try QSplitter(Qt.Orientation) and so build the Qt namespace.
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        self.setCentralWidget(self.splitter)

        self.reader = ReaderView(self.kb, self.lang, user_db, self)
        self.reader.openRequested.connect(self.navigate)
        self.reader.pageShown.connect(self._page_shown)
        self.set_dark(False)  # app start-up or set_theme switch this for dark palettes
        self._search_panel: SearchPanel | None = None  # built on the first text typed
        self.search_field.textChanged.connect(self._first_search_text)
        self._pending_no_results = ""
        self._no_results_timer = QTimer(self)
        self._no_results_timer.setSingleShot(True)
        self._no_results_timer.setInterval(NO_RESULTS_SETTLE_MS)
        self._no_results_timer.timeout.connect(self._keep_no_results)
        # Views are built the first time they are shown: start-up only pays for the reader.
        self.views: dict[str, QWidget] = {}
        self.view_factories: dict[str, Callable[[], QWidget]] = {}
        for section in ("therapies", "trials", "safety", "journey", "glossary"):
            self.view_factories[section] = functools.partial(self._section_view, section)
        self.view_factories["compare"] = self._compare_view
        self.view_factories["bookmarks"] = self._bookmarks_view
        for key, module, cls in EXTERNAL_VIEWS:
            if external_view_present(module):
                self.view_factories[key] = functools.partial(self._external_view, module, cls)
        self.reader.renderer.available_views = set(self.view_factories)
        self.stack.addWidget(self.reader)
        # The navigation key of each row of `nav`, in order.
        self.nav_keys = [key for key in NAV_ORDER if key == "home" or key in self.view_factories]
        for _key in self.nav_keys:
            self.nav.addItem(QListWidgetItem())

        # -- status bar -------------------------------------------------------------------
        self.kb_label = QLabel(self)
        self.kb_label.setObjectName("kbStatus")
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("kbNotice")
        self.notice_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.notice_label.setWordWrap(False)
        self.statusBar().addWidget(self.notice_label, 1)
        self.statusBar().addPermanentWidget(self.kb_label)
        self.user_notice = user_notice

        self._build_menus()  # every shortcut is a menu action, so the menus list them
        self.watcher = QFileSystemWatcher(self)
        self._watch_installed_kb()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(400)
        self._reload_timer.timeout.connect(self.reload_kb)
        self._filtered_window: QWindow | None = None

        self.retranslate()
        self._update_status()
        self._restore_settings()

    # -- views ----------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view for a navigation key, built (and wired) the first time it is asked for."""
        found = self.views.get(key)
        if found is not None:
            return found
        view = self.view_factories[key]()
        signal = getattr(view, "openRequested", None)
        if signal is not None:
            signal.connect(self.navigate)
        if key == "centres" and hasattr(view, "useInHandout"):
            view.useInHandout.connect(self.use_centre_in_handout)
        if key == "calendar" and hasattr(view, "printRequested"):
            view.printRequested.connect(self.print_from_calendar)
        if key == "bookmarks":
            self.reader.bookmarksChanged.connect(view.reload)  # type: ignore[attr-defined]
            view.bookmarksChanged.connect(self.reader.reload)  # type: ignore[attr-defined]
        if self.lang != "en" and hasattr(view, "set_language"):
            view.set_language(self.lang)
        self.views[key] = view
        self.stack.addWidget(view)
        return view

    # The view modules are imported on first use too (start-up time is budgeted).
    def _section_view(self, section: str) -> QWidget:
        from desktop.ui.reader.sections import SectionList

        return SectionList(self.kb, section, self)

    def _compare_view(self) -> QWidget:
        from desktop.ui.views.compare_view import CompareView

        return CompareView(self.kb, self)

    def _bookmarks_view(self) -> QWidget:
        from desktop.ui.reader.bookmarks_view import BookmarksView

        return BookmarksView(self.kb, self.user_db, self)

    def _external_view(self, module: str, cls: str) -> QWidget:
        view_cls = load_external_view(module, cls)
        if view_cls is None:
            raise ImportError(f"{module}.{cls} is not a view")
        factory: Callable[..., QWidget] = view_cls
        return factory(self.kb, self)

    # -- navigation -----------------------------------------------------------------------
    def navigate(self, location: str, *, record: bool = True) -> None:
        """Go to a page link (`therapy:x`) or a view (`view:compare`); records history."""
        location = location.strip()
        kind, ref = split_link(location)
        if kind == "home":
            location, kind, ref = "view:home", "view", "home"
        if kind == "view" and ref != "home" and ref not in self.view_factories:
            return
        if kind not in ("view", "article", "therapy", "trial", "outcome", "glossary", "center", "source"):
            return
        self._show_location(location)
        if record:
            if self.history_index >= 0 and self.history[self.history_index] == location:
                return
            del self.history[self.history_index + 1:]
            self.history.append(location)
            if len(self.history) > HISTORY_LIMIT:
                del self.history[0]
            self.history_index = len(self.history) - 1
        self._update_history_buttons()

    def _show_location(self, location: str) -> None:
        kind, ref = split_link(location)
        self.current = location
        nav_key = ref if kind == "view" else self._nav_key_for(kind)
        if kind == "view" and ref != "home":
            self.stack.setCurrentWidget(self.view(ref))
            shown = self.tr("CAR-T Reference")
            self.setWindowTitle(f'{self._nav_label(ref)} — {shown}')
        else:
            self.reader.open("home:" if kind == "view" else location)
            self.stack.setCurrentWidget(self.reader)
        self._select_nav(nav_key)

    def _nav_key_for(self, kind: str) -> str:
        return {"therapy": "therapies", "trial": "trials", "outcome": "trials", "glossary": "glossary",
                "center": "centres"}.get(kind, "")

    def _select_nav(self, key: str) -> None:
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        if key in self.nav_keys:
            self.nav.setCurrentRow(self.nav_keys.index(key))
        self.nav.blockSignals(False)

    def _nav_changed(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        row = self.nav.row(item) if item is not None else -1
        if 0 <= row < len(self.nav_keys):
            self.navigate(f"view:{self.nav_keys[row]}")

    def go_back(self) -> None:
        if self.history_index > 0:
            self.history_index -= 1
            self._show_location(self.history[self.history_index])
            self._update_history_buttons()

    def go_forward(self) -> None:
        if self.history_index < len(self.history) - 1:
            self.history_index += 1
            self._show_location(self.history[self.history_index])
            self._update_history_buttons()

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(self.history_index > 0)
        self.forward_button.setEnabled(self.history_index < len(self.history) - 1)
        for name, ok in (("back", self.back_button.isEnabled()), ("forward", self.forward_button.isEnabled())):
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(ok)

    def _page_shown(self, page: Page) -> None:
        shown = self.tr("CAR-T Reference")
        self.setWindowTitle(f'{page.title} — {shown}')
        if page.found and page.bookmarkable:
            with contextlib.suppress(sqlite3.Error):  # history is a convenience; never break reading
                user_history.record(self.user_db, page.link, page.title)

    # -- search ---------------------------------------------------------------------------
    @property
    def search_panel(self) -> SearchPanel:
        """The results panel, built on first use: its module and widgets cost ~20 ms that
        start-up need not pay (measured in-process)."""
        if self._search_panel is None:
            from desktop.ui.reader.search_panel import SearchPanel

            panel = SearchPanel(self.kb, self.search_field, self, lang=self.lang)
            panel.openRequested.connect(self._open_search_hit)
            panel.activated.connect(self._show_search)
            panel.dismissed.connect(self._hide_search)
            panel.noResults.connect(self._search_found_nothing)
            panel.resultsUpdated.connect(self._search_found_something)
            self.stack.addWidget(panel)
            self.search_field.textChanged.disconnect(self._first_search_text)
            self._search_panel = panel
        return self._search_panel

    def _first_search_text(self, text: str) -> None:
        self.search_panel.on_text_changed(text)

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt  # not at start-up: see the note at the top

        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _show_search(self) -> None:
        self.stack.setCurrentWidget(self.search_panel)
        self._select_nav("")

    def _hide_search(self) -> None:
        if self._search_panel is not None and self.stack.currentWidget() is self._search_panel:
            if self.history_index >= 0:
                self._show_location(self.history[self.history_index])
            else:
                self.navigate("view:home")

    def _open_search_hit(self, link: str) -> None:
        self.search_field.blockSignals(True)
        self.search_field.clear()
        self.search_field.blockSignals(False)
        self.navigate(link)
        self.reader.browser.setFocus()

    # -- language, theme, zoom ------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        lang = normalise(lang)
        self.lang = lang
        self.translations.set_language(lang)
        self._tell_pages("set_language", lang)
        self.settings.setValue("language", lang)
        self.retranslate()
        for action in self.actions_by_name.values():
            if action.data() == f"lang:{lang}":
                action.setChecked(True)

    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            effective = theme.apply_theme(app, name)
            self.set_dark(effective in ("dark", "high-contrast"))
        self.theme_name = name
        self.settings.setValue("theme", name)
        for action in self.actions_by_name.values():
            if action.data() == f"theme:{name}":
                action.setChecked(True)

    def set_dark(self, dark: bool) -> None:
        """Match the reading pane and the toolbar glyphs to a dark or light palette."""
        self.reader.set_dark(dark)
        tone = "light" if dark else "dark"
        for button, name in ((self.back_button, "go-back"), (self.forward_button, "go-forward"),
                             (self.home_button, "go-home")):
            button.setIcon(QIcon(str(paths.resource_path("icons", f"{name}-{tone}.png"))))

    def set_zoom(self, percent: int) -> int:
        value = self.reader.set_zoom(percent)
        self.settings.setValue("zoom", value)
        self.statusBar().showMessage(self.tr("Zoom {0}%").format(value), 2000)
        return value

    # -- KB -------------------------------------------------------------------------------
    def _watch_installed_kb(self) -> None:
        folder = str(paths.installed_kb_dir())
        if folder not in self.watcher.directories():
            self.watcher.addPath(folder)
        self.watcher.directoryChanged.connect(lambda _p: self._reload_timer.start())
        self.watcher.fileChanged.connect(lambda _p: self._reload_timer.start())

    def reload_kb(self) -> bool:
        """A content pack was installed (or rolled back): reopen the KB and refresh every view."""
        try:
            opened = open_kb(defer_check=True)
        except KBError as exc:
            self.notice_label.setText(str(exc))
            return False
        same = opened.kb.path == self.kb.path and opened.kb.meta() == self.kb.meta()
        if same:
            opened.kb.close()
            return False
        self.set_kb(opened.kb, opened.notice)
        if opened.unchecked:  # a new file: read it all on a worker thread, as at start-up
            self.watch_check(BackgroundCheck(opened.kb.path).start())
        return True

    def watch_check(self, check: BackgroundCheck) -> None:
        """Own a running whole-file check of the KB in use and act if it fails."""
        check.setParent(self)
        check.on_failure(self.kb_check_failed)

    def kb_check_failed(self, reason: str) -> None:
        """The KB this window opened on failed its whole-file check (kb_check): use the next
        sound one with a notice, as start-up does, or say that nothing usable is left."""
        try:
            opened = open_kb(skip=(self.kb.path,))
        except KBError as exc:
            from PySide6.QtWidgets import QMessageBox  # a rare path: start-up need not load it

            QMessageBox.critical(self, self.tr("No knowledge base"),
                                 self.tr("The program cannot go on without its knowledge base: {0}").format(exc))
            self.close()
            return
        failed = self.kb
        self.set_kb(opened.kb, opened.notice or reason)
        failed.close()

    def _tell_pages(self, method: str, value: object) -> None:
        """Call `method(value)` on every page built so far that has it (the view contract)."""
        pages: list[QWidget] = [self.reader]
        if self._search_panel is not None:
            pages.append(self._search_panel)
        for page in [*pages, *self.views.values()]:
            setter = getattr(page, method, None)
            if setter is not None:
                setter(value)

    def set_kb(self, kb: KnowledgeBase, notice: str | None = None) -> None:
        self.kb = kb
        self.kb_notice = notice
        self._tell_pages("set_kb", kb)
        self._update_status()
        self.statusBar().showMessage(self.tr("Knowledge base updated to {0}").format(kb.meta().kb_version), 5000)

    def _update_status(self) -> None:
        meta = self.kb.meta()
        self.kb_label.setText(self.tr("Knowledge base {0} · content date {1}").format(meta.kb_version, meta.content_date))
        self.kb_label.setToolTip(self.tr("Content hash {0}; file {1}").format(meta.short_hash, self.kb.path))
        notices = [n for n in (self.kb_notice, self.user_notice) if n]
        self.notice_label.setText(" ".join(notices))
        self.notice_label.setToolTip("\n".join(notices))
        self.notice_label.setVisible(bool(notices))

    # -- packs ----------------------------------------------------------------------------
    def _pack_importer(self) -> Callable[..., bool] | None:
        try:
            mod = importlib.import_module("desktop.ui.views.pack_import")
        except ModuleNotFoundError as exc:
            if exc.name == "desktop.ui.views.pack_import":
                return None
            raise
        func = getattr(mod, "import_pack", None)
        return func if callable(func) else None

    def import_pack(self, path: str | None = None) -> bool:
        func = self._pack_importer()
        if func is None:
            from PySide6.QtWidgets import QMessageBox  # a rare path: start-up need not load it

            QMessageBox.information(self, self.tr("Import update"), self.tr("This build cannot import content updates."))
            return False
        ok = bool(func(self, path))
        if ok:
            self.reload_kb()
        return ok

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._pack_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        found = self._pack_paths(event.mimeData().urls())
        if found:
            event.acceptProposedAction()
            self.import_pack(found[0])

    @staticmethod
    def _pack_paths(urls: list[Any]) -> list[str]:
        return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile().lower().endswith(PACK_SUFFIXES)]

    def print_from_calendar(self, request: PrintRequest) -> None:
        """The calendar's "Print…" opens the matching handout with the calendar's plan (a `PrintRequest`)."""
        if "handouts" not in self.view_factories:
            return
        self.navigate("view:handouts")
        show = getattr(self.view("handouts"), "show_template", None)
        if show is not None:
            show(request)

    # -- offline feedback -----------------------------------------------------------------
    def _search_found_nothing(self, query: str) -> None:
        self._pending_no_results = query
        self._no_results_timer.start()

    def _search_found_something(self, count: int) -> None:
        if count:
            self._no_results_timer.stop()

    def _keep_no_results(self) -> None:
        """Only a query the user stopped on is kept, not every prefix typed on the way."""
        from desktop.userdata.feedback import record_no_results

        query, self._pending_no_results = self._pending_no_results, ""
        if query.strip():
            record_no_results(self.user_db, query, self.kb.meta().kb_version)

    def report_problem(self) -> None:
        from desktop.ui.views.feedback_dialogs import ReportProblemDialog

        page = self.current or "view:home"
        ReportProblemDialog(page, self.kb.meta().kb_version, self.user_db, self).exec()

    def show_feedback(self) -> None:
        from desktop.ui.views.feedback_dialogs import FeedbackDialog

        FeedbackDialog(self.user_db, self).exec()

    def export_feedback(self) -> None:
        from desktop.ui.views.feedback_dialogs import FeedbackDialog

        FeedbackDialog(self.user_db, self).export_interactive()

    def use_centre_in_handout(self, center_id: str) -> None:
        if "handouts" not in self.view_factories:
            return
        self.navigate("view:handouts")
        handouts = self.view("handouts")
        setter = getattr(handouts, "set_center", None)
        if setter is not None:
            setter(center_id)

    # -- menus and shortcuts --------------------------------------------------------------
    def _action(self, name: str, slot: Callable[[], object], shortcuts: list[QKeySequence] | None = None,
                checkable: bool = False, data: str = "") -> QAction:
        action = QAction(self)
        action.setObjectName(f"action_{name}")
        if shortcuts:
            unique = {k.toString(): k for k in shortcuts if not k.isEmpty()}  # standard keys may repeat ours
            action.setShortcuts(list(unique.values()))  # an action's shortcuts work in its whole window
        action.setCheckable(checkable)
        if data:
            action.setData(data)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("")
        file_menu.addAction(self._action("import", lambda: self.import_pack(None)))
        file_menu.addAction(self._action("export_csv", self._export_comparison))
        file_menu.addSeparator()
        file_menu.addAction(self._action("quit", self.close, [QKeySequence(QKeySequence.StandardKey.Quit)]))
        go_menu = bar.addMenu("")
        go_menu.addAction(self._action("back", self.go_back, [QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)]))
        go_menu.addAction(self._action("forward", self.go_forward, [QKeySequence("Alt+Right"), QKeySequence(QKeySequence.StandardKey.Forward)]))
        go_menu.addAction(self._action("home", lambda: self.navigate("view:home"), [QKeySequence("Alt+Home")]))
        go_menu.addAction(self._action("search", self.focus_search, [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")]))
        go_menu.addAction(self._action("bookmark", self._toggle_bookmark, [QKeySequence("Ctrl+D")]))
        view_menu = bar.addMenu("")
        view_menu.addAction(self._action("zoom_in", lambda: self.set_zoom(self.reader.zoom + 10),
                                         [QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence(QKeySequence.StandardKey.ZoomIn)]))
        view_menu.addAction(self._action("zoom_out", lambda: self.set_zoom(self.reader.zoom - 10),
                                         [QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)]))
        view_menu.addAction(self._action("zoom_reset", lambda: self.set_zoom(100), [QKeySequence("Ctrl+0")]))
        view_menu.addSeparator()
        lang_menu = view_menu.addMenu("")
        group = QActionGroup(self)
        for code, label in (("en", "English"), ("zh-Hans", "简体中文")):
            a = self._action(f"lang_{code}", functools.partial(self.set_language, code), checkable=True, data=f"lang:{code}")
            a.setText(label)
            group.addAction(a)
            lang_menu.addAction(a)
            a.setChecked(code == self.lang)
        theme_menu = view_menu.addMenu("")
        tgroup = QActionGroup(self)
        for name in theme.THEMES:
            a = self._action(f"theme_{name}", functools.partial(self.set_theme, name), checkable=True, data=f"theme:{name}")
            tgroup.addAction(a)
            theme_menu.addAction(a)
            a.setChecked(name == self.theme_name)
        help_menu = bar.addMenu("")
        help_menu.addAction(self._action("about", lambda: self.navigate("article:about")))
        help_menu.addSeparator()
        help_menu.addAction(self._action("report_problem", self.report_problem))
        help_menu.addAction(self._action("feedback_show", self.show_feedback))
        help_menu.addAction(self._action("feedback_export", self.export_feedback))
        self.menus = {"file": file_menu, "go": go_menu, "view": view_menu, "language": lang_menu,
                      "theme": theme_menu, "help": help_menu}

    def _toggle_bookmark(self) -> None:
        if self.stack.currentWidget() is self.reader and self.reader.bookmark_button.isEnabled():
            self.reader.bookmark_button.click()

    def _export_comparison(self) -> None:
        self.navigate("view:compare")
        view = self.view("compare")
        export = getattr(view, "export_dialog", None)
        if export is not None:
            export()

    def showEvent(self, event: QShowEvent) -> None:
        # Mouse back/forward: filter the native window, which sees every mouse press in this
        # window before any widget does. An application-wide filter would also see every
        # internal event of every object, and wrapping those for Python cost ~45 ms at start-up.
        handle = self.windowHandle()
        if handle is not None and handle is not self._filtered_window:
            handle.installEventFilter(self)
            self._filtered_window = handle
        super().showEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Mouse back/forward buttons anywhere in this window."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            from PySide6.QtCore import Qt  # not at start-up: see the note at the top

            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(obj, event)

    # -- labels ---------------------------------------------------------------------------
    def _nav_label(self, key: str) -> str:
        return {
            "home": self.tr("Home"), "therapies": self.tr("Therapies"), "trials": self.tr("Trials"),
            "compare": self.tr("Compare trials"), "safety": self.tr("Safety"), "journey": self.tr("Patient journey"),
            "glossary": self.tr("Glossary"), "centres": self.tr("Centres"), "grading": self.tr("Grading"),
            "handouts": self.tr("Handouts"), "bookmarks": self.tr("Bookmarks"),
            "calendar": self.tr("Recovery calendar"), "timeline": self.tr("Regulatory timeline"),
            "changes": self.tr("What changed"),
        }.get(key, key)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def retranslate(self) -> None:
        for i, key in enumerate(self.nav_keys):
            self.nav.item(i).setText(self._nav_label(key))  # also its accessible name
        self.nav.setAccessibleName(self.tr("Sections"))
        self.search_field.setPlaceholderText(self.tr("Search therapies, trials, side effects, centres… (Ctrl+K)"))
        self.search_field.setAccessibleName(self.tr("Search"))
        self.search_field.setToolTip(self.tr("Search as you type. Down arrow: results; Enter: open; Esc: clear."))
        for button, text, keys in ((self.back_button, self.tr("Back"), "Alt+Left"),
                                   (self.forward_button, self.tr("Forward"), "Alt+Right"),
                                   (self.home_button, self.tr("Home"), "Alt+Home")):
            button.setToolTip(f"{text} ({keys})")
            button.setAccessibleName(text)
        self.top_bar.setWindowTitle(self.tr("Search bar"))
        m = self.menus
        if m:
            m["file"].setTitle(self.tr("&File"))
            m["go"].setTitle(self.tr("&Go"))
            m["view"].setTitle(self.tr("&View"))
            m["language"].setTitle(self.tr("&Language"))
            m["theme"].setTitle(self.tr("&Theme"))
            m["help"].setTitle(self.tr("&Help"))
        texts = {
            "import": self.tr("Import update…"), "export_csv": self.tr("Export comparison as CSV…"), "quit": self.tr("Quit"),
            "back": self.tr("Back"), "forward": self.tr("Forward"), "home": self.tr("Home"), "search": self.tr("Search"),
            "bookmark": self.tr("Bookmark this page"), "zoom_in": self.tr("Zoom in"), "zoom_out": self.tr("Zoom out"),
            "zoom_reset": self.tr("Actual size"), "theme_system": self.tr("Follow the system (light or dark)"),
            "theme_light": self.tr("Light"), "theme_dark": self.tr("Dark"), "theme_high-contrast": self.tr("High contrast"),
            "about": self.tr("About CAR-T Reference"),
            "report_problem": self.tr("Report a problem with this page…"),
            "feedback_show": self.tr("Kept feedback (view or clear)…"),
            "feedback_export": self.tr("Export feedback to a file…"),
        }
        for name, text in texts.items():
            if name in self.actions_by_name:
                self.actions_by_name[name].setText(text)
        self._update_status()
        if self.stack.currentWidget() is not self.reader and self.current.startswith("view:"):
            shown = self.tr("CAR-T Reference")
            self.setWindowTitle(f'{self._nav_label(self.current[5:])} — {shown}')
        elif not self.current:
            self.setWindowTitle(self.tr("CAR-T Reference"))

    # -- settings -------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 800)
        state = s.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        try:
            zoom = int(s.value("zoom", 100))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            zoom = 100
        if zoom != 100:
            self.reader.set_zoom(zoom)
        if self.lang != "en":
            self.set_language(self.lang)
        last = str(s.value("lastView", "view:home") or "view:home")
        self.navigate(last)
        if not self.current:
            self.navigate("view:home")

    def save_settings(self) -> None:
        self.reader.save_note()
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("zoom", self.reader.zoom)
        s.setValue("language", self.lang)
        s.setValue("theme", self.theme_name)
        s.setValue("lastView", self.current or "view:home")
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

