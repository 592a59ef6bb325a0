"""Offline feedback: kept locally, listed, cleared, exported as one small JSON file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.errors import UserInputError
from desktop.userdata import feedback
from desktop.userdata.db import open_user_db


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    c = open_user_db(tmp_path / "user.sqlite")
    yield c
    c.close()


def test_record_and_list(conn: sqlite3.Connection) -> None:
    assert feedback.record_no_results(conn, "  ciltacel   wallet ", "1.0.0") is not None
    feedback.record_no_results(conn, "ciltacel wallet", "1.0.0")  # same query again: kept once
    feedback.record_no_results(conn, "   ", "1.0.0")  # nothing typed: nothing kept
    feedback.record_page_problem(conn, "article:crs-patient", "The fever threshold\nis unclear.", "1.0.0")
    items = feedback.list(conn)
    assert [(i.kind, i.query, i.page_id) for i in items] == [
        ("no-results", "ciltacel wallet", ""),
        ("page-problem", "", "article:crs-patient"),
    ]
    assert items[1].text == "The fever threshold\nis unclear." and items[1].kb_version == "1.0.0"
    assert [i.kind for i in feedback.list_feedback(conn, "page-problem")] == ["page-problem"]


def test_page_problem_needs_text(conn: sqlite3.Connection) -> None:
    with pytest.raises(UserInputError):
        feedback.record_page_problem(conn, "article:x", "   ")
    with pytest.raises(UserInputError):
        feedback.record_page_problem(conn, "", "text")


def test_no_results_are_capped(conn: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedback, "KEEP_NO_RESULTS", 5)
    for n in range(12):
        feedback.record_no_results(conn, f"query {n}")
    feedback.record_page_problem(conn, "article:a", "kept regardless")
    kept = feedback.list(conn)
    assert [i.query for i in kept if i.kind == "no-results"] == [f"query {n}" for n in range(7, 12)]
    assert len([i for i in kept if i.kind == "page-problem"]) == 1


def test_export_content_and_clear(conn: sqlite3.Connection, tmp_path: Path) -> None:
    feedback.record_no_results(conn, "福可苏 驾驶", "2026.11.24")
    feedback.record_page_problem(conn, "therapy:eque-cel", "Dose line: check the rest day.", "2026.11.24")
    out = tmp_path / "usb" / "feedback.json"
    out.parent.mkdir()
    assert feedback.export_feedback(conn, out) == 2
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "cartref-feedback/1"
    assert data["counts"] == {"no-results": 1, "page-problem": 1}
    assert data["items"][0]["query"] == "福可苏 驾驶"
    assert data["items"][1] == {
        "kind": "page-problem",
        "query": "",
        "page_id": "therapy:eque-cel",
        "kb_version": "2026.11.24",
        "text": "Dose line: check the rest day.",
        "created_at": data["items"][1]["created_at"],
    }
    assert out.stat().st_size < 4096
    assert [p.name for p in out.parent.iterdir()] == ["feedback.json"]  # no temp file left
    assert feedback.clear(conn) == 2
    assert feedback.list(conn) == []
    assert feedback.export_feedback(conn, out) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["items"] == []


def test_export_bad_target(conn: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(UserInputError):
        feedback.export_feedback(conn, tmp_path)
    with pytest.raises(UserInputError):
        feedback.export_feedback(conn, tmp_path / "nope" / "f.json")
