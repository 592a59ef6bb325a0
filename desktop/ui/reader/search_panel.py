"""Search as you type: results grouped by kind with highlighted snippets, keyboard-only use.

The field lives in the window's top bar; this panel listens to it. Typing is debounced with a
single-shot timer, adaptively: a keystroke that arrives within BURST_GAP_MS of the previous
one (key repeat, a fast typist, pasting) waits DEBOUNCE_MS so the burst costs one search; a
keystroke after a pause is searched on the next event-loop turn. A fixed 120 ms timer alone
would break the 50 ms keystroke-to-results budget (bench/bench_ui.py measures it).

The search runs on the UI thread. That is a measured choice: KB search is a few milliseconds
(bench_search, bench_ui "search on UI thread p95"), under one frame, so a worker would only add
latency and locking. Result rows have a fixed two-line height so the list never lays out a
rich-text document per row; only the rows on screen are painted.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.kb.records import SearchHit, SearchResult
from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.render import esc
from desktop.ui.reader.roles import HEADER_ROLE, LINK_ROLE, SNIPPET_ROLE, TITLE_ROLE

DEBOUNCE_MS = 40
BURST_GAP_MS = 90
RESULT_LIMIT = 60
KIND_ORDER = ("therapy", "article", "glossary", "trial", "outcome", "center")


class SearchPanel(QWidget):
    openRequested = Signal(str)
    activated = Signal()
    """The user started typing: the window shows this panel."""
    dismissed = Signal()
    """The field was cleared (Esc): the window returns to what was shown before."""
    resultsUpdated = Signal(int)
    noResults = Signal(str)

    def __init__(self, kb: KnowledgeBase, field: QLineEdit, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self.kb = kb
        self.field = field
        self.lang = lang
        self.result: SearchResult | None = None
        self.last_search_ms = 0.0
        self._last_key = 0.0

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("searchKindFilter")
        self.lang_filter = QComboBox(self)
        self.lang_filter.setObjectName("searchLanguageFilter")
        self.kind_filter.currentIndexChanged.connect(self._search_now)
        self.lang_filter.currentIndexChanged.connect(self._search_now)
        self.kind_label = QLabel(self)
        self.kind_label.setBuddy(self.kind_filter)
        self.lang_label = QLabel(self)
        self.lang_label.setBuddy(self.lang_filter)

        self.corrected_label = QLabel(self)
        self.corrected_label.setObjectName("correctedLabel")
        self.corrected_label.hide()
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.empty_label.linkActivated.connect(self._use_suggestion)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.hide()

        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setIndentation(12)
        self.results.setUniformRowHeights(True)
        self.results.setWordWrap(True)
        self._delegate: QStyledItemDelegate | None = None
        self.results.itemActivated.connect(self._open_item)
        self.results.itemClicked.connect(self._open_item)
        self.results.installEventFilter(self)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_label)
        filters.addWidget(self.kind_filter)
        filters.addSpacing(12)
        filters.addWidget(self.lang_label)
        filters.addWidget(self.lang_filter)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.corrected_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.results, 1)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._search_now)
        field.textChanged.connect(self.on_text_changed)
        field.installEventFilter(self)
        self.retranslate()

    # -- API ------------------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._search_now()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self._search_now()

    def kind_label_text(self, kind: str) -> str:
        return {
            "therapy": self.tr("Therapies"), "article": self.tr("Articles"), "glossary": self.tr("Glossary"),
            "trial": self.tr("Trials"), "outcome": self.tr("Trial results"), "center": self.tr("Centres"),
        }.get(kind, kind)

    def hit_items(self) -> list[QTreeWidgetItem]:
        """The result rows (group headings are rows too, but disabled and link-less)."""
        out: list[QTreeWidgetItem] = []
        for i in range(self.results.topLevelItemCount()):
            item = self.results.topLevelItem(i)
            if item is not None and item.data(0, LINK_ROLE):
                out.append(item)
        return out

    def search(self, text: str) -> SearchResult:
        """Run one search now with the current filters and show it (used by tests and bench)."""
        self.field.setText(text)
        self._search_now()
        assert self.result is not None
        return self.result

    # -- typing ---------------------------------------------------------------------------
    def on_text_changed(self, text: str) -> None:
        """The field's text changed (connected here; the window calls it for the change that built this panel)."""
        if text.strip():
            self.activated.emit()
            now = time.perf_counter()
            burst = (now - self._last_key) * 1000 < BURST_GAP_MS
            self._last_key = now
            self.timer.start(DEBOUNCE_MS if burst else 0)
        else:
            self.timer.stop()
            self._clear()
            self.dismissed.emit()

    def _search_now(self) -> None:
        self.timer.stop()
        text = self.field.text().strip()
        if not text:
            self._clear()
            return
        started = time.perf_counter()
        kind = self.kind_filter.currentData()
        lang = self.lang_filter.currentData()
        result = self.kb.search(text, lang=lang or None, kind=kind or None, limit=RESULT_LIMIT)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self.result = result
        self._show(result)

    def _clear(self) -> None:
        self.result = None
        self.results.clear()
        self.corrected_label.hide()
        self.empty_label.hide()
        self.results.show()

    def _show(self, result: SearchResult) -> None:
        if self._delegate is None:
            # Painting rows needs QStyle (~15 ms to load): the window's start-up skips it.
            from desktop.ui.reader.two_line_delegate import TwoLineDelegate

            self._delegate = TwoLineDelegate(self.results)
            self.results.setItemDelegate(self._delegate)
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        groups: dict[str, list[SearchHit]] = {}
        for hit in result.hits:
            groups.setdefault(hit.kind, []).append(hit)
        for kind, hits in groups.items():
            # Headings are disabled top-level rows: arrow keys skip them, hits stay flat.
            group = QTreeWidgetItem([f"{self.kind_label_text(kind)} ({len(hits)})"])
            group.setFlags(Qt.ItemFlag.NoItemFlags)
            group.setData(0, TITLE_ROLE, f"{self.kind_label_text(kind)} ({len(hits)})")
            group.setData(0, HEADER_ROLE, True)
            self.results.addTopLevelItem(group)
            for hit in hits:
                item = QTreeWidgetItem([hit.title])
                self.results.addTopLevelItem(item)
                item.setData(0, LINK_ROLE, f"{hit.kind}:{hit.id}")
                item.setData(0, TITLE_ROLE, hit.title)
                item.setData(0, SNIPPET_ROLE, hit.snippet)
                item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{self.kind_label_text(kind)}: {hit.title}")
                item.setToolTip(0, f"{hit.kind}:{hit.id}")
        self.results.setUpdatesEnabled(True)
        if result.corrected:
            self.corrected_label.setText(self.tr("Showing results for “{0}”").format(result.corrected))
            self.corrected_label.show()
        else:
            self.corrected_label.hide()
        if result.hits:
            self.empty_label.hide()
            self.results.show()
        else:
            self.empty_label.setText(self._empty_html(result.query))
            self.empty_label.show()
            self.results.hide()
            self.noResults.emit(result.query)
        self.resultsUpdated.emit(len(result.hits))

    def _empty_html(self, query: str) -> str:
        terms = [t for g in self.kb.synonym_groups() for t in g]
        import difflib  # only for the empty state; start-up need not load it

        close = difflib.get_close_matches(query, terms, n=6, cutoff=0.5)
        suggestions: list[str] = list(dict.fromkeys(close))
        for group in self.kb.synonym_groups():
            if len(suggestions) >= 10:
                break
            pick = next((t for t in group if (t[:1] >= "\u3400") == self.lang.startswith("zh")), group[0])
            if pick not in suggestions:
                suggestions.append(pick)
        links = " · ".join(f'<a href="suggest:{esc(s)}">{esc(s)}</a>' for s in suggestions)
        head = esc(self.tr("Nothing found for “{0}”.").format(query))
        hint = esc(self.tr("Check the spelling, use fewer words, or try one of these:"))
        return f"<p><b>{head}</b></p><p>{hint}</p><p>{links}</p>"

    def _use_suggestion(self, link: str) -> None:
        if link.startswith("suggest:"):
            self.field.setText(link[len("suggest:"):])
            self._search_now()
            self.field.setFocus()

    # -- opening --------------------------------------------------------------------------
    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        link = item.data(0, LINK_ROLE)
        if link:
            self.openRequested.emit(str(link))

    def open_current(self) -> bool:
        """Enter: open the selected hit, else the first one."""
        if self.timer.isActive():
            self._search_now()
        item = self.results.currentItem()
        if item is None or not item.data(0, LINK_ROLE):
            hits = self.hit_items()
            item = hits[0] if hits else None
        if item is None:
            return False
        self._open_item(item)
        return True

    def focus_results(self) -> None:
        if self.timer.isActive():
            self._search_now()
        hits = self.hit_items()
        if hits:
            self.results.setFocus()
            self.results.setCurrentItem(hits[0])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.field:
                if key == Qt.Key.Key_Down:
                    self.focus_results()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    return self.open_current()
                if key == Qt.Key.Key_Escape and self.field.text():
                    self.field.clear()
                    return True
            elif obj is self.results:
                hits = self.hit_items()
                if key == Qt.Key.Key_Up and hits and self.results.currentItem() is hits[0]:
                    self.field.setFocus()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.field.setFocus()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    item = self.results.currentItem()
                    if item is not None:
                        self._open_item(item)
                        return True
        return super().eventFilter(obj, event)

    # -- language -------------------------------------------------------------------------
    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def retranslate(self) -> None:
        kind = self.kind_filter.currentData()
        lang = self.lang_filter.currentData()
        for combo in (self.kind_filter, self.lang_filter):
            combo.blockSignals(True)
            combo.clear()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for k in KIND_ORDER:
            self.kind_filter.addItem(self.kind_label_text(k), k)
        self.lang_filter.addItem(self.tr("Any language"), "")
        self.lang_filter.addItem("English", "en")
        self.lang_filter.addItem("中文", "zh-Hans")
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(kind or "")))
        self.lang_filter.setCurrentIndex(max(0, self.lang_filter.findData(lang or "")))
        for combo in (self.kind_filter, self.lang_filter):
            combo.blockSignals(False)
        self.kind_label.setText(self.tr("&Kind:"))
        self.lang_label.setText(self.tr("&Language:"))
        self.kind_filter.setAccessibleName(self.tr("Filter results by kind"))
        self.lang_filter.setAccessibleName(self.tr("Filter results by language"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.empty_label.setAccessibleName(self.tr("No results"))
        self.corrected_label.setAccessibleName(self.tr("Corrected query"))
        if self.result is not None:
            self._show(self.result)
