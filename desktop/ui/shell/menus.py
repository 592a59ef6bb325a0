"""The window's menu bar. Every shortcut is a menu action, so the menus list them all.

The texts stay in the "MainWindow" translation context, where they were written first.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from desktop.ui.shell import fonts, theme
from desktop.ui.shell.i18n import LANGUAGES

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from desktop.ui.shell.main_window import MainWindow


translate = QCoreApplication.translate  # called with the context written out, so lupdate finds the texts


class Menus:
    """Builds the menus on `window` and keeps them (`menus`) and their actions (`actions`) by name."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}
        self._build()

    def _action(self, name: str, slot: Callable[[], object], shortcuts: list[QKeySequence] | None = None,
                checkable: bool = False, data: str = "") -> QAction:
        action = QAction(self.window)
        action.setObjectName(f"action_{name}")
        if shortcuts:
            unique = {k.toString(): k for k in shortcuts if not k.isEmpty()}  # standard keys may repeat ours
            action.setShortcuts(list(unique.values()))  # an action's shortcuts work in its whole window
        action.setCheckable(checkable)
        if data:
            action.setData(data)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.actions[name] = action
        return action

    def _build(self) -> None:
        w = self.window
        bar = w.menuBar()
        file_menu = bar.addMenu("")
        file_menu.addAction(self._action("import", lambda: w.import_pack(None)))
        file_menu.addAction(self._action("export_csv", w.export_comparison))
        file_menu.addSeparator()
        file_menu.addAction(self._action("quit", w.close, [QKeySequence(QKeySequence.StandardKey.Quit)]))
        go_menu = bar.addMenu("")
        go_menu.addAction(self._action("back", w.go_back, [QKeySequence("Alt+Left"), QKeySequence(QKeySequence.StandardKey.Back)]))
        go_menu.addAction(self._action("forward", w.go_forward, [QKeySequence("Alt+Right"), QKeySequence(QKeySequence.StandardKey.Forward)]))
        go_menu.addAction(self._action("home", lambda: w.navigate("view:home"), [QKeySequence("Alt+Home")]))
        go_menu.addAction(self._action("search", w.focus_search, [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")]))
        go_menu.addAction(self._action("bookmark", w.toggle_bookmark, [QKeySequence("Ctrl+D")]))
        view_menu = bar.addMenu("")
        # One text size for the whole window (fonts.apply_text_size), not only the reading pane (D13)
        size_menu = view_menu.addMenu("")
        size_menu.addAction(self._action("zoom_in", lambda: w.set_zoom(fonts.text_size() + fonts.TEXT_STEP),
                                         [QKeySequence("Ctrl+="), QKeySequence("Ctrl++"), QKeySequence(QKeySequence.StandardKey.ZoomIn)]))
        size_menu.addAction(self._action("zoom_out", lambda: w.set_zoom(fonts.text_size() - fonts.TEXT_STEP),
                                         [QKeySequence("Ctrl+-"), QKeySequence(QKeySequence.StandardKey.ZoomOut)]))
        size_menu.addAction(self._action("zoom_reset", lambda: w.set_zoom(100), [QKeySequence("Ctrl+0")]))
        view_menu.addSeparator()
        lang_menu = view_menu.addMenu("")
        group = QActionGroup(w)
        for code, label in LANGUAGES:
            a = self._action(f"lang_{code}", functools.partial(w.set_language, code), checkable=True, data=f"lang:{code}")
            a.setText(label)
            group.addAction(a)
            lang_menu.addAction(a)
            a.setChecked(code == w.lang)
        theme_menu = view_menu.addMenu("")
        tgroup = QActionGroup(w)
        for name in theme.THEMES:
            a = self._action(f"theme_{name}", functools.partial(w.set_theme, name), checkable=True, data=f"theme:{name}")
            tgroup.addAction(a)
            theme_menu.addAction(a)
            a.setChecked(name == w.theme_name)
        help_menu = bar.addMenu("")
        help_menu.addAction(self._action("about", lambda: w.navigate("article:about")))
        help_menu.addSeparator()
        help_menu.addAction(self._action("report_problem", w.report_problem))
        help_menu.addAction(self._action("feedback_show", w.show_feedback))
        help_menu.addAction(self._action("feedback_export", w.export_feedback))
        self.menus = {"file": file_menu, "go": go_menu, "view": view_menu, "text_size": size_menu, "language": lang_menu,
                      "theme": theme_menu, "help": help_menu}

    def check(self, data: str) -> None:
        """Check the action whose data is `data` (`lang:zh-Hans`, `theme:dark`)."""
        for action in self.actions.values():
            if action.data() == data:
                action.setChecked(True)

    def enable(self, name: str, ok: bool) -> None:
        if name in self.actions:
            self.actions[name].setEnabled(ok)

    def retranslate(self) -> None:
        m = self.menus
        m["file"].setTitle(translate("MainWindow", "&File"))
        m["go"].setTitle(translate("MainWindow", "&Go"))
        m["view"].setTitle(translate("MainWindow", "&View"))
        m["text_size"].setTitle(translate("MainWindow", "Text &size"))
        m["language"].setTitle(translate("MainWindow", "&Language"))
        m["theme"].setTitle(translate("MainWindow", "&Theme"))
        m["help"].setTitle(translate("MainWindow", "&Help"))
        texts = {
            "import": translate("MainWindow", "Import update…"), "export_csv": translate("MainWindow", "Export comparison as CSV…"), "quit": translate("MainWindow", "Quit"),
            "back": translate("MainWindow", "Back"), "forward": translate("MainWindow", "Forward"), "home": translate("MainWindow", "Home"), "search": translate("MainWindow", "Search"),
            "bookmark": translate("MainWindow", "Bookmark this page"), "zoom_in": translate("MainWindow", "Larger text"), "zoom_out": translate("MainWindow", "Smaller text"),
            "zoom_reset": translate("MainWindow", "Actual size"), "theme_system": translate("MainWindow", "Follow the system (light or dark)"),
            "theme_light": translate("MainWindow", "Light"), "theme_dark": translate("MainWindow", "Dark"), "theme_high-contrast": translate("MainWindow", "High contrast"),
            "about": translate("MainWindow", "About CAR-T Reference"),
            "report_problem": translate("MainWindow", "Report a problem with this page…"),
            "feedback_show": translate("MainWindow", "Kept feedback (view or clear)…"),
            "feedback_export": translate("MainWindow", "Export feedback to a file…"),
        }
        for name, text in texts.items():
            if name in self.actions:
                self.actions[name].setText(text)
