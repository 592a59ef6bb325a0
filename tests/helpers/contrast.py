"""WCAG 2.2 contrast measured on rendered widgets (the contrast test and the layout tests)."""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtGui import QColor, QImage

HEX = re.compile(r"color\s*:\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b")


def luminance(c: QColor) -> float:
    """Relative luminance (WCAG 2.2, sRGB)."""

    def lin(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour_counts(image: QImage) -> Counter[int]:
    """How often each colour (0xRRGGBB) occurs in a rendering."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    width = img.width()
    stride = img.bytesPerLine() // 4
    words = memoryview(img.constBits()).cast("I")  # type: ignore[arg-type]
    counts: Counter[int] = Counter()
    for y in range(img.height()):
        counts.update(words[y * stride: y * stride + width])
    return Counter({k & 0xFFFFFF: v for k, v in counts.items()})


def background(image: QImage) -> QColor:
    """The most common colour of a rendering: its background."""
    return QColor.fromRgb(colour_counts(image).most_common(1)[0][0])


def ink_contrast(image: QImage) -> tuple[float, QColor, QColor]:
    """(ratio, background, ink): the background and the pixel colour that stands out most.

    Antialiased glyphs reach their full colour in their stems, so the strongest pixel is the
    text colour; a rendering whose best pixel is below 4.5:1 has unreadable text."""
    counts = colour_counts(image)
    bg = QColor.fromRgb(counts.most_common(1)[0][0])
    best = max((QColor.fromRgb(k) for k in counts), key=lambda c: ratio(c, bg))
    return ratio(best, bg), bg, best


def html_colours(text: str) -> list[QColor]:
    """Colours a rich-text label writes into its HTML (`color:#555`)."""
    return [QColor(m) for m in HEX.findall(text)]
