"""Trial comparison: a table built from long-format outcomes, filters, CSV export and a chart.

Arrangement: trials are ROWS and metrics are COLUMNS (the transpose of the printed table in
the papers). That is deliberate: QSortFilterProxyModel sorts rows by a column and filters
rows, so with trials as rows "click the ORR header" ranks the trials by ORR and the
population filter hides trials; with trials as columns neither would mean anything.
The chart draws the same data as grouped bars (one group per metric, one bar per trial).
"""

from __future__ import annotations

import csv
import io
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.fileio import write_bytes_atomic
from desktop.kb.compare import (
    DERIVED_FROM_SCR,
    DERIVED_PERCENT,
    Comparison,
    build_comparison,
    cohort_label,
    cohorts,
    display_value,
    is_myeloma,
    metric_label,
    setting_label,
)
from desktop.kb.records import Outcome, Trial
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import has_cjk
from desktop.ui.shell.i18n import phase_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2
SETTING_ROLE = Qt.ItemDataRole.UserRole + 3
FIXED_COLUMNS = 2  # trial, product
CHART_METRICS = ("orr", "cr_or_better", "mrd_neg", "crs_any", "crs_grade3plus", "icans_any", "icans_grade3plus",
                 "neurotox_any", "neurotox_grade3plus")


def _header_lines(label: str) -> str:
    """A metric's label on lines of about 18 characters (English, at spaces) or 8 (Chinese, before a
    bracket or after a separator, never inside a word), so the header grows taller instead of
    cutting the label (D08)."""
    if " " in label and not has_cjk(label):
        return textwrap.fill(label, 18, break_long_words=False)
    if len(label) <= 8:
        return label
    for mark, before in (("（", True), ("/", False), ("、", False)):
        at = label.find(mark)
        if 0 < at < len(label) - 1:
            cut = at if before else at + 1
            return label[:cut] + "\n" + label[cut:]
    return label


class ComparisonModel(QAbstractTableModel):
    """Rows: trials. Columns: trial, product, then one per metric."""

    def __init__(self, kb: KnowledgeBase, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.lang = "en"
        self.cohort = "all"
        self.comparison = Comparison([], [])
        self._names: dict[str, str] = {}
        self.reload()

    def reload(self, kb: KnowledgeBase | None = None, cohort: str | None = None) -> None:
        self.beginResetModel()
        if kb is not None:
            self.kb = kb
        if cohort is not None:
            self.cohort = cohort
        self.comparison = build_comparison(self.kb, cohort=self.cohort, derive=True)
        self._names = {t.id: t.name(self.lang) for t in self.kb.therapies()}
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self._names = {t.id: t.name(self.lang) for t in self.kb.therapies()}
        self.endResetModel()

    # -- structure ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.comparison.trials)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self.comparison.metrics)

    def metric_at(self, column: int) -> str | None:
        i = column - FIXED_COLUMNS
        return self.comparison.metrics[i] if 0 <= i < len(self.comparison.metrics) else None

    def trial_at(self, row: int) -> Trial:
        return self.comparison.trials[row]

    def outcome_at(self, row: int, column: int) -> Outcome | None:
        metric = self.metric_at(column)
        return self.comparison.cell(metric, self.trial_at(row).id) if metric else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            # The trial names row by row: the vertical header never scrolls sideways, so each
            # row keeps its trial while the metrics scroll (review D08).
            if not 0 <= section < len(self.comparison.trials):
                return None
            if role == Qt.ItemDataRole.DisplayRole:  # wrapped, so a long name does not take half the table
                return textwrap.fill(self.trial_at(section).name, 24, break_long_words=False)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.data(self.index(section, 0), Qt.ItemDataRole.ToolTipRole)
            return None
        if role == Qt.ItemDataRole.InitialSortOrderRole and self.metric_at(section):
            return Qt.SortOrder.DescendingOrder  # the first click ranks highest first (D27)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Trial")
        if section == 1:
            return self.tr("Product")
        metric = self.metric_at(section)
        if not metric:
            return None
        label = metric_label(metric, self.lang)
        if role == Qt.ItemDataRole.DisplayRole:
            # Wrapped onto lines so the header grows taller instead of cutting the label (D08).
            return _header_lines(label)
        return label

    def cell_text(self, o: Outcome) -> str:
        text = display_value(o, self.lang)
        if o.followup_months is not None and o.metric != "followup_median":
            text += "\n" + self.tr("follow-up {0} mo").format(f"{o.followup_months:g}")
        return text

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        trial = self.trial_at(index.row())
        col = index.column()
        if role == SETTING_ROLE:
            return trial.setting
        if col == 0:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return trial.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return f'{trial.name} · {phase_label(trial.phase, self.lang)} · {setting_label(trial.setting, self.lang)}'
            return None
        if col == 1:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
                return self._names.get(trial.therapy_id, trial.therapy_id)
            return None
        o = self.outcome_at(index.row(), col)
        if role == OUTCOME_ROLE:
            return o
        if o is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "–"
            if role == SORT_ROLE:
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Not reported for this cohort")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(o)
        if role == SORT_ROLE:
            return o.value
        if role == Qt.ItemDataRole.ToolTipRole:
            how = self.derived_note(index.row(), col)
            return (how + "\n\n" if how else "") + self.citation_text(o)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def derived_note(self, row: int, column: int) -> str:
        """How a cell was computed from the KB, '' when it is shown as the source printed it."""
        metric = self.metric_at(column)
        how = self.comparison.how(metric, self.trial_at(row).id) if metric else ""
        if how == DERIVED_FROM_SCR:
            return self.tr("The source reports only stringent complete response (sCR); every sCR is a complete "
                           "response or better, so ≥CR is at least this figure.")
        if how == DERIVED_PERCENT:
            o = self.outcome_at(row, column)
            if o is not None and o.numerator is not None and o.denominator is not None:
                return self.tr("Percentage computed from the count the source gives ({0}/{1}).").format(
                    f"{o.numerator:g}", f"{o.denominator:g}")
        return ""

    def citation_text(self, o: Outcome) -> str:
        """The value with its trial, cohort, follow-up, analysis and full references."""
        trial = self.kb.trial(o.trial_id)
        parts = [f"{trial.name if trial else o.trial_id} — {metric_label(o.metric, self.lang)}: {display_value(o, self.lang)}"]
        detail = [self.tr("cohort: {0}").format(cohort_label(o.cohort, self.lang))]
        if o.denominator is not None:
            detail.append(self.tr("N = {0}").format(f"{o.denominator:g}"))
        if o.followup_months is not None:
            detail.append(self.tr("median follow-up {0} mo").format(f"{o.followup_months:g}"))
        if o.data_cut:
            detail.append(self.tr("analysis: {0}").format(o.data_cut))
        parts.append("; ".join(detail))
        for src in self.kb.sources_for(o.source_ids):
            parts.append(self.tr("Source [{0}]: {1}").format(src.id, src.citation))
        return "\n".join(parts)


class ComparisonProxy(QSortFilterProxyModel):
    """Sorts by the numeric value (missing values last) and filters trials by setting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setting = ""
        self.myeloma_only = True  # the NMOSD study is not a myeloma result (review D09)
        self.setSortRole(SORT_ROLE)

    def set_setting(self, setting: str, myeloma_only: bool | None = None) -> None:
        def change() -> None:
            self.setting = setting
            if myeloma_only is not None:
                self.myeloma_only = myeloma_only

        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if (self.myeloma_only and self.setting != "other-disease" and isinstance(model, ComparisonModel)
                and not is_myeloma(model.trial_at(row))):
            return False
        if not self.setting:
            return True
        index = model.index(row, 0, parent)
        return bool(model.data(index, SETTING_ROLE) == self.setting)

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            # missing values sink to the bottom whichever way the column is sorted
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            if a is None and b is None:
                return False
            return (a is None) if descending else (b is None)
        if isinstance(a, str) or isinstance(b, str):
            return str(a).casefold() < str(b).casefold()
        return float(a) < float(b)


class ComparisonChart(QWidget):
    """One metric at a time as horizontal bars, one row per visible trial in the table's order.

    Review D09/D27: grouped bars for 9 metrics x 12+ trials overlapped their value labels and
    recoloured bars on every re-sort. Here each trial has its own row, its name on the left
    (elided, never over a neighbour), its value at the end of its bar, in the palette's
    highlight colour; the chart grows a row per trial and scrolls instead of squeezing."""

    def __init__(self, proxy: ComparisonProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.shown_metric = "orr"
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self._changed)

    def set_metric(self, metric: str) -> None:
        self.shown_metric = metric
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.setMinimumHeight(self._wanted_height())
        self.update()
        self.setAccessibleDescription(self.describe())

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 8

    def _wanted_height(self) -> int:
        return self._row_height() * (max(1, self.proxy.rowCount()) + 2)

    def metrics(self) -> list[str]:
        """The percentage metrics some visible trial reports, in the table's column order."""
        model = self.proxy.sourceModel()
        assert isinstance(model, ComparisonModel)
        out = []
        for c in range(FIXED_COLUMNS, model.columnCount()):
            metric = model.metric_at(c)
            if metric in CHART_METRICS and any(
                    (o := model.outcome_at(r, c)) is not None and o.unit == "percent" for r in range(model.rowCount())):
                out.append(str(metric))
        return out

    def series(self) -> tuple[str, list[str], list[Outcome | None]]:
        """(metric label, trial names, value per trial) for the visible rows in table order."""
        model = self.proxy.sourceModel()
        assert isinstance(model, ComparisonModel)
        column = next((c for c in range(FIXED_COLUMNS, model.columnCount()) if model.metric_at(c) == self.shown_metric), -1)
        trials: list[str] = []
        values: list[Outcome | None] = []
        for prow in range(self.proxy.rowCount()):
            row = self.proxy.mapToSource(self.proxy.index(prow, 0)).row()
            trials.append(model.trial_at(row).name)
            o = model.outcome_at(row, column) if column >= 0 else None
            values.append(o if o is not None and o.unit == "percent" and o.value is not None else None)
        return metric_label(self.shown_metric, model.lang), trials, values

    def describe(self) -> str:
        label, trials, values = self.series()
        shown = [f"{t} {o.value_text or f'{o.value:g}'}%" for t, o in zip(trials, values, strict=True) if o is not None]
        return f"{label}: " + "; ".join(shown) if shown else ""

    def sizeHint(self) -> QSize:
        return QSize(400, self._wanted_height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        label, trials, values = self.series()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text_pen = QPen(pal.color(QPalette.ColorRole.Text))
        fm = QFontMetrics(self.font())
        p.setPen(text_pen)
        if not any(v is not None for v in values):
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No percentage results to chart for this selection."))
            return
        row_h = self._row_height()
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(8, 2, self.width() - 16, row_h), Qt.AlignmentFlag.AlignVCenter, label)
        p.setFont(self.font())
        name_w = min(max((fm.horizontalAdvance(t) for t in trials), default=0), self.width() // 3) + 12
        value_w = fm.horizontalAdvance("≥100.0%") + 8
        left, right = 8.0 + name_w, self.width() - 8.0 - value_w
        if right - left < 20:
            return
        grid = QColor(pal.color(QPalette.ColorRole.Text))
        grid.setAlpha(60)
        top, bottom = row_h * 1.0, row_h * (1 + len(trials))
        for pct in (0, 50, 100):
            x = left + (right - left) * pct / 100
            p.setPen(QPen(grid))
            p.drawLine(int(x), int(top), int(x), int(bottom))
            p.setPen(text_pen)
            p.drawText(QRectF(x - 30, bottom, 60, row_h), Qt.AlignmentFlag.AlignCenter, f"{pct}%")
        bar = pal.color(QPalette.ColorRole.Highlight)
        for i, (name, o) in enumerate(zip(trials, values, strict=True)):
            y = top + i * row_h
            p.setPen(text_pen)
            p.drawText(QRectF(8, y, name_w - 8, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, name_w - 8))
            if o is None or o.value is None:
                p.drawText(QRectF(left + 4, y, right - left, row_h), Qt.AlignmentFlag.AlignVCenter, "–")
                continue
            w = (right - left) * max(0.0, min(100.0, o.value)) / 100
            p.fillRect(QRectF(left, y + 3, w, row_h - 6), bar)
            p.drawText(QRectF(left + w + 4, y, value_w, row_h), Qt.AlignmentFlag.AlignVCenter,
                       f"{o.value_text or f'{o.value:g}'}%")
        p.end()


class CompareView(QWidget):
    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.lang = "en"
        self.model = ComparisonModel(kb, self)
        self.proxy = ComparisonProxy(self)
        self.proxy.setSourceModel(self.model)

        self.caution = QLabel(self)
        self.caution.setObjectName("cautionLabel")
        self.caution.setWordWrap(True)
        self.setting_label = QLabel(self)
        self.setting_combo = QComboBox(self)
        self.setting_combo.setObjectName("settingFilter")
        self.setting_label.setBuddy(self.setting_combo)
        self.cohort_label = QLabel(self)
        self.cohort_combo = QComboBox(self)
        self.cohort_combo.setObjectName("cohortFilter")
        self.cohort_label.setBuddy(self.cohort_combo)
        self.myeloma_only = QCheckBox(self)
        self.myeloma_only.setObjectName("myelomaOnly")
        self.myeloma_only.setChecked(True)
        self.myeloma_only.toggled.connect(self._setting_changed)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCsv")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyCell")
        self.setting_combo.currentIndexChanged.connect(self._setting_changed)
        self.cohort_combo.currentIndexChanged.connect(self._cohort_changed)
        self.export_button.clicked.connect(self.export_dialog)
        self.copy_button.clicked.connect(self.copy_selection)

        self.table = QTableView(self)
        self.table.setObjectName("comparisonTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setDefaultSectionSize(130)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setColumnHidden(0, True)  # the trial is the vertical header, which stays put
        # Qt elides a two-line header as if it were one line ("Overall response (…"): the labels
        # are wrapped to the column instead (headerData), so nothing is elided.
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.doubleClicked.connect(self._open_cell)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)
        self.chart = ComparisonChart(self.proxy, self)
        self.chart.setObjectName("comparisonChart")
        self.chart_label = QLabel(self)
        self.chart_metric = QComboBox(self)
        self.chart_metric.setObjectName("chartMetric")
        self.chart_label.setBuddy(self.chart_metric)
        self.chart_metric.currentIndexChanged.connect(
            lambda _i: self.chart.set_metric(self.chart_metric.currentData() or "orr"))
        self.chart_scroll = chart_scroll = QScrollArea(self)
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_top = QHBoxLayout()
        chart_top.addWidget(self.chart_label)
        chart_top.addWidget(self.chart_metric)
        chart_top.addStretch(1)
        chart_layout.addLayout(chart_top)
        chart_layout.addWidget(chart_scroll, 1)

        for combo in (self.setting_combo, self.cohort_combo, self.chart_metric):
            # a long population or cohort name shrinks its combo, never the view (1024×768, D16)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        filters = QHBoxLayout()
        for w in (self.setting_label, self.setting_combo, self.cohort_label, self.cohort_combo, self.myeloma_only):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.copy_button)
        filters.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(chart_box)
        split.setStretchFactor(0, 3)  # the table gets most of the height (D27)
        split.setStretchFactor(1, 1)
        split.setSizes([600, 200])
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.caution)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.retranslate()
        self._fill_filters()
        self._resize_columns()

    # -- contract -----------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.model.reload(kb)
        self._fill_filters()
        self._resize_columns()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.model.set_language(lang)
        self.retranslate()
        self._resize_columns()

    # -- filters ------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        setting = self.setting_combo.currentData() or ""
        cohort = self.cohort_combo.currentData() or self.model.cohort
        self.setting_combo.blockSignals(True)
        self.cohort_combo.blockSignals(True)
        self.setting_combo.clear()
        self.setting_combo.addItem(self.tr("All populations"), "")
        for s in sorted({t.setting for t in self.kb.trials() if t.setting}):
            self.setting_combo.addItem(setting_label(s, self.lang), s)
        self.setting_combo.setCurrentIndex(max(0, self.setting_combo.findData(setting)))
        self.cohort_combo.clear()
        found = cohorts(self.kb) or ["all"]
        for c in found:
            self.cohort_combo.addItem(cohort_label(c, self.lang), c)
        self.cohort_combo.setCurrentIndex(max(0, self.cohort_combo.findData(cohort)))
        self.setting_combo.blockSignals(False)
        self.cohort_combo.blockSignals(False)
        if (self.cohort_combo.currentData() or "all") != self.model.cohort:
            self._cohort_changed()
        self.proxy.set_setting(self.setting_combo.currentData() or "", self.myeloma_only.isChecked())
        self._fill_chart_metrics()

    def _fill_chart_metrics(self) -> None:
        current = self.chart_metric.currentData() or self.chart.shown_metric
        self.chart_metric.blockSignals(True)
        self.chart_metric.clear()
        for m in self.chart.metrics():
            self.chart_metric.addItem(metric_label(m, self.lang), m)
        self.chart_metric.setCurrentIndex(max(0, self.chart_metric.findData(current)))
        self.chart_metric.blockSignals(False)
        self.chart.set_metric(self.chart_metric.currentData() or current)

    def _setting_changed(self) -> None:
        self.proxy.set_setting(self.setting_combo.currentData() or "", self.myeloma_only.isChecked())
        self._fill_chart_metrics()

    def _cohort_changed(self) -> None:
        self.model.reload(cohort=self.cohort_combo.currentData() or "all")
        self._resize_columns()
        self._fill_chart_metrics()

    def _resize_columns(self) -> None:
        self.table.resizeColumnToContents(1)
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        for c in range(FIXED_COLUMNS, self.model.columnCount()):
            # wide enough for the header's longest line (words in English, the wrapped lines in
            # Chinese), so a header is wrapped, never cut (D08, D22)
            shown = str(self.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            parts = shown.split() if not has_cjk(shown) else shown.splitlines()
            need = max((fm.horizontalAdvance(w) for w in parts), default=0) + 24
            self.table.setColumnWidth(c, max(130, min(need, 260)))

    # -- actions ------------------------------------------------------------------------
    def _open_cell(self, index: QModelIndex) -> None:
        src = self.proxy.mapToSource(index)
        o = self.model.outcome_at(src.row(), src.column())
        if o is not None:
            self.openRequested.emit(f"outcome:{o.id}")
        else:
            self.openRequested.emit(f"trial:{self.model.trial_at(src.row()).id}")

    def selection_text(self) -> str:
        indexes = sorted(self.table.selectionModel().selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes and self.table.currentIndex().isValid():
            indexes = [self.table.currentIndex()]
        out = []
        for index in indexes:
            src = self.proxy.mapToSource(index)
            o = self.model.outcome_at(src.row(), src.column())
            if o is not None:
                out.append(self.model.citation_text(o))
            else:
                out.append(str(index.data() or ""))
        return "\n\n".join(out)

    def copy_selection(self) -> str:
        """Ctrl+C: the value(s) with trial, follow-up and full citation(s)."""
        text = self.selection_text()
        if text:
            QApplication.clipboard().setText(text)
        return text

    def csv_rows(self) -> list[list[str]]:
        """The visible table (current cohort, filter and sort) with the sources of each row."""
        header = [self.tr("Trial"), self.tr("Product"), self.tr("Setting"), self.tr("Cohort")]
        metrics = [self.model.metric_at(c) for c in range(FIXED_COLUMNS, self.model.columnCount())]
        header += [metric_label(m, self.lang) for m in metrics if m]
        header += [self.tr("Sources")]
        rows = [header]
        for prow in range(self.proxy.rowCount()):
            row = self.proxy.mapToSource(self.proxy.index(prow, 0)).row()
            trial = self.model.trial_at(row)
            line = [trial.name, str(self.model.data(self.model.index(row, 1))), setting_label(trial.setting, self.lang),
                    cohort_label(self.model.cohort, self.lang)]
            ids: list[str] = []
            for c in range(FIXED_COLUMNS, self.model.columnCount()):
                o = self.model.outcome_at(row, c)
                if o is None:
                    line.append("")
                    continue
                value = display_value(o, self.lang)
                if o.followup_months is not None and o.metric != "followup_median":
                    value += "; " + self.tr("follow-up {0} mo").format(f"{o.followup_months:g}")
                line.append(value)
                ids.extend(i for i in o.source_ids if i not in ids)
            line.append(" | ".join(f"{s.id}: {s.citation}" for s in self.kb.sources_for(ids)))
            rows.append(line)
        return rows

    def export_csv(self, path: str | Path) -> Path:
        """Write the CSV atomically (temporary file in the same folder, then rename)."""
        target = Path(path)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(self.csv_rows())
        write_bytes_atomic(target, buf.getvalue().encode("utf-8-sig"))  # BOM: spreadsheets read it as UTF-8
        return target

    def export_dialog(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export comparison as CSV"), "trial-comparison.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return None
        try:
            return self.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export failed"), self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None

    # -- language -----------------------------------------------------------------------
    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Compare trials"))
        self.caution.setText(self.tr(
            "Caution: these trials were not compared head-to-head. Populations, prior treatment, "
            "follow-up and definitions differ, so differences between trials may not be real. "
            "Each value is shown as its source reports it, with the denominator (n/N) and follow-up."))
        self.setting_label.setText(self.tr("&Population:"))
        self.cohort_label.setText(self.tr("C&ohort:"))
        self.myeloma_only.setText(self.tr("Myeloma studies only"))
        self.myeloma_only.setToolTip(self.tr("Hide studies in other diseases (such as the NMOSD study)"))
        self.chart_label.setText(self.tr("Ch&art:"))
        self.chart_metric.setAccessibleName(self.tr("Metric shown in the chart"))
        self.chart_scroll.setAccessibleName(self.tr("Chart of the chosen metric, one bar per trial"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the table as it is shown (filters and order) with its sources"))
        self.copy_button.setText(self.tr("Copy with source"))
        self.copy_button.setToolTip(self.tr("Copy the selected values with their citations (Ctrl+C)"))
        self.setting_combo.setAccessibleName(self.tr("Population filter"))
        self.cohort_combo.setAccessibleName(self.tr("Cohort filter"))
        self.export_button.setAccessibleName(self.tr("Export the comparison as CSV"))
        self.copy_button.setAccessibleName(self.tr("Copy the selected values with their citations"))
        self.table.setAccessibleName(self.tr("Trial comparison table"))
        self.chart.setAccessibleName(self.tr("Trial comparison chart"))
        self.chart.setAccessibleDescription(self.chart.describe())
        self.caution.setAccessibleName(self.tr("Caution"))
        self._fill_filters()
        self.chart.update()

