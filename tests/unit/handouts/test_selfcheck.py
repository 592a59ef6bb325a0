"""The self-test's PDF check must reject a PDF without Chinese glyphs (no Qt needed)."""

from __future__ import annotations

import zlib

from desktop.handouts.selfcheck import _has_cjk_font


def _pdf(cmap: bytes, font: bytes = b"/BaseFont /WenQuanYiMicroHei") -> bytes:
    body = zlib.compress(cmap)
    return b"%PDF-1.4\n" + font + b"\nstream\n" + body + b"\nendstream\n"


def test_cjk_mapping_in_embedded_font_is_accepted() -> None:
    assert _has_cjk_font(_pdf(b"1 beginbfchar\n<0003> <4E2D>\nendbfchar"))


def test_latin_only_or_missing_font_is_rejected() -> None:
    assert not _has_cjk_font(_pdf(b"1 beginbfchar\n<0003> <0041>\nendbfchar"))
    assert not _has_cjk_font(_pdf(b"1 beginbfchar\n<0003> <4E2D>\nendbfchar", font=b"/BaseFont /DejaVuSans"))
    assert not _has_cjk_font(b"%PDF-1.4 nothing here")
