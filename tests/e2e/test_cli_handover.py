"""`cartref handover --out sheet.pdf`: the page reads (pdftotext) and its QR decodes (zbarimg) to the centre's number."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.e2e.test_cli_grade import assert_bad_input, cartref

BASE = ["handover", "--product", "cilta-cel", "--infusion-date", "2026-11-20", "--today", "2026-12-07"]


@pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("zbarimg")),
                    reason="poppler-utils and zbar-tools are needed to read the sheet back")
def test_sheet_text_and_qr(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    proc = cartref(*BASE, "--crs", "2", "--icans", "1", "--tocilizumab", "2026-11-22 08:00 640 mg",
                   "--centre", "Test Centre 测试中心", "--phone", "+86 10 1234 5678", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().count(b"/Type /Page\n") == 1
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    for needle in ("emergency handover", "急诊交接单", "cilta-cel", "17", "CRS 2 · ICANS 1", "640 mg",
                   "测试中心", "IEC-HS", "[CT19]"):
        assert needle in text, needle
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", str(out), str(tmp_path / "page")], check=True)
    qr = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "page.png")], capture_output=True, text=True)
    assert qr.stdout.strip() == "tel:+86 10 1234 5678", qr.stdout + qr.stderr


def test_json_without_pdf() -> None:
    proc = cartref(*BASE, "--json", "--lang", "zh")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["day"] == 17 and data["out"] is None
    assert any("IEC-HS" in w["text"] and w["sources"] == ["G10"] for w in data["watch"])
    assert any("帕金森" in w["text"] for w in data["watch"]), data["watch"]


@pytest.mark.parametrize("extra", [["--phone", "call me"], ["--today", "2026-11-01"], ["--crs", "5"],
                                   ["--icans", "-1"], ["--infusion-date", "2026-13-01"], []])
def test_bad_input(extra: list[str], tmp_path: Path) -> None:
    args = [*BASE, *extra] if extra else BASE  # no --out and no --json: refused
    if extra:
        args = [*args, "--out", str(tmp_path / "x.pdf")]
    assert_bad_input(cartref(*args))
    assert not (tmp_path / "x.pdf").exists()
