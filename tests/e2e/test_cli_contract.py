"""The command-line contract: JSON shapes, exit codes 0/1/2, one-line errors, no Qt import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT


def cartref(*args: str, kb: Path | None = None, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if kb is not None:
        env["CARTREF_KB"] = str(kb)
    if home is not None:
        env["CARTREF_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, encoding="utf-8", env=env, cwd=ROOT, timeout=120)


def assert_one_line_error(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_search_json_contract(mini_kb: Path) -> None:
    proc = cartref("search", "cytokine", "--json", kb=mini_kb)
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    assert hits and all(set(h) == {"kind", "id", "title", "snippet", "score"} for h in hits)
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True), "best first"


def test_search_nothing_found_is_exit_1_with_empty_list(mini_kb: Path) -> None:
    proc = cartref("search", "zzzzqqq", "--json", kb=mini_kb)
    assert proc.returncode == 1 and json.loads(proc.stdout) == []


def test_search_options(mini_kb: Path) -> None:
    proc = cartref("search", "细胞", "--lang", "zh", "--kind", "glossary", "--limit", "1", "--json", kb=mini_kb)
    assert proc.returncode == 0
    hits = json.loads(proc.stdout)
    assert len(hits) == 1 and hits[0]["kind"] == "glossary"


@pytest.mark.parametrize("args", [("search", "x", "--limit", "abc"), ("search", "x", "--kind", "nope"), ("search", "x", "--lang", "fr"), ("show", "nope", "x"), ("kb", "frobnicate")])
def test_bad_input_is_exit_2_one_line(mini_kb: Path, args: tuple[str, ...]) -> None:
    proc = cartref(*args, kb=mini_kb)
    assert proc.returncode == 2
    assert_one_line_error(proc)


def test_show_json_and_not_found(mini_kb: Path) -> None:
    proc = cartref("show", "therapy", "eque-cel", "--json", kb=mini_kb)
    data = json.loads(proc.stdout)
    assert data["brand"] == "FUCASO" and data["sources"][0]["id"] == "S1"
    missing = cartref("show", "trial", "nope", kb=mini_kb)
    assert missing.returncode == 1
    assert_one_line_error(missing)


def test_trials_compare_json_and_csv(mini_kb: Path) -> None:
    data = json.loads(cartref("trials", "--compare", "--json", kb=mini_kb).stdout)
    orr = next(r for r in data if r["metric"] == "orr")
    assert orr["value_text"] == "96.0" and orr["denominator"] == 101 and orr["source_ids"] == ["S1"]
    csv_out = cartref("trials", "--compare", "--csv", kb=mini_kb).stdout
    assert "96.0% (97/101)" in csv_out and "sources" in csv_out


def test_kb_build_refusal_is_exit_2_naming_file_and_line(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", data)
    csv_path = data / "trials" / "outcomes.csv"
    csv_path.write_text(csv_path.read_text().replace("orr,96.0", "orr,101.5"))
    proc = cartref("kb", "build", "--data", str(data), "--out", str(tmp_path / "kb.sqlite"))
    assert proc.returncode == 2
    assert "outcomes.csv:2: percentage 101.5" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "kb.sqlite").exists()


def test_kb_info_and_verify(mini_kb: Path) -> None:
    info = json.loads(cartref("kb", "info", str(mini_kb), "--json").stdout)
    assert info["kb_version"] == "1.0.0" and info["counts"]["articles"] == 3 and len(info["content_hash"]) == 64
    assert cartref("kb", "verify", str(mini_kb)).returncode == 0


def test_corrupt_kb_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    proc = cartref("search", "crs", kb=bad)
    assert proc.returncode == 2
    assert_one_line_error(proc)
    assert cartref("kb", "verify", str(bad)).returncode == 2


def test_search_does_not_import_qt(mini_kb: Path) -> None:
    code = (
        "import sys, runpy; sys.argv=['cartref','search','crs','--json'];\n"
        "from desktop.cli import main; main();\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    env = dict(os.environ, CARTREF_KB=str(mini_kb))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8", env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr


def test_show_therapy_prints_each_approval_event_and_the_labels_read(mini_kb: Path) -> None:
    proc = cartref("show", "therapy", "eque-cel", kb=mini_kb)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    leads = [line.split(":", 1)[0] for line in lines if line.split(":", 1)[0] in
             ("designation", "application filed or accepted", "opinion", "approval", "indication change")]
    assert leads == ["designation", "approval", "opinion", "application filed or accepted"], proc.stdout
    assert any(line.startswith("opinion: 2024-02-23 European Union EMA (CHMP): CHMP positive opinion") for line in lines)
    assert "label_read_on: 2026-01-01" in lines
    assert "label: China: 2023 NMPA label (read on 2026-01-01; read via the company's label copy) [S1]" in lines
    data = json.loads(cartref("show", "therapy", "eque-cel", "--json", kb=mini_kb).stdout)
    assert [a["kind"] for a in data["approvals"]] == ["designation", "approval", "opinion", "filing"]
    assert [(lb["region"], lb["read_on"]) for lb in data["labels"]] == [("China", "2026-01-01"), ("US", "2025-06-01")]
