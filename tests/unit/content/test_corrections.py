"""data/corrections.yaml: validated, built, read back, and shown by `kb diff` with the reason."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.errors import ContentError
from desktop.kb.diff import diff_kbs
from desktop.kb.store import KnowledgeBase
from tests.helpers.paths import MINI

CORRECTIONS = """\
- id: orr-recount
  date: 2026-02-01
  what_en: The ORR of TEST-1 now reads 96.3%.
  what_zh: TEST-1 的 ORR 现为 96.3%。
  reason_en: The earlier figure was copied from a conference slide; the paper gives 96.3%.
  reason_zh: 此前的数字抄自会议幻灯片；论文给出 96.3%。
  refs: [trial:test-1, therapy:eque-cel]
  source_ids: [S1]
- id: older-note
  date: 2026-01-15
  what_en: A wording fix.
  reason_en: Clearer.
"""


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def _build(data: Path, name: str, corrections: str | None) -> Path:
    path = data / "corrections.yaml"
    if corrections is None:
        path.unlink(missing_ok=True)
    else:
        path.write_text(corrections, encoding="utf-8")
    return build_kb(data, data.parent / name).path


def _problems(data: Path, corrections: str) -> list[str]:
    (data / "corrections.yaml").write_text(corrections, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        build_kb(data, data.parent / "bad.sqlite")
    return [p.replace(os.sep, "/") for p in err.value.problems]


def test_corrections_are_built_and_read_newest_first(data: Path) -> None:
    with KnowledgeBase(_build(data, "kb.sqlite", CORRECTIONS)) as kb:
        got = kb.corrections()
    assert [c.id for c in got] == ["orr-recount", "older-note"]
    first = got[0]
    assert first.refs == ("trial:test-1", "therapy:eque-cel") and first.source_ids == ("S1",)
    assert first.reason("zh-Hans").startswith("此前的数字") and first.what("en").endswith("96.3%.")
    assert got[1].reason("zh-Hans") == "Clearer.", "English when no Chinese is given"


def test_no_file_means_no_corrections(data: Path) -> None:
    with KnowledgeBase(_build(data, "kb.sqlite", None)) as kb:
        assert kb.corrections() == []


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  reason_en: Clearer.\n", "", "correction is missing `reason_en`"),
    ("date: 2026-01-15", "date: mid-January", "`date` is not a date"),
    ("refs: [trial:test-1,", "refs: [trial:no-such-trial,", "ref `trial:no-such-trial` names no trial"),
    ("refs: [trial:test-1,", "refs: [page:test-1,", "ref `page:test-1` must start with one of"),
    ("source_ids: [S1]", "source_ids: [NOPE]", "unknown source id `NOPE`"),
    ("id: older-note", "id: orr-recount", "duplicate correction id `orr-recount`"),
])
def test_bad_corrections_are_refused_with_file_and_line(data: Path, old: str, new: str, message: str) -> None:
    assert old in CORRECTIONS
    problems = _problems(data, CORRECTIONS.replace(old, new, 1))
    assert any(message in p and p.startswith("data/corrections.yaml:") for p in problems), problems


def test_diff_shows_new_and_reworded_corrections_with_the_reason(data: Path) -> None:
    older = _build(data, "old.sqlite", CORRECTIONS.split("- id: older-note")[0])
    newer = _build(data, "new.sqlite", CORRECTIONS)
    result = diff_kbs(older, newer)
    assert [c["id"] for c in result.corrections] == ["older-note"], "an unchanged correction is not new"
    assert not result.is_empty
    text = result.as_text()
    assert "corrections (1):" in text and "  2026-01-15 older-note: A wording fix." in text and "    why: Clearer." in text
    reworded = _build(data, "reworded.sqlite", CORRECTIONS.replace("Clearer.", "Clearer for patients."))
    assert [c["id"] for c in diff_kbs(newer, reworded).corrections] == ["older-note"]
    assert diff_kbs(newer, newer).corrections == []
    assert diff_kbs(newer, older).corrections == [], "a removed correction is not shown as one"
    assert result.to_dict()["corrections"][0]["reason_en"] == "Clearer."
