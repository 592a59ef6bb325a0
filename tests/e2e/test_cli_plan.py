"""`cartref plan infections`: JSON contract, the printed sheet, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_cli_grade import assert_bad_input, cartref

BASE = ["plan", "infections", "--ld-date", "2026-01-01", "--infusion-date", "2026-01-06"]


def test_json_contract() -> None:
    proc = cartref(*BASE, "--hbv", "positive", "--hematotox", "high", "--steroid-days", "5", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"edition", "ld_date", "infusion_date", "lines", "reasons", "scope", "source"}
    keys = [line["key"] for line in data["lines"]]
    assert keys == ["hbv", "hsv", "pjp", "bacterial", "fungal", "gcsf", "cmv", "igg", "vaccines", "blood", "fever"]
    cmv = data["lines"][keys.index("cmv")]
    assert cmv["active"] and cmv["variants"][0]["sources"] == ["CT12"]
    assert data["lines"][keys.index("gcsf")]["start"] == "2026-01-08"


def test_patient_edition_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    proc = cartref(*BASE, "--hbv", "unknown", "--edition", "patient", "--lang", "zh", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "疱疹" in proc.stdout and out.read_bytes().count(b"/Type /Page\n") == 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "2026-04-06" in text and "[CT11]" in text


@pytest.mark.parametrize("extra", [["--hbv", "yes"], ["--hbv", "negative", "--steroid-days", "-3"],
                                   ["--hbv", "negative", "--day", "5"],
                                   ["--hbv", "negative", "--igg", "9000"],
                                   ["--hbv", "negative", "--weight-kg", "400"]])
def test_bad_input(extra: list[str]) -> None:
    assert_bad_input(cartref(*BASE, *extra))


def test_ld_after_infusion_refused() -> None:
    assert_bad_input(cartref("plan", "infections", "--ld-date", "2026-01-07", "--infusion-date", "2026-01-06",
                             "--hbv", "negative"))
