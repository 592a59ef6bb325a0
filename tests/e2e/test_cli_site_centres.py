"""`cartref centers add|edit|remove|import|export`: the site's own referral list (issue 22)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.helpers.cli import one_line, run


def cartref(*args: str, kb: Path) -> subprocess.CompletedProcess[str]:
    return run("centers", *args, kb=kb)


def test_added_centre_is_first_near_its_city_and_marked(real_kb: Path) -> None:
    added = cartref("add", "--name", "Test Hospital", "--name-zh", "测试医院", "--city", "Kunming",
                    "--contact", "ward=+86 871 0000 0000", kb=real_kb)
    assert added.returncode == 0, added.stderr
    rows = json.loads(cartref("--near", "Kunming", "--json", kb=real_kb).stdout)
    first = rows[0]
    assert first["name_en"] == "Test Hospital" and first["name_zh"] == "测试医院" and first["kind"] == "site"
    assert first["added_at_this_site"] is True and first["sourced"] is False and first["distance_km"] < 1
    assert first["phones"] == [{"label": "ward", "number": "+8687100000000", "display": "+86 871 0000 0000"}]
    assert all(r["sourced"] and r["source_ids"] for r in rows[1:])  # the KB's centres follow, sourced
    table = cartref("--near", "昆明", "--limit", "1", "--lang", "zh", kb=real_kb).stdout
    assert "测试医院" in table and "本机构添加" in table


def test_edit_and_remove(real_kb: Path) -> None:
    assert cartref("add", "--name", "Clinic A", "--coordinates", "25.1,102.2", kb=real_kb).returncode == 0
    edited = cartref("edit", "Clinic A", "--name-zh", "甲诊所", "--contact", "24h=+86 871 0000 0001", "--json",
                     kb=real_kb)
    assert edited.returncode == 0, edited.stderr
    saved = json.loads(edited.stdout)
    assert saved["name_zh"] == "甲诊所" and saved["lat"] == 25.1 and saved["coord_precision"] == "site"
    assert [p["label"] for p in saved["phones"]] == ["24h"]
    assert cartref("remove", "site:clinic-a", kb=real_kb).returncode == 0
    rows = json.loads(cartref("--kind", "site", "--json", kb=real_kb).stdout or "[]")
    assert rows == []
    gone = cartref("remove", "Clinic A", "--lang", "zh", kb=real_kb)
    assert gone.returncode == 2 and "本机构名单中没有中心" in one_line(gone)


def test_bad_input_is_one_line_exit_2_in_both_languages(real_kb: Path) -> None:
    bad_phone = cartref("add", "--name", "X", "--city", "Kunming", "--contact", "ward=12", kb=real_kb)
    assert bad_phone.returncode == 2 and one_line(bad_phone).startswith("cartref: --contact:")
    zh = cartref("add", "--name", "X", "--city", "Kunming", "--contact", "ward=12", "--lang", "zh", kb=real_kb)
    assert zh.returncode == 2 and "不是可拨打的号码" in one_line(zh)
    no_place = cartref("add", "--name", "X", kb=real_kb)
    assert no_place.returncode == 2 and "city" in one_line(no_place)
    assert cartref("add", "--name", "X", "--city", "Kunming", kb=real_kb).returncode == 0
    again = cartref("add", "--name", "X", "--city", "Kunming", kb=real_kb)
    assert again.returncode == 2 and "already on the list" in one_line(again)


def test_import_with_one_bad_row_imports_nothing_and_names_the_row(real_kb: Path, tmp_path: Path) -> None:
    csv = tmp_path / "centres.csv"
    csv.write_text("name_en,name_zh,city,lat,lon,phones,products,notes\n"
                   "A Hospital,甲医院,Kunming,,,ward=+86 871 0000 0001,eque-cel,note\n"
                   "B Hospital,,Dali,,,ward=12345,,\n"
                   "C Hospital,,,25.1,102.2,,,\n", encoding="utf-8")
    proc = cartref("import", str(csv), kb=real_kb)
    assert proc.returncode == 2 and "line 3" in one_line(proc) and "nothing was imported" in proc.stderr
    zh = cartref("import", str(csv), "--lang", "zh", kb=real_kb)
    assert zh.returncode == 2 and "第 3 行" in one_line(zh)
    assert json.loads(cartref("--kind", "site", "--json", kb=real_kb).stdout or "[]") == []
    csv.write_text(csv.read_text(encoding="utf-8").replace("ward=12345", "ward=+86 872 212 3456"), encoding="utf-8")
    ok = cartref("import", str(csv), kb=real_kb)
    assert ok.returncode == 0, ok.stderr
    rows = json.loads(cartref("--kind", "site", "--json", kb=real_kb).stdout)
    assert sorted(r["name_en"] for r in rows) == ["A Hospital", "B Hospital", "C Hospital"]
    out = tmp_path / "out.csv"
    assert cartref("export", str(out), kb=real_kb).returncode == 0
    exported = out.read_text(encoding="utf-8")
    assert exported.startswith("id,name_en,name_zh") and "甲医院" in exported and "+86 872 212 3456" in exported
    # the export imports again unchanged (a hub's list carried to another site)
    assert cartref("import", str(out), kb=real_kb).returncode == 0
    assert len(json.loads(cartref("--kind", "site", "--json", kb=real_kb).stdout)) == 3


def test_listing_without_a_subcommand_still_works(real_kb: Path) -> None:
    proc = cartref("--near", "Wuhan", "--limit", "1", "--json", kb=real_kb)
    assert proc.returncode == 0 and len(json.loads(proc.stdout)) == 1


def test_a_site_centre_is_printed_on_a_handout(real_kb: Path, tmp_path: Path) -> None:
    assert cartref("add", "--name", "Test Hospital", "--city", "Kunming", "--contact", "ward=+86 871 0000 0000",
                   kb=real_kb).returncode == 0
    card = tmp_path / "card.pdf"

    def handout(center: str) -> subprocess.CompletedProcess[str]:
        return run("handout", "wallet-card", "--center", center, "--infusion-date", "2026-12-01", "--out", str(card),
                   kb=real_kb)

    printed = handout("site:test-hospital")
    assert printed.returncode == 0, printed.stderr
    assert card.stat().st_size > 0
    if shutil.which("pdftotext"):  # poppler: on Linux (scripts/system-deps.sh), not in the Windows test run
        text = subprocess.run(["pdftotext", str(card), "-"], capture_output=True, encoding="utf-8").stdout
        assert "Test Hospital" in text
    card.unlink()
    unknown = handout("site:nowhere")
    assert unknown.returncode == 2 and "unknown centre" in one_line(unknown) and not card.exists()
