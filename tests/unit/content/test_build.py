"""The KB build: refuses bad content with file:line, and is deterministic."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.content.load import load_content
from desktop.errors import ContentError
from desktop.kb.verify import verify_kb
from tests.helpers.paths import MINI


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target


def _problems(data: Path) -> list[str]:
    with pytest.raises(ContentError) as err:
        build_kb(data, data.parent / "kb.sqlite")
    assert not (data.parent / "kb.sqlite").exists(), "a refused build must not leave a KB behind"
    # messages name files in the platform's form (data\trials\... on Windows); compared in one form
    return [p.replace(os.sep, "/") for p in err.value.problems]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_builds_and_verifies(data: Path, tmp_path: Path) -> None:
    result = build_kb(data, tmp_path / "kb.sqlite")
    assert result.counts["articles"] == 3
    assert verify_kb(tmp_path / "kb.sqlite") == []


def test_missing_citation_is_refused_with_file_and_line(data: Path) -> None:
    _edit(data / "trials" / "trials.yaml", "source_ids: [S1]", "source_ids: [NOPE]")
    problems = _problems(data)
    assert any(re.match(r"data/trials/trials\.yaml:1: unknown source id `NOPE`", p) for p in problems), problems


def test_citation_in_article_body_must_exist(data: Path) -> None:
    _edit(data / "safety" / "crs.en.md", "[@G1]", "[@G9]")
    problems = _problems(data)
    assert any(p.startswith("data/safety/crs.en.md:10: citation [@G9]") for p in problems), problems


def test_outcome_for_unknown_trial(data: Path) -> None:
    _edit(data / "trials" / "outcomes.csv", "test-1,car-t,all,crs_any", "test-9,car-t,all,crs_any")
    problems = _problems(data)
    assert "data/trials/outcomes.csv:3: outcome for unknown trial `test-9`" in problems


def test_percentage_outside_range(data: Path) -> None:
    _edit(data / "trials" / "outcomes.csv", "orr,96.0,percent", "orr,196.0,percent")
    problems = _problems(data)
    assert any(p.startswith("data/trials/outcomes.csv:2: percentage 196") for p in problems), problems


def test_centre_without_coordinates(data: Path) -> None:
    _edit(data / "centers" / "centers.yaml", "  lat: 30.58\n", "")
    problems = _problems(data)
    assert "data/centers/centers.yaml:1: centre `test-wuhan` has no coordinates (lat/lon)" in problems


def test_duplicate_id(data: Path) -> None:
    text = (data / "glossary" / "glossary.yaml").read_text(encoding="utf-8")
    (data / "glossary" / "glossary.yaml").write_text(text + text, encoding="utf-8")
    problems = _problems(data)
    assert any("duplicate glossary id `bcma` (first at line 1)" in p for p in problems), problems


def test_article_without_reviewed_on(data: Path) -> None:
    _edit(data / "safety" / "crs.en.md", "reviewed_on: 2026-01-01\n", "")
    problems = _problems(data)
    assert "data/safety/crs.en.md:2: missing `reviewed_on`" in problems


def test_broken_yaml_names_the_line(data: Path) -> None:
    (data / "glossary" / "glossary.yaml").write_text("- id: x\n  term_en: [unclosed\n", encoding="utf-8")
    problems = _problems(data)
    assert any(p.startswith("data/glossary/glossary.yaml:") and "invalid YAML" in p for p in problems), problems


def test_impossible_date_names_the_line(data: Path) -> None:
    _edit(data / "therapies" / "eque-cel.yaml", "reviewed_on: 2026-01-01", "reviewed_on: 2025-13-01")
    problems = _problems(data)
    assert any(re.match(r"data/therapies/eque-cel\.yaml:\d+: impossible date `2025-13-01`", p) for p in problems), problems


def test_all_problems_reported_at_once(data: Path) -> None:
    _edit(data / "trials" / "outcomes.csv", "orr,96.0,percent", "orr,-1,percent")
    _edit(data / "centers" / "centers.yaml", "  lat: 30.58\n", "")
    assert len(_problems(data)) >= 2


def test_build_is_deterministic(data: Path, tmp_path: Path) -> None:
    a = build_kb(data, tmp_path / "a.sqlite")
    b = build_kb(data, tmp_path / "b.sqlite")
    assert a.content_hash == b.content_hash
    assert (tmp_path / "a.sqlite").read_bytes() == (tmp_path / "b.sqlite").read_bytes()


def test_content_hash_changes_with_content(data: Path) -> None:
    before = load_content(data).content_hash
    _edit(data / "safety" / "crs.en.md", "fever", "fevers")
    assert load_content(data).content_hash != before


def test_verify_catches_a_corrupted_file(mini_kb: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    raw = bytearray(mini_kb.read_bytes())
    raw[4096:8192] = b"\xff" * 4096
    bad.write_bytes(bytes(raw))
    assert verify_kb(bad) != []


def test_verify_catches_rule_breaks_in_a_built_kb(mini_kb: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kb.sqlite"
    shutil.copy(mini_kb, copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE outcomes SET value = 150 WHERE metric = 'orr'")
    conn.commit()
    conn.close()
    assert any("outside 0–100" in p for p in verify_kb(copy))


def test_lay_terms_need_a_source_and_a_review_date(data: Path) -> None:
    (data / "lay_terms.yaml").write_text(
        "filler: {reviewed_on: 2026-12-07, zh: [吗], en: [how]}\n"
        "groups:\n"
        "  - {concept: fever, reviewed_on: 2026-12-07, lay: [发烧], finds: [发热]}\n"
        "  - {concept: x, source: y, lay: [a], finds: [b]}\n"
        "  - {concept: z, source: y, reviewed_on: 2026-12-07, route: moon, lay: [c], finds: [d]}\n",
        encoding="utf-8",
    )
    problems = "\n".join(_problems(data))
    assert "lay_terms.yaml:1: lay group 1 needs a `source`" in problems
    assert "lay_terms.yaml:2: missing `reviewed_on`" in problems
    assert "unknown route 'moon'" in problems


def test_centre_kinds_and_labelled_phones(data: Path, tmp_path: Path) -> None:
    """Issue 22: `treating` is a kind (a source says it treated patients with a product);
    labelled phones a source gives are kept; a number that is not +COUNTRY NUMBER is refused."""
    path = data / "centers" / "centers.yaml"
    _edit(path, "  kind: trial\n", "  kind: treating\n  phones:\n    - {label: switchboard, number: \"+86 27 8366 2688\"}\n")
    out = tmp_path / "built" / "kb.sqlite"
    out.parent.mkdir()
    build_kb(data, out)
    row = sqlite3.connect(out).execute("SELECT kind, phone FROM centers WHERE id='test-wuhan'").fetchone()
    assert row == ("treating", "switchboard: +86 27 8366 2688")
    _edit(path, "  kind: treating\n", "  kind: certified-by-me\n")
    _edit(path, "+86 27 8366 2688", "8366 2688")
    problems = _problems(data)
    assert any("centre kind 'certified-by-me' is not trial, treating or certified" in p for p in problems), problems
    assert any("phone '8366 2688' is not +COUNTRY NUMBER" in p for p in problems), problems
