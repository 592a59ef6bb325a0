"""The main window: search field on top, navigation on the left, reading pane and views.

The window hosts: navigation and history (navigation.py), the menus (menus.py), the views
(views.py builds each the first time it is shown), settings, and the KB's hot reload. What
the views share lives in the AppContext (context.py): the KB, the language, the user database,
and the requests views make (go to a link, open a handout); the window answers the requests.
Search is the SearchController's (ui/reader/search_controller.py).

Start-up never touches PySide6's `Qt` namespace: its first use builds 93 Python enum classes
(~115 M instructions, a tenth of start-up here), so the code that runs before the first paint
uses Qt's defaults and plain values, and code that runs later imports `Qt` where it needs it.
tests/e2e/test_startup_lean.py keeps this true.
"""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QFileSystemWatcher, QSettings, QTimer
from PySide6.QtGui import QIcon, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.errors import CartrefError, KBError
from desktop.kb.store import open_kb
from desktop.ui.reader.reader import ReaderView
from desktop.ui.reader.render import split_link
from desktop.ui.reader.search_controller import SearchController
from desktop.ui.shell import access, fonts, theme
from desktop.ui.shell.context import AppContext
from desktop.ui.shell.i18n import Translations, format_date, normalise
from desktop.ui.shell.kb_check import BackgroundCheck
from desktop.ui.shell.menus import Menus
from desktop.ui.shell.navigation import History
from desktop.ui.shell.views import FACTORIES, NAV_ORDER, share_bookmarks, subscribe
from desktop.userdata import history as user_history

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import (
        QCloseEvent,
        QDragEnterEvent,
        QDropEvent,
        QShowEvent,
        QWindow,
    )
    from PySide6.QtWidgets import QLineEdit

    from desktop.kb.store import KnowledgeBase, OpenedKB
    from desktop.ui.reader.render import Page
    from desktop.ui.reader.search_panel import SearchPanel
    from desktop.ui.shell.requests import HandoutRequest

PACK_SUFFIXES = (".cartpack", ".zip")


def settings_for_user() -> QSettings:
    """Settings live beside the user database (so `$CARTREF_HOME` isolates them too)."""
    return QSettings(str(paths.user_dir() / "settings.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    def __init__(self, opened: OpenedKB, user_db: sqlite3.Connection, *, settings: QSettings | None = None,
                 translations: Translations | None = None, lang: str | None = None, user_notice: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else settings_for_user()
        self.translations = translations if translations is not None else Translations()
        self.context = AppContext(opened.kb, user_db, lang=normalise(lang or str(self.settings.value("language", "en"))),
                                  kb_notice=opened.notice, translations=self.translations, settings=self.settings,
                                  parent=self)
        self.context.openRequested.connect(self.navigate)
        self.context.handoutRequested.connect(self.open_handout)
        self.theme_name = str(self.settings.value("theme", "system"))
        self.history = History()
        self.current = ""
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        icon = paths.resource_path("icons", "cartref.png")
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))

        # -- top bar: back, forward, search --------------------------------------------------
        self.search = SearchController(self.context, self)
        self.search.activated.connect(self._show_search)
        self.search.dismissed.connect(self._hide_search)
        self.search.openRequested.connect(self._open_search_hit)
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
        self.top_bar.addWidget(self.search.field)
        # EN | 中文: always visible, each written in its own language, so a reader who does not
        # read the current one still finds theirs (D32). The View menu keeps the same choice.
        self.language_buttons: dict[str, QToolButton] = {}
        for code, short in (("en", "EN"), ("zh-Hans", "中文")):
            if code == "zh-Hans":
                bar_label = QLabel("|", self)
                bar_label.setObjectName("languageSeparator")
                self.top_bar.addWidget(bar_label)
            button = QToolButton(self)
            button.setObjectName(f"language_{code}")
            button.setText(short)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setChecked(code == self.lang)
            button.clicked.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_buttons[code] = button
            self.top_bar.addWidget(button)
        self.addToolBar(self.top_bar)  # the top area

        # -- navigation + pages -----------------------------------------------------------
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(150)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.nav.itemSelectionChanged.connect(self._nav_selected)  # a screen reader selects; it need not move the current row
        self.stack = QStackedWidget(self)
        self.stack.currentChanged.connect(self._page_changed)
        # The pages sit in a scroll area under a heading: a view larger than the window (200 %
        # text, a 1024x768 screen) scrolls instead of pushing the window past the screen (D16).
        # The heading is shown for views that have none of their own; the keyboard lands on it.
        self.page_heading = access.make_heading(QLabel(self))
        self.page_heading.setObjectName("pageHeading")
        heading_font = self.page_heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.page_heading.setFont(heading_font)
        self.page_heading.hide()
        page = QWidget(self)
        page.setObjectName("pageContainer")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.page_heading)
        page_layout.addWidget(self.stack, 1)
        self.page_area = QScrollArea(self)
        self.page_area.setObjectName("pageArea")
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        access.set_focus_policy(self.page_area, access.NO_FOCUS)
        self.page_area.setWidget(page)
        # Horizontal is the default; the parent goes by keyword, as QSplitter(parent) would
        # first try QSplitter(Qt.Orientation) and so build the Qt namespace.
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.page_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 900])
        self.setCentralWidget(self.splitter)

        self.reader = subscribe(ReaderView(self.kb, self.lang, user_db, self), self.context)
        share_bookmarks(self.reader, self.context)
        self.reader.pageShown.connect(self._page_shown)
        access.make_heading(self.reader.title_label)
        self.reader.note_edit.setTabChangesFocus(True)  # its only text area (free_tab_key would build the Qt namespace)
        QWidget.setTabOrder(self.nav, self.page_heading)  # Tab from the navigation: the page's heading
        QWidget.setTabOrder(self.page_heading, self.reader.title_label)
        self.set_dark(False)  # app start-up or set_theme switch this for dark palettes
        # Views are built the first time they are shown: start-up only pays for the reader.
        self.views: dict[str, QWidget] = {}
        self.reader.renderer.available_views = set(FACTORIES)
        self.stack.addWidget(self.reader)
        # The navigation key of each row of `nav`, in order.
        self.nav_keys = [key for key in NAV_ORDER if key == "home" or key in FACTORIES]
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

        self._menus = Menus(self)
        self.menus = self._menus.menus
        self.actions_by_name = self._menus.actions
        self._checks: list[BackgroundCheck] = []  # whole-file KB checks to stop at quit
        self.watcher = QFileSystemWatcher(self)
        self._watch_installed_kb()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(400)
        self._reload_timer.timeout.connect(self.reload_kb)
        # old installed KB files that could not be deleted last time (open elsewhere on Windows):
        # tried again a little after start, off the first frame's path
        self._tidy_timer = QTimer(self)
        self._tidy_timer.setSingleShot(True)
        self._tidy_timer.setInterval(3000)
        self._tidy_timer.timeout.connect(self._tidy_installed)
        self._tidy_timer.start()
        self._filtered_window: QWindow | None = None

        self.retranslate()
        self._update_status()
        self._restore_settings()

    # -- what the context holds ---------------------------------------------------------------
    @property
    def kb(self) -> KnowledgeBase:
        return self.context.kb

    @property
    def kb_notice(self) -> str | None:
        return self.context.kb_notice

    @property
    def user_db(self) -> sqlite3.Connection:
        return self.context.user_db

    @property
    def lang(self) -> str:
        return self.context.lang

    # -- views ----------------------------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view for a navigation key, built (and subscribed to the context) the first time."""
        found = self.views.get(key)
        if found is not None:
            return found
        view = FACTORIES[key](self.context, self)
        self.views[key] = view
        heading = self.own_heading(view)
        if heading is not None:
            access.make_heading(heading)
            QWidget.setTabOrder(self.page_heading, heading)
        access.free_tab_key(view)
        access.size_by_shown_tab(view)
        self.stack.addWidget(view)
        return view

    @staticmethod
    def own_heading(view: QWidget | None) -> QLabel | None:
        """The heading a view shows itself (`heading`, or the reader's title), if it has one."""
        for name in ("heading", "title", "title_label"):
            found = getattr(view, name, None)
            if isinstance(found, QLabel):
                return found
        return None

    def shown_view(self) -> QWidget | None:
        """The page the stack shows (the reader, a view, or the search panel)."""
        return self.stack.currentWidget()

    def heading(self) -> QLabel:
        """The heading of the page shown: its own, or the window's (for views without one)."""
        own = self.own_heading(self.stack.currentWidget())
        return own if own is not None else self.page_heading

    def _page_changed(self, index: int) -> None:
        """Only the page shown counts for the window's minimum size (a hidden wide view must
        not make the reader scroll sideways), and the window's heading names views without one."""
        shown = self.stack.widget(index)
        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            if page.sizePolicy().horizontalPolicy() != policy:
                page.setSizePolicy(policy, policy)
        self._update_page_heading()
        focus = QApplication.focusWidget()
        if shown is not None and focus is not None and not focus.isVisible():
            self.heading().setFocus()  # the focus was on the page just hidden: the keyboard lands on the heading

    def _update_page_heading(self) -> None:
        shown = self.stack.currentWidget()
        needs = shown is not None and shown is not self.reader and self.own_heading(shown) is None \
            and self.current.startswith("view:") and not (self.search.built and shown is self.search.panel)
        if needs:
            self.page_heading.setText(self._nav_label(self.current[5:]))
        self.page_heading.setVisible(needs)

    # -- navigation -----------------------------------------------------------------------
    def navigate(self, location: str, *, record: bool = True) -> None:
        """Go to a page link (`therapy:x`) or a view (`view:compare`); records history."""
        location = location.strip()
        kind, ref = split_link(location)
        if kind == "home":
            location, kind, ref = "view:home", "view", "home"
        if kind == "view" and ref != "home" and ref not in FACTORIES:
            return
        if kind not in ("view", "article", "therapy", "trial", "outcome", "glossary", "center", "source"):
            return
        self._show_location(location)
        if record:
            self.history.push(location)
        self._update_history_buttons()

    def _show_location(self, location: str) -> None:
        kind, ref = split_link(location)
        self.current = location
        nav_key = ref if kind == "view" else self._nav_key_for(kind)
        if kind == "view" and ref != "home":
            self.stack.setCurrentWidget(self.view(ref))
            self._update_page_heading()
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

    def _nav_selected(self) -> None:
        selected = self.nav.selectedItems()
        if selected and selected[0] is not self.nav.currentItem():
            self.nav.setCurrentItem(selected[0])

    def go_back(self) -> None:
        location = self.history.back()
        if location is not None:
            self._show_location(location)
            self._update_history_buttons()

    def go_forward(self) -> None:
        location = self.history.forward()
        if location is not None:
            self._show_location(location)
            self._update_history_buttons()

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(self.history.can_go_back())
        self.forward_button.setEnabled(self.history.can_go_forward())
        self._menus.enable("back", self.back_button.isEnabled())
        self._menus.enable("forward", self.forward_button.isEnabled())

    def _page_shown(self, page: Page) -> None:
        shown = self.tr("CAR-T Reference")
        self.setWindowTitle(f'{page.title} — {shown}')
        if page.found and page.bookmarkable:
            with contextlib.suppress(sqlite3.Error):  # history is a convenience; never break reading
                user_history.record(self.user_db, page.link, page.title)

    # -- search (the SearchController's; the window shows its panel) ------------------------
    @property
    def search_field(self) -> QLineEdit:
        return self.search.field

    @property
    def search_panel(self) -> SearchPanel:
        return self.search.panel

    def focus_search(self) -> None:
        self.search.focus()

    def _show_search(self) -> None:
        panel = self.search.panel
        if self.stack.indexOf(panel) < 0:
            self.stack.addWidget(panel)
        self.stack.setCurrentWidget(panel)
        self._select_nav("")

    def _hide_search(self) -> None:
        if self.search.built and self.stack.currentWidget() is self.search.panel:
            location = self.history.current
            if location is not None:
                self._show_location(location)
            else:
                self.navigate("view:home")

    def _open_search_hit(self, link: str) -> None:
        self.navigate(link)
        self.reader.browser.setFocus()

    # -- language, theme, zoom ------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        self.context.set_language(lang)  # translators, then every subscribed view
        self.settings.setValue("language", self.lang)
        self.retranslate()
        self._menus.check(f"lang:{self.lang}")
        button = self.language_buttons.get(self.lang)
        if button is not None:
            button.setChecked(True)

    def set_theme(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            effective = theme.apply_theme(app, name)
            self.set_dark(effective in ("dark", "high-contrast"))
        self.theme_name = name
        self.settings.setValue("theme", name)
        self._menus.check(f"theme:{name}")

    def set_dark(self, dark: bool) -> None:
        """Match the reading pane and the toolbar glyphs to a dark or light palette."""
        self.reader.set_dark(dark)
        tone = "light" if dark else "dark"
        for button, name in ((self.back_button, "go-back"), (self.forward_button, "go-forward"),
                             (self.home_button, "go-home")):
            button.setIcon(QIcon(str(paths.resource_path("icons", f"{name}-{tone}.png"))))

    def set_zoom(self, percent: int, *, announce: bool = True) -> int:
        """One text size for the whole window (View > Text size, Ctrl+= / Ctrl+- / Ctrl+0): the
        application font, so menus, navigation, lists, tables, forms and the reading pane all
        follow it (D13); remembered between runs."""
        value = fonts.apply_text_size(percent)
        self.reader.set_zoom(value)
        self._fit_navigation()
        self.settings.setValue("textSize", value)
        if announce:
            message = self.tr("Text size {0}%").format(value)
            self.statusBar().showMessage(message, 2000)
            access.announce(self.statusBar(), message)
        return value

    def text_size(self) -> int:
        return fonts.text_size()

    def _fit_navigation(self) -> None:
        """Widen the navigation when larger text would cut its labels (up to a third of the window)."""
        need = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + self.nav.verticalScrollBar().sizeHint().width()
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[0] < need:
            total = sum(sizes)
            first = min(need, max(sizes[0], total // 3))
            self.splitter.setSizes([first, total - first])

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
        old = self.kb
        self.set_kb(opened.kb, opened.notice, announce=opened.installed_problem is None)
        if opened.unchecked:  # a new file: read it all on a worker thread, as at start-up
            self.watch_check(BackgroundCheck(opened.kb.path).start())
        self._retire(old)
        return True

    def _retire(self, old: KnowledgeBase) -> None:
        """Close a KB the window no longer shows, then delete the installed files nobody needs.

        Each installed KB has a file of its own (kb.installed): an update never touches the one
        open here, but on Windows an open file cannot be deleted, so holding an old one would
        keep it on disk. A worker still running (a handout batch) may be reading it: it is
        closed when the last such worker ends.
        """
        from desktop.ui.shell.tasks import Task

        # a KB check reads its file through a connection of its own, never this object
        running = [t for t in self.findChildren(Task) if t.is_running() and not isinstance(t.parent(), BackgroundCheck)]
        left = [len(running)]

        def one_ended() -> None:
            left[0] -= 1
            if left[0] == 0:
                old.close()
                self._tidy_installed()

        if not running:
            old.close()
            self._tidy_installed()
        for task in running:
            task.on_finished(one_ended)

    def _tidy_installed(self) -> None:
        """Delete installed KB files no longer current or previous (a pack command does it too;
        a file still open elsewhere is left for next time). Quiet: never an error."""
        from desktop.kb.installed import unused_files

        if not unused_files():
            return
        from desktop.packs.apply import recover

        with contextlib.suppress(CartrefError, OSError):
            recover(quiet=True)

    def watch_check(self, check: BackgroundCheck) -> None:
        """Own a running whole-file check of the KB in use and act if it fails."""
        check.setParent(self)
        check.on_failure(self.kb_check_failed)
        self._checks.append(check)

    def kb_check_failed(self, reason: str) -> None:
        """The KB this window opened on failed its whole-file check (kb_check): use the next
        sound one with a notice, as start-up does, or say that nothing usable is left."""
        try:
            opened = open_kb(skip=(self.kb.path,), skip_reason=reason)
        except KBError as exc:
            from PySide6.QtWidgets import QMessageBox  # a rare path: start-up need not load it

            QMessageBox.critical(self, self.tr("No knowledge base"),
                                 self.tr("The program cannot go on without its knowledge base: {0}").format(exc))
            self.close()
            return
        failed = self.kb
        # a fallback, not an update: no "updated to" message, which would also hide the notice (F24)
        self.set_kb(opened.kb, opened.notice or reason, announce=False)
        failed.close()

    def set_kb(self, kb: KnowledgeBase, notice: str | None = None, *, announce: bool = True) -> None:
        self.context.set_kb(kb, notice)  # every subscribed view shows the new KB
        self._update_status()
        if announce:
            self.statusBar().showMessage(self.tr("Knowledge base updated to {0}").format(kb.meta().kb_version), 5000)
        else:
            self.statusBar().clearMessage()

    def _update_status(self) -> None:
        meta = self.kb.meta()
        self.kb_label.setText(self.tr("Knowledge base {0} · content date {1}").format(meta.kb_version, format_date(meta.content_date, self.lang)))
        self.kb_label.setToolTip(self.tr("Content hash {0}; file {1}").format(meta.short_hash, self.kb.path))
        notices = [n for n in (self.kb_notice, self.user_notice) if n]
        self.notice_label.setText(" ".join(notices))
        self.notice_label.setToolTip("\n".join(notices))
        self.notice_label.setVisible(bool(notices))

    # -- packs ----------------------------------------------------------------------------
    def import_pack(self, path: str | None = None) -> bool:
        from desktop.ui.views.pack_import import import_pack

        ok = import_pack(self, path, lang=self.lang)
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

    # -- requests between views -------------------------------------------------------------
    def open_handout(self, request: HandoutRequest) -> None:
        """AppContext.handoutRequested: show the handouts view and give it the request
        (a centre from the centres view, a calendar to print from the calendar view)."""
        from desktop.ui.views.handouts_view import HandoutsView

        self.navigate("view:handouts")
        handouts = self.view("handouts")
        if isinstance(handouts, HandoutsView):
            handouts.take_request(request)

    def export_comparison(self) -> None:
        from desktop.ui.views.compare_view import CompareView

        self.navigate("view:compare")
        view = self.view("compare")
        if isinstance(view, CompareView):
            view.export_dialog()

    # -- offline feedback -----------------------------------------------------------------
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

    # -- mouse and keys -------------------------------------------------------------------
    def toggle_bookmark(self) -> None:
        if self.stack.currentWidget() is self.reader and self.reader.bookmark_button.isEnabled():
            self.reader.bookmark_button.click()

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
        self.search.retranslate()
        for button, text, keys in ((self.back_button, self.tr("Back"), "Alt+Left"),
                                   (self.forward_button, self.tr("Forward"), "Alt+Right"),
                                   (self.home_button, self.tr("Home"), "Alt+Home")):
            button.setToolTip(f"{text} ({keys})")
            button.setAccessibleName(text)
        self.top_bar.setWindowTitle(self.tr("Search bar"))
        # Both buttons say the same in both languages: whoever reads either finds the switch.
        for code, button in self.language_buttons.items():
            name = "English" if code == "en" else "中文（简体）"
            button.setToolTip(f"{name} — {self.tr('Language of the program')}")
            button.setAccessibleName(name)
            button.setAccessibleDescription(self.tr("Language of the program"))
        self._menus.retranslate()
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
        self.fit_screen()
        state = s.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = s.value("splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        try:  # "zoom" was the reading pane's own size before the whole window had one
            zoom = int(s.value("textSize", s.value("zoom", 100)))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            zoom = 100
        self.set_zoom(zoom, announce=False)  # nothing to redo when the size is already the one in use
        if self.lang != "en":
            self.set_language(self.lang)
        last = str(s.value("lastView", "view:home") or "view:home")
        self.navigate(last)
        if not self.current:
            self.navigate("view:home")

    def fit_screen(self) -> None:
        """Keep the window on the screen it opens on: the first launch's 1200x800 on a 1024x768
        screen, or a size saved on a larger one, is shrunk to the available area and moved in (D16)."""
        screen = self.screen()
        if screen is None:
            return
        area = screen.availableGeometry()
        if area.width() <= 0 or area.height() <= 0:
            return
        frame = self.frameGeometry()
        extra_w = max(0, frame.width() - self.width())  # the window manager's frame
        extra_h = max(0, frame.height() - self.height())
        width = min(self.width(), area.width() - extra_w)
        height = min(self.height(), area.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), area.left()), area.right() + 1 - width - extra_w)
        y = min(max(self.y(), area.top()), area.bottom() + 1 - height - extra_h)
        if (x, y) != (self.x(), self.y()):
            self.move(x, y)

    def save_settings(self) -> None:
        self.reader.save_note()
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("windowState", self.saveState())
        s.setValue("splitter", self.splitter.saveState())
        s.setValue("textSize", fonts.text_size())
        s.setValue("language", self.lang)
        s.setValue("theme", self.theme_name)
        s.setValue("lastView", self.current or "view:home")
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.stop_checks()
        super().closeEvent(event)

    def stop_checks(self) -> None:
        """Interrupt any whole-file KB check still running (at quit): it must not hold up the
        exit, and an interrupted check is simply run again at the next start. (A list, not
        findChildren: that would look up the Python type of every widget, ~24 M instructions.)"""
        checks, self._checks = self._checks, []
        for check in checks:
            check.stop()

