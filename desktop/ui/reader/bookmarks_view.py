"""Bookmarks, the user's notes and reading history, from the user database."""

from __future__ import annotations

import html
import sqlite3

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.roles import LINK_ROLE, SNIPPET_ROLE, TITLE_ROLE
from desktop.ui.reader.two_line_delegate import TwoLineDelegate
from desktop.userdata import bookmarks, history, notes


class BookmarksView(QWidget):
    openRequested = Signal(str)
    bookmarksChanged = Signal()

    def __init__(self, kb: KnowledgeBase, user_db: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.user_db = user_db
        self._problem: QLabel | None = None  # built when a change first fails to save
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.tabs = QTabWidget(self)
        self.bookmark_list = QListWidget(self)
        self.bookmark_list.setObjectName("bookmarkList")
        self.note_list = QListWidget(self)
        self.note_list.setObjectName("noteList")
        self.history_list = QListWidget(self)
        self.history_list.setObjectName("historyList")
        for lst in (self.bookmark_list, self.note_list, self.history_list):
            lst.itemActivated.connect(self._open)
            lst.setUniformItemSizes(True)
            lst.setItemDelegate(TwoLineDelegate(lst))  # title + muted detail line, like search results
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeBookmark")
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_history_button = QPushButton(self)
        self.clear_history_button.clicked.connect(self._clear_history)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.bookmark_list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        self.bookmarks_empty = QLabel(self)  # how to add one, while there is none (review D33)
        self.bookmarks_empty.setObjectName("bookmarksEmpty")
        self.bookmarks_empty.setWordWrap(True)
        self.notes_empty = QLabel(self)
        self.notes_empty.setObjectName("notesEmpty")
        self.notes_empty.setWordWrap(True)
        bm_page = QWidget(self)
        bm_layout = QVBoxLayout(bm_page)
        bm_layout.addWidget(self.bookmarks_empty)
        bm_layout.addWidget(self.bookmark_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        bm_layout.addLayout(row)
        hist_page = QWidget(self)
        hist_layout = QVBoxLayout(hist_page)
        hist_layout.addWidget(self.history_list, 1)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.clear_history_button)
        hist_layout.addLayout(row2)
        notes_page = QWidget(self)
        notes_layout = QVBoxLayout(notes_page)
        notes_layout.addWidget(self.notes_empty)
        notes_layout.addWidget(self.note_list, 1)
        self.tabs.addTab(bm_page, "")
        self.tabs.addTab(notes_page, "")
        self.tabs.addTab(hist_page, "")
        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.reload()

    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.reload()

    def set_language(self, _lang: str) -> None:
        self.retranslate()
        self.reload()

    def bookmarks_changed_by(self, source: object) -> None:
        """Bookmarks changed (AppContext.bookmarksChanged): show them, unless this view changed them."""
        if source is not self:
            self.reload()

    def reload(self) -> None:
        try:
            self._fill()
        except sqlite3.Error as exc:  # unreadable (locked, newer): show what was read and why
            self._show_problem(self.tr("Your bookmarks and notes cannot be shown now: {0}").format(self._reason(exc)))
        self.remove_button.setEnabled(self.bookmark_list.count() > 0)
        self.bookmarks_empty.setVisible(self.bookmark_list.count() == 0)
        self.notes_empty.setVisible(self.note_list.count() == 0)
        if self.bookmark_list.count() and self.bookmark_list.currentRow() < 0:
            self.bookmark_list.setCurrentRow(0)

    def _fill(self) -> None:
        self.bookmark_list.clear()
        self.note_list.clear()
        self.history_list.clear()
        for b in bookmarks.list_all(self.user_db):
            item = self._item(b.title or b.link, f"{self._kind_label(b.kind)} · {b.created_at[:10]}")
            item.setData(LINK_ROLE, b.link)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, b.title or b.link)
            self.bookmark_list.addItem(item)
        for n in notes.list_all(self.user_db):
            first = n.text.strip().splitlines()[0] if n.text.strip() else ""
            item = self._item(first[:200], f"{n.link} · {n.updated_at[:10]}")
            item.setData(LINK_ROLE, n.link)
            self.note_list.addItem(item)
        for v in history.recent(self.user_db, 200):
            item = self._item(v.title or v.link, v.visited_at[:16].replace("T", " "))
            item.setData(LINK_ROLE, v.link)
            self.history_list.addItem(item)

    def _reason(self, exc: sqlite3.Error) -> str:
        from desktop.userdata.db import write_problem

        return str(write_problem(self.user_db, exc))

    @property
    def problem(self) -> str:
        """Why the last change was not saved (or the lists cannot be read); "" when all is well."""
        return self._problem.text() if self._problem is not None and not self._problem.isHidden() else ""

    def _show_problem(self, message: str | None) -> None:
        if message is None:
            if self._problem is not None:
                self._problem.hide()
            return
        if self._problem is None:
            self._problem = QLabel(self)
            self._problem.setObjectName("saveProblem")
            self._problem.setWordWrap(True)
            self._problem.setProperty("tone", "error")  # its colour follows the theme (theme.py)
            self._layout.insertWidget(1, self._problem)
        self._problem.setText(message)
        self._problem.setAccessibleName(message)
        self._problem.show()

    @staticmethod
    def _item(title: str, detail: str) -> QListWidgetItem:
        item = QListWidgetItem(f"{title}\n{detail}")
        item.setData(TITLE_ROLE, title)
        item.setData(SNIPPET_ROLE, html.escape(detail))
        return item

    def links(self) -> list[str]:
        return [str(self.bookmark_list.item(i).data(LINK_ROLE)) for i in range(self.bookmark_list.count())]

    def remove_selected(self) -> None:
        item = self.bookmark_list.currentItem()
        if item is None:
            return
        kind, _, ref = str(item.data(LINK_ROLE)).partition(":")
        try:
            bookmarks.remove(self.user_db, kind, ref)
        except sqlite3.Error as exc:  # still listed: a removal not saved never looks done
            self._show_problem(self.tr("Not saved: {0}").format(self._reason(exc)))
            return
        self._show_problem(None)
        self.reload()
        self.bookmarksChanged.emit()

    def _clear_history(self) -> None:
        try:
            history.clear(self.user_db)
        except sqlite3.Error as exc:
            self._show_problem(self.tr("Not saved: {0}").format(self._reason(exc)))
            return
        self._show_problem(None)
        self.reload()

    def _open(self, item: QListWidgetItem) -> None:
        link = item.data(LINK_ROLE)
        if link:
            self.openRequested.emit(str(link))

    def _kind_label(self, kind: str) -> str:
        return {"therapy": self.tr("Therapy"), "article": self.tr("Article"), "trial": self.tr("Trial"),
                "glossary": self.tr("Glossary"), "center": self.tr("Centre"), "outcome": self.tr("Trial result"),
                "source": self.tr("Source")}.get(kind, kind)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bookmarks"))
        self.tabs.setTabText(0, self.tr("Bookmarks"))
        self.tabs.setTabText(1, self.tr("My notes"))
        self.tabs.setTabText(2, self.tr("History"))
        self.remove_button.setText(self.tr("Remove bookmark"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected bookmark"))
        self.clear_history_button.setText(self.tr("Clear history"))
        self.clear_history_button.setAccessibleName(self.tr("Clear the reading history"))
        self.bookmark_list.setAccessibleName(self.tr("Bookmarked pages"))
        self.note_list.setAccessibleName(self.tr("Pages with your notes"))
        self.history_list.setAccessibleName(self.tr("Recently read pages"))
        self.tabs.setAccessibleName(self.tr("Bookmarks, notes and history"))
        self.bookmarks_empty.setText(self.tr("No bookmarks yet. To add one, open a page and press ☆ above it, or Ctrl+D."))
        self.notes_empty.setText(self.tr("No notes yet. To write one, open a page and press Note above it."))
