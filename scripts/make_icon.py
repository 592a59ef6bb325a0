"""Draws the app icon (a stylised CAR-T cell meeting a myeloma cell) and the toolbar's
back/forward/home icons (dark for light themes, light for dark ones) into resources/icons/.

Run once when the design changes; the PNG/ICO/ICNS files are committed so builds need no Qt
drawing step. Drawn with QPainter so there is no third-party artwork and no licence to track.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5f8b"))
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    # myeloma cell (target)
    p.setBrush(QColor("#f2c14e"))
    p.drawEllipse(QPointF(170 * s, 150 * s), 58 * s, 58 * s)
    p.setBrush(QColor("#d98e04"))
    p.drawEllipse(QPointF(182 * s, 160 * s), 22 * s, 22 * s)
    # CAR-T cell with receptors
    p.setBrush(QColor("#ffffff"))
    p.drawEllipse(QPointF(88 * s, 100 * s), 52 * s, 52 * s)
    pen = QPen(QColor("#ffffff"), 10 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    for x1, y1, x2, y2 in ((128, 128, 142, 142), (112, 146, 120, 166), (140, 106, 160, 112)):
        p.drawLine(QPointF(x1 * s, y1 * s), QPointF(x2 * s, y2 * s))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("#1f5f8b")))
    p.drawEllipse(QPointF(80 * s, 92 * s), 18 * s, 18 * s)
    p.end()
    return img


NAV_TONES = {"dark": "#3a3a3a", "light": "#e8e8e8"}  # dark glyphs on light themes and the reverse
NAV_SIZES = {"": 24, "@2x": 48}


def draw_nav(name: str, size: int, colour: str) -> QImage:
    """A plain glyph on a 24-unit grid: a chevron for back/forward, a house for home."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 24, size / 24)
    pen = QPen(QColor(colour), 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    path = QPainterPath()
    if name == "go-back":
        path.moveTo(15, 5)
        path.lineTo(8, 12)
        path.lineTo(15, 19)
    elif name == "go-forward":
        path.moveTo(9, 5)
        path.lineTo(16, 12)
        path.lineTo(9, 19)
    else:  # go-home
        path.moveTo(3.5, 11.5)
        path.lineTo(12, 4)
        path.lineTo(20.5, 11.5)
        path.moveTo(6, 10)
        path.lineTo(6, 20)
        path.lineTo(18, 20)
        path.lineTo(18, 10)
        path.moveTo(10.5, 20)
        path.lineTo(10.5, 15)
        path.lineTo(13.5, 15)
        path.lineTo(13.5, 20)
    p.drawPath(path)
    p.end()
    return img


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    ok = True
    for name in ("go-back", "go-forward", "go-home"):
        for tone, colour in NAV_TONES.items():
            for suffix, size in NAV_SIZES.items():
                ok &= draw_nav(name, size, colour).save(str(OUT / f"{name}-{tone}{suffix}.png"))
    big = draw(256)
    ok &= big.save(str(OUT / "cartref.png"))
    ok &= big.save(str(OUT / "cartref.ico"))
    draw(512).save(str(OUT / "cartref.icns"))  # needs Qt's icns plugin; optional
    print("icons written" if ok else "icon write failed", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
