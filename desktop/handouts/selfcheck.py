"""Headless proof that handouts print: one Chinese handout to PDF, checked for Chinese text.

Used by `cartref --self-test` (also inside the frozen bundle, where a missing font, template
or Qt plugin would otherwise only show up when staff try to print).
"""

from __future__ import annotations

import zlib
from pathlib import Path

from desktop.handouts.render import Options, Personal


def render_check(tmp: Path) -> str:
    """Render the warning-signs handout in Chinese to `tmp`; raise if the PDF is empty or has no CJK text."""
    from desktop.handouts.pdf import render_pdf
    from desktop.kb.store import open_kb
    from desktop.recovery.plan import plan_for

    kb = open_kb().kb
    out = Path(tmp) / "selftest-warning-signs.zh.pdf"
    result = render_pdf(kb, "warning-signs", out, plan_for(kb), Options(lang="zh-Hans"),
                        Personal(patient="测试", phones=("+86 000 0000",)))
    data = out.read_bytes()
    if len(data) < 2000 or not data.startswith(b"%PDF"):
        raise RuntimeError(f"handout PDF is empty or not a PDF ({len(data)} bytes)")
    if not _has_cjk_font(data):
        raise RuntimeError("handout PDF has no embedded CJK font (Chinese would print as empty boxes)")
    return f"zh handout, {result.pages} page(s), {len(data) // 1024} KB"


def _has_cjk_font(pdf: bytes) -> bool:
    """True when the PDF embeds the WenQuanYi font and maps CJK code points to glyphs.

    Qt writes a ToUnicode CMap per font; a CJK ideograph in it (as <4Exx>..<9Fxx> hex) shows
    that Chinese text was laid out with real glyphs rather than missing-glyph boxes.
    """
    if b"WenQuanYi" not in pdf and b"WenQuanYiMicroHei" not in pdf:
        return False
    for chunk in _streams(pdf):
        if b"beginbfchar" in chunk or b"beginbfrange" in chunk:
            for token in chunk.split(b"<")[1:]:
                hexpart = token.split(b">")[0]
                if len(hexpart) == 4 and hexpart[:1].upper() in b"456789" and 0x4E00 <= int(hexpart, 16) <= 0x9FFF:
                    return True
    return False


def _streams(pdf: bytes) -> list[bytes]:
    out = []
    pos = 0
    while True:
        start = pdf.find(b"stream", pos)
        if start < 0:
            break
        begin = start + len(b"stream")
        begin += 2 if pdf[begin:begin + 2] == b"\r\n" else 1
        end = pdf.find(b"endstream", begin)
        if end < 0:
            break
        raw = pdf[begin:end]
        try:
            out.append(zlib.decompress(raw))
        except zlib.error:
            out.append(raw)
        pos = end + 9
    return out
