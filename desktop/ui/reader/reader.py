"""The reading pane: one QTextBrowser showing rendered KB pages, with citations, glossary
tooltips, zoom, a bookmark toggle and the user's own note on the page.

The reader does not keep history itself (the window's history also covers list views); it
emits `linkActivated` for every link that leaves the page and handles `cite:` links itself
by showing the full reference in the bar under the text.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, QTimer, Signal
from PySide6.QtGui import QCursor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.reader.render import WORD_JOINER, PageRenderer, esc, split_link
from desktop.userdata import bookmarks, notes

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from desktop.kb.store import KnowledgeBase
    from desktop.ui.reader.render import Page

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


class _Browser(QTextBrowser):
    """QTextBrowser that shows glossary definitions and references as tooltips on hover."""

    def __init__(self, reader: ReaderView) -> None:
        super().__init__(reader)
        self._reader = reader

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copied text without the invisible word joiners that keep Chinese words whole on screen."""
        data = super().createMimeDataFromSelection()
        if WORD_JOINER in data.text():
            plain = data.text().replace(WORD_JOINER, "")
            data = QMimeData()
            data.setText(plain)
        return data

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            pos = self.viewport().mapFromGlobal(QCursor.pos())
            anchor = self.anchorAt(pos)
            text = self._reader.tooltip_for(anchor) if anchor else ""
            if text:
                QToolTip.showText(QCursor.pos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


class ReaderView(QWidget):
    openRequested = Signal(str)
    """A link that leaves this page (another page, a view)."""
    pageShown = Signal(object)
    """The Page now shown (title for the window, bookmark state)."""
    bookmarksChanged = Signal()
    saveFailed = Signal(str)
    """A bookmark or note change was not saved (full disk, lock, read-only): the one-line reason."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en", user_db: sqlite3.Connection | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = PageRenderer(kb, lang, parent=self)
        self.user_db = user_db
        self.page: Page | None = None
        self.zoom = 100
        self.last_tooltip = ""
        self._base_point_size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10.0

        self.browser = _Browser(self)
        self.browser.setObjectName("readingPane")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        self.browser.highlighted.connect(self._on_highlighted)
        self.browser.setSearchPaths([str(p) for p in self._figure_paths()])

        self.bookmark_button = QToolButton(self)
        self.bookmark_button.setCheckable(True)
        self.bookmark_button.setObjectName("bookmarkButton")
        self.bookmark_button.clicked.connect(self._toggle_bookmark)
        self.note_button = QToolButton(self)
        self.note_button.setCheckable(True)
        self.note_button.setObjectName("noteButton")
        self.note_button.toggled.connect(self._show_note_editor)
        self.title_label = QLabel(self)  # the page's own heading below it is the selectable copy

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title_label, 1)
        bar.addWidget(self.note_button)
        bar.addWidget(self.bookmark_button)

        self._reference_bar: QLabel | None = None  # built when the first citation is clicked
        self._save_label: QLabel | None = None  # built when a save first fails
        self._unsaved_notes: dict[str, str] = {}  # link -> note text not yet saved (kept, retried)

        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("noteEditor")
        self.note_edit.setMaximumHeight(120)
        self.note_edit.hide()
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(400)
        self._note_timer.timeout.connect(self.save_note)
        self.note_edit.textChanged.connect(self._note_timer.start)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.browser, 1)
        self._layout.addWidget(self.note_edit)
        self._apply_style()
        self.retranslate()

    # -- public API ---------------------------------------------------------------------
    @property
    def kb(self) -> KnowledgeBase:
        return self.renderer.kb

    @property
    def reference_bar(self) -> QLabel:
        """The full reference of the citation last clicked, under the text (Esc hides it).

        Built on first use: it needs PySide6's `Qt` namespace, which start-up does without."""
        if self._reference_bar is None:
            from PySide6.QtCore import Qt

            bar = QLabel(self)
            bar.setObjectName("referenceBar")
            bar.setWordWrap(True)
            bar.setTextFormat(Qt.TextFormat.RichText)
            bar.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            bar.setAccessibleName(self.tr("Reference"))
            bar.linkActivated.connect(self._on_bar_link)
            bar.hide()
            self._layout.insertWidget(self._layout.indexOf(self.browser) + 1, bar)
            hide = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.browser)
            hide.setContext(Qt.ShortcutContext.WidgetShortcut)
            hide.activated.connect(bar.hide)
            self._reference_bar = bar
        return self._reference_bar

    def _hide_reference(self) -> None:
        if self._reference_bar is not None:
            self._reference_bar.hide()

    def open(self, link: str) -> Page:
        """Render and show a page (no history: the window keeps it)."""
        self.save_note()
        kind, ref = split_link(link)
        fragment = ""
        if "#" in ref:
            ref, fragment = ref.split("#", 1)
            link = f"{kind}:{ref}"
        page = self.renderer.render(link)
        self.page = page
        self._hide_reference()
        self.browser.setHtml(page.html)
        if fragment:
            self.browser.scrollToAnchor(fragment)
        self.title_label.setText(f"<b>{esc(page.title)}</b>")
        self._load_page_userdata()
        self.pageShown.emit(page)
        return page

    def bookmarks_changed_by(self, source: object) -> None:
        """Bookmarks changed (AppContext.bookmarksChanged): show them, unless this view changed them."""
        if source is not self:
            self.reload()

    def reload(self) -> None:
        if self.page is not None:
            bar = self.browser.verticalScrollBar().value()
            self.open(self.page.link)
            self.browser.verticalScrollBar().setValue(bar)

    def set_kb(self, kb: KnowledgeBase) -> None:
        self.renderer.set_kb(kb)
        self.reload()

    def set_language(self, lang: str) -> None:
        self.renderer.set_language(lang)
        self.reload()

    def set_dark(self, dark: bool) -> None:
        self.renderer.dark = dark
        self._apply_style()
        self.reload()

    def set_zoom(self, percent: int) -> int:
        """The text size the window set (percent). The pane's font follows the application
        font, which the window scales for every view (View > Text size); a reader shown on
        its own (no window) scales its pane itself."""
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, int(percent)))
        if self.window() is self:
            font = QFont(self.browser.font())
            font.setPointSizeF(self._base_point_size * self.zoom / 100)
            self.browser.setFont(font)
        return self.zoom

    def zoom_in(self) -> int:
        return self.set_zoom(self.zoom + ZOOM_STEP)

    def zoom_out(self) -> int:
        return self.set_zoom(self.zoom - ZOOM_STEP)

    def tooltip_for(self, link: str) -> str:
        audience = self.page.audience if self.page and self.page.audience else "patient"
        return self.renderer.tooltip_for(link, audience)

    def show_reference(self, source_id: str) -> None:
        src = self.kb.source(source_id)
        if src is None:
            return
        n = ""
        if self.page is not None:
            # the number shown in the text, from the references list order
            import re

            m = re.search(r'name="ref-' + re.escape(esc(source_id)) + r'"></a>\[(\d+)\]', self.page.html)
            n = f"[{m.group(1)}] " if m else ""
        more = self.tr("details")
        self.reference_bar.setText(f'{esc(n)}{esc(src.citation)} <a href="source:{esc(source_id)}">{esc(more)}</a>')
        self.reference_bar.setAccessibleDescription(src.citation)
        self.reference_bar.show()

    # -- user data ----------------------------------------------------------------------
    def _load_page_userdata(self) -> None:
        page = self.page
        can_mark = bool(page and page.bookmarkable and self.user_db is not None)
        self.bookmark_button.setEnabled(can_mark)
        self.note_button.setEnabled(can_mark)
        marked, note_text = False, None
        if can_mark and page is not None and self.user_db is not None:
            try:
                marked = bookmarks.exists(self.user_db, page.kind, page.ref)
                note = notes.get(self.user_db, page.link)
                note_text = note.text if note else None
            except sqlite3.Error as exc:  # an unreadable file (newer, locked): read nothing, say why
                self._show_save_problem(exc)
            if page.link in self._unsaved_notes:
                note_text = self._unsaved_notes[page.link]  # typed but not saved yet: never lose it
        self.bookmark_button.setChecked(marked)
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(note_text or "")
        self.note_edit.blockSignals(False)
        self.note_button.blockSignals(True)
        self.note_button.setChecked(note_text is not None)
        self.note_button.blockSignals(False)
        self.note_edit.setVisible(note_text is not None)
        self._update_bookmark_label()

    def _toggle_bookmark(self) -> None:
        if self.page is None or self.user_db is None or not self.page.bookmarkable:
            return
        wanted = self.bookmark_button.isChecked()
        try:
            if wanted:
                bookmarks.add(self.user_db, self.page.kind, self.page.ref, self.page.title)
            else:
                bookmarks.remove(self.user_db, self.page.kind, self.page.ref)
        except sqlite3.Error as exc:
            self.bookmark_button.setChecked(not wanted)  # a change not saved never looks saved
            self._update_bookmark_label()
            self._show_save_problem(exc)
            return
        self._show_save_problem(None)
        self._update_bookmark_label()
        self.bookmarksChanged.emit()

    def is_bookmarked(self) -> bool:
        return self.bookmark_button.isChecked()

    def _show_note_editor(self, on: bool) -> None:
        self.note_edit.setVisible(on)
        if on:
            self.note_edit.setFocus()

    def save_note(self) -> bool:
        """Save the note being edited; False (with the reason shown) when it could not be saved."""
        self._note_timer.stop()
        if self.page is None or self.user_db is None or not self.page.bookmarkable:
            return True
        link, text = self.page.link, self.note_edit.toPlainText()
        try:
            existing = notes.get(self.user_db, link)
            if (existing.text if existing else "") != text:
                notes.save(self.user_db, link, text)
        except sqlite3.Error as exc:
            self._unsaved_notes[link] = text  # kept in memory and shown again; saved by the next edit
            self._show_save_problem(exc)
            return False
        self._unsaved_notes.pop(link, None)
        self._show_save_problem(None)
        return True

    @property
    def save_problem(self) -> str:
        """The reason the last change was not saved, shown under the page; "" when all is saved."""
        return self._save_label.text() if self._save_label is not None and not self._save_label.isHidden() else ""

    def _show_save_problem(self, exc: sqlite3.Error | None) -> None:
        if exc is None:
            if self._save_label is not None and not self._unsaved_notes:
                self._save_label.hide()
            return
        from desktop.userdata.db import write_problem

        if self._save_label is None:
            self._save_label = QLabel(self)
            self._save_label.setObjectName("saveProblem")
            self._save_label.setWordWrap(True)
            self._save_label.setProperty("tone", "error")  # its colour follows the theme (theme.py)
            self._layout.insertWidget(1, self._save_label)
        message = self.tr("Not saved: {0}").format(write_problem(self.user_db, exc))
        self._save_label.setText(message)
        self._save_label.setAccessibleName(message)
        self._save_label.show()
        self.saveFailed.emit(message)

    # -- events -------------------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        link = url.toString()
        kind, ref = split_link(link)
        if link.startswith("#"):
            self.browser.scrollToAnchor(link[1:])
        elif kind == "cite":
            self.show_reference(ref)
        else:
            self.openRequested.emit(link)

    def _on_bar_link(self, link: str) -> None:
        self.openRequested.emit(link)

    def _on_highlighted(self, url: QUrl) -> None:
        """Hover or keyboard focus on a link: show what a glossary term or citation means."""
        link = url.toString()
        text = self.tooltip_for(link) if link else ""
        self.last_tooltip = text
        if not text:
            QToolTip.hideText()
            return
        if self.browser.viewport().underMouse():
            where = QCursor.pos()
        else:
            rect = self.browser.cursorRect(self.browser.textCursor())
            where = self.browser.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4))
        QToolTip.showText(where, text, self.browser)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()
        elif e.type() == QEvent.Type.PaletteChange:
            self._apply_style()
        super().changeEvent(e)

    def _apply_style(self) -> None:
        self.browser.document().setDefaultStyleSheet(self.renderer.style_sheet())

    def _update_bookmark_label(self) -> None:
        on = self.bookmark_button.isChecked()
        self.bookmark_button.setText("★" if on else "☆")
        tip = self.tr("Remove bookmark") if on else self.tr("Bookmark this page")
        self.bookmark_button.setToolTip(tip + " (Ctrl+D)")
        self.bookmark_button.setAccessibleName(tip)

    def retranslate(self) -> None:
        self.browser.setAccessibleName(self.tr("Reading pane"))
        self.note_button.setText(self.tr("Note"))
        self.note_button.setToolTip(self.tr("Your own note on this page (kept on this computer only)"))
        self.note_button.setAccessibleName(self.tr("Show or hide your note on this page"))
        self.note_edit.setAccessibleName(self.tr("Your note on this page"))
        self.note_edit.setPlaceholderText(self.tr("Your own note on this page. It is saved on this computer and never changes the reference."))
        if self._reference_bar is not None:
            self._reference_bar.setAccessibleName(self.tr("Reference"))
        self._update_bookmark_label()

    @staticmethod
    def _figure_paths() -> list[object]:
        from desktop import paths

        return [paths.resource_path("figures"), paths.data_dir()]
