"""The Centres view's own list (issue 22): add with a form (errors beside fields), marked in the
table, card and map, used in a handout, edited and removed; the new nearest centre after a new
place (D06); honest labels and filters (D07)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase
from desktop.ui.views.centre_dialog import CentreDialog
from desktop.ui.views.centres_view import CentresView
from desktop.userdata import db, site_centres


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return db.open_user_db(tmp_path / "user.sqlite")


@pytest.fixture
def view(qtbot: QtBot, real_kb: Path, conn: sqlite3.Connection) -> CentresView:
    v = CentresView(KnowledgeBase(real_kb), user_db=conn)
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    qtbot.waitExposed(v)
    return v


def _fill(dialog: CentreDialog, **values: str) -> None:
    for name, value in values.items():
        dialog.set_text(name, value)


def test_form_shows_errors_beside_fields_then_saves(view: CentresView, conn: sqlite3.Connection, qtbot: QtBot) -> None:
    dialog = CentreDialog(view.finder.gazetteer, conn, "en", None, view, product_id=view.finder.therapy_id)
    qtbot.addWidget(dialog)
    _fill(dialog, name_en="Test Hospital", name_zh="测试医院", city="Kunming", phones="ward=12", products="FUCASO, other")
    dialog.save()
    assert dialog.errors["phones"].isVisibleTo(dialog) and "diallable" in dialog.errors["phones"].text()
    assert site_centres.list_all(conn) == []
    _fill(dialog, phones="ward=+86 871 6532 4888", city="Atlantisville")
    dialog.save()
    assert dialog.errors["city"].isVisibleTo(dialog) and not dialog.errors["phones"].isVisibleTo(dialog)
    _fill(dialog, city="Kunming")
    dialog.save()
    assert dialog.result() == CentreDialog.DialogCode.Accepted and dialog.saved is not None
    assert dialog.saved.products == ("eque-cel", "other")  # a brand is kept as its therapy id
    zh = CentreDialog(view.finder.gazetteer, conn, "zh-Hans", None, view)
    qtbot.addWidget(zh)
    _fill(zh, name_en="Test Hospital", city="Kunming")
    zh.save()
    assert "名单中已有" in zh.errors["name_en"].text()


def test_site_centre_is_marked_first_and_usable(view: CentresView, conn: sqlite3.Connection, qtbot: QtBot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.handouts.centre_tools import tools

    centre = site_centres.validate({"name_en": "Test Hospital", "name_zh": "测试医院", "city": "Kunming",
                                    "phones": ["ward=+86 871 6532 4888"]}, tools(view.finder.gazetteer))
    site_centres.add(conn, centre)
    view.reload_site()
    view.search("Kunming")
    assert view.model.hits[0].center.id == "site:test-hospital"
    assert view.current is not None and view.current.center.id == "site:test-hospital"
    assert view.model.data(view.model.index(0, 3)) == "Added at this site"
    card = view.card_text.text()
    assert "Added at this site" in card and "+86 871 6532 4888" in card and "ward" in card
    assert any(p.kind == "site" for p in view.map.pins)
    assert view.edit_button.isEnabled() and view.remove_button.isEnabled()
    with qtbot.waitSignal(view.useInHandout, timeout=1000) as sig:
        view.handout_button.click()
    assert sig.args == ["site:test-hospital"]
    from desktop.ui.views.handouts_view import HandoutsView

    handouts = HandoutsView(view.kb, user_db=conn)
    qtbot.addWidget(handouts)
    handouts.set_center("site:test-hospital")
    assert handouts.center.currentData() == "site:test-hospital"
    # remove (answering yes)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.remove_centre()
    assert site_centres.list_all(conn) == [] and all(h.center.id != "site:test-hospital" for h in view.model.hits)


def test_new_place_moves_the_card_to_the_new_nearest(view: CentresView) -> None:
    """D06: after Wuhan, a search for Urumqi shows Urumqi's nearest centre, not the old one."""
    view.search("Wuhan")
    first = view.current
    view.search("Urumqi")
    assert view.current is not None and view.current.center.id == view.model.hits[0].center.id
    assert first is not None and view.current.distance_km == min(h.distance_km or 0 for h in view.model.hits)
    selected = view.table.selectionModel().selectedRows()
    assert selected and view.proxy.data(selected[0].siblingAtColumn(1)) == view.current.center.name("en")


def test_honest_labels(view: CentresView) -> None:
    """D07: the view and the map say what the centres are; no empty 'certified' filter."""
    assert "ask your team" in view.note.text() and "ask your team" in view.map.note
    kinds = [view.kind.itemData(i) for i in range(view.kind.count())]
    present = {c.kind for c in view.finder.centers}
    assert all(k is None or k in present or k == "site" for k in kinds)
    QApplication.processEvents()


def test_long_names_wrap_instead_of_being_cut(view: CentresView) -> None:
    """D26: a name wider than its column wraps onto more lines (the row grows), never cut."""
    view.search("Wuhan")
    row = view.model.row_of("tongji-wuhan")
    proxy_row = view.proxy.mapFromSource(view.model.index(row, 1)).row()
    metrics = view.table.fontMetrics()
    name = view.model.hits[row].center.name_en
    assert metrics.horizontalAdvance(name) > view.table.columnWidth(1)  # too long for one line here
    assert view.table.wordWrap() and view.table.rowHeight(proxy_row) >= 2 * metrics.lineSpacing()
