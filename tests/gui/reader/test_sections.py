"""Section lists as a reader sees them: the patient journey in treatment order (review D23)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.roles import HEADER_ROLE, TITLE_ROLE
from desktop.ui.reader.sections import SectionList


def _rows(view: SectionList) -> list[str]:
    out = []
    for i in range(view.list.count()):
        item = view.list.item(i)
        if not item.isHidden():
            out.append(("# " if item.data(HEADER_ROLE) else "") + str(item.data(TITLE_ROLE)))
    return out


def test_journey_lists_steps_in_treatment_order_patients_then_clinicians(qtbot: QtBot, real_kb: Path) -> None:
    view = SectionList(KnowledgeBase(real_kb), "journey")
    qtbot.addWidget(view)
    rows = _rows(view)
    assert rows[0] == "# For patients and caregivers"
    split = rows.index("# For clinicians")
    patients, clinicians = rows[1:split], rows[split + 1:]
    for group in (patients, clinicians):
        steps = [int(r.split(".", 1)[0]) for r in group]
        assert steps == sorted(steps) and steps[0] == 1 and len(steps) == 9
    # what the home page promises: from referral to follow-up
    assert "eligib" in patients[0].lower() or "before" in patients[0].lower() or "check" in patients[0].lower()
    assert "follow" in patients[-1].lower()
    assert [p for p in patients if "Leukapheresis" in p or "cells" in p.lower()]
    lk = next(i for i, p in enumerate(patients) if p.startswith("2."))
    inf = next(i for i, p in enumerate(patients) if p.startswith("6."))
    assert lk < inf
    assert view.count_label.text() == f"{len(patients) + len(clinicians)} of {len(patients) + len(clinicians)} shown"


def test_journey_audience_filter_hides_the_other_heading(qtbot: QtBot, real_kb: Path) -> None:
    view = SectionList(KnowledgeBase(real_kb), "journey")
    qtbot.addWidget(view)
    view.audience.setCurrentIndex(view.audience.findData("clinician"))
    rows = _rows(view)
    assert rows[0] == "# For clinicians" and "# For patients and caregivers" not in rows
    assert all(link.startswith("article:") for link in view.visible_links())


def test_an_empty_bookmarks_list_says_how_to_add_one(qtbot: QtBot, real_kb: Path) -> None:
    from desktop.ui.reader.bookmarks_view import BookmarksView
    from desktop.userdata.db import open_user_db

    conn = open_user_db()
    try:
        view = BookmarksView(KnowledgeBase(real_kb), conn)
        qtbot.addWidget(view)
        view.show()
        assert view.bookmark_list.count() == 0
        assert view.bookmarks_empty.isVisible()
        assert "☆" in view.bookmarks_empty.text() and "Ctrl+D" in view.bookmarks_empty.text()
        from desktop.userdata import bookmarks

        bookmarks.add(conn, "glossary", "crs", "CRS")
        view.reload()
        assert view.bookmark_list.count() == 1 and not view.bookmarks_empty.isVisible()
    finally:
        conn.close()
