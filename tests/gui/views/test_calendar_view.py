"""CalendarView with the real KB: what is known is marked (D24), and the weekly nerve check for a
product whose label warns of delayed neurotoxicity (issue 23 item 7)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop.kb.store import KnowledgeBase
from desktop.ui.views.calendar_view import CalendarView


def _view(qtbot, real_kb: Path) -> CalendarView:  # type: ignore[no-untyped-def]
    view = CalendarView(KnowledgeBase(real_kb))
    qtbot.addWidget(view)
    return view


def test_default_product_marks_the_protocol_monitoring_period(qtbot, real_kb: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, real_kb)
    view.set_inputs(dt.date(2026, 12, 1), "China")
    assert view.calendar is not None and view.product.currentData() == "eque-cel"
    watch = view.calendar.event("monitoring-period")
    assert watch is not None and (watch.day_from, watch.day_to) == (1, 28) and watch.source_ids == ("R18",)
    assert view.calendar.event("neuro-check") is None  # eque-cel's label carries no such warning
    notes = view.notes.toPlainText()
    assert "Follow-up visits" in notes and "write it here" not in notes  # nothing can be written on a screen


def test_cilta_cel_marks_the_weekly_nerve_check(qtbot, real_kb: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, real_kb)
    view.set_inputs(dt.date(2026, 12, 1), "US")
    view.product.setCurrentIndex(view.product.findData("cilta-cel"))
    assert view.calendar is not None
    checks = [e for e in view.calendar.events if e.kind == "neuro-check"]
    assert [e.day_from for e in checks] == list(range(14, 101, 7))
    assert checks[0].start == dt.date(2026, 12, 15) and checks[-1].start == dt.date(2027, 3, 9)
    assert {"G14", "CT21", "P10"} <= set(checks[0].source_ids)
    rows = [view.events.topLevelItem(i).text(2) for i in range(view.events.topLevelItemCount())]
    assert rows.count("Weekly nerve check (handwriting, movement, personality)") == len(checks)
    assert "2027年3月" not in view.grid.toPlainText() and "March 2027" in view.grid.toPlainText()


def test_a_theme_switch_recolours_the_weekday_heads_and_text_size_refits_the_dates(qtbot, real_kb: Path) -> None:  # type: ignore[no-untyped-def]
    """Seen on the contact sheets: after light -> dark the weekday heads kept the light theme's grey
    (about 1.3:1 on the dark grid), and after 200 % text the dates list stayed cut ("2026-12-0…")."""
    from PySide6.QtGui import QColor, QGuiApplication, QPalette
    from PySide6.QtWidgets import QApplication

    from desktop.ui.shell import fonts, theme
    from tests.helpers.contrast import ratio

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    view = _view(qtbot, real_kb)
    view.resize(1100, 700)
    view.show()
    view.set_inputs(dt.date(2026, 12, 1), "China")
    try:
        theme.apply_theme(app, "dark")
        qtbot.wait(50)
        found = re.search(r"color:(#[0-9a-fA-F]{6});?\">Mon<", view.grid.toHtml())
        assert found is not None
        colour = QColor(found.group(1))
        assert ratio(colour, QGuiApplication.palette().color(QPalette.ColorRole.Base)) >= 4.5
        fonts.apply_text_size(200)
        qtbot.wait(50)
        date_column = view.events.columnWidth(0)
        needed = view.events.fontMetrics().horizontalAdvance(view.events.topLevelItem(0).text(0))
        assert date_column >= needed
    finally:
        fonts.apply_text_size(100)
        theme.apply_theme(app, "light")
