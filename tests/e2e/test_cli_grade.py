"""`cartref grade`: the JSON contract, the text output and the exit codes (CLI via subprocess)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers.paths import ROOT

DOI = "10.1016/j.bbmt.2018.12.758"


def cartref(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, encoding="utf-8",
                          env=dict(os.environ), cwd=ROOT, timeout=120)


def assert_bad_input(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stdout == ""


ICE = ["grade", "ice", "--orientation", "3", "--naming", "3", "--commands", "1", "--writing", "0", "--attention", "1"]
CRS = ["grade", "crs", "--temp", "39.1", "--hypotension", "none", "--oxygen", "low-flow", "--not-attributable-to-other-cause"]
ICANS = ["grade", "icans", "--ice", "3", "--consciousness", "awake", "--seizure", "self-limiting",
         "--motor", "none", "--edema", "none"]


def test_ice_json() -> None:
    proc = cartref(*ICE, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"grade", "score", "reasons", "source"}
    assert data["score"] == 8 and data["grade"] == 1
    assert isinstance(data["reasons"], list) and all(isinstance(r, str) for r in data["reasons"])
    assert DOI in data["source"]


def test_crs_json() -> None:
    proc = cartref(*CRS, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"grade", "reasons", "source"}
    assert data["grade"] == 2 and DOI in data["source"]
    assert any("low-flow" in r for r in data["reasons"])


def test_crs_masked_fever_flag() -> None:
    plain = json.loads(cartref("grade", "crs", "--temp", "37.0", "--hypotension", "one-vasopressor",
                               "--oxygen", "none", "--json").stdout)
    masked = json.loads(cartref("grade", "crs", "--temp", "37.0", "--fever-masked", "--crs-already-diagnosed",
                                "--hypotension", "one-vasopressor", "--oxygen", "none",
                                "--not-attributable-to-other-cause", "--json").stdout)
    assert (plain["grade"], masked["grade"]) == (0, 3)


def test_crs_masked_fever_without_prior_crs_asks_and_exits_2() -> None:
    proc = cartref("grade", "crs", "--temp", "37.2", "--fever-masked", "--hypotension", "one-vasopressor",
                   "--oxygen", "none")
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "was CRS already diagnosed?" in proc.stderr and "--crs-already-diagnosed" in proc.stderr


def test_crs_unconfirmed_attribution_exits_2_with_one_line() -> None:
    proc = cartref("grade", "crs", "--temp", "39.1", "--hypotension", "none", "--oxygen", "low-flow")
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "--not-attributable-to-other-cause" in proc.stderr
    zh = cartref("grade", "crs", "--temp", "39.1", "--hypotension", "none", "--oxygen", "low-flow", "--lang", "zh")
    assert zh.returncode == 2 and "未分级" in zh.stderr


def test_icans_json_and_unarousable() -> None:
    data = json.loads(cartref(*ICANS, "--json").stdout)
    assert set(data) == {"grade", "reasons", "source"} and data["grade"] == 3
    proc = cartref("grade", "icans", "--unarousable", "--consciousness", "unarousable", "--seizure", "none",
                   "--motor", "none", "--edema", "none", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)["grade"] == 4


def test_text_output_has_reasons_chart_note_and_citation() -> None:
    proc = cartref(*CRS)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0] == "ASTCT CRS grade 2"
    assert "Chart note: ASTCT CRS grade 2: fever 39.1 °C with hypoxia on low-flow O2" in lines
    assert any(line.startswith("Source: ") and DOI in line and "[G1]" in line for line in lines)


def test_chinese_output() -> None:
    proc = cartref(*CRS, "--lang", "zh")
    assert proc.returncode == 0
    assert "病历记录：ASTCT CRS 2 级：发热 39.1 °C，伴低氧（低流量吸氧）" in proc.stdout
    data = json.loads(cartref(*ICANS, "--json", "--lang", "zh").stdout)
    assert any("发作" in r and "3 级" in r for r in data["reasons"])


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
@pytest.mark.parametrize("args", [
    ["grade", "ice", "--orientation", "5", "--naming", "3", "--commands", "1", "--writing", "0", "--attention", "1"],
    ["grade", "ice", "--orientation", "-1", "--naming", "3", "--commands", "1", "--writing", "0", "--attention", "1"],
    ["grade", "ice", "--orientation", "4", "--naming", "3", "--commands", "2", "--writing", "0", "--attention", "1"],
    ["grade", "ice", "--orientation", "four", "--naming", "3", "--commands", "1", "--writing", "0", "--attention", "1"],
    ["grade", "ice", "--orientation", "4", "--naming", "3"],
    ["grade", "crs", "--temp", "29.9", "--hypotension", "none", "--oxygen", "none"],
    ["grade", "crs", "--temp", "45.1", "--hypotension", "none", "--oxygen", "none"],
    ["grade", "crs", "--temp", "nan", "--hypotension", "none", "--oxygen", "none"],
    ["grade", "crs", "--temp", "hot", "--hypotension", "none", "--oxygen", "none"],
    ["grade", "crs", "--temp", "39", "--hypotension", "two-vasopressors", "--oxygen", "none"],
    ["grade", "crs", "--temp", "39", "--hypotension", "none", "--oxygen", "ecmo"],
    ["grade", "icans", "--ice", "11", "--consciousness", "awake", "--seizure", "none", "--motor", "none", "--edema", "none"],
    ["grade", "icans", "--ice", "3", "--unarousable", "--consciousness", "unarousable", "--seizure", "none",
     "--motor", "none", "--edema", "none"],
    ["grade", "icans", "--consciousness", "awake", "--seizure", "none", "--motor", "none", "--edema", "none"],
    ["grade", "icans", "--unarousable", "--consciousness", "voice", "--seizure", "none", "--motor", "none",
     "--edema", "none"],
    ["grade", "icans", "--ice", "3", "--consciousness", "drowsy", "--seizure", "none", "--motor", "none", "--edema", "none"],
    ["grade", "icans", "--ice", "3", "--consciousness", "awake", "--seizure", "none", "--motor", "none", "--edema", "none",
     "--lang", "fr"],
    ["grade"],
    ["grade", "gcs"],
])
def test_bad_input_is_one_line_exit_2(args: list[str], json_flag: list[str]) -> None:
    assert_bad_input(cartref(*args, *json_flag))
