"""`cartref kb verify --stale DAYS`: sources, rules and label versions not reviewed within DAYS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop import cli
from desktop.content.build import build_kb
from desktop.kb.stale import StaleItem, stale_items
from tests.helpers.rules_fixture import mini_with_rules

TODAY = dt.date(2026, 12, 7)


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini content with rules: sources and rules reviewed 2026-01-01 (340 days before TODAY),
    one rule re-dated 2025-11-01, labels read 2026-01-01 (China) and 2025-06-01 (US), and one
    source with no review date."""
    base = tmp_path_factory.mktemp("stale")
    data = mini_with_rules(base / "data")
    rules = data / "rules" / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    head, sep, tail = text.partition("  - id: us-ld")
    rules.write_text(head + sep + tail.replace("reviewed_on: 2026-01-01", "reviewed_on: 2025-11-01", 1), encoding="utf-8")
    sources = data / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    assert text.count("reviewed_on: 2026-01-01") == 2
    sources.write_text(text.replace("  reviewed_on: 2026-01-01\n", "", 1), encoding="utf-8")
    out = base / "kb.sqlite"
    build_kb(data, out)
    return out


def test_stale_lists_each_kind_with_its_own_date(kb: Path) -> None:
    items = stale_items(kb, 365, TODAY)
    assert items == [
        StaleItem("source", "S1", "", None),
        StaleItem("rule", "us-ld", "2025-11-01", 401),
        StaleItem("label", "eque-cel/US", "2025-06-01", 554),
    ]
    assert [i.line() for i in items] == [
        "source S1: no review date",
        "rule us-ld: reviewed 2025-11-01 (401 days ago)",
        "label eque-cel/US: read 2025-06-01 (554 days ago)",
    ]


def test_the_window_is_days_before_the_day_of_the_check(kb: Path) -> None:
    assert {i.ident for i in stale_items(kb, 339, TODAY)} >= {"G1", "cn-ld", "eque-cel/China"}
    assert "G1" not in {i.ident for i in stale_items(kb, 340, TODAY)}, "exactly DAYS old is still current"
    assert [i.ident for i in stale_items(kb, 10_000, TODAY)] == ["S1"], "no date is always stale"
    with pytest.raises(ValueError):
        stale_items(kb, -1, TODAY)


def test_cli_exit_1_when_stale_0_when_current_2_on_bad_days(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["kb", "verify", str(kb), "--stale", "365", "--as-of", "2026-12-07"]) == 1
    out, err = capsys.readouterr()
    assert "stale: rule us-ld: reviewed 2025-11-01 (401 days ago)" in out.splitlines()
    assert err.strip() == "cartref: 3 item(s) not reviewed within 365 days"
    assert cli.main(["kb", "verify", str(kb), "--stale", "10", "--as-of", "2026-01-05"]) == 1
    capsys.readouterr()
    assert cli.main(["kb", "verify", str(kb)]) == 0
    assert "stale:" not in capsys.readouterr().out
    for bad in (["--stale", "-3"], ["--stale", "soon"], ["--stale", "30", "--as-of", "7 Dec"]):
        with pytest.raises(SystemExit) as exited:  # argparse's exit, as `cartref` exits
            cli.main(["kb", "verify", str(kb), *bad])
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, err
