"""The action-tool tabs of the Grading view: live answers, the remembered protocol, Chinese, speed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.kb.store import open_kb
from desktop.ui.views.grading_view import GradingView
from tests.gui.views.test_grading_view import chinese  # noqa: F401  (fixture)


@pytest.fixture
def store() -> dict[str, str]:
    return {}


@pytest.fixture
def view(qtbot: QtBot, mini_kb: Path, store: dict[str, str]) -> GradingView:
    widget = GradingView(open_kb(mini_kb).kb, protocol_store=(
        lambda: store.get("p"), lambda value: store.__setitem__("p", value)))
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def test_tools_are_tabs_of_grading(view: GradingView) -> None:
    names = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert names[3:] == ["Tocilizumab", "Management pathway", "ICAHT counts", "CAR-HEMATOTOX", "BCMA neuro watch",
                         "Emergency handover", "Infections"]


def test_tocilizumab_tab(view: GradingView) -> None:
    tab = view.tools.tocilizumab
    tab.weight.setValue(120.0)
    assert tab.result is not None and tab.result.dose_mg == 800 and tab.result.can_give
    tab.doses.setValue(1)
    tab.hours.setValue(7.5)
    assert tab.result is not None and not tab.result.can_give
    assert "not now" in tab.panel.headline.text()
    tab.times.setText("24, 16, 8")
    assert tab.result is not None and tab.result.can_give and not tab.doses.isEnabled()
    tab.times.setText("x")
    assert tab.result is None


def test_pathway_protocol_is_remembered(qtbot: QtBot, mini_kb: Path, view: GradingView,
                                         store: dict[str, str]) -> None:
    tab = view.tools.pathway
    tab.crs.setCurrentIndex(4)
    assert "Methylprednisolone 500 mg" in tab.view.toPlainText()
    tab.protocol.setCurrentIndex(1)
    assert store["p"] == "nccn"
    again = GradingView(open_kb(mini_kb).kb, protocol_store=(lambda: store.get("p"), lambda v: None))
    qtbot.addWidget(again)
    assert again.tools.pathway.protocol.currentData() == "nccn"


def test_icaht_and_hematotox_tabs(view: GradingView) -> None:
    icaht = view.tools.icaht
    assert icaht.result is not None and icaht.result.grade is None and icaht.result.t_icaht_early is not None
    assert "Table 1" in icaht.banner.text()
    icaht.counts.setPlainText("day,anc\n1,abc\n")
    assert icaht.result is None
    ht = view.tools.hematotox
    assert "not read" in ht.banner.text()
    assert "9 g/dL" in ht.panel.reasons.text() and "3 mg/dL" in ht.panel.reasons.text()


def test_neuro_watch_tab(view: GradingView) -> None:
    tab = view.tools.watch
    assert tab.result is not None and not tab.result.call_now
    tab.signs["handwriting"].setChecked(True)
    assert tab.result is not None and tab.result.call_now and "CALL NOW" in tab.panel.headline.text()


def test_chinese(view: GradingView, chinese: object) -> None:  # noqa: F811
    view.set_language("zh-Hans")
    assert view.tabs.tabText(3) == "托珠单抗"
    assert "静脉输注" in view.tools.tocilizumab.panel.reasons.text()
    assert "未计算" in view.tools.hematotox.banner.text()


def test_answers_follow_every_change(view: GradingView) -> None:
    """Each input change gives its answer at once (the 50 ms budget is measured by `make bench`)."""
    tab = view.tools.pathway
    for g in range(5):
        tab.crs.setCurrentIndex(g)
        tab.icans.setCurrentIndex(g)
        view.tools.tocilizumab.weight.setValue(60.0 + g)
        assert view.tools.tocilizumab.result is not None and view.tools.tocilizumab.result.dose_mg == 8 * (60.0 + g)


def test_flow_sheet_pdf_is_one_page(view: GradingView, tmp_path: Path) -> None:
    tab = view.tools.pathway
    tab.crs.setCurrentIndex(4)
    tab.icans.setCurrentIndex(3)
    tab.product.setCurrentIndex(0)
    pdf = tmp_path / "sheet.pdf"
    tab.save_flow_sheet(str(pdf))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page>") + \
        data.count(b"/Type /Page ") == 1


def test_handover_sheet(view: GradingView, tmp_path: Path) -> None:
    from desktop.handouts.sheets import handover_pdf

    tab = view.tools.handover
    view.tools.pathway.crs.setCurrentIndex(2)
    view.tools.tocilizumab.times.setText("16, 8")
    tab.phone.setText("+86 10 1234 5678")
    tab.centre.setText("Centre X")
    assert tab.result is not None and tab.result.crs_grade == 2 and len(tab.result.tocilizumab) == 2
    text = tab.preview.toPlainText()
    assert "What not to miss / " in text and "IEC-HS" in text and "Hines" in text
    assert "Guillain-Barré" in text  # cilta-cel is the default product
    data = handover_pdf(tab.result)  # its 300 ms budget is measured by `make bench`
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") == 1
    tab.today.setDate(tab.infusion.date().addDays(-1))
    assert tab.result is None


def test_infections_tab(view: GradingView, tmp_path: Path) -> None:
    from PySide6.QtCore import QDate

    tab = view.tools.infections
    tab.infusion.setDate(QDate(2026, 1, 1))
    tab.ld.setDate(QDate(2025, 12, 27))
    tab.hbv.setCurrentIndex(0)  # positive
    tab.steroids.setValue(5)
    assert tab.result is not None and tab.result.line("cmv").active and tab.result.line("hbv").active
    text = tab.view.toPlainText()
    assert "Entecavir 0.5 mg" in text and "sources differ" in text and "2026-04-01" in text
    tab.edition.setCurrentIndex(1)  # patient
    text = tab.view.toPlainText()
    assert "What it means for you" in text and "Entecavir 0.5 mg" not in text
    tab.edition.setCurrentIndex(0)
    tab.use_anc.setChecked(True)
    tab.anc_day.setValue(29)
    tab.anc.setValue(300)
    tab.use_igg.setChecked(True)
    tab.igg_unit.setCurrentIndex(1)  # g/L
    tab.igg.setValue(3.9)
    tab.recurrent.setChecked(True)
    text = tab.view.toPlainText()
    assert "Mould-active azole" in text and "IgG 390 mg/dL < 400 with recurrent" in text and "(35 g)" in text
    tab.edition.setCurrentIndex(1)
    pdf = tmp_path / "plan.pdf"
    tab.save_pdf(str(pdf))
    assert pdf.read_bytes().count(b"/Type /Page\n") == 1
    tab.ld.setDate(QDate(2026, 1, 2))
    assert tab.result is None and "after the infusion" in tab.view.toPlainText()


def test_infections_tab_chinese(view: GradingView, chinese: object) -> None:  # noqa: F811
    view.set_language("zh-Hans")
    tab = view.tools.infections
    assert "伐昔洛韦" in tab.view.toPlainText()
    assert tab.hbv.itemText(2) == "未知"
