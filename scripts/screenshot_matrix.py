"""Every view of the window at 200 % text on 1280×800 and at 100 % on 1024×768, in both languages
and the three themes (issue 21): one contact sheet per language × theme × size, into
docs/screenshots/matrix/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_matrix.py [OUT_DIR]

Each sheet holds the views side by side at a reduced scale, each captioned with its name and the
window's size, so a reviewer sees at a glance a cut label, an invisible check box or a view wider
than the screen. Look at them after taking them: that is what they are for.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CARTREF_HOME"] = tempfile.mkdtemp(prefix="cartref-matrix-")
os.environ.pop("CARTREF_KB", None)

LANGS = ("en", "zh-Hans")
THEMES = ("light", "dark", "high-contrast")
SIZES = {"200pct-1280x800": (1280, 800, 200), "100pct-1024x768": (1024, 768, 100)}
COLUMNS = 4
THUMB_WIDTH = 640


def main(argv: list[str]) -> int:
    from desktop import paths
    from desktop.kb.store import KnowledgeBase, OpenedKB
    from desktop.ui.shell.app import create_app
    from desktop.ui.shell.i18n import Translations
    from desktop.ui.shell.main_window import MainWindow
    from desktop.userdata.db import open_user_db

    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots" / "matrix"
    out.mkdir(parents=True, exist_ok=True)
    app = create_app([])
    translations = Translations()
    window = MainWindow(OpenedKB(KnowledgeBase(paths.bundled_kb_path()), None), open_user_db(),
                        translations=translations, lang="en")
    window.show()

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    for lang in LANGS:
        window.set_language(lang)
        for theme_name in THEMES:
            window.set_theme(theme_name)
            for size_name, (width, height, percent) in SIZES.items():
                window.set_zoom(percent, announce=False)
                window.resize(width, height)
                shots: list[tuple[str, QImage]] = []
                for key in window.nav_keys:
                    window.navigate(f"view:{key}")
                    settle(1.5 if key in ("handouts", "calendar") else 0.2)
                    shots.append((key, window.grab().toImage()))
                sheet = _contact_sheet(shots, f"{lang} · {theme_name} · {size_name}")
                path = out / f"{lang}-{theme_name}-{size_name}.png"
                sheet.save(str(path))
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    window.set_zoom(100, announce=False)
    return 0


def _contact_sheet(shots: list[tuple[str, QImage]], title: str) -> QImage:
    """The views in a grid, each scaled to THUMB_WIDTH and captioned with its name and real size."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    caption = 28
    scaled = [(name, img.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation), img)
              for name, img in shots]
    cell_h = max(s.height() for _n, s, _i in scaled) + caption
    rows = (len(scaled) + COLUMNS - 1) // COLUMNS
    sheet = QImage(COLUMNS * (THUMB_WIDTH + 8) + 8, rows * (cell_h + 8) + 48, QImage.Format.Format_RGB32)
    sheet.fill(QColor("white"))
    p = QPainter(sheet)
    font = p.font()
    font.setPointSize(14)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("black"))
    p.drawText(QRect(8, 8, sheet.width() - 16, 32), Qt.AlignmentFlag.AlignVCenter, title)
    font.setPointSize(10)
    font.setBold(False)
    p.setFont(font)
    for i, (name, thumb, original) in enumerate(scaled):
        x = 8 + (i % COLUMNS) * (THUMB_WIDTH + 8)
        y = 48 + (i // COLUMNS) * (cell_h + 8)
        p.drawText(QRect(x, y, THUMB_WIDTH, caption), Qt.AlignmentFlag.AlignVCenter,
                   f"{name}  ({original.width()}×{original.height()} px)")
        p.drawImage(x, y + caption, thumb)
        p.drawRect(x, y + caption, thumb.width() - 1, thumb.height() - 1)
    p.end()
    return sheet


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
