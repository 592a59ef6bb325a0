"""Search results: grouped by kind with highlighted snippets, keyboard-only use.

The field lives in the window's top bar and belongs to the SearchController
(`search_controller.py`), which debounces typing and asks this panel to `search(text)`; the
panel never reads the field. Its results are a list model (`SearchResultsModel`): a heading
row per kind, then that kind's hits.

The search runs on the UI thread. That is a measured choice: KB search is a few milliseconds
(bench_search, bench_ui "search on UI thread p95"), under one frame, so a worker would only add
latency and locking. Result rows have a fixed two-line height so the list never lays out a
rich-text document per row; only the rows on screen are painted.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.kb.records import SearchHit, SearchResult
from desktop.kb.search import suggestions
from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.render import esc
from desktop.ui.reader.roles import HEADER_ROLE, LINK_ROLE, SNIPPET_ROLE, TITLE_ROLE
from desktop.ui.shell import access
from desktop.ui.shell.i18n import restore_fullwidth

# The typing debounce lives in search_controller (DEBOUNCE_MS, BURST_GAP_MS).
RESULT_LIMIT = 60
KIND_ORDER = ("therapy", "article", "glossary", "trial", "outcome", "center")

_Index = QModelIndex | QPersistentModelIndex



_TABLE_RULE = re.compile(r"(?:\s*\|?\s*:?-{3,}:?\s*)+\|?")
_PIPES = re.compile(r"\s*\|\s*")


def plain_snippet(snippet: str) -> str:
    """A snippet without Markdown table syntax ("--- --- ---", "a | b"): cells read as a list (D29)."""
    text = _TABLE_RULE.sub(" ", snippet)
    text = _PIPES.sub(" · ", text).strip(" ·")
    return re.sub(r"\s{2,}", " ", text)

class SearchResultsModel(QAbstractListModel):
    """One row per kind heading and per hit, in the order the search returned them.

    Headings are rows without flags (arrow keys skip them) and without a link; hits carry
    their link (`kind:id`), title and snippet in the roles of `roles.py`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, SearchHit | None, str]] = []  # (text, hit or None for a heading, kind label)

    def set_result(self, result: SearchResult | None, kind_label: Callable[[str], str]) -> None:
        """Show `result` (None: nothing); `kind_label(kind)` names a group."""
        rows: list[tuple[str, SearchHit | None, str]] = []
        if result is not None:
            groups: dict[str, list[SearchHit]] = {}
            for hit in result.hits:
                groups.setdefault(hit.kind, []).append(hit)
            for kind, hits in groups.items():
                label = kind_label(kind)
                rows.append((f"{label} ({len(hits)})", None, label))
                rows.extend((restore_fullwidth(hit.title), hit, label) for hit in hits)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        text, hit, label = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, TITLE_ROLE):
            return text
        if role == HEADER_ROLE:
            return True if hit is None else None
        if hit is None:
            return None
        if role == LINK_ROLE:
            return f"{hit.kind}:{hit.id}"
        if role == SNIPPET_ROLE:  # the index holds NFKC text: ，：（） came back as ,:()
            return restore_fullwidth(plain_snippet(hit.snippet))
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{label}: {text}"  # the tooltip once showed the internal link (glossary:fever)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()][1] is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class SearchPanel(QWidget):
    openRequested = Signal(str)
    resultsUpdated = Signal(int)
    noResults = Signal(str)
    suggestionChosen = Signal(str)
    """A "try one of these" link was clicked: the controller puts it in the field and searches."""
    leaveRequested = Signal()
    """Up from the first hit, or Esc, in the results: the controller gives the field the focus."""

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None, *, lang: str = "en") -> None:
        super().__init__(parent)
        self.kb = kb
        self.lang = lang
        self.query = ""
        self.result: SearchResult | None = None
        self.last_search_ms = 0.0
        self._asks_where: bool | None = None  # whether the KB routes place questions to centres

        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("searchKindFilter")
        self.lang_filter = QComboBox(self)
        self.lang_filter.setObjectName("searchLanguageFilter")
        self.kind_filter.currentIndexChanged.connect(self.refresh)
        self.lang_filter.currentIndexChanged.connect(self.refresh)
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

        self.model = SearchResultsModel(self)
        self.results = QTreeView(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setIndentation(12)
        self.results.setUniformRowHeights(True)
        self.results.setWordWrap(True)
        self._delegate: QStyledItemDelegate | None = None
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
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
        self.retranslate()

    # -- API ------------------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._asks_where = None
        self.refresh()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self.refresh()

    def kind_label_text(self, kind: str) -> str:
        return {
            "therapy": self.tr("Therapies"), "article": self.tr("Articles"), "glossary": self.tr("Glossary"),
            "trial": self.tr("Trials"), "outcome": self.tr("Trial results"), "center": self.tr("Centres"),
        }.get(kind, kind)

    def hit_indexes(self) -> list[QModelIndex]:
        """The result rows (group headings are rows too, but disabled and link-less)."""
        rows = (self.model.index(i, 0) for i in range(self.model.rowCount()))
        return [index for index in rows if index.data(LINK_ROLE)]

    def search(self, text: str) -> SearchResult:
        """Run one search now with the current filters and show it (the controller, tests, bench)."""
        self.query = text.strip()
        self.refresh()
        assert self.result is not None
        return self.result

    def clear(self) -> None:
        """The field was emptied: no query, nothing shown."""
        self.query = ""
        self._clear()

    def refresh(self) -> None:
        """Search the current query again (a filter, the KB or the language changed)."""
        if not self.query:
            self._clear()
            return
        started = time.perf_counter()
        kind = self.kind_filter.currentData()
        lang = self.lang_filter.currentData()
        result = self.kb.search(self.query, lang=lang or None, kind=kind or None, limit=RESULT_LIMIT)
        if self._asks_where is None:
            self._asks_where = bool(self.kb.route_terms("centres"))
        if self._asks_where:
            # A question naming a place ("武汉哪家医院可以做"): nearest centres lead, as the first group.
            from desktop.geo.place_search import with_nearest_centres

            result = with_nearest_centres(self.kb, result, lang=lang or self.lang, kind=kind or None,
                                          limit=RESULT_LIMIT)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self.result = result
        self._show(result)

    def _clear(self) -> None:
        self.result = None
        self.model.set_result(None, self.kind_label_text)
        self.corrected_label.hide()
        self.empty_label.hide()
        self.results.show()

    def _show(self, result: SearchResult) -> None:
        if self._delegate is None:
            # Painting rows needs QStyle (~15 ms to load): the window's start-up skips it.
            from desktop.ui.reader.two_line_delegate import TwoLineDelegate

            self._delegate = TwoLineDelegate(self.results)
            self.results.setItemDelegate(self._delegate)
        self.model.set_result(result, self.kind_label_text)
        if result.corrected:
            shown = result.corrected if len(result.corrected) <= 60 else result.corrected[:60] + "…"
            self.corrected_label.setText(self.tr("Showing results for “{0}”").format(shown))
            self.corrected_label.show()
        else:
            self.corrected_label.hide()
        if result.hits:
            self.empty_label.hide()
            self.results.show()
        else:
            self.empty_label.setText(self._empty_html(result.query if len(result.query) <= 60 else result.query[:60] + "…"))
            self.empty_label.show()
            self.results.hide()
            self.noResults.emit(result.query)
        count = len(result.hits)
        access.announce(self.results, self.tr("{0} results").format(count) if count
                        else self.tr("Nothing found for “{0}”.").format(result.query[:60]))  # said as the count changes (D21)
        self.resultsUpdated.emit(count)

    def _empty_html(self, query: str) -> str:
        links = " · ".join(f'<a href="suggest:{esc(s)}">{esc(s)}</a>'
                           for s in suggestions(query, self.kb.topic_groups(), self.lang))
        head = esc(self.tr("Nothing found for “{0}”.").format(query))
        hint = esc(self.tr("Check the spelling, use fewer words, or try one of these:"))
        return f"<p><b>{head}</b></p><p>{hint}</p><p>{links}</p>"

    def _use_suggestion(self, link: str) -> None:
        if link.startswith("suggest:"):
            self.suggestionChosen.emit(link[len("suggest:"):])

    # -- opening --------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        link = index.data(LINK_ROLE)
        if link:
            self.openRequested.emit(str(link))

    def open_current(self) -> bool:
        """Enter: open the selected hit, else the first one."""
        index = self.results.currentIndex()
        if not index.isValid() or not index.data(LINK_ROLE):
            hits = self.hit_indexes()
            index = hits[0] if hits else QModelIndex()
        if not index.isValid():
            return False
        self._open_index(index)
        return True

    def focus_results(self) -> None:
        hits = self.hit_indexes()
        if hits:
            self.results.setFocus()
            self.results.setCurrentIndex(hits[0])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.results and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            hits = self.hit_indexes()
            if key == Qt.Key.Key_Up and hits and self.results.currentIndex() == hits[0]:
                self.leaveRequested.emit()
                return True
            if key == Qt.Key.Key_Escape:
                self.leaveRequested.emit()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self.results.currentIndex()
                if index.isValid():
                    self._open_index(index)
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
