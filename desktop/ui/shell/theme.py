"""Themes: follow the system (light or dark), or a high-contrast palette + style sheet.

"System" reads the platform's own palette, which Qt makes dark when the desktop is in dark
mode (macOS, KDE, GNOME, the Windows 11 style). Asking `QStyleHints.colorScheme()` instead
would build PySide6's whole `Qt` namespace at start-up (see main_window); it is asked only on
Windows, where the older style keeps a light palette in dark mode. The Fusion style is used
for the dark and high-contrast palettes so they look the same on every platform.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark", "high-contrast")


def _qss(name: str) -> str:
    path = resource_path("qss", name)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def system_is_dark() -> bool:
    """Whether the desktop is in dark mode. Call it while the platform's palette is in use."""
    if is_dark(QGuiApplication.palette()):
        return True
    return sys.platform == "win32" and _color_scheme_is_dark()


def _color_scheme_is_dark() -> bool:
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 30, 30), QColor(45, 45, 45), QColor(230, 230, 230)
    for role, color in (
        (QPalette.ColorRole.Window, window), (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base), (QPalette.ColorRole.AlternateBase, QColor(38, 38, 38)),
        (QPalette.ColorRole.Text, text), (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text), (QPalette.ColorRole.ToolTipBase, QColor(60, 60, 60)),
        (QPalette.ColorRole.ToolTipText, text), (QPalette.ColorRole.Highlight, QColor(66, 133, 214)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Link, QColor(120, 180, 255)), (QPalette.ColorRole.LinkVisited, QColor(190, 150, 255)),
        (QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150)), (QPalette.ColorRole.Mid, QColor(90, 90, 90)),
    ):
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 120))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(120, 120, 120))
    return p


def _high_contrast_palette() -> QPalette:
    p = QPalette()
    black, white, yellow = QColor(0, 0, 0), QColor(255, 255, 255), QColor(255, 255, 0)
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase,
                 QPalette.ColorRole.Button, QPalette.ColorRole.ToolTipBase):
        p.setColor(role, black)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText,
                 QPalette.ColorRole.ToolTipText, QPalette.ColorRole.BrightText, QPalette.ColorRole.Mid):
        p.setColor(role, white)
    p.setColor(QPalette.ColorRole.Highlight, yellow)
    p.setColor(QPalette.ColorRole.HighlightedText, black)
    p.setColor(QPalette.ColorRole.Link, yellow)
    p.setColor(QPalette.ColorRole.LinkVisited, QColor(255, 200, 0))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(200, 200, 200))
    return p


_default_style: str | None = None


def _set_style(app: QApplication, name: str) -> None:
    """Changing the style re-polishes every widget: only do it when it really changes."""
    if app.style().name().lower() != name.lower():
        app.setStyle(name)


def _set_sheet(app: QApplication, sheet: str) -> None:
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def apply_theme(app: QApplication, name: str) -> str:
    """Apply a theme by name (unknown names mean "system"); returns the effective one."""
    global _default_style
    if name not in THEMES:
        name = "system"
    if _default_style is not None and name in ("system", "light"):
        # A dark or high-contrast theme was applied: back to the platform's style, and to its
        # palette ("system" reads that one and keeps following it) or the style's light one.
        _set_style(app, _default_style)
        app.setPalette(QPalette() if name == "system" else app.style().standardPalette())
    effective = name
    if name == "system":
        effective = "dark" if system_is_dark() else "light"
    if effective in ("dark", "high-contrast") and _default_style is None:
        # Learn the platform's style before the first change, to go back to it. Only then:
        # touching app.style() from Python loads QStyle, ~15 ms of start-up on a light theme.
        # A style sheet wraps the style (the wrapper has no name), so it comes off first.
        _set_sheet(app, "")
        _default_style = app.style().name()
    if effective == "dark":
        _set_style(app, "Fusion")
        app.setPalette(_dark_palette())
        _set_sheet(app, _qss("base.qss"))
    elif effective == "high-contrast":
        _set_style(app, "Fusion")
        app.setPalette(_high_contrast_palette())
        _set_sheet(app, _qss("base.qss") + "\n" + _qss("high-contrast.qss"))
    else:
        _set_sheet(app, _qss("base.qss"))
    return effective


def is_dark(widget_palette: QPalette) -> bool:
    """Whether text on this palette is light (used to pick page colours for HTML)."""
    return widget_palette.color(QPalette.ColorRole.Base).lightness() < 128


# -- focus ring in every theme (issue 21, keyboard; kept as one block for the theme work beside it) --
# base.qss rings the inputs and buttons; this adds what it misses: the views' headings (where Tab
# lands first, access.make_heading), spin and date boxes, tabs. Colours come from the palette, so
# the ring is the highlight of whichever theme is in use (yellow in high contrast).
FOCUS_RING = """
QLabel[viewHeading="true"] { border: 2px solid transparent; border-radius: 3px; }
QLabel[viewHeading="true"]:focus { border: 2px solid palette(highlight); }
QAbstractSpinBox:focus, QDateEdit:focus, QDoubleSpinBox:focus { border: 2px solid palette(highlight); }
QTabBar::tab:focus { border: 2px solid palette(highlight); }
"""
_sheet_file = _qss


def _qss(name: str) -> str:  # type: ignore[no-redef]  # the same reader, with the focus ring after the base sheet
    text = _sheet_file(name)
    return f"{text}\n{FOCUS_RING}" if name == "base.qss" else text
