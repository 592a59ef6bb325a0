"""HandoutsView: form -> live page preview, PDF save, preset save/load, batch with cancel, language."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop.kb.store import KnowledgeBase
from desktop.ui.views.handouts_view import HandoutsView

EVIL = '<b>Li</b> & "Wang"'


@pytest.fixture()
def view(qtbot, mini_kb: Path) -> Iterator[HandoutsView]:  # type: ignore[no-untyped-def]
    from desktop.userdata.db import open_user_db

    conn = open_user_db()  # the window passes the AppContext's connection
    v = HandoutsView(KnowledgeBase(mini_kb), user_db=conn)
    qtbot.addWidget(v)
    v.resize(1100, 800)
    yield v
    conn.close()


def test_preview_and_pdf(view: HandoutsView, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view.template.setCurrentIndex(view.template.findData("warning-signs"))
    view.patient.setText(EVIL)
    view.phones.setText("+86 20 5550 0123")
    view.set_center("test-wuhan")
    view.refresh_preview()
    pages = view.pages.findChildren(QLabel)
    assert view.document is not None and len(pages) == view.document.page_count >= 1
    assert "page" in view.status.text()
    out = view.save_pdf(tmp_path / "w.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert EVIL in " ".join(text.split()) and "测试医院" not in text and "Test Hospital Wuhan" in text


def test_bad_date_is_shown_not_raised(view: HandoutsView) -> None:
    view.infusion.setText("2026-13-01")
    view.refresh_preview()
    assert "bad date" in view.status.text()


def test_chinese_typing_and_language_switch(view: HandoutsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.patient.setFocus()
    QApplication.sendEvent(view.patient, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, "王丽"))
    assert view.patient.text() == "王丽"
    view.set_language("zh-Hans")
    assert view.language.currentData() == "zh-Hans"
    assert view.template.currentText() == "关于您的CAR-T治疗"
    view.refresh_preview()
    assert view.document is not None and view.document.rendered.options.lang == "zh-Hans"
    view.set_language("en")
    assert view.template.currentText() == "About your CAR-T therapy"


def test_preset_saved_without_patient_details(view: HandoutsView) -> None:
    from desktop.userdata import presets
    from desktop.userdata.db import open_user_db

    view.patient.setText("Secret Patient")
    view.set_center("test-wuhan")
    view.phones.setText("027 1111; 027 2222")
    view.preset.setEditText("Ward 5")
    view.save_preset()
    saved = presets.get(open_user_db(), "Ward 5")
    assert saved is not None and saved.center_id == "test-wuhan" and saved.phones == ("027 1111", "027 2222")
    conn = open_user_db()
    dump = "\n".join(conn.iterdump())
    assert "Secret Patient" not in dump
    view.phones.setText("")
    view.set_center("")
    view.load_preset()
    assert view.phones.text() == "027 1111; 027 2222" and view.center.currentData() == "test-wuhan"


def test_batch_runs_on_a_thread_and_cancels(view: HandoutsView, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view.copies.setValue(3)
    worker = view.start_batch(tmp_path)
    assert not view.progress.isHidden() and not view.cancel_btn.isHidden()
    # waitUntil, not waitSignal: a fast worker may finish before a signal spy would connect
    qtbot.waitUntil(lambda: worker.is_finished() and view.progress.isHidden(), timeout=60000)
    assert len(list(tmp_path.glob("*.pdf"))) == 3 and view.progress.isHidden()
    other = tmp_path / "cancelled"
    other.mkdir()
    view.copies.setValue(40)
    worker = view.start_batch(other)
    view.cancel_batch()
    qtbot.waitUntil(lambda: worker.is_finished() and view.progress.isHidden(), timeout=60000)
    assert len(list(other.glob("*.pdf"))) < 40


def test_calendar_print_path_fills_the_form(qtbot, real_kb: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from desktop.ui.views.calendar_view import CalendarView

    kb = KnowledgeBase(real_kb)
    view = HandoutsView(kb)
    cal = CalendarView(kb)
    qtbot.addWidget(view)
    qtbot.addWidget(cal)
    assert view.jurisdiction.currentData() == "China"  # the product's (eque-cel) rules by default
    cal.printRequested.connect(view.take_request)
    cal.set_inputs(dt.date(2026, 1, 29), "US", dt.date(2025, 12, 20))
    cal._print()
    assert view.plan(view.personal()) is cal.plan  # the calendar's plan is printed as it is, not recomputed
    assert view.handout_name() == "recovery-calendar"
    assert view.infusion.text() == "2026-01-29" and view.leukapheresis.text() == "2025-12-20"
    assert view.jurisdiction.currentData() == "US"
    assert view.document is not None and view.document.page_count >= 1
    out = view.save_pdf(tmp_path / "cal.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split())
    assert "2026-01-29" in text and "US FDA label" in text and "2026-02-12" in text
    from desktop.recovery.plan import Dates, plan_for
    from desktop.ui.shell.requests import PrintCalendar

    view.show_template(PrintCalendar("symptom-log", plan_for(kb, Dates(dt.date(2026, 1, 29), None, "China")), "zh-Hans"))
    assert view.handout_name() == "symptom-log" and view.leukapheresis.text() == ""
    assert view.document is not None and view.document.rendered.options.lang == "zh-Hans"
    view.show_template(PrintCalendar("no-such", plan_for(kb), "en"))
    assert "no-such" in view.status.text()
