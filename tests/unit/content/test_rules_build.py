"""Rules: the build refuses undated / unsourced / unplaced rules, and the KB reads them back."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop.content.build import build_kb
from desktop.errors import ContentError
from desktop.kb.rules import differing, regions, regulatory_timeline, rules_for
from desktop.kb.store import KnowledgeBase
from desktop.kb.verify import verify_kb
from tests.helpers.rules_fixture import RULES_YAML, mini_with_rules


@pytest.fixture(scope="module")
def rules_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("rules")
    data = mini_with_rules(base / "data")
    out = base / "kb.sqlite"
    build_kb(data, out)
    return out


def _refused(tmp_path: Path, old: str, new: str) -> list[str]:
    text = RULES_YAML.replace(old, new, 1)
    assert text != RULES_YAML, "the edit must apply"
    data = mini_with_rules(tmp_path / "data", text)
    with pytest.raises(ContentError) as info:
        build_kb(data, tmp_path / "kb.sqlite")
    return [p.replace(os.sep, "/") for p in info.value.problems]  # platform form -> one form


def test_refuses_rule_without_valid_from(tmp_path: Path) -> None:
    problems = _refused(tmp_path, "    valid_from: 2021-07-15\n", "")
    assert any(p.startswith("data/rules/rules.yaml:") and "valid_from" in p for p in problems), problems
    line = int(problems[0].split(":")[1])
    assert RULES_YAML.splitlines()[line - 1].strip().startswith("- id: cn-ld")
    assert not (tmp_path / "kb.sqlite").exists()


def test_refuses_rule_without_jurisdiction(tmp_path: Path) -> None:
    problems = _refused(tmp_path, "    jurisdiction: Test label (new)\n", "")
    assert any("us-near-2w" in p and "`jurisdiction`" in p for p in problems), problems


def test_refuses_rule_without_sources(tmp_path: Path) -> None:
    problems = _refused(tmp_path, "    valid_from: 2024-05\n    source_ids: [S1]\n", "    valid_from: 2024-05\n")
    assert any("us-ld" in p and "source_ids" in p for p in problems), problems


def test_refuses_unknown_source_therapy_and_bad_dates(tmp_path: Path) -> None:
    text = (
        RULES_YAML.replace("therapy_ids: [eque-cel]\n    jurisdiction: Test protocol", "therapy_ids: [nope-cel]\n    jurisdiction: Test protocol")
        .replace("valid_to: 2025-06-26\n    source_ids: [S1]", "valid_to: 2020-01-01\n    source_ids: [S1]", 1)
        .replace("valid_from: 2025-06-26\n    supersedes", "valid_from: 2025-06\n    supersedes")
        .replace("source_ids: [S1]\n    reviewed_on: 2026-01-01\n  - id: us-drive-8w", "source_ids: [S9]\n    reviewed_on: 2026-01-01\n  - id: us-drive-8w")
    )
    data = mini_with_rules(tmp_path / "data", text)
    with pytest.raises(ContentError) as info:
        build_kb(data, tmp_path / "kb.sqlite")
    joined = "\n".join(info.value.problems)
    assert "unknown therapy `nope-cel`" in joined
    assert "is not after valid_from" in joined
    assert "unknown source id `S9`" in joined


def test_refuses_impossible_date(tmp_path: Path) -> None:
    problems = _refused(tmp_path, "valid_from: 2025-06-26\n    supersedes", "valid_from: 2025-13-01\n    supersedes")
    assert any("rules.yaml" in p and "date" in p for p in problems), problems


def test_refuses_period_rule_without_value(tmp_path: Path) -> None:
    problems = _refused(tmp_path, "    value: 8\n    unit: weeks\n", "")
    assert any("us-drive-8w" in p and "needs `value`" in p for p in problems), problems


def test_tables_and_reads(rules_kb: Path) -> None:
    assert verify_kb(rules_kb) == []
    with KnowledgeBase(rules_kb) as kb:
        assert {r.id for r in regions(kb)} == {"US", "China"}
        near = rules_for(kb, topic="stay-near-centre")
        assert [r.id for r in near] == ["us-near-4w", "us-near-2w"]
        assert [r.id for r in rules_for(kb, topic="stay-near-centre", on=dt.date(2025, 6, 25))] == ["us-near-4w"]
        assert [r.id for r in rules_for(kb, topic="stay-near-centre", on=dt.date(2025, 6, 26))] == ["us-near-2w"]
        # month-only valid_from counts from the first of the month
        assert rules_for(kb, topic="driving", on="2021-02-28") == []
        assert [r.id for r in rules_for(kb, topic="driving", on="2021-03-01")] == ["us-drive-8w"]
        # therapy filter: class-wide rules apply to every product; product rules only to theirs
        assert {r.id for r in rules_for(kb, topic="lymphodepletion", therapy_id="eque-cel")} == {"cn-ld", "us-ld"}
        assert {r.id for r in rules_for(kb, topic="lymphodepletion", therapy_id="other")} == {"us-ld"}
        assert {r.id for r in rules_for(kb, region="China")} == {"cn-ld"}
        assert set(differing(rules_for(kb, region="US"))) == {"stay-near-centre", "driving"}
        rule = rules_for(kb, topic="stay-near-centre")[0]
        assert rule.period_label == "2021-03 – 2025-06-26"
        assert rule.value_text == "4 weeks"
        assert rule.text("zh-Hans") == "就近居住4周。"


def test_regulatory_timeline(rules_kb: Path) -> None:
    with KnowledgeBase(rules_kb) as kb:
        events = regulatory_timeline(kb, "eque-cel")
        dates = [e.date for e in events]
        assert dates == sorted(dates)
        approval = next(e for e in events if e.origin == "approval" and e.date == "2023-06-30")
        assert approval.kind == "approval" and approval.source_ids == ("S1",)
        # Each approval row keeps its own event kind; a CHMP opinion is an opinion, not an indication change.
        kinds = {e.date: e.kind for e in events if e.origin == "approval"}
        assert kinds == {"2023-02-11": "designation", "2023-06-30": "approval", "2024-02-23": "opinion",
                         "2025-02-14": "filing"}
        ends = [e for e in events if e.origin == "rule-end"]
        assert {e.ref_id for e in ends} == {"us-near-4w", "us-drive-8w"}
        assert all(e.date == "2025-06-26" for e in ends)
        assert any(e.origin == "event" and e.kind == "safety-programme" for e in events)
        assert regulatory_timeline(kb, "no-such-product") == []


def test_kb_without_rules_tables(mini_kb: Path) -> None:
    with KnowledgeBase(mini_kb) as kb:
        assert rules_for(kb) == []
        assert regulatory_timeline(kb, "eque-cel") == []
        assert regions(kb) == []


def test_real_rules_show_the_june_2025_change(real_kb: Path) -> None:
    with KnowledgeBase(real_kb) as kb:
        if not kb.has_table("rules"):
            pytest.skip("the bundled KB predates the rules tables; rebuild it")
        before = rules_for(kb, topic="stay-near-centre", region="US", on=dt.date(2025, 6, 1))
        after = rules_for(kb, topic="stay-near-centre", region="US", on=dt.date(2025, 7, 1))
        assert [r.value_text for r in before] == ["4 weeks"]
        assert [r.value_text for r in after] == ["2 weeks"]
        for rule in rules_for(kb):
            assert rule.jurisdiction and rule.valid_from and rule.source_ids


def test_refuses_duplicate_and_malformed_rule_ids(tmp_path: Path) -> None:
    problems = _refused(tmp_path, "- id: us-near-2w", "- id: cn-ld")
    assert any("duplicate rule id `cn-ld` (first at line" in p for p in problems), problems
    problems = _refused(tmp_path / "bad", "- id: us-near-2w", "- id: US Near")
    assert any("bad rule id 'US Near'" in p for p in problems), problems
