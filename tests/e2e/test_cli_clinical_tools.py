"""`cartref dose tocilizumab`, `pathway`, `watch neuro`, `grade icaht|hematotox`: JSON contract, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli_grade import assert_bad_input, cartref


def test_dose_json_contract() -> None:
    proc = cartref("dose", "tocilizumab", "--weight-kg", "120", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"dose_mg", "can_give", "reasons", "source"}
    assert data["dose_mg"] == 800 and data["can_give"] is True and "[CT7]" in data["source"]


def test_dose_ledger_fifth_dose_refused() -> None:
    data = json.loads(cartref("dose", "tocilizumab", "--weight-kg", "70", "--doses-given", "4",
                              "--hours-since-last", "9", "--json").stdout)
    assert data["can_give"] is False and any("4 doses in total" in r for r in data["reasons"])


def test_dose_text_in_chinese() -> None:
    proc = cartref("dose", "tocilizumab", "--weight-kg", "70", "--lang", "zh")
    assert proc.returncode == 0 and "560" in proc.stdout and "托珠单抗" in proc.stdout, proc.stdout


@pytest.mark.parametrize("args", [["--weight-kg", "19.9"], ["--weight-kg", "300.1"], ["--weight-kg", "-70"],
                                  ["--weight-kg", "70", "--doses-given", "-1"],
                                  ["--weight-kg", "70", "--hours-since-last", "-2"], ["--weight-kg", "x"]])
def test_dose_bad_input(args: list[str]) -> None:
    assert_bad_input(cartref("dose", "tocilizumab", *args))


def test_pathway_json() -> None:
    proc = cartref("pathway", "--crs", "4", "--icans", "3", "--product", "cilta-cel", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["protocol"] == "asco" and [s["topic"] for s in data["sections"]] == ["crs", "icans"]
    assert [c["source"] for c in data["sections"][0]["columns"]] == ["asco", "nccn", "label"]
    assert_bad_input(cartref("pathway", "--crs", "5"))


def test_icaht_json(tmp_path: Path) -> None:
    counts = tmp_path / "counts.csv"
    counts.write_text("day,anc,plt\n" + "".join(f"{d},300,40\n" for d in range(8)), encoding="utf-8")
    data = json.loads(cartref("grade", "icaht", "--counts", str(counts), "--json").stdout)
    assert {"grade", "phase", "reasons", "source"} <= set(data)
    assert data["grade"] is None and data["phase"] == "early" and data["t_icaht"]["early"] == 2
    assert_bad_input(cartref("grade", "icaht", "--counts", str(tmp_path / "missing.csv")))
    counts.write_text("day,anc\n1,abc\n", encoding="utf-8")
    assert_bad_input(cartref("grade", "icaht", "--counts", str(counts)))


def test_hematotox_refuses_in_one_line() -> None:
    proc = cartref("grade", "hematotox", "--anc", "1000", "--hb", "9", "--plt", "100", "--crp", "3",
                   "--ferritin", "700", "--json")
    assert_bad_input(proc)
    assert "not available: the per-item points of Rejeski 2021 were not read in the primary source" in proc.stderr


def test_watch_neuro() -> None:
    data = json.loads(cartref("watch", "neuro", "--temp-f", "100.4", "--json").stdout)
    assert data["call_now"] is True and "[G14]" in data["source"]
    assert_bad_input(cartref("watch", "neuro", "--temp-c", "50"))
