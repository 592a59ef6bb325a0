"""Keyboard and screen-reader plumbing every view shares (issue 21: D11, D12, D21).

- `make_heading`: a view's heading label takes the keyboard focus, so Tab from the navigation
  lands on it and a screen reader reads where the user is.
- `free_tab_key`: Tab and Shift+Tab leave tables, lists and text areas (arrows still move
  inside a table; Ctrl+Tab still types a tab where one is wanted) instead of trapping the user.
- `announce`: tell a screen reader that a result changed (a grade, a search's count) without
  moving the focus: the status label's accessible description changes and, where the platform
  supports it, an announcement event is sent (AT-SPI's Announcement on Linux).

Focus policies are set through the property system with plain ints: a call taking a
`Qt.FocusPolicy` would build PySide6's `Qt` namespace, which start-up does without (see
main_window's docstring).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

STRONG_FOCUS = 11  # Qt.FocusPolicy.StrongFocus (Tab and click)
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus


def set_focus_policy(widget: QWidget, policy: int) -> None:
    widget.setProperty("focusPolicy", policy)


def make_heading(label: QLabel) -> QLabel:
    """Let the keyboard land on a view's heading (its text is its accessible name), and let a
    screen reader know it is a heading (role Heading: a reader's "next heading" key finds it)."""
    set_focus_policy(label, STRONG_FOCUS)
    label.setProperty("viewHeading", True)  # the focus ring rule in theme.py and the factory below pick it out
    _install_heading_role()
    from PySide6.QtGui import QAccessible

    if QAccessible.isActive():  # an interface made before (as static text) is dropped: the next one is a heading
        made = QAccessible.queryAccessibleInterface(label)
        if made is not None and made.role() != QAccessible.Role.Heading:
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))
    return label


_heading_factory_installed = False


def _install_heading_role() -> None:
    """Qt gives every label the role "static text"; a view's heading gets the role Heading.

    The factory is asked only when an assistive technology queries an object, never at start-up."""
    global _heading_factory_installed
    if _heading_factory_installed:
        return
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAccessibleWidget, QLabel

    class HeadingAccessible(QAccessibleWidget):
        def text(self, t: QAccessible.Text) -> str:
            widget = self.widget()
            if t == QAccessible.Text.Name and isinstance(widget, QLabel):
                return widget.accessibleName() or plain(html.unescape(re.sub(r"<[^>]*>", "", widget.text())))
            return str(super().text(t))

    def factory(_key: str, obj: object) -> QAccessibleWidget | None:
        if isinstance(obj, QLabel) and obj.property("viewHeading"):
            return HeadingAccessible(obj, QAccessible.Role.Heading)
        return None

    QAccessible.installFactory(factory)
    _heading_factory_installed = True


def plain(text: str) -> str:
    """A label's text without its mnemonic ("&Paper" and "纸张(&P)" -> "Paper", "纸张"), for an accessible name."""
    return re.sub(r"\(&[^&\s]\)|&(?=[^&\s])", "", text).replace("&&", "&")


def free_tab_key(root: QWidget) -> None:
    """Tab moves on from every table, list and editable text area under `root` (D11)."""
    from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit

    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for edit in root.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)
    for text in root.findChildren(QTextEdit):
        text.setTabChangesFocus(True)
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea, QWidget

    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if inner is not None and any(w.focusPolicy() != Qt.FocusPolicy.NoFocus for w in inner.findChildren(QWidget)):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds, and it scrolls to show it


def size_by_shown_tab(root: QWidget) -> None:
    """Only the tab shown counts for a tab widget's minimum size (as the window does for its
    pages): a wide tool on a hidden tab must not make every other tab scroll sideways (D16)."""
    from PySide6.QtWidgets import QSizePolicy, QTabWidget

    def follow(tabs: QTabWidget) -> None:
        shown = tabs.currentWidget()
        for i in range(tabs.count()):
            page = tabs.widget(i)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is shown else QSizePolicy.Policy.Ignored
            if page.sizePolicy().horizontalPolicy() != policy:
                page.setSizePolicy(policy, policy)

    for tabs in root.findChildren(QTabWidget):
        if tabs.property("sizedByShownTab"):
            continue
        tabs.setProperty("sizedByShownTab", True)
        tabs.currentChanged.connect(lambda _i, t=tabs: follow(t))
        follow(tabs)


def announce(widget: QWidget, text: str) -> None:
    """Say `text` about `widget` to a screen reader, keeping the focus where it is.

    The description is the lasting part (a reader asked later finds it there); the
    announcement event is only built when an assistive technology is listening."""
    if widget.accessibleDescription() != text:
        widget.setAccessibleDescription(text)  # sends DescriptionChanged itself
    from PySide6.QtGui import QAccessible

    if not QAccessible.isActive():
        return
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
