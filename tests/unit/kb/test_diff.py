"""`diff_kbs` on two crafted KBs built from copies of tests/fixtures/mini."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.errors import KBError, UserInputError
from desktop.kb.diff import diff_kbs
from tests.helpers.paths import FIXTURES


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def two_kbs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("diff")
    shutil.copytree(FIXTURES / "mini", base / "old")
    shutil.copytree(FIXTURES / "mini", base / "new")
    new = base / "new"
    _edit(new / "kb.yaml", 'version: "1.0.0"', 'version: "1.1.0"')
    # an outcome value changes (with a different source), another outcome disappears
    _edit(new / "trials" / "outcomes.csv", "test-1,car-t,all,orr,96.0,percent,,,97,101,13.8,Test 2024,S1", "test-1,car-t,all,orr,96.3,percent,,,98,101,13.8,Test 2024,G1")
    lines = (new / "trials" / "outcomes.csv").read_text(encoding="utf-8").splitlines()
    (new / "trials" / "outcomes.csv").write_text("\n".join(line for line in lines if ",crs_any," not in line) + "\n", encoding="utf-8")
    # an article is edited, another added, one removed
    crs = new / "safety" / "crs.en.md"
    crs.write_text(crs.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    about = (new / "about" / "about.en.md").read_text(encoding="utf-8")
    (new / "about" / "about.en.md").unlink()
    (new / "about" / "about2.en.md").write_text(about.replace("id: about", "id: about-two", 1), encoding="utf-8")
    # a new centre
    centers = (new / "centers" / "centers.yaml").read_text(encoding="utf-8")
    extra = centers.replace("id: test-wuhan", "id: test-nanjing", 1).replace("name_en: Test Hospital Wuhan", "name_en: Test Hospital Nanjing", 1)
    (new / "centers" / "centers.yaml").write_text(centers + extra, encoding="utf-8")
    build_kb(base / "old", base / "old.sqlite", extra=False)
    build_kb(new, base / "new.sqlite", extra=False)
    return base / "old.sqlite", base / "new.sqlite"


def test_identical_kbs(mini_kb: Path) -> None:
    result = diff_kbs(mini_kb, mini_kb)
    assert result.is_empty
    assert "no differences" in result.as_text()


def test_diff_lists_every_kind_of_change(two_kbs: tuple[Path, Path]) -> None:
    old, new = two_kbs
    result = diff_kbs(old, new)
    assert result.meta_changes["kb_version"] == ("1.0.0", "1.1.0")
    assert "content_hash" in result.meta_changes
    changed = result.of("outcomes", "value-changed")
    assert len(changed) == 1
    orr = changed[0]
    assert orr.key == "test-1/car-t/all/orr/test-2024"
    assert orr.old["value"] == 96.0 and orr.new["value"] == 96.3
    assert orr.old_sources == ("S1",) and orr.new_sources == ("G1",)
    assert "value 96 → 96.3" in orr.summary() and "S1 → G1" in orr.summary()
    assert [c.key for c in result.of("outcomes", "removed")] == ["test-1/car-t/all/crs_any/test-2024"]
    assert [c.key for c in result.of("articles", "edited")] == ["crs/en"]
    assert "body_md" in result.of("articles", "edited")[0].fields
    assert [c.key for c in result.of("articles", "added")] == ["about-two/en"]
    assert [c.key for c in result.of("articles", "removed")] == ["about/en"]
    assert [c.key for c in result.of("centers", "added")] == ["test-nanjing"]
    assert result.of("centers", "removed") == []
    counts = result.counts()
    assert counts["outcomes"] == {"value-changed": 1, "removed": 1}
    data = result.to_dict()
    assert data["meta_changes"]["kb_version"] == {"old": "1.0.0", "new": "1.1.0"}
    text = result.as_text()
    assert "centers added (1):" in text and "test-nanjing" in text


def test_reverse_diff_swaps(two_kbs: tuple[Path, Path]) -> None:
    old, new = two_kbs
    back = diff_kbs(new, old)
    assert [c.key for c in back.of("centers", "removed")] == ["test-nanjing"]
    assert back.of("outcomes", "value-changed")[0].new["value"] == 96.0


def test_bad_files(tmp_path: Path, mini_kb: Path) -> None:
    with pytest.raises(UserInputError):
        diff_kbs(tmp_path / "missing.sqlite", mini_kb)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(KBError):
        diff_kbs(junk, mini_kb)
