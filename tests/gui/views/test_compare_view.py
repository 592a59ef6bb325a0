"""Trial comparison: sort, filter by population and cohort, copy with citation, CSV, chart."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
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
    assert view.model.headerData(orr, Qt.Orientation.Horizontal) == "Overall response (ORR)"


def test_sort_by_clicking_a_metric_header(view: CompareView, qtbot: QtBot) -> None:
    orr = _column(view, "orr")
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(orr) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=__import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(x, 5))
    first = _trials(view)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=__import__("PySide6.QtCore", fromlist=["QPoint"]).QPoint(x, 5))
    second = _trials(view)
    assert {tuple(first), tuple(second)} == {("TEST-2", "TEST-3", "TEST-1"), ("TEST-1", "TEST-3", "TEST-2")}
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


def test_chart_draws_grouped_bars_for_visible_trials(view: CompareView) -> None:
    labels, trials, _values = view.chart.series()
    assert "Overall response (ORR)" in labels and "CRS, any grade" in labels
    assert set(trials) == {"TEST-1", "TEST-2", "TEST-3"}
    assert "TEST-1: Overall response (ORR) 96.0%" in view.chart.describe()
    image = view.chart.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert "#1f77b4" in colours and "#ff7f0e" in colours
    view.setting_combo.setCurrentIndex(view.setting_combo.findData("early-line"))
    assert view.chart.series()[1] == ["TEST-3"]


def test_language_switch_relabels_metrics(view: CompareView) -> None:
    view.set_language("zh-Hans")
    assert view.model.headerData(_column(view, "orr"), Qt.Orientation.Horizontal) == "总缓解率（ORR）"
    view.set_language("en")
    assert view.model.headerData(_column(view, "orr"), Qt.Orientation.Horizontal) == "Overall response (ORR)"


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
