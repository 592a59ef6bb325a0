"""HandoutsView: form -> live page preview, PDF save, preset save/load, batch with cancel, language."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from desktop.errors import CartrefError
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


def _png(view: HandoutsView) -> bytes:
    """Page 1 of the laid-out handout as PNG bytes (what the preview shows, at print resolution)."""
    from PySide6.QtCore import QBuffer, QIODevice

    assert view.document is not None
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    view.document.page_image(0, 150).save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_preview_fills_the_pane_and_names_the_rules(qtbot, real_kb: Path) -> None:  # type: ignore[no-untyped-def]
    """D35: at 1024 px the page preview gets the room, a whole page width in view; the region's
    whole name is shown under its combo, not cut."""
    view = HandoutsView(KnowledgeBase(real_kb))
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    qtbot.waitExposed(view)
    view.refresh_preview()
    pages = [label for label in view.pages.findChildren(QLabel) if label.pixmap() is not None and not label.pixmap().isNull()]
    assert pages
    viewport = view.preview_area.viewport().width()
    assert viewport >= 520 and pages[0].pixmap().width() <= viewport
    assert view.preview_area.width() > view.split.widget(0).width()
    assert view.jurisdiction_full.text() == view.jurisdiction.currentText() != ""
    assert "Rules of" not in "".join(label.text() for label in view._labels)


def test_preview_and_pdf(view: HandoutsView, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view.template.setCurrentIndex(view.template.findData("warning-signs"))
    view.patient.setText(EVIL)
    view.contact_labels[0].setText("24小时")
    view.contact_numbers[0].setText("020 5550 0123")  # no country code: the centre's country (China)
    view.contact_labels[1].setText("Clinic")
    view.contact_numbers[1].setText("+86 27 8366 1111")
    view.set_center("test-wuhan")
    view.refresh_preview()
    # every number has its own QR; the window lists what each one dials
    assert view.decoded.text() == "Each QR code dials the number beside it: 24小时: +862055500123 · Clinic: +862783661111"
    codes = subprocess.run(["zbarimg", "-q", "--raw", "-"], input=_png(view), capture_output=True).stdout.decode().split()
    assert sorted(codes) == ["tel:+862055500123", "tel:+862783661111"]
    pages = view.pages.findChildren(QLabel)
    assert view.document is not None and len(pages) == view.document.page_count >= 1
    assert "page" in view.status.text()
    out = view.save_pdf(tmp_path / "w.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    assert EVIL in flat and "测试医院" not in text and "Test Hospital Wuhan" in text
    assert "24小时: +86 20 5550 0123" in flat.replace("\u00a0", " ")


def test_invalid_date_after_a_valid_handout_blocks_print_and_save(view: HandoutsView, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view.patient.setText("Patient AAA")
    view.infusion.setText("2026-12-01")
    view.refresh_preview()
    assert view.document is not None and view.pdf_btn.isEnabled() and view.print_btn.isEnabled()
    view.patient.setText("Patient BBB")
    view.infusion.clear()
    qtbot.keyClicks(view.infusion, "2026-02-30")
    qtbot.waitUntil(lambda: not view._timer.isActive(), timeout=5000)  # the debounced check has run
    assert not view.pdf_btn.isEnabled() and not view.print_btn.isEnabled() and not view.preview_btn.isEnabled()
    assert not view.preview_area.isEnabled() and not view.blocked.isHidden()
    assert not view.errors["infusion"].isHidden() and "2026-02-30" in view.errors["infusion"].text()
    with pytest.raises(CartrefError):
        view.save_pdf(tmp_path / "stale.pdf")
    assert not (tmp_path / "stale.pdf").exists() and view.document is None
    view.infusion.setText("2026-12-01")
    view.contact_numbers[0].setText("call me")
    view.refresh_preview()
    assert not view.pdf_btn.isEnabled() and "call me" in view.errors["contact0"].text()
    view.contact_numbers[0].setText("+86 27 8366 0000")
    view.refresh_preview()
    assert view.pdf_btn.isEnabled()
    out = view.save_pdf(tmp_path / "b.pdf")
    assert "Patient BBB" in subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    view.template.setCurrentIndex(view.template.findData("recovery-calendar"))
    view.infusion.setText("")
    view.refresh_preview()
    assert not view.pdf_btn.isEnabled() and "needs an infusion date" in view.errors["infusion"].text()


def test_preview_is_laid_out_off_the_ui_thread(view: HandoutsView, qtbot) -> None:  # type: ignore[no-untyped-def]
    view.patient.setText("Off Thread")
    view.start_preview()
    task = view.preview_task
    assert task is not None
    qtbot.waitUntil(lambda: task.is_finished() and view.document is not None, timeout=30000)
    assert view.document is not None and view.document.page_count >= 1


def test_bad_date_is_shown_not_raised(view: HandoutsView) -> None:
    view.infusion.setText("2026-13-01")
    view.refresh_preview()
    assert "2026-13-01 does not exist" in view.errors["infusion"].text() and view.document is None
    view.set_language("zh-Hans")
    view.refresh_preview()
    assert "2026-13-01" in view.errors["infusion"].text() and "does not exist" not in view.errors["infusion"].text()


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
    view.contact_labels[0].setText("Ward")
    view.contact_numbers[0].setText("027 8366 1111")
    view.contact_numbers[1].setText("027 8366 2222")
    view.preset.setEditText("Ward 5")
    view.save_preset()
    saved = presets.get(open_user_db(), "Ward 5")
    assert saved is not None and saved.center_id == "test-wuhan"
    assert saved.phones == ("Ward=+86 27 8366 1111", "+86 27 8366 2222")
    conn = open_user_db()
    dump = "\n".join(conn.iterdump())
    assert "Secret Patient" not in dump
    for line in (*view.contact_labels, *view.contact_numbers):
        line.setText("")
    view.set_center("")
    view.load_preset()
    assert [line.text() for line in view.contact_labels[:2]] == ["Ward", ""]
    assert [line.text() for line in view.contact_numbers[:2]] == ["+86 27 8366 1111", "+86 27 8366 2222"]
    assert view.center.currentData() == "test-wuhan"


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
