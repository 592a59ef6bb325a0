"""Trial comparison: sort, filter by population and cohort, copy with citation, CSV, chart."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from desktop.content.build import build_kb
from desktop.kb.store import KnowledgeBase
from desktop.ui.views.compare_view import FIXED_COLUMNS, CompareView
from tests.helpers.paths import MINI

FIXTURE = MINI


@pytest.fixture(scope="module")
def three_trial_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture plus two more trials (one early-line) so sorting and filtering mean something."""
    src = tmp_path_factory.mktemp("cmp") / "mini"
    shutil.copytree(FIXTURE, src)
    with (src / "trials" / "trials.yaml").open("a", encoding="utf-8") as fh:
        fh.write("""- id: test-2
  name: TEST-2
  therapy_id: eque-cel
  phase: "1"
  design_en: Second test trial
  setting: late-line
  registry_ids: [NCT00000002]
  source_ids: [S1]
  reviewed_on: 2026-01-01
- id: test-3
  name: TEST-3
  therapy_id: eque-cel
  phase: "3"
  design_en: Early-line test trial
  setting: early-line
  registry_ids: [NCT00000003]
  source_ids: [S1]
  reviewed_on: 2026-01-01
""")
    with (src / "trials" / "outcomes.csv").open("a", encoding="utf-8") as fh:
        fh.write("test-2,car-t,all,orr,73.0,percent,,,73,100,20.1,Test 2025,S1,P,,2026-01-01\n")
        fh.write("test-2,car-t,all,crs_any,50,percent,,,50,100,20.1,Test 2025,S1,P,,2026-01-01\n")
        fh.write("test-3,car-t,all,orr,84.6,percent,,,,208,15.9,Test 2023b,G1,P,,2026-01-01\n")
    out = tmp_path_factory.mktemp("cmpkb") / "kb.sqlite"
    build_kb(src, out, extra=False)
    return out


@pytest.fixture
def view(qtbot: QtBot, three_trial_kb: Path) -> CompareView:
    v = CompareView(KnowledgeBase(three_trial_kb))
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    return v


def _column(view: CompareView, metric: str) -> int:
    for c in range(view.model.columnCount()):
        if view.model.metric_at(c) == metric:
            return c
    raise AssertionError(metric)


def _trials(view: CompareView) -> list[str]:
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def test_table_shows_values_with_denominators_follow_up_and_caution(view: CompareView) -> None:
    assert "head-to-head" in view.caution.text()
    assert set(_trials(view)) == {"TEST-1", "TEST-2", "TEST-3"}
    orr = _column(view, "orr")
    cell = {view.proxy.index(r, 0).data(): view.proxy.index(r, orr).data() for r in range(view.proxy.rowCount())}
    assert cell["TEST-1"].startswith("96.0% (97/101)") and "follow-up 13.8 mo" in cell["TEST-1"]
    assert cell["TEST-3"].startswith("84.6% (n=208)")
    assert view.model.headerData(orr, Qt.Orientation.Horizontal).replace("\n", " ") == "Overall response (ORR)"


def test_sort_by_clicking_a_metric_header(view: CompareView, qtbot: QtBot) -> None:
    orr = _column(view, "orr")
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(orr) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=__import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(x, 5))
    first = _trials(view)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=__import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(x, 5))
    second = _trials(view)
    assert first == ["TEST-1", "TEST-3", "TEST-2"]  # the first click ranks highest first (D27)
    assert second == ["TEST-2", "TEST-3", "TEST-1"]
    # a column with a missing value keeps it last in both directions
    crs = _column(view, "crs_any")
    view.table.sortByColumn(crs, Qt.SortOrder.AscendingOrder)
    assert _trials(view)[-1] == "TEST-3"
    view.table.sortByColumn(crs, Qt.SortOrder.DescendingOrder)
    assert _trials(view) == ["TEST-1", "TEST-2", "TEST-3"]


def test_population_and_cohort_filters(view: CompareView) -> None:
    view.setting_combo.setCurrentIndex(view.setting_combo.findData("early-line"))
    assert _trials(view) == ["TEST-3"]
    view.setting_combo.setCurrentIndex(view.setting_combo.findData("late-line"))
    assert set(_trials(view)) == {"TEST-1", "TEST-2"}
    view.setting_combo.setCurrentIndex(0)
    view.cohort_combo.setCurrentIndex(view.cohort_combo.findData("car-t-naive"))
    assert _trials(view) == ["TEST-1"]
    assert [view.model.metric_at(c) for c in range(FIXED_COLUMNS, view.model.columnCount())] == ["pfs_12mo"]
    assert view.proxy.index(0, FIXED_COLUMNS).data().startswith("85.5% (n=91)")


def test_ctrl_c_copies_value_with_its_citation(view: CompareView, qtbot: QtBot) -> None:
    orr = _column(view, "orr")
    row = _trials(view).index("TEST-1")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(row, orr))
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QApplication.clipboard().text()
    assert "TEST-1" in text and "96.0% (97/101)" in text
    assert "13.8 mo" in text and "Test 2024" in text
    assert "Doe J, Roe R. A test trial of a test CAR-T" in text


def test_export_csv_through_the_dialog(view: CompareView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    target = tmp_path / "cmp.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)"))
    view.setting_combo.setCurrentIndex(view.setting_combo.findData("late-line"))
    view.table.sortByColumn(_column(view, "orr"), Qt.SortOrder.DescendingOrder)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["Trial", "Product", "Setting", "Cohort"]
    assert "Overall response (ORR)" in rows[0] and rows[0][-1] == "Sources"
    assert [r[0] for r in rows[1:]] == ["TEST-1", "TEST-2"]  # filtered and sorted as shown
    orr = rows[0].index("Overall response (ORR)")
    assert rows[1][orr] == "96.0% (97/101); follow-up 13.8 mo"
    assert "S1: Doe J, Roe R." in rows[1][-1]
    assert not list(tmp_path.glob(".cmp.csv.*"))  # no temporary file left behind


def test_chart_shows_one_metric_for_the_visible_trials(view: CompareView) -> None:
    assert view.chart.metrics()[:2] == ["orr", "crs_any"]
    label, trials, _values = view.chart.series()
    assert label == "Overall response (ORR)"
    assert set(trials) == {"TEST-1", "TEST-2", "TEST-3"}
    assert "TEST-1 96.0%" in view.chart.describe()
    view.chart_metric.setCurrentIndex(view.chart_metric.findData("crs_any"))
    assert view.chart.series()[0] == "CRS, any grade" and "TEST-2 50%" in view.chart.describe()
    image = view.chart.grab().toImage()
    bar = view.chart.palette().color(QPalette.ColorRole.Highlight).name()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert bar in colours  # bars in the palette's colour, the same whatever the order
    view.setting_combo.setCurrentIndex(view.setting_combo.findData("early-line"))
    assert view.chart.series()[1] == ["TEST-3"]


def test_language_switch_relabels_metrics(view: CompareView) -> None:
    view.set_language("zh-Hans")
    assert view.model.headerData(_column(view, "orr"), Qt.Orientation.Horizontal) == "总缓解率（ORR）"
    view.set_language("en")
    assert view.model.headerData(_column(view, "orr"), Qt.Orientation.Horizontal).replace("\n", " ") == "Overall response (ORR)"


def test_double_click_opens_the_outcome(view: CompareView) -> None:
    opened: list[str] = []
    view.openRequested.connect(opened.append)
    row = _trials(view).index("TEST-1")
    view.table.doubleClicked.emit(view.proxy.index(row, _column(view, "orr")))
    assert opened and opened[0].startswith("outcome:")


def test_the_comparison_model_keeps_qts_model_rules(view: CompareView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(view.model, force_py=True)  # then it watches the changes below
    view.set_language("zh-Hans")
    view.set_kb(view.model.kb)
    view.set_language("en")
    assert view.model.rowCount() > 0


# -- the real KB: what a clinician sees (review D08, D09, D27) ------------------------------
@pytest.fixture
def real_view(qtbot: QtBot, real_kb: Path) -> CompareView:
    v = CompareView(KnowledgeBase(real_kb))
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


def _cell(view: CompareView, trial: str, metric: str) -> str:
    row = _trials(view).index(trial)
    return str(view.proxy.index(row, _column(view, metric)).data())


def test_trial_names_stay_in_view_while_scrolling_to_the_last_metric(real_view: CompareView, qtbot: QtBot) -> None:
    table = real_view.table
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    qtbot.wait(10)
    assert table.horizontalScrollBar().maximum() > 0  # there is something to scroll
    header = table.verticalHeader()
    assert header.isVisible() and header.width() > 60
    shown = [str(real_view.proxy.headerData(r, Qt.Orientation.Vertical)) for r in range(real_view.proxy.rowCount())]
    assert shown == _trials(real_view)
    assert "CARTITUDE-1" in shown and "FUMANBA-1" in shown
    # the header text is drawn where a user looks: left of the cells, not scrolled away
    assert header.mapTo(real_view, header.rect().topLeft()).x() < table.viewport().mapTo(real_view, table.viewport().rect().topLeft()).x()


def test_cr_or_better_counts_scr_and_says_so(real_view: CompareView) -> None:
    cell = _cell(real_view, "CARTITUDE-1", "cr_or_better")
    assert cell.startswith("≥82.5% (n=97)") and "follow-up 21.7 mo" in cell
    row = _trials(real_view).index("CARTITUDE-1")
    tip = str(real_view.proxy.index(row, _column(real_view, "cr_or_better")).data(Qt.ItemDataRole.ToolTipRole))
    assert "only stringent complete response" in tip
    real_view.table.sortByColumn(_column(real_view, "cr_or_better"), Qt.SortOrder.DescendingOrder)
    ranked = _trials(real_view)
    assert ranked.index("CARTITUDE-1") < ranked.index("KarMMa")  # 82.5 is not sorted last as "–"
    # a trial that reports ≥CR itself keeps its own figure
    assert _cell(real_view, "FUMANBA-1", "cr_or_better").startswith("83.2% (n=107)")


def test_cells_keep_one_unit_with_n_over_n(real_view: CompareView) -> None:
    cell = _cell(real_view, "FUMANBA-1", "crs_grade3plus")
    assert cell.startswith("1.0% (1/103)")  # a count with its n/N, as a percentage like the column
    assert "follow-up 13.8 mo" in cell
    row = _trials(real_view).index("FUMANBA-1")
    tip = str(real_view.proxy.index(row, _column(real_view, "crs_grade3plus")).data(Qt.ItemDataRole.ToolTipRole))
    assert "computed from the count" in tip and "1/103" in tip


def test_non_myeloma_studies_are_hidden_by_default(real_view: CompareView) -> None:
    assert real_view.myeloma_only.isChecked()
    assert not any("NMOSD" in t or "neuro" in t.lower() for t in _trials(real_view))
    hidden = set(_trials(real_view))
    real_view.myeloma_only.setChecked(False)
    assert len(_trials(real_view)) > len(hidden)
    real_view.myeloma_only.setChecked(True)
    assert set(_trials(real_view)) == hidden


def test_chart_labels_never_overlap_with_many_trials(real_view: CompareView, qtbot: QtBot) -> None:
    real_view.myeloma_only.setChecked(False)
    _label, trials, _values = real_view.chart.series()
    assert len(trials) >= 12
    chart = real_view.chart
    row_h = chart._row_height()
    fm = chart.fontMetrics()
    assert row_h >= fm.height() + 4  # one row per trial, taller than its text
    assert chart.minimumHeight() >= row_h * len(trials)  # the chart grows (and scrolls), never squeezes
    # the table shows more rows than the chart takes space
    assert real_view.table.height() > chart.parentWidget().parentWidget().parentWidget().height()
    assert real_view.table.rowHeight(0) * 8 < real_view.table.viewport().height()


def test_first_click_on_a_metric_ranks_highest_first_in_the_real_table(real_view: CompareView, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint

    orr = _column(real_view, "orr")
    header = real_view.table.horizontalHeader()
    real_view.table.scrollTo(real_view.proxy.index(0, orr))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(orr) + 5, 5))
    values = [real_view.proxy.index(r, orr).data(Qt.ItemDataRole.UserRole + 1) for r in range(real_view.proxy.rowCount())]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] >= 99


def test_metric_headers_wrap_and_are_never_cut(real_view: CompareView) -> None:
    """Review D08: "Complete response or better" was cut to "ete response or better"."""
    header = real_view.table.horizontalHeader()
    assert header.textElideMode() == Qt.TextElideMode.ElideNone  # Qt cut two-line headers as one line
    fm = header.fontMetrics()
    for c in range(FIXED_COLUMNS, real_view.model.columnCount()):
        text = str(real_view.proxy.headerData(c, Qt.Orientation.Horizontal))
        lines = text.split("\n")
        assert max(fm.horizontalAdvance(line) for line in lines) + 12 <= real_view.table.columnWidth(c), text
        assert header.height() >= len(lines) * fm.height()
    ge = _column(real_view, "cr_or_better")
    assert "Complete response" in str(real_view.proxy.headerData(ge, Qt.Orientation.Horizontal))
