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
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
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
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.fileio import write_bytes_atomic
from desktop.kb.compare import (
    Comparison,
    build_comparison,
    cohort_label,
    cohorts,
    metric_label,
    setting_label,
)
from desktop.kb.records import Outcome, Trial
from desktop.kb.store import KnowledgeBase
from desktop.ui.shell.i18n import keep_phrases_whole, outcome_value, phase_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 2
SETTING_ROLE = Qt.ItemDataRole.UserRole + 3
FIXED_COLUMNS = 2  # trial, product
CHART_METRICS = ("orr", "cr_or_better", "mrd_neg", "crs_any", "crs_grade3plus", "icans_any", "icans_grade3plus",
                 "neurotox_any", "neurotox_grade3plus")
BAR_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
               "#bcbd22", "#17becf", "#393b79", "#ad494a", "#6b6ecf", "#8ca252", "#bd9e39", "#843c39",
               "#d6616b", "#7b4173", "#3182bd", "#e6550d")  # 20 distinct colours before any repeats


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
        self.comparison = build_comparison(self.kb, cohort=self.cohort)
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
        if orientation != Qt.Orientation.Horizontal or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Trial")
        if section == 1:
            return self.tr("Product")
        metric = self.metric_at(section)
        return metric_label(metric, self.lang) if metric else None

    def cell_text(self, o: Outcome) -> str:
        text = outcome_value(o, self.lang)
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
            return self.citation_text(o)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def citation_text(self, o: Outcome) -> str:
        """The value with its trial, cohort, follow-up, analysis and full references."""
        trial = self.kb.trial(o.trial_id)
        parts = [f"{trial.name if trial else o.trial_id} — {metric_label(o.metric, self.lang)}: {outcome_value(o, self.lang)}"]
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
        self.setSortRole(SORT_ROLE)

    def set_setting(self, setting: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self.setting = setting
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.setting = setting
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.setting:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return bool(self.sourceModel().data(index, SETTING_ROLE) == self.setting)

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
    """Grouped bars drawn with QPainter: one group per percentage metric, one bar per trial."""

    def __init__(self, proxy: ComparisonProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.setMinimumHeight(220)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted, proxy.rowsRemoved):
            signal.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        self.update()
        self.setAccessibleDescription(self.describe())

    def series(self) -> tuple[list[str], list[str], list[list[Outcome | None]]]:
        """(metric labels, trial names, values[trial][metric]) for the visible rows."""
        model = self.proxy.sourceModel()
        assert isinstance(model, ComparisonModel)
        columns = [c for c in range(FIXED_COLUMNS, model.columnCount()) if model.metric_at(c) in CHART_METRICS]
        columns = [c for c in columns if any(model.outcome_at(r, c) is not None and model.outcome_at(r, c).unit == "percent"  # type: ignore[union-attr]
                                             for r in range(model.rowCount()))]
        labels = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
        trials: list[str] = []
        values: list[list[Outcome | None]] = []
        for prow in range(self.proxy.rowCount()):
            row = self.proxy.mapToSource(self.proxy.index(prow, 0)).row()
            trials.append(model.trial_at(row).name)
            vals: list[Outcome | None] = []
            for c in columns:
                o = model.outcome_at(row, c)
                vals.append(o if o is not None and o.unit == "percent" and o.value is not None else None)
            values.append(vals)
        return labels, trials, values

    def describe(self) -> str:
        labels, trials, values = self.series()
        lines = []
        for trial, vals in zip(trials, values, strict=True):
            shown = ", ".join(f"{lab} {o.value_text or o.value}%" for lab, o in zip(labels, vals, strict=True) if o is not None)
            lines.append(f"{trial}: {shown}")
        return "; ".join(lines)

    def paintEvent(self, _event: QPaintEvent) -> None:
        labels, trials, values = self.series()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text_pen = QPen(pal.color(QPalette.ColorRole.Text))
        fm = QFontMetrics(self.font())
        if not labels or not trials:
            p.setPen(text_pen)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No percentage results to chart for this selection."))
            return
        # legend
        x, y = 8.0, 6.0
        for i, name in enumerate(trials):
            w = fm.horizontalAdvance(name) + 28
            if x + w > self.width() - 8:
                x, y = 8.0, y + fm.height() + 4
            p.fillRect(QRectF(x, y + 2, 14, fm.height() - 4), QColor(BAR_COLOURS[i % len(BAR_COLOURS)]))
            p.setPen(text_pen)
            p.drawText(QRectF(x + 18, y, w, fm.height()), Qt.AlignmentFlag.AlignVCenter, name)
            x += w
        top = y + fm.height() + 10 + fm.height()
        bottom = self.height() - 2.3 * fm.height() - 6
        left, right = 8.0 + fm.horizontalAdvance("100%") + 6, self.width() - 8.0
        if bottom - top < 30:
            return
        # axis and grid
        grid = QColor(pal.color(QPalette.ColorRole.Text))
        grid.setAlpha(50)
        for pct in (0, 25, 50, 75, 100):
            yy = bottom - (bottom - top) * pct / 100
            p.setPen(QPen(grid))
            p.drawLine(int(left), int(yy), int(right), int(yy))
            p.setPen(text_pen)
            p.drawText(QRectF(0, yy - fm.height() / 2, left - 4, fm.height()), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{pct}%")
        group_w = (right - left) / len(labels)
        bar_w = min(56.0, max(3.0, (group_w - 12) / max(1, len(trials))))
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        sfm = QFontMetrics(small)
        for g, label in enumerate(labels):
            gx = left + g * group_w + (group_w - bar_w * len(trials)) / 2
            for t, vals in enumerate(values):
                o = vals[g]
                bx = gx + t * bar_w
                if o is None or o.value is None:
                    continue
                v = o.value
                h = (bottom - top) * max(0.0, min(100.0, v)) / 100
                p.fillRect(QRectF(bx + 1, bottom - h, bar_w - 2, h), QColor(BAR_COLOURS[t % len(BAR_COLOURS)]))
                p.setFont(small)
                p.setPen(text_pen)
                text = o.value_text or f"{v:g}"  # as the source printed it
                tw = sfm.horizontalAdvance(text)
                if tw <= bar_w + 6:
                    p.drawText(QRectF(bx - 3, bottom - h - sfm.height(), bar_w + 6, sfm.height()), Qt.AlignmentFlag.AlignCenter, text)
                else:  # too narrow: write the value vertically above the bar
                    p.save()
                    p.translate(bx + bar_w / 2 + sfm.ascent() / 2 - 1, bottom - h - 2)
                    p.rotate(-90)
                    p.drawText(0, 0, text)
                    p.restore()
                p.setFont(self.font())
            p.setPen(text_pen)
            p.drawText(QRectF(left + g * group_w + 2, bottom + 2, group_w - 4, 2.3 * fm.height()),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                       keep_phrases_whole(label))
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
        self.table.doubleClicked.connect(self._open_cell)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selection)
        self.chart = ComparisonChart(self.proxy, self)
        self.chart.setObjectName("comparisonChart")

        filters = QHBoxLayout()
        for w in (self.setting_label, self.setting_combo, self.cohort_label, self.cohort_combo):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.copy_button)
        filters.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
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
        self.proxy.set_setting(self.setting_combo.currentData() or "")

    def _setting_changed(self) -> None:
        self.proxy.set_setting(self.setting_combo.currentData() or "")
        self.chart.update()

    def _cohort_changed(self) -> None:
        self.model.reload(cohort=self.cohort_combo.currentData() or "all")
        self._resize_columns()

    def _resize_columns(self) -> None:
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)

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
                value = outcome_value(o, self.lang)
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

