"""Approval kinds and the label versions read per therapy: validated, built, read back."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.content.products import APPROVAL_KINDS, approval_kind
from desktop.errors import ContentError
from desktop.kb.store import KnowledgeBase
from tests.helpers.paths import MINI

THERAPY = Path("therapies") / "eque-cel.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def _edit(data: Path, old: str, new: str) -> None:
    path = data / THERAPY
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(data: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        build_kb(data, data.parent / "kb.sqlite")
    return [p.replace(os.sep, "/") for p in err.value.problems]


@pytest.mark.parametrize(("event", "kind"), [
    ("RMAT and Fast Track designations (announced)", "designation"),
    ("NDA accepted (under review)", "filing"),
    ("BLA submitted", "filing"),
    ("CHMP positive opinion to extend the indication", "opinion"),
    ("label expansion", "indication-change"),
    ("indication extended (reported 21 March 2024)", "indication-change"),
    ("approval (announced)", "approval"),
    ("conditional marketing authorisation announced", "approval"),
])
def test_approval_kind_from_the_event_text(event: str, kind: str) -> None:
    assert approval_kind(event) == kind
    assert kind in APPROVAL_KINDS


def test_built_kb_has_kinds_and_labels(data: Path) -> None:
    out = build_kb(data, data.parent / "kb.sqlite").path
    with KnowledgeBase(out) as kb:
        assert [a.kind for a in kb.approvals("eque-cel")] == ["designation", "approval", "opinion", "filing"]
        labels = kb.labels("eque-cel")
        assert [(lb.region, lb.version, lb.read_on, lb.source_ids) for lb in labels] == [
            ("China", "2023 NMPA label", "2026-01-01", ("S1",)), ("US", "not read", "2025-06-01", ("S1",))]
        therapy = kb.therapy("eque-cel")
        assert therapy is not None and therapy.label_read_on == "2026-01-01"


def test_an_explicit_kind_wins_and_an_unknown_kind_is_refused(data: Path) -> None:
    _edit(data, "event: NDA accepted,", "event: NDA accepted, kind: approval,")
    out = build_kb(data, data.parent / "kb.sqlite").path
    with KnowledgeBase(out) as kb:
        assert kb.approvals("eque-cel")[-1].kind == "approval"
    _edit(data, "kind: approval,", "kind: rumour,")
    assert any("unknown kind `rumour`" in p for p in _problems(data))


@pytest.mark.parametrize(("old", "new", "message"), [
    ("read_on: 2025-06-01", "read_on: 2025-06", "`read_on` is not a date"),
    ("read_on: 2025-06-01, source_ids: [S1]", "read_on: 2025-06-01, source_ids: [NOPE]", "unknown source id `NOPE`"),
    ("read_on: 2025-06-01, source_ids: [S1]", "read_on: 2025-06-01", "no `source_ids`"),
    ("label_read_on: 2026-01-01", "label_read_on: someday", "`label_read_on` is not a date"),
    ("label_read_on: 2026-01-01", "label_read_on: 2025-01-01", "is after label_read_on 2025-01-01"),
    ("version: not read, ", "", "label"),
    ("{region: US,", "{region: China,", "duplicate label region id `China`"),
])
def test_bad_labels_are_refused_with_file_and_line(data: Path, old: str, new: str, message: str) -> None:
    _edit(data, old, new)
    problems = _problems(data)
    assert any(message in p and "therapies/eque-cel.yaml:" in p for p in problems), problems


def test_labels_without_label_read_on_are_refused(data: Path) -> None:
    _edit(data, "label_read_on: 2026-01-01\n", "")
    assert any("missing `label_read_on`" in p for p in _problems(data))


def test_a_kb_built_before_labels_reads_as_none(data: Path) -> None:
    out = build_kb(data, data.parent / "kb.sqlite").path
    with sqlite3.connect(out) as conn:
        conn.execute("DROP TABLE therapy_labels")
    conn.close()
    with KnowledgeBase(out) as kb:
        assert kb.labels("eque-cel") == []
