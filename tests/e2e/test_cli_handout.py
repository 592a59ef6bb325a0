"""`cartref handout` end to end: every template x language x paper x print size to PDF,
checked with poppler (pdftotext, pdfinfo, pdftoppm) and zbarimg, plus the error contract.

US letter runs only with the slow tests (`make test-slow`, which CI runs): A4 covers the same
templates, and the matrix is most of the suite's time."""

from __future__ import annotations

import datetime as dt
import html
import itertools
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
from desktop.kb.segment import Segmenter
from tests.helpers.paths import ROOT

EVIL = '<b>Li</b> & "Wang"'
PHONE = "+86 20 5550 0123"
CLINIC = "+86 20 5550 0456"
NEEDS = [t for t in ("pdftotext", "pdfinfo", "pdftoppm", "zbarimg") if shutil.which(t) is None]
pytestmark = pytest.mark.skipif(bool(NEEDS), reason=f"missing {NEEDS} (scripts/system-deps.sh)")


def cartref(*args: str, kb: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CARTREF_KB=str(kb), CARTREF_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "desktop", "handout", *args], capture_output=True, encoding="utf-8", env=env, cwd=ROOT, timeout=300)


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


LARGE_WORD_HEIGHT = 16 * 1.15
"""A word box of pdftotext -bbox-layout is ~1.16-1.19 x the font size (DejaVu, WenQuanYi): this
height means at least ~16 pt (17 pt body: 20.1; 15 pt small text: 17.7, which fails it)."""
ALL_TEXT_HEIGHT = 18.2
"""A 16 pt word box measures 18.3 pt, a 15 pt one 17.2: every text in large print passes this."""
CARD_H_PT = 53.98 / 25.4 * 72


def card_band(words: list[tuple[int, float, float, float, float, float, float, str]]) -> tuple[float, float]:
    """(top, bottom) of the wallet card printed at its real size on page 1 (its first line is
    the card's red title); (0, -1) when the page has no card."""
    titles = [y0 for page, _w, _h, _x0, y0, _x1, y1, text in words
              if page == 1 and text in ("I", "我接受过") and y1 - y0 < ALL_TEXT_HEIGHT]
    return (min(titles) - 10, min(titles) + CARD_H_PT) if titles else (0.0, -1.0)


EDGE_PT = 8.5  # 3 mm: what a printer may not reach


def words_of(pdf: Path) -> list[tuple[int, float, float, float, float, float, float, str]]:
    """(page, page width, page height, xMin, yMin, xMax, yMax, text) of every word, in points."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for n, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.S), start=1):
        size = re.match(r'width="([\d.]+)" height="([\d.]+)"', page)
        assert size is not None
        w, h = float(size.group(1)), float(size.group(2))
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            found.append((n, w, h, *(float(m.group(i)) for i in range(1, 5)), html.unescape(m.group(5))))
    return found


def check_page_reading(pdf: Path, large: bool, values: list[str]) -> None:
    """What a reader notices: every word inside the printable area, and in large print each
    personal value printed at least once at 16 pt or more."""
    words = words_of(pdf)
    for page, w, h, x0, y0, x1, y1, text in words:
        assert x0 >= EDGE_PT and y0 >= EDGE_PT and x1 <= w - EDGE_PT and y1 <= h - EDGE_PT, \
            f"{pdf.name} p{page}: {text!r} outside the printable area ({x0:.0f},{y0:.0f},{x1:.0f},{y1:.0f})"
    if large:  # every text on the page, table headers and footer included, except the wallet card itself
        card = card_band(words)
        small = [(page, round(y1 - y0, 1), text) for page, _w, _h, _x0, y0, _x1, y1, text in words
                 if y1 - y0 < ALL_TEXT_HEIGHT and not (page == 1 and card[0] <= y0 <= card[1])]
        assert not small, f"{pdf.name}: under 16 pt in large print: {small[:8]}"
    for value in values:
        parts = value.replace("\u00a0", " ").split()
        sizes = [y1 - y0 for *_, y0, _x1, y1, text in words if parts[-1] in text]
        assert sizes, f"{pdf.name}: {value!r} not printed"
        if large:
            assert max(sizes) >= LARGE_WORD_HEIGHT, f"{pdf.name}: {value!r} at most {max(sizes):.1f} pt high in large print"


_CJK = re.compile("[\u3400-\u9fff]")


def page_lines(pdf: Path, title: str) -> list[list[str]]:
    """The printed lines of each text block of the body, in order (Chinese words joined).

    Only lines between the running header (its title) and the footer (its notice): the text
    layer also holds the invisible, clipped-off copy of a table row that runs over a page
    break, which lies under the header or footer; a reader never sees it."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first = title.split()[0]
    blocks = []
    for page in re.findall(r"<page (.*?)</page>", out, re.S):
        words = [(float(m.group(1)), float(m.group(2)), html.unescape(m.group(3))) for m in re.finditer(
            r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', page)]
        top = min((y1 for y0, y1, w in words if w.startswith(first)), default=0.0)
        bottom = min((y0 for y0, y1, w in words if w.startswith(("本资料仅供参考", "Information,")) and y0 > top), default=1e9)
        for block in re.findall(r"<block [^>]*>(.*?)</block>", page, re.S):
            lines = []
            for line in re.findall(r"<line [^>]*>(.*?)</line>", block, re.S):
                found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>', line)
                if not found or float(found[0][0]) < top - 0.5 or float(found[0][1]) > bottom + 0.5:
                    continue
                text = ""
                for _y0, _y1, word in found:
                    word = html.unescape(word).replace("\u2060", "")
                    text += ("" if text and _CJK.match(text[-1]) and _CJK.match(word[0]) else " " if text else "") + word
                lines.append(text)
            blocks.append(lines)
    return blocks


def broken_words(pdf: Path, seg: Segmenter, title: str) -> list[str]:
    """Every line break on the page that falls inside a word: a Chinese word the KB's dictionary
    knows (cut as the handout cut it) or a number and its unit ("38 | °C")."""
    broken = []
    for lines in page_lines(pdf, title):
        for a, b in itertools.pairwise(lines):
            if re.search(r"\d$", a) and re.match(r"(°C|°F|%)", b):
                broken.append(f"{a[-6:]}|{b[:6]}")
            tail, head = re.search(r"[\u3400-\u9fff]*$", a).group(0), re.match(r"[\u3400-\u9fff]*", b).group(0)  # type: ignore[union-attr]
            if tail and head:
                run = tail[-12:] + head[:12]
                cut, at = 0, len(tail[-12:])
                for piece, known in seg.cut(run):
                    if known and cut < at < cut + len(piece):
                        broken.append(f"{tail[-6:]}|{head[:6]} ({piece})")
                    cut += len(piece)
    return broken


def raw_text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


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


def number_lines(pdf: Path, display: str) -> list[tuple[int, float, float, float, float, float]]:
    """(page, page height, left, top, right, bottom) in points of every printed number `display`."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    parts = display.split()
    found = []
    for n, page in enumerate(re.findall(r"<page (.*?)</page>", out, re.S), start=1):
        height = float(re.match(r'width="[\d.]+" height="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        for line in re.findall(r"<line [^>]*>(.*?)</line>", page, re.S):
            words = [(*(float(v) for v in w[:4]), html.unescape(w[4]).replace("\u00a0", " ")) for w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', line)]
            texts = [w[4] for w in words]
            for i in range(len(words)):
                if " ".join(texts[i:i + len(parts)]).endswith(display) or texts[i].endswith(display):
                    span = words[i:i + len(parts)] if texts[i] != display and not texts[i].endswith(display) else words[i:i + 1]
                    found.append((n, height, span[0][0], min(w[1] for w in span), span[-1][2], max(w[3] for w in span)))
    return found


def qr_beside(pdf: Path, display: str, tmp: Path, dpi: int = 150) -> list[set[str]]:
    """For each place the number `display` is printed: the QR codes nearest it.

    A window from the number rightwards, widened step by step (first across, then up and down)
    until a code decodes; a code the window cuts does not decode, so the first codes found are
    the ones beside the number."""
    scale = dpi / 72
    nearest: list[set[str]] = []
    for page, height, left, top, right, bottom in number_lines(pdf, display):
        middle = (top + bottom) / 2
        found: set[str] = set()
        for reach in (70, 140, 280, 600):
            for half in (24, 32, 44, 60, 80):
                y0 = max(0.0, middle - half)
                h = min(height, middle + half) - y0
                stem = tmp / f"{pdf.stem}-band"
                subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-x", str(int((left - 4) * scale)),
                                "-y", str(int(y0 * scale)), "-W", str(int((right - left + 4 + reach) * scale)), "-H", str(int(h * scale)),
                                "-singlefile", str(pdf), str(stem)], check=True)
                image = Path(f"{stem}.ppm")
                out = subprocess.run(["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True)
                image.unlink()
                found = {line for line in out.stdout.splitlines() if line}
                if found:
                    break
            if found:
                break
        nearest.append(found)
    return nearest


def tel(display: str) -> str:
    return "tel:" + display.replace(" ", "")


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
            "--contact", f"Clinic={CLINIC}",
            "--center", center_id, "--infusion-date", "2026-03-14", "--note", "Bring the medicines list"]
    if large:
        args.append("--large-print")
    done = cartref(*args, kb=real_kb, home=tmp_path)
    assert done.returncode == 0, done.stderr
    pdfs = sorted(out_dir.glob("*.pdf"))
    assert len(pdfs) == (len(catalog.HANDOUTS) - 1) * 2  # not the nerve-check sheet: eque-cel's label has no such warning
    assert "skipped nerve-check" in done.stderr
    from desktop.handouts.nobreak import segmenter
    from desktop.kb.store import KnowledgeBase

    seg = segmenter(KnowledgeBase(real_kb))
    sources = {r[0] for r in sqlite3.connect(real_kb).execute("SELECT id FROM sources")}
    lymph = expected_lymphodepletion(real_kb, "2026-03-14", "")
    for pdf in pdfs:
        name, lang = pdf.name.split(".")[:2]
        spec = catalog.get(name)
        text = text_of(pdf)
        flat = " ".join(text.split())
        assert EVIL in flat, pdf.name
        assert PHONE in flat, pdf.name
        reading = " ".join(raw_text_of(pdf).split())  # reading order: the label, then its number
        assert re.search(r"Clinic ?[:：] ?" + re.escape(CLINIC), reading), pdf.name
        assert not re.search(r"Clinic ?[:：] ?Clinic", reading), pdf.name
        if spec.audience != "clinician" and name != "wallet-card":  # the centre is in mainland China (D20)
            assert re.search(r"(call|拨打) 120", flat) and "EM1" in flat, pdf.name
        centre = name_zh if lang == "zh" else name_en
        check_page_reading(pdf, large, [EVIL, PHONE, centre] + (["2026-03-14"] if spec.calendar or name == "wallet-card" else []))
        listed = {i for m in re.findall(r"(?:Sources:|资料来源：)\s*([A-Za-z0-9, ]+)", flat) for i in re.findall(r"[A-Z]\w*", m)}
        if large:  # the 16 pt footer stays short: the ids are in the sources block at the end, each with its citation
            block = re.split(r"Sources:|资料来源：", flat)[-1]
            listed = set(re.findall(r"\[([A-Z]\w*)\]", block))
        assert listed & sources, f"{pdf.name}: no source ids in the footer"
        assert "Page 1 of" in flat or "第 1 页" in flat
        if lang == "zh":
            assert re.search(r"[\u4e00-\u9fff]{4}", text), f"{pdf.name}: no Chinese text"
            assert "本资料仅供参考" in flat
        else:
            assert "Information, not medical advice" in flat
        assert pages_of(pdf) <= spec.page_limit(large), f"{pdf.name}: {pages_of(pdf)} pages"
        # no line ends inside a Chinese word the KB knows, nor between a number and its unit (D31)
        assert not broken_words(pdf, seg, spec.title("zh-Hans" if lang == "zh" else "en")), pdf.name
        codes = qr_codes(pdf, tmp_path)
        assert {tel(PHONE), tel(CLINIC)} <= set(codes) and set(codes) <= {tel(PHONE), tel(CLINIC)}, f"{pdf.name}: {codes}"
        for number in (PHONE, CLINIC):  # each printed number has its own QR beside it, dialling exactly it
            beside = qr_beside(pdf, number, tmp_path)
            assert beside and all(found == {tel(number)} for found in beside), f"{pdf.name}: {number} beside {beside}"
        if spec.calendar:
            assert "2026-03-14" in flat, pdf.name
        if name == "recovery-calendar":
            assert lymph and all(d in flat for d in lymph), f"{pdf.name}: lymphodepletion {lymph!r} missing"
        if name == "wallet-card":
            assert codes.count(tel(PHONE)) == (2 if large else 1), codes  # the card, and its large-print copy
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
        (["journey", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-02-30"], "2026-02-30 does not exist"),
        (["journey", "--out", "{tmp}/x.pdf", "--infusion-date", "9999-12-31"], "not a plausible date for the infusion"),
        (["journey", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-12-01", "--leukapheresis-date", "2024-12-01"], "days before the infusion"),
        (["wallet-card", "--out", "{tmp}/x.pdf", "--contact", "ward=call me"], "call me is not a phone number"),
        (["wallet-card", "--lang", "zh", "--large-print", "--patient", "Wáng Xiǎomíng", "--contact", "24小时=+86 27 8366 0000",
          "--contact", "门诊=+86 27 8366 1111", "--infusion-date", "2026-02-30", "--out", "{tmp}/card.pdf"],
         "日历中没有 2026-02-30 这一天"),  # --lang zh: the error is in Chinese too (issue 18)
        (["wallet-card", "--lang", "zh", "--large-print", "--patient", "Wáng Xiǎomíng", "--contact", "24小时=+86 27 8366 0000",
          "--contact", "ward=call me", "--infusion-date", "2026-12-01", "--out", "{tmp}/card.pdf"], "call me 不是电话号码"),
        (["recovery-calendar", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-01-29", "--product", "nope"], "unknown product"),
        (["nerve-check", "--out", "{tmp}/x.pdf", "--infusion-date", "2026-01-29"], "no such warning"),
        (["wallet-card", "--out", "{tmp}/x.pdf", "--contact", "+86 27 8366 0000"], "use LABEL=NUMBER"),
        (["wallet-card", "--out", "{tmp}/x.pdf", "--phone", "24小时: +86 27 8366 0000; 门诊: 027-8366-1111"], "not a phone number"),
        (["wallet-card", "--out", "{tmp}/x.pdf", "--patient", "x" * 5000], "too long"),
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
    flat = " ".join(raw_text_of(out).split())  # reading order: a date range may wrap in its column
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


def test_done_when_wallet_card(real_kb: Path, tmp_path: Path) -> None:
    """The issue's command: both labelled numbers printed, each QR = the number beside it, tone marks
    drawn with an embedded Latin font, and the values at 16 pt or more."""
    out = tmp_path / "card.pdf"
    done = cartref("wallet-card", "--lang", "zh", "--large-print", "--patient", "Wáng Xiǎomíng",
                   "--contact", "24小时=+86 27 8366 0000", "--contact", "门诊=+86 27 8366 1111",
                   "--infusion-date", "2026-12-01", "--out", str(out), kb=real_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr
    flat = " ".join(text_of(out).split())
    assert "24小时： +86 27 8366 0000" in flat or "24小时：+86 27 8366 0000" in flat
    assert "门诊： +86 27 8366 1111" in flat or "门诊：+86 27 8366 1111" in flat
    assert "24小时： 24小时" not in flat and "24小时：24小时" not in flat  # no label printed twice
    assert "Wáng Xiǎomíng" in flat
    codes = qr_codes(out, tmp_path)
    assert sorted(set(codes)) == ["tel:+862783660000", "tel:+862783661111"], codes
    for number in ("+86 27 8366 0000", "+86 27 8366 1111"):  # on the card and in its large-print copy
        beside = qr_beside(out, number, tmp_path)
        assert len(beside) == 2 and all(found == {tel(number)} for found in beside), (number, beside)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts, fonts  # the tone letters come from DejaVu, not WenQuanYi's empty glyphs
    check_page_reading(out, True, ["Xiǎomíng", "+86 27 8366 0000", "+86 27 8366 1111", "2026-12-01"])


def test_invisible_override_in_the_name_reverses_nothing(real_kb: Path, tmp_path: Path) -> None:
    """F19: an RLO pasted into the name is removed (with a note), so the printed number reads in its own order."""
    out = tmp_path / "rlo.pdf"
    done = cartref("wallet-card", "--out", str(out), "--patient", "Li Wei\u202e", "--phone", "+86 10 1234 5678",
                   kb=real_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    assert "removed invisible text-direction characters" in done.stderr
    flat = " ".join(text_of(out).split())
    assert "+86 10 1234 5678" in flat and "8765 4321" not in flat and "\u202e" not in flat
    assert "Li Wei" in flat


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_nerve_check_sheet(real_kb: Path, tmp_path: Path, lang: str, large: bool) -> None:
    """The carers' sheet for cilta-cel: the label's call-now wording, the weekly check days from
    day 14 to day 100 with their dates, every claim's source, and a QR beside each number."""
    out = tmp_path / "nerve.pdf"
    args = ["nerve-check", "--product", "cilta-cel", "--lang", lang, "--patient", "Li Wei", "--phone", PHONE,
            "--contact", f"Clinic={CLINIC}", "--infusion-date", "2026-12-01", "--out", str(out)]
    done = cartref(*(args + (["--large-print"] if large else [])), kb=real_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    flat = " ".join(raw_text_of(out).split()).replace("\u2060", "")
    if lang == "en":
        assert "Call your healthcare provider or get emergency help right away" in flat
        assert "changes in handwriting" in flat and "slower movements" in flat and "parkinsonism" in flat
        assert "not a limit set by the label" in flat
    else:
        assert "立即联系您的医护人员或寻求紧急救助" in flat and "笔迹" in flat and "帕金森" in flat
    dates = [f"{(dt.date(2026, 12, 1) + dt.timedelta(days=n)).isoformat()}" for n in range(14, 101, 7)]
    assert all(d in flat for d in dates) and "2026-12-08" not in flat  # day 14 to day 98, weekly, nothing earlier
    for sid in ("G14", "CT21", "P10", "P9", "CT18"):
        assert sid in flat, sid
    assert pages_of(out) <= catalog.get("nerve-check").page_limit(large)
    check_page_reading(out, large, ["Li Wei", PHONE, CLINIC])
    for number in (PHONE, CLINIC):
        beside = qr_beside(out, number, tmp_path)
        assert beside and all(found == {tel(number)} for found in beside), (number, beside)
    from desktop.handouts.nobreak import segmenter
    from desktop.kb.store import KnowledgeBase

    assert not broken_words(out, segmenter(KnowledgeBase(real_kb)), catalog.get("nerve-check").title("zh-Hans" if lang == "zh" else "en"))


def test_calendar_marks_what_is_known(real_kb: Path, tmp_path: Path) -> None:
    """D24, China / eque-cel: the protocol's monitoring period is marked with its source, the
    follow-up visits get a line the team fills in from day 29, no period is invented; cilta-cel
    adds the weekly nerve check from day 14 to day 98."""
    out = tmp_path / "cal.pdf"
    done = cartref("recovery-calendar", "--out", str(out), "--infusion-date", "2026-12-01", "--phone", PHONE,
                   kb=real_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    flat = " ".join(raw_text_of(out).split())
    assert "Monitoring period" in flat and "2026-12-02 – 2026-12-29" in flat and "IASO study protocol (28-day safety period)" in flat
    assert "Follow-up visit" in flat and "2026-12-30 – ____" in flat and "Day 29 to ______" in flat
    assert "write it here" not in flat and "Weekly nerve check" not in flat
    cilta = tmp_path / "cilta.pdf"
    done = cartref("recovery-calendar", "--product", "cilta-cel", "--jurisdiction", "us", "--out", str(cilta),
                   "--infusion-date", "2026-12-01", "--phone", "+1 212 555 0100", kb=real_kb, home=tmp_path / "h")
    assert done.returncode == 0, done.stderr
    flat = " ".join(raw_text_of(cilta).split())
    assert "Weekly nerve check" in flat and "2026-12-15 – 2027-03-09" in flat and "Days 14 to 98, every 7 days" in flat
    assert "2027-03-02" in flat and "March 2027" not in flat  # every check date listed; no month grid for the checks alone
    assert "(ambulance)" in flat and "call 911" in flat
    assert pages_of(cilta) <= catalog.get("recovery-calendar").page_limit(False)
