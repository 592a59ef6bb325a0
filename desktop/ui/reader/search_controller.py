"""Search as you type: the one owner of the search field, the results panel and the feedback
kept for searches that find nothing.

The field sits in the window's top bar; the panel (search_panel.py) is built on the first text
typed, because its module and widgets cost ~20 ms that start-up need not pay (measured
in-process). Typing is debounced with a single-shot timer, adaptively: a keystroke that
arrives within BURST_GAP_MS of the previous one (key repeat, a fast typist, pasting) waits
DEBOUNCE_MS so the burst costs one search; a keystroke after a pause is searched on the next
event-loop turn. A fixed 120 ms timer alone would break the 50 ms keystroke-to-results budget
(bench/bench_ui.py measures it).

The window hears three things: `activated` (show the panel), `dismissed` (the field was
emptied: show what was there before) and `openRequested` (a hit was opened; the field is
already cleared).

Start-up builds this object, so it does not touch PySide6's `Qt` namespace until a key is
handled (see main_window's docstring).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.reader.search_panel import SearchPanel
    from desktop.ui.shell.context import AppContext

DEBOUNCE_MS = 40
BURST_GAP_MS = 90
NO_RESULTS_SETTLE_MS = 1500  # a query that still finds nothing after this pause is kept as feedback


class SearchController(QObject):
    activated = Signal()
    """The user typed: the window shows the panel."""
    dismissed = Signal()
    """The field was emptied (Esc, or cleared): the window returns to what was shown before."""
    openRequested = Signal(str)
    """A hit was opened (the field is cleared first)."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.window = parent
        self.field = QLineEdit(parent)
        self.field.setObjectName("searchField")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(320)
        font = self.field.font()  # a little larger than the text, and scaled with it (not a fixed size in the style sheet)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.field.setFont(font)
        self._panel: SearchPanel | None = None
        self._last_key = 0.0
        self.timer = QTimer(self)  # the typing debounce
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self._pending_no_results = ""
        self._no_results_timer = QTimer(self)
        self._no_results_timer.setSingleShot(True)
        self._no_results_timer.setInterval(NO_RESULTS_SETTLE_MS)
        self._no_results_timer.timeout.connect(self._keep_no_results)
        self.field.textChanged.connect(self._text_changed)
        self.retranslate()

    # -- the panel ------------------------------------------------------------------------
    @property
    def panel(self) -> SearchPanel:
        """The results panel, built on first use (the window puts it in its stack to show it)."""
        if self._panel is None:
            from desktop.ui.reader.search_panel import SearchPanel

            panel = SearchPanel(self.context.kb, self.window, lang=self.context.lang)
            self.context.kbChanged.connect(panel.set_kb)
            self.context.languageChanged.connect(panel.set_language)
            panel.openRequested.connect(self._open_hit)
            panel.noResults.connect(self._found_nothing)
            panel.resultsUpdated.connect(self._found_something)
            panel.suggestionChosen.connect(self._use_suggestion)
            panel.leaveRequested.connect(self.field.setFocus)
            self.field.installEventFilter(self)
            self._panel = panel
        return self._panel

    @property
    def built(self) -> bool:
        return self._panel is not None

    # -- typing ---------------------------------------------------------------------------
    def _text_changed(self, text: str) -> None:
        if text.strip():
            self.panel  # noqa: B018 (built by the first text typed)
            self.activated.emit()
            now = time.perf_counter()
            burst = (now - self._last_key) * 1000 < BURST_GAP_MS
            self._last_key = now
            self.timer.start(DEBOUNCE_MS if burst else 0)
        else:
            self.timer.stop()
            if self._panel is not None:
                self._panel.clear()
            self.dismissed.emit()

    def search_now(self) -> None:
        """Search the field's text now (the debounce fired, or Enter/Down came first)."""
        self.timer.stop()
        self.panel.search(self.field.text())

    def _flush(self) -> None:
        if self.timer.isActive():
            self.search_now()

    def focus(self) -> None:
        """Ctrl+K / Ctrl+F: into the field, its text selected."""
        from PySide6.QtCore import Qt  # not at start-up: see main_window's docstring

        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def _use_suggestion(self, text: str) -> None:
        self.field.setText(text)
        self.search_now()
        self.field.setFocus()

    def _open_hit(self, link: str) -> None:
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        if self._panel is not None:
            self._panel.clear()  # hidden from now on; nothing to search again on a KB change
        self.openRequested.emit(link)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Down: into the results; Enter: open the selected or first hit; Esc: clear."""
        if obj is self.field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            from PySide6.QtCore import Qt

            key = event.key()
            if key == Qt.Key.Key_Down:
                self._flush()
                self.panel.focus_results()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._flush()
                return self.panel.open_current()
            if key == Qt.Key.Key_Escape and self.field.text():
                self.field.clear()
                return True
        return super().eventFilter(obj, event)

    # -- feedback kept offline ----------------------------------------------------------------
    @property
    def feedback_pending(self) -> bool:
        """A query that found nothing will be kept if the user stays on it."""
        return self._no_results_timer.isActive()

    def _found_nothing(self, query: str) -> None:
        self._pending_no_results = query
        self._no_results_timer.start()

    def _found_something(self, count: int) -> None:
        if count:
            self._no_results_timer.stop()

    def _keep_no_results(self) -> None:
        """Only a query the user stopped on is kept, not every prefix typed on the way."""
        from desktop.userdata.feedback import record_no_results

        query, self._pending_no_results = self._pending_no_results, ""
        if query.strip():
            record_no_results(self.context.user_db, query, self.context.kb.meta().kb_version)

    # -- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """The field's texts (kept in the window's translation context, where they always were)."""
        translate = QCoreApplication.translate  # `tr(a, b)` would read to lupdate as text a, comment b
        self.field.setPlaceholderText(translate("MainWindow", "Search therapies, trials, side effects, centres… (Ctrl+K)"))
        self.field.setAccessibleName(translate("MainWindow", "Search"))
        self.field.setToolTip(translate("MainWindow", "Search as you type. Down arrow: results; Enter: open; Esc: clear."))
