"""The Grading view: live grades and reasons, ICE feeding ICANS, copy, articles, languages."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox
from pytestqt.qtbot import QtBot

from desktop.clinical import (
    CONSCIOUSNESS,
    HYPOTENSION,
    OXYGEN,
    SEIZURE,
    CrsResult,
    IcansResult,
    IceResult,
)
from desktop.kb.store import KnowledgeBase, open_kb
from desktop.ui.views.grading_view import GradingView
from tests.helpers.paths import ROOT


@pytest.fixture
def view(qtbot: QtBot, mini_kb: Path) -> GradingView:
    widget = GradingView(open_kb(mini_kb).kb)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


@pytest.fixture
def chinese(tmp_path: Path) -> Iterator[QTranslator]:
    """Compile resources/i18n/clinical_zh_CN.ts and install it, as the app does for zh-Hans."""
    qm = tmp_path / "clinical_zh_CN.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ROOT / "resources/i18n/clinical_zh_CN.ts"), "-qm", str(qm)],
                   check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def crs(view: GradingView) -> CrsResult:
    result = view.result("crs")
    assert isinstance(result, CrsResult)
    return result


def icans(view: GradingView) -> IcansResult:
    result = view.result("icans")
    assert isinstance(result, IcansResult)
    return result


def test_starts_with_a_grade_in_every_tab(view: GradingView) -> None:
    assert crs(view).grade == 0  # 37.0 °C, nothing else
    ice = view.result("ice")
    assert isinstance(ice, IceResult) and ice.score == 10
    assert icans(view).grade == 0
    assert view.crs_panel.grade_label.text() == "CRS grade 0"


def test_crs_form_updates_grade_reasons_and_summary(view: GradingView, qtbot: QtBot) -> None:
    view.temp.selectAll()
    qtbot.keyClicks(view.temp.lineEdit(), "39.1")
    assert crs(view).temp_c == pytest.approx(39.1)
    assert crs(view).grade == 1
    view.oxygen.setCurrentIndex(OXYGEN.index("low-flow"))
    # Hypoxia counts only once confirmed not attributable to another cause (default unconfirmed).
    assert not view.not_attributable.isChecked()
    assert crs(view).grade is None
    assert view.crs_panel.grade_label.text() == "CRS grade not assigned"
    assert "another cause" in view.crs_panel.reasons_label.text()
    assert view.crs_panel.summary_label.text().startswith("ASTCT CRS grade not assigned")
    view.not_attributable.setChecked(True)
    assert crs(view).grade == 2
    assert view.crs_panel.grade_label.text() == "CRS grade 2"
    assert "low-flow nasal cannula" in view.crs_panel.reasons_label.text()
    assert view.crs_panel.summary_label.text() == "ASTCT CRS grade 2: fever 39.1 °C with hypoxia on low-flow O2"
    view.hypotension.setCurrentIndex(HYPOTENSION.index("one-vasopressor"))
    assert crs(view).grade == 3
    assert "hypotension (grade 3) over hypoxia (grade 2)" in view.crs_panel.reasons_label.text()


def test_masked_fever_checkbox(view: GradingView, qtbot: QtBot) -> None:
    view.hypotension.setCurrentIndex(HYPOTENSION.index("no-vasopressor"))
    assert crs(view).grade == 0, "37.0 °C without masking is not CRS"
    # Click the indicator (the check box row is wider than its text).
    qtbot.mouseClick(view.masked, Qt.MouseButton.LeftButton, pos=QPoint(8, view.masked.height() // 2))
    assert view.masked.isChecked()
    # Refused until CRS is known to have been diagnosed before the masking treatment.
    assert view.result("crs") is None
    assert view.crs_panel.grade_label.text() == "—"
    assert "was CRS already diagnosed?" in view.crs_panel.reasons_label.text()
    view.diagnosed.setChecked(True)
    assert crs(view).grade is None, "hypotension not yet confirmed as CRS"
    view.not_attributable.setChecked(True)
    assert crs(view).grade == 2
    assert "masked" in view.crs_panel.reasons_label.text()
    assert "fever only" not in view.crs_panel.reasons_label.text()


def test_masked_refusal_reads_in_chinese(view: GradingView, chinese: QTranslator) -> None:
    view.masked.setChecked(True)
    view.set_language("zh-Hans")
    assert "是否已诊断 CRS" in view.crs_panel.reasons_label.text()
    assert view.diagnosed.text() == "该治疗前已诊断 CRS(&D)"


def test_ice_form_feeds_icans(view: GradingView) -> None:
    view.ice_parts["writing"].setValue(0)
    view.ice_parts["orientation"].setValue(1)
    ice = view.result("ice")
    assert isinstance(ice, IceResult) and ice.score == 6 and ice.grade == 2
    assert view.ice_total.text() == "Total: 6 / 10"
    assert view.icans_ice.value() == 6 and not view.icans_ice.isEnabled()
    assert icans(view).grade == 2
    view.seizure.setCurrentIndex(SEIZURE.index("self-limiting"))
    assert icans(view).grade == 3
    assert view.icans_panel.summary_label.text() == "ASTCT ICANS grade 3: ICE 6/10; seizure resolving rapidly"
    # Stop following the ICE tab and type a score of its own.
    view.use_ice_form.setChecked(False)
    assert view.icans_ice.isEnabled()
    view.seizure.setCurrentIndex(0)
    view.icans_ice.setValue(7)
    assert icans(view).grade == 1
    view.ice_parts["naming"].setValue(0)
    assert view.icans_ice.value() == 7, "no longer follows the ICE tab"


def test_unarousable_sets_consciousness_and_grade_4(view: GradingView) -> None:
    view.unarousable.setChecked(True)
    assert view.consciousness.currentIndex() == CONSCIOUSNESS.index("unarousable")
    assert not view.consciousness.isEnabled() and not view.icans_ice.isEnabled()
    assert icans(view).grade == 4 and icans(view).unarousable
    assert "unarousable" in view.icans_panel.reasons_label.text()
    view.unarousable.setChecked(False)
    view.consciousness.setCurrentIndex(CONSCIOUSNESS.index("voice"))
    assert icans(view).grade == 2


def test_copy_summary_puts_the_chart_note_on_the_clipboard(view: GradingView, qtbot: QtBot) -> None:
    view.temp.setValue(39.1)
    view.oxygen.setCurrentIndex(OXYGEN.index("low-flow"))
    view.not_attributable.setChecked(True)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(view.crs_panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "ASTCT CRS grade 2: fever 39.1 °C with hypoxia on low-flow O2"
    assert view.crs_panel.copied_label.text() == "Copied to the clipboard."


def test_related_articles_link_to_the_kb(view: GradingView, qtbot: QtBot) -> None:
    # The mini KB has one CRS article (topic crs) and nothing on ICANS.
    assert "article:crs" in view.crs_panel.articles_label.text()
    assert "source:G1" in view.crs_panel.articles_label.text()
    assert "No related articles" in view.icans_panel.articles_label.text()
    with qtbot.waitSignal(view.openRequested) as blocker:
        view.crs_panel.articles_label.linkActivated.emit("article:crs")
    assert blocker.args == ["article:crs"]
    with qtbot.waitSignal(view.openRequested) as blocker:
        view.crs_panel.source_label.linkActivated.emit("source:G1")
    assert blocker.args == ["source:G1"]
    assert "10.1016/j.bbmt.2018.12.758" in view.crs_panel.source_label.text()


class _EmptyKB:
    """A knowledge base with no articles on any topic."""

    def articles_by_topic(self, topic: str) -> list[object]:
        return []


def test_set_kb_reloads_articles_and_handles_none(view: GradingView, mini_kb: Path) -> None:
    view.set_kb(_EmptyKB())  # type: ignore[arg-type]
    assert "No related articles" in view.crs_panel.articles_label.text()
    kb: KnowledgeBase = open_kb(mini_kb).kb
    view.set_kb(kb)
    assert "article:crs" in view.crs_panel.articles_label.text()


def test_every_control_has_an_accessible_name(view: GradingView) -> None:
    controls = [*view.findChildren(QComboBox), *view.findChildren(QAbstractSpinBox),
                *view.findChildren(QAbstractButton)]
    assert len(controls) >= 17
    unnamed = [c.objectName() or type(c).__name__ for c in controls
               if c.isVisibleTo(view) and not c.accessibleName() and type(c).__name__ != "QToolButton"]
    assert not unnamed
    assert view.crs_panel.reasons_label.accessibleName()


def test_language_switch(view: GradingView, chinese: QTranslator) -> None:
    view.temp.setValue(39.1)
    view.oxygen.setCurrentIndex(OXYGEN.index("low-flow"))
    view.not_attributable.setChecked(True)
    view.set_language("zh-Hans")
    assert view.language == "zh-Hans"
    assert view.title.text() == "分级：ASTCT 共识"
    assert view.tabs.tabText(0) == "CRS 分级"
    assert view.crs_panel.grade_label.text() == "CRS 2 级"
    assert view.oxygen.currentText().startswith("低流量鼻导管")
    assert "发热" in view.crs_panel.reasons_label.text()
    assert view.crs_panel.summary_label.text() == "ASTCT CRS 2 级：发热 39.1 °C，伴低氧（低流量吸氧）"
    assert view.crs_panel.copy_button.accessibleName() == "将病历记录复制到剪贴板"
    assert view.copy_summary("crs") == QGuiApplication.clipboard().text() == view.crs_panel.summary_label.text()
    assert crs(view).grade == 2 and view.oxygen.currentIndex() == OXYGEN.index("low-flow"), "values kept"
    # The app removes the Chinese translators before telling the views (desktop/ui/shell/i18n.py).
    QCoreApplication.removeTranslator(chinese)
    view.set_language("en")
    assert view.title.text() == "Grading: ASTCT consensus"
    assert "Temperature 39.1 °C" in view.crs_panel.reasons_label.text()


def test_fahrenheit_is_converted_with_a_visible_note(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Review D28: 102.2 typed was silently reverted to the previous 39.0."""
    view.temp.setFocus()
    view.temp.selectAll()
    qtbot.keyClicks(view.temp.lineEdit(), "102.2")
    qtbot.keyClick(view.temp.lineEdit(), Qt.Key.Key_Return)
    assert view.temp.value() == pytest.approx(39.0)
    assert view.temp_note.isVisible() and "102.2 °F" in view.temp_note.text() and "39.0 °C" in view.temp_note.text()
    assert crs(view).temp_c == pytest.approx(39.0)
    view.temp.selectAll()
    qtbot.keyClicks(view.temp.lineEdit(), "38.5")  # a °C value retires the note
    assert view.temp.value() == pytest.approx(38.5) and not view.temp_note.isVisible()


def test_a_number_that_is_no_temperature_is_refused_beside_the_field(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.temp.setValue(39.0)
    view.temp.setFocus()
    view.temp.selectAll()
    qtbot.keyClicks(view.temp.lineEdit(), "60")
    qtbot.keyClick(view.temp.lineEdit(), Qt.Key.Key_Return)
    assert view.temp.value() == pytest.approx(39.0)
    assert view.temp_note.isVisible() and "“60”" in view.temp_note.text() and "°F" in view.temp_note.text()
