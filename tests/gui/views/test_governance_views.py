"""Calendar, timeline, 'what changed' views and the feedback dialogs, offscreen."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

from desktop.content.build import build_kb
from desktop.kb.store import KnowledgeBase
from tests.helpers.paths import MINI
from tests.helpers.rules_fixture import mini_with_rules


@pytest.fixture(scope="module")
def rules_kb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    base = tmp_path_factory.mktemp("gov")
    build_kb(mini_with_rules(base / "data"), base / "kb.sqlite")
    with KnowledgeBase(base / "kb.sqlite") as kb:
        yield kb


def test_calendar_view(qtbot, rules_kb: KnowledgeBase) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.views.calendar_view import CalendarView

    view = CalendarView(rules_kb)
    qtbot.addWidget(view)
    view.set_inputs(dt.date(2028, 2, 27), "US", dt.date(2028, 1, 10))
    assert view.calendar is not None and view.calendar.jurisdiction == "US"
    texts = [view.events.topLevelItem(i).text(2) for i in range(view.events.topLevelItemCount())]
    assert "Stay near the treatment centre" in texts and "Leukapheresis (cell collection)" in texts
    assert "29" in view.grid.toPlainText()  # the leap day is in the February grid
    view.set_inputs(dt.date(2028, 2, 27), "China")
    assert view.calendar is not None and view.calendar.event("stay-near-centre") is None
    assert "treating centre" in view.notes.toPlainText()
    view.set_language("zh-Hans")
    assert view.calendar is not None
    texts = [view.events.topLevelItem(i).text(2) for i in range(view.events.topLevelItemCount())]
    assert "清淋化疗" in texts
    assert "2028年2月" in view.grid.toPlainText()
    from desktop.ui.shell.requests import PrintCalendar

    emitted: list[PrintCalendar] = []
    view.printRequested.connect(emitted.append)
    view.print_button.click()
    assert emitted and emitted[0].handout == "recovery-calendar" and emitted[0].plan is view.plan
    assert emitted[0].plan.calendar is view.calendar and view.calendar.jurisdiction == "China"
    assert emitted[0].plan.infusion == dt.date(2028, 2, 27) and emitted[0].lang == "zh-Hans"


def test_timeline_view(qtbot, rules_kb: KnowledgeBase) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.views.timeline_view import TimelineView

    view = TimelineView(rules_kb)
    qtbot.addWidget(view)
    view.show_therapy("eque-cel")
    dates = [view.timeline.topLevelItem(i).text(0) for i in range(view.timeline.topLevelItemCount())]
    assert "2023-06-30" in dates and dates == sorted(dates)
    topics = [view.rules.topLevelItem(i).text(0) for i in range(view.rules.topLevelItemCount())]
    assert "Staying near the centre" in topics  # the rule group in words, not its code (D19)
    near = view.rules.topLevelItem(topics.index("Staying near the centre"))
    assert near.childCount() == 2  # both versions shown
    view.set_language("zh-Hans")
    near = view.rules.topLevelItem(topics.index("Staying near the centre"))
    assert near.child(1).text(0) == "就近居住2周。"


def test_changes_view(qtbot, tmp_path: Path, mini_kb: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.views.changes_view import ChangesView

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    csv = data / "trials" / "outcomes.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("orr,96.0,", "orr,96.3,"), encoding="utf-8")
    build_kb(data, tmp_path / "new.sqlite", extra=False)
    with KnowledgeBase(mini_kb) as kb:
        view = ChangesView(kb)
        qtbot.addWidget(view)
        assert view.diff is None  # nothing installed yet
        view.compare_files(mini_kb, tmp_path / "new.sqlite")
        assert view.diff is not None
        sections = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
        assert any(s.startswith("Trial results: values changed (1)") for s in sections)
        view.set_language("zh-Hans")
        assert view.diff is not None


def test_changes_view_follows_the_installed_files_after_an_update(qtbot, kit, cartref_home: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Each installed KB has a file name of its own: after an update the default comparison is
    the new previous and current files, unless the user chose files of their own."""
    from desktop.kb.installed import read_installed
    from desktop.packs import apply_pack
    from desktop.ui.views.changes_view import ChangesView
    from tests.helpers.packs_kit import craft, install_template

    install_template(kit, cartref_home)
    apply_pack(kit.v2)
    with KnowledgeBase(read_installed().current) as kb:  # type: ignore[arg-type]
        view = ChangesView(kb)
        qtbot.addWidget(view)
        assert view.new_path.text() == str(read_installed().current) and view.diff is not None
        apply_pack(craft(tmp_path / "v3.cartpack", kit.key, kit.v1, edit_manifest=lambda m: m.update(pack_version="2026.12.9")))
        view.set_kb(kb)
        files = read_installed()
        assert (view.old_path.text(), view.new_path.text()) == (str(files.previous), str(files.current))
        assert view.diff is not None
        view.compare_files(tmp_path / "a.sqlite", tmp_path / "b.sqlite")  # the user's own choice stays
        view.set_kb(kb)
        assert view.new_path.text() == str(tmp_path / "b.sqlite")


def test_changes_view_shows_corrections_with_their_reason(qtbot, tmp_path: Path, mini_kb: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from desktop.ui.views.changes_view import ChangesView

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "corrections.yaml").write_text(
        "- id: orr-recount\n  date: 2026-02-01\n  what_en: The ORR of TEST-1 was corrected.\n"
        "  what_zh: TEST-1 的 ORR 已更正。\n  reason_en: The slide figure differed from the paper.\n"
        "  reason_zh: 幻灯片上的数字与论文不同。\n  refs: [rule:none-here, trial:test-1]\n  source_ids: [S1]\n"
        .replace("rule:none-here, ", ""), encoding="utf-8")
    build_kb(data, tmp_path / "new.sqlite", extra=False)
    with KnowledgeBase(tmp_path / "new.sqlite") as kb:
        view = ChangesView(kb)
        qtbot.addWidget(view)
        view.old_path.setText(str(tmp_path / "missing.sqlite"))
        view.refresh()
        assert view.diff is None
        # Nothing to compare: the corrections the KB in use records are still listed, with the reason.
        section = view.tree.topLevelItem(0)
        assert section.text(0) == "Corrections recorded in this knowledge base, with the reason (1)"
        item = section.child(0)
        assert item.text(0) == "2026-02-01 · The ORR of TEST-1 was corrected." and item.text(3) == "S1"
        assert item.child(0).text(0) == "Why: The slide figure differed from the paper."
        assert item.data(0, Qt.ItemDataRole.UserRole) == "trial:test-1"
        view.compare_files(mini_kb, tmp_path / "new.sqlite")
        sections = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
        assert sections[0] == "Corrections since the earlier content, with the reason (1)"
        view.set_language("zh-Hans")
        assert view.tree.topLevelItem(0).child(0).text(0) == "2026-02-01 · TEST-1 的 ORR 已更正。"


def test_feedback_dialogs(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from desktop.ui.views.feedback_dialogs import FeedbackDialog, ReportProblemDialog
    from desktop.userdata import feedback
    from desktop.userdata.db import open_user_db

    conn = open_user_db(tmp_path / "user.sqlite")
    report = ReportProblemDialog("article:crs", "1.0.0", conn=conn)
    qtbot.addWidget(report)
    report.text.setPlainText("The grade table is cut off.")
    with qtbot.waitSignal(report.saved):
        report.buttons.button(report.buttons.StandardButton.Save).click()
    feedback.record_no_results(conn, "ciltacel wallet")
    dialog = FeedbackDialog(conn=conn)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 2
    out = tmp_path / "fb.json"
    assert dialog.export_to(out) == 2
    assert json.loads(out.read_text(encoding="utf-8"))["items"][0]["text"] == "The grade table is cut off."
    assert dialog.clear_now() == 2
    assert dialog.tree.topLevelItemCount() == 0 and not dialog.export_button.isEnabled()
    conn.close()


def test_what_changed_shows_no_developer_paths(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Review D33: no '…/kb/previous.sqlite' and no 'Older KB' in front of a reader."""
    from PySide6.QtWidgets import QLabel, QLineEdit

    from desktop.kb.store import KnowledgeBase as KB
    from desktop.paths import bundled_kb_path
    from desktop.ui.views.changes_view import ChangesView

    view = ChangesView(KB(bundled_kb_path()))
    qtbot.addWidget(view)
    view.show()
    shown = [w.text() for kind in (QLabel, QLineEdit) for w in view.findChildren(kind) if w.isVisible()]
    assert shown and not any(".sqlite" in t or "/kb/" in t or "KB" in t for t in shown), shown
    view.other_files.setChecked(True)  # a user who asks for files gets the file fields
    assert view.old_path.isVisible() and view.new_path.isVisible()


def test_timeline_opens_on_eque_cel_with_a_wide_event_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.kb.store import KnowledgeBase as KB
    from desktop.paths import bundled_kb_path
    from desktop.ui.views.timeline_view import TimelineView

    view = TimelineView(KB(bundled_kb_path()))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    assert view.product.currentData() == "eque-cel"
    assert view.timeline.topLevelItemCount() > 0 and not view.empty.isVisible()
    widths = [view.timeline.columnWidth(c) for c in range(view.timeline.columnCount())]
    assert widths[3] == max(widths) and widths[3] > 350  # the event text, not the sources, gets the room
    qtbot.wait(20)
    fm = view.timeline.fontMetrics()
    items = [view.timeline.topLevelItem(i) for i in range(view.timeline.topLevelItemCount())]
    longest = max(items, key=lambda it: fm.horizontalAdvance(it.text(3)))
    assert fm.horizontalAdvance(longest.text(3)) > widths[3]  # it needs more than one line...
    assert view.timeline.visualItemRect(longest).height() >= 2 * fm.height()  # ...and gets them (wrapped, not cut)


def test_what_changed_gives_the_change_column_the_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.kb.store import KnowledgeBase as KB
    from desktop.paths import bundled_kb_path
    from desktop.ui.views.changes_view import ChangesView

    view = ChangesView(KB(bundled_kb_path()))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.wait(10)
    widths = [view.tree.columnWidth(c) for c in range(view.tree.columnCount())]
    assert widths[0] == max(widths) and widths[0] > 250, widths
