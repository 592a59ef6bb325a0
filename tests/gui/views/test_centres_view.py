"""The Centres view: place search (also typed in Chinese), filters, map pins, card, zoom/pan, languages."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase
from desktop.ui.views.centres_view import CentresView
from tests.helpers.paths import ROOT


@pytest.fixture
def view(qtbot, real_kb: Path) -> CentresView:  # type: ignore[no-untyped-def]
    v = CentresView(KnowledgeBase(real_kb))
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    qtbot.waitExposed(v)
    return v


def _ids(v: CentresView) -> list[str]:
    return [str(v.proxy.data(v.proxy.index(r, 0), Qt.ItemDataRole.UserRole + 2)) for r in range(v.proxy.rowCount())]


def test_lists_every_centre_without_a_place(view: CentresView) -> None:
    assert view.proxy.rowCount() == len(view.finder.centers) > 0
    assert len(view.map.pins) == view.proxy.rowCount()
    assert view.map.origin is None and not view.map.links


def test_search_ranks_nearest_first_and_draws_three_lines(view: CentresView) -> None:
    view.search("Wuhan")
    ids = _ids(view)
    assert ids[0] == "tongji-wuhan"
    dists = [h.distance_km for h in view.model.hits]
    assert dists == sorted(dists)  # type: ignore[type-var]
    assert view.map.origin is not None and view.map.origin[0] == pytest.approx(30.58, abs=0.05)
    assert len(view.map.links) == 3
    assert "Wuhan, Hubei, China" in view.status.text()
    assert view.current is not None and view.current.center.id == "tongji-wuhan"  # nearest shown


def test_typing_chinese_then_enter(view: CentresView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.place.setFocus()
    QCoreApplication.sendEvent(view.place, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "武汉"))
    assert view.place.text() == "武汉"
    qtbot.keyClick(view.place, Qt.Key.Key_Return)
    assert _ids(view)[0] == "tongji-wuhan"


def test_unknown_place_suggests_names_and_a_suggestion_link_works(view: CentresView) -> None:
    view.search("wuhann")
    text = view.status.text()
    assert "No place called" in text and "place:Wuhan, Hubei, China" in text
    view.status.linkActivated.emit("place:Wuhan, Hubei, China")
    assert view.origin is not None and view.origin.place is not None and view.origin.place.name == "Wuhan"


def test_bad_coordinates_show_one_line_and_keep_the_list(view: CentresView) -> None:
    view.search("12,abc")
    assert "malformed coordinates" in view.status.text()
    assert view.proxy.rowCount() == len(view.finder.centers)


def test_filters(view: CentresView) -> None:
    view.search("Wuhan")
    view.therapy.setCurrentIndex(view.therapy.findData("zevor-cel"))
    assert view.proxy.rowCount() > 0
    assert all("zevor-cel" in h.center.therapies for h in view.model.hits)
    view.therapy.setCurrentIndex(0)
    # only kinds the data has are offered (D07): no empty "certified" filter
    kinds = {c.kind for c in view.finder.centers}
    assert (view.kind.findData("certified") >= 0) == ("certified" in kinds) and view.kind.findData("site") >= 0
    view.kind.setCurrentIndex(view.kind.findData("trial"))
    assert view.proxy.rowCount() == sum(1 for c in view.finder.centers if c.kind == "trial") > 0
    view.kind.setCurrentIndex(0)
    view.country.setCurrentIndex(view.country.findData("China"))
    assert all(h.center.country == "China" for h in view.model.hits)


def test_pin_click_opens_the_card(view: CentresView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.search("Wuhan")
    target = "chaoyang-beijing"
    view.map.fit()  # every pin in view
    pos = view.map.pin_position(target)
    assert pos is not None
    with qtbot.waitSignal(view.map.pinClicked, timeout=1000) as sig:
        qtbot.mouseClick(view.map, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    assert sig.args == [target]
    assert view.current is not None and view.current.center.id == target
    card = view.card_text.text()
    assert "Beijing Chao-Yang Hospital" in card and "not in the sources" in card and "registry record" in card and "P21" in card and "2026-11-25" in card
    assert "km" in card
    selected = view.table.selectionModel().selectedRows()
    assert selected and view.proxy.data(selected[0], Qt.ItemDataRole.UserRole + 2) == target


def test_copy_details_and_use_in_handout(view: CentresView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.search("Nanjing")
    view.select_center("drum-tower-nanjing")
    view.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Nanjing Drum Tower Hospital") and "Phone: not in the sources" in copied and "Reviewed: 2026-11-25" in copied
    with qtbot.waitSignal(view.useInHandout, timeout=1000) as sig:
        view.handout_button.click()
    assert sig.args == ["drum-tower-nanjing"]
    with qtbot.waitSignal(view.openRequested, timeout=1000) as opened:
        view.card_text.linkActivated.emit("trial:fumanba-2")
    assert opened.args == ["trial:fumanba-2"]


def test_zoom_with_wheel_keys_and_buttons(view: CentresView, qtbot) -> None:  # type: ignore[no-untyped-def]
    m = view.map
    m.setFocus()
    before = m.scale
    centre = QPointF(m.width() / 2, m.height() / 2)
    wheel = QWheelEvent(centre, m.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(m, wheel)
    assert m.scale == pytest.approx(before * 1.25)
    qtbot.keyClick(m, Qt.Key.Key_Minus)
    assert m.scale == pytest.approx(before)
    qtbot.keyClick(m, Qt.Key.Key_Plus)
    assert m.scale == pytest.approx(before * 1.25)
    view.zoom_out.click()
    assert m.scale == pytest.approx(before)
    # the point under the cursor stays put when zooming with the wheel off-centre
    anchor = QPointF(m.width() * 0.25, m.height() * 0.25)
    geo = m.to_geo(anchor)
    QApplication.sendEvent(m, QWheelEvent(anchor, m.mapToGlobal(anchor), QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton,
                                          Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
    back = m.to_screen(*geo)
    assert abs(back.x() - anchor.x()) < 0.5 and abs(back.y() - anchor.y()) < 0.5


def test_pan_with_arrow_keys_and_drag(view: CentresView, qtbot) -> None:  # type: ignore[no-untyped-def]
    m = view.map
    m.setFocus()
    x0, y0 = m.cx, m.cy
    qtbot.keyClick(m, Qt.Key.Key_Right)
    assert m.cx > x0 and m.cy == y0
    qtbot.keyClick(m, Qt.Key.Key_Up)
    assert m.cy < y0
    x1, y1 = m.cx, m.cy
    start = QPoint(m.width() // 2, m.height() // 2)
    qtbot.mousePress(m, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(m, start + QPoint(20 * step, 10 * step))
    qtbot.mouseRelease(m, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 50))
    # dragging right/down moves the content: the view centre moves left/up by 100/50 pixels
    assert m.cx == pytest.approx(x1 - 100 / m.scale, rel=1e-6)
    assert m.cy == pytest.approx(y1 - 50 / m.scale, rel=1e-6)
    assert view.current is None or view.current.center.id  # a drag is not a click


def _compile_translation(tmp_path: Path) -> Path:
    ts = ROOT / "resources" / "i18n" / "geo_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    out = tmp_path / "geo_zh_CN.qm"
    subprocess.run([tool, "-silent", str(ts), "-qm", str(out)], check=True)
    return out


def test_language_switch(view: CentresView, tmp_path: Path) -> None:
    view.search("Wuhan")
    translator = QTranslator()
    assert translator.load(str(_compile_translation(tmp_path)))
    QCoreApplication.installTranslator(translator)
    try:
        view.set_language("zh-Hans")
        assert view.heading.text() == "治疗中心"
        assert view.model.headerData(1, Qt.Orientation.Horizontal) == "中心"
        assert view.model.data(view.model.index(0, 1)) == "华中科技大学同济医学院附属同济医院"
        assert view.model.data(view.model.index(0, 2)) == "武汉"
        assert "武汉，湖北，中国" in view.status.text()
        card = view.card_text.text()
        assert "华中科技大学同济医学院附属同济医院" in card and "来源中没有" in card
        assert view.map.pins[0].label in {"武汉", "南京", "杭州", "苏州", "天津", "北京"}
    finally:
        QCoreApplication.removeTranslator(translator)
    view.set_language("en")
    assert view.heading.text() == "Treatment centres"
    assert "Wuhan, Hubei, China" in view.status.text()


def test_set_kb_without_place_names(view: CentresView, mini_kb: Path) -> None:
    """A KB built without the gazetteer (or an old one) still lists centres and takes LAT,LON."""
    view.set_kb(KnowledgeBase(mini_kb))
    assert _ids(view) == ["test-wuhan"]
    view.search("Wuhan")
    assert "No place called" in view.status.text()
    view.search("30.6,114.3")
    assert view.model.hits[0].distance_km is not None and view.model.hits[0].distance_km < 5
    assert "not in the sources" in view.card_text.text()


def test_the_centres_model_keeps_qts_model_rules(view: CentresView, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view.search("Wuhan")
    qtmodeltester.check(view.model, force_py=True)  # ranked with distances; then it watches the changes below
    view.search("Beijing")
    view.set_language("zh-Hans")
    view.set_language("en")
    assert view.proxy.rowCount() > 0


def test_many_pins_are_clustered_with_counts(qtbot: QtBot) -> None:
    """Issue 22: thousands of pins zoomed out draw as counted clusters; zoomed in, as pins."""
    from desktop.ui.views.map_widget import CLUSTER_MIN, MapWidget, Pin

    m = MapWidget()
    qtbot.addWidget(m)
    m.resize(800, 500)
    pins = [Pin(f"p{i}", 30.0 + (i % 50) * 0.01, 114.0 + (i // 50) * 0.01, "x") for i in range(1000)]
    m.set_pins(pins)
    m.fit([(-60.0, -170.0), (75.0, 170.0)])
    m.grab()
    assert m._clusters and sum(n for _, n, _ in m._clusters) + len(m._pin_pos) == 1000
    centre = m._clusters[0][0]
    before = m.scale
    qtbot.mouseClick(m, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert m.scale > before  # a click on a cluster zooms in around it
    m.set_pins(pins[: CLUSTER_MIN - 1])
    m.grab()
    assert not m._clusters and len(m._pin_pos) == CLUSTER_MIN - 1
