"""`cartref handout` end to end: every template x language x paper x print size to PDF,
checked with poppler (pdftotext, pdfinfo, pdftoppm) and zbarimg, plus the error contract.

US letter runs only with the slow tests (`make test-slow`, which CI runs): A4 covers the same
templates, and the matrix is most of the suite's time."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.handouts import catalog
from tests.helpers.paths import ROOT

EVIL = '<b>Li</b> & "Wang"'
PHONE = "+86 20 5550 0123"
NEEDS = [t for t in ("pdftotext", "pdfinfo", "pdftoppm", "zbarimg") if shutil.which(t) is None]
pytestmark = pytest.mark.skipif(bool(NEEDS), reason=f"missing {NEEDS} (scripts/system-deps.sh)")


def cartref(*args: str, kb: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CARTREF_KB=str(kb), CARTREF_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", "handout", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def qr_codes(pdf: Path, tmp: Path) -> list[str]:
    """QR codes on every page, rasterised at 110 dpi.

    As PPM, not PNG: the pixels are the same, and compressing them into PNG was ~90 % of
    pdftoppm's time (0.23 of 0.25 s a page here), the largest cost of this file."""
    found: list[str] = []
    for page in range(1, pages_of(pdf) + 1):
        stem = tmp / f"{pdf.stem}-p{page}"
        subprocess.run(["pdftoppm", "-r", "110", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)], check=True)
        image = Path(f"{stem}.ppm")
        out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
        image.unlink()
        found.extend(line for line in out.stdout.splitlines() if line)
    return found


def expected_lymphodepletion(kb: Path, infusion: str, jurisdiction: str) -> list[str]:
    """The lymphodepletion dates the KB's rule gives (computed by the calendar, not typed here)."""
    from datetime import date

    from desktop.kb.store import KnowledgeBase
    from desktop.recovery.plan import build_calendar

    with KnowledgeBase(kb) as opened:
        cal, _ = build_calendar(opened, date.fromisoformat(infusion), jurisdiction)
    event = cal.event("lymphodepletion")
    return [event.start.isoformat(), event.end.isoformat()] if event else []


def first_center(kb: Path) -> tuple[str, str, str]:
    row = sqlite3.connect(kb).execute("SELECT id, name_en, name_zh FROM centers ORDER BY id LIMIT 1").fetchone()
    return row[0], row[1], row[2] or row[1]


@pytest.mark.parametrize("paper", ["a4", pytest.param("letter", marks=pytest.mark.slow)])  # letter: `make test-slow`, CI
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_every_handout_language_paper_size(real_kb: Path, tmp_path: Path, paper: str, large: bool) -> None:
    center_id, name_en, name_zh = first_center(real_kb)
    out_dir = tmp_path / "out"
    args = ["--all", "--out-dir", str(out_dir), "--paper", paper, "--patient", EVIL, "--phone", PHONE,
            "--center", center_id, "--infusion-date", "2026-03-14", "--note", "Bring the medicines list"]
    if large:
        args.append("--large-print")
    done = cartref(*args, kb=real_kb, home=tmp_path)
    assert done.returncode == 0, done.stderr
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert len(pdfs) == len(catalog.HANDOUTS) * 2
    sources = {r[0] for r in sqlite3.connect(real_kb).execute("SELECT id FROM sources")}
    lymph = expected_lymphodepletion(real_kb, "2026-03-14", "")
    for pdf in pdfs:
        name, lang = pdf.name.split(".")[:2]
        spec = catalog.get(name)
        text = text_of(pdf)
        flat = " ".join(text.split())
        assert EVIL in flat, pdf.name
        assert PHONE in flat, pdf.name
        listed = {i for m in re.findall(r"(?:Sources:|资料来源：)\s*([A-Za-z0-9, ]+)", flat) for i in re.findall(r"[A-Z]\w*", m)}
        assert listed & sources, f"{pdf.name}: no source ids in the footer"
        assert "Page 1 of" in flat or "第 1 页" in flat
        if lang == "zh":
            assert re.search(r"[\u4e00-\u9fff]{4}", text), f"{pdf.name}: no Chinese text"
            assert "本资料仅供参考" in flat
        else:
            assert "Information, not medical advice" in flat
        assert pages_of(pdf) <= spec.page_limit(large), f"{pdf.name}: {pages_of(pdf)} pages"
        codes = qr_codes(pdf, tmp_path)
        assert "tel:+862055500123" in codes or name == "wallet-card", f"{pdf.name}: {codes}"
        if spec.calendar:
            assert "2026-03-14" in flat, pdf.name
        if name == "recovery-calendar":
            assert lymph and all(d in flat for d in lymph), f"{pdf.name}: lymphodepletion {lymph!r} missing"
        if name == "wallet-card":
            centre = name_zh if lang == "zh" else name_en
            assert any(c.startswith("MECARD:") and centre.replace(",", "\\,").replace(":", "\\:").replace(";", "\\;") in c and "+862055500123" in c for c in codes), codes
            assert "2026-03-14" in flat


def test_list_json(mini_kb: Path, tmp_path: Path) -> None:
    done = cartref("--list", "--json", kb=mini_kb, home=tmp_path)
    assert done.returncode == 0
    data = json.loads(done.stdout)
    assert [d["name"] for d in data] == catalog.names()
    assert all(set(d) == {"name", "title", "languages"} and d["languages"] == ["en", "zh"] for d in data)


@pytest.mark.parametrize(
    "args, message",
    [
        (["no-such-handout", "--out", "{tmp}/x.pdf"], "unknown handout"),
        (["journey", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-02-30"], "bad date"),
        (["journey", "--out", "{tmp}/missing/dir/x.pdf"], "cannot write"),
        (["journey", "--out", "{tmp}"], "cannot write"),
        (["journey", "--out", "{tmp}/x.pdf", "--center", "atlantis"], "unknown centre"),
        (["journey", "--out", "{tmp}/x.pdf", "--lang", "fr"], "unknown language"),
        (["recovery-calendar", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-01-29", "--jurisdiction", "mars"], "unknown jurisdiction"),
        (["recovery-calendar", "--out", "{tmp}/x.pdf"], "needs an infusion date"),
        (["recovery-calendar", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-01-29", "--leukapheresis-date", "2026-02-01"], "before the infusion"),
    ],
)
def test_errors_are_one_line_exit_2_no_file(mini_kb: Path, tmp_path: Path, args: list[str], message: str) -> None:
    done = cartref(*[a.format(tmp=tmp_path) for a in args], kb=mini_kb, home=tmp_path / "home")
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp"))


def test_unwritable_folder_leaves_nothing(mini_kb: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        done = cartref("journey", "--out", str(locked / "x.pdf"), kb=mini_kb, home=tmp_path / "home")
        assert done.returncode == 2 and "cannot write" in done.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_one_handout_written_atomically(mini_kb: Path, tmp_path: Path) -> None:
    out = tmp_path / "w.pdf"
    done = cartref("warning-signs", "--out", str(out), "--lang", "zh", "--patient", EVIL, kb=mini_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["w.pdf"]
    assert EVIL in " ".join(text_of(out).split())


@pytest.mark.parametrize("jurisdiction", ["us", "China"])
def test_calendar_jurisdiction(real_kb: Path, tmp_path: Path, jurisdiction: str) -> None:
    out = tmp_path / "cal.pdf"
    done = cartref("recovery-calendar", "--out", str(out), "--infusion-date", "2026-01-29", "--leukapheresis-date", "2025-12-20",
                   "--jurisdiction", jurisdiction, "--phone", PHONE, "--lang", "zh", kb=real_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    flat = " ".join(text_of(out).split())
    lymph = expected_lymphodepletion(real_kb, "2026-01-29", jurisdiction)
    assert lymph and all(d in flat for d in lymph)
    assert "2026-01-29" in flat and "2025-12-20" in flat and PHONE in flat
    assert "2025年12月" in flat and "2026年1月" in flat and "2026年2月" in flat
    if jurisdiction == "us":
        assert "美国FDA说明书" in flat and "2026-01-29 – 2026-02-12" in flat and "2025-06-26起" in flat
    else:
        assert "FUMANBA-1研究方案" in flat and "资料中未找到" in flat and "2026-01-29 – 2026-02-12" not in flat
    assert pages_of(out) <= catalog.get("recovery-calendar").page_limit(False)
    assert "tel:+862055500123" in qr_codes(out, tmp_path)


def test_all_without_infusion_date_skips_the_calendar(mini_kb: Path, tmp_path: Path) -> None:
    done = cartref("--all", "--out-dir", str(tmp_path / "o"), "--lang", "en", kb=mini_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    names = {p.name.split(".")[0] for p in (tmp_path / "o").glob("*.pdf")}
    assert "recovery-calendar" not in names and "symptom-log" in names
    assert "skipped recovery-calendar" in done.stderr
