"""`cartref centers`: JSON rows with distance_km, filters, exit codes 0/1/2, one-line errors."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers.cli import one_line, run


def cartref(*args: str, kb: Path) -> subprocess.CompletedProcess[str]:
    return run("centers", *args, kb=kb)


def test_json_rows_nearest_first(real_kb: Path) -> None:
    proc = cartref("--near", "武汉", "--json", kb=real_kb)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert rows and all("distance_km" in r and isinstance(r["distance_km"], float) for r in rows)
    dists = [r["distance_km"] for r in rows]
    assert dists == sorted(dists)
    assert all(r["source_ids"] and r["reviewed_on"] for r in rows)
    assert {"id", "name_en", "name_zh", "city", "country", "lat", "lon", "kind", "therapies", "trials"} <= set(rows[0])


def test_pinyin_coordinates_and_limit_agree(real_kb: Path) -> None:
    by_name = json.loads(cartref("--near", "wuhan", "--json", "--limit", "2", kb=real_kb).stdout)
    by_coord = json.loads(cartref("--near", "30.58333,114.26667", "--json", "--limit", "2", kb=real_kb).stdout)
    assert len(by_name) == 2 and [r["id"] for r in by_name] == [r["id"] for r in by_coord]


def test_filters(real_kb: Path) -> None:
    rows = json.loads(cartref("--therapy", "eque-cel", "--kind", "trial", "--country", "CN", "--json", kb=real_kb).stdout)
    assert rows and all("eque-cel" in r["therapies"] and r["kind"] == "trial" and r["country"] == "China" for r in rows)
    assert all(r["distance_km"] is None for r in rows)


def test_text_table_names_the_origin(real_kb: Path) -> None:
    proc = cartref("--near", "Wuhan, China", "--limit", "1", kb=real_kb)
    assert proc.returncode == 0
    assert "From Wuhan, Hubei, China" in proc.stdout and "km" in proc.stdout


def test_ambiguous_name_uses_the_most_populous_and_says_so(real_kb: Path) -> None:
    proc = cartref("--near", "Suzhou", "--json", "--limit", "1", kb=real_kb)
    assert proc.returncode == 0
    line = one_line(proc)
    assert "Suzhou, Jiangsu, China" in line and "Anhui" in line


def test_unknown_place_is_exit_1_with_suggestions(real_kb: Path) -> None:
    proc = cartref("--near", "wuhann", kb=real_kb)
    assert proc.returncode == 1
    assert "did you mean" in one_line(proc) and "Wuhan" in proc.stderr


@pytest.mark.parametrize("bad", ["12,abc", "91,0", "30.5,"])
def test_malformed_coordinate_is_exit_2(real_kb: Path, bad: str) -> None:
    proc = cartref("--near", bad, kb=real_kb)
    assert proc.returncode == 2
    one_line(proc)


@pytest.mark.parametrize("args", [["--kind", "hospital"], ["--limit", "0"], ["--limit", "x"], ["--therapy", "nonsense-cel"]])
def test_bad_options_are_exit_2(real_kb: Path, args: list[str]) -> None:
    proc = cartref(*args, kb=real_kb)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_nothing_matching_is_exit_1_with_empty_json(real_kb: Path) -> None:
    proc = cartref("--country", "Atlantis", "--json", kb=real_kb)
    assert proc.returncode == 1
    assert json.loads(proc.stdout) == []
