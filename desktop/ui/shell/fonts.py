"""The bundled fonts: WenQuanYi (CJK) so Chinese renders on a machine with no CJK system font, and
DejaVu Sans before it for Latin: WenQuanYi maps the pinyin tone letters ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ to empty glyphs,
so Qt never falls back for them (D03); DejaVu has no CJK, so Chinese still falls through to WenQuanYi."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from desktop.paths import resource_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")
FALLBACK_FAMILY = "WenQuanYi Micro Hei"
LATIN_FILES = (("fonts", "DejaVuSans.ttf"), ("fonts", "DejaVuSans-Bold.ttf"))
LATIN_FAMILY = "DejaVu Sans"
_loaded: str | None = None

# Families Qt (or a style sheet) may ask for by name; each gets the CJK font as substitute.
_COMMON_FAMILIES = ("Sans Serif", "sans-serif", "Helvetica", "Arial", "Noto Sans",
                    "Segoe UI", "Serif", "serif", "Times New Roman", "Monospace", "monospace")


def ensure_cjk_font() -> str:
    """Load the bundled font once and make it the fallback of the application font.

    Returns the family name (also when the font was already loaded). Needs a QGuiApplication.
    """
    global _loaded
    if _loaded is not None:
        return _loaded
    family = FALLBACK_FAMILY
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    if font_id >= 0:
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    for parts in LATIN_FILES:
        QFontDatabase.addApplicationFont(str(resource_path(*parts)))
    for name in _COMMON_FAMILIES:
        QFont.insertSubstitutions(name, [LATIN_FAMILY, family])
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        base = QGuiApplication.font()
        first = base.families() or [base.family()]
        if family not in first:
            base.setFamilies([*first, LATIN_FAMILY, family])
            QGuiApplication.setFont(base)
        QFont.insertSubstitutions(first[0], [LATIN_FAMILY, family])
    _loaded = family
    return family


# -- one text size for the whole window (View > Text size) ---------------------------------------
TEXT_MIN, TEXT_MAX, TEXT_STEP = 80, 200, 10
"""Percent of the platform's font size. 200 % is the largest every view is laid out for (D16)."""
_base_point_size: float | None = None
_text_size = 100


def text_size() -> int:
    """The text size in use, in percent of the platform's font size."""
    return _text_size


def clamp_text_size(percent: int) -> int:
    return max(TEXT_MIN, min(TEXT_MAX, int(percent)))


def apply_text_size(percent: int) -> int:
    """Scale the application font to `percent` of the platform's size; returns the size set.

    Every widget that follows the application font (menus, navigation, lists, tables, forms)
    grows with it. A widget given a font of its own (a heading at 1.4 times the text) would stay
    at its old size, so each such font is scaled by the same ratio, parents before children: a
    child whose size already followed its rescaled parent is left alone. Needs a QApplication."""
    global _base_point_size, _text_size
    from PySide6.QtWidgets import QApplication

    percent = clamp_text_size(percent)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return percent
    current = QApplication.font()
    if _base_point_size is None:
        _base_point_size = current.pointSizeF() if current.pointSizeF() > 0 else 10.0
    old_size = current.pointSizeF() if current.pointSizeF() > 0 else _base_point_size
    new_size = _base_point_size * percent / 100
    _text_size = percent
    if abs(new_size - old_size) < 0.01:
        return percent
    ratio = new_size / old_size
    widgets = QApplication.allWidgets()
    before = {id(w): w.font().pointSizeF() for w in widgets}
    font = QFont(current)
    font.setPointSizeF(new_size)
    QApplication.setFont(font)

    def depth(w: object) -> int:
        n, p = 0, getattr(w, "parentWidget", lambda: None)()
        while p is not None:
            n, p = n + 1, p.parentWidget()
        return n

    for w in sorted(widgets, key=depth):
        size = w.font().pointSizeF()
        if size > 0 and abs(size - before.get(id(w), -1.0)) < 0.01:  # its own size: did not follow
            own = QFont(w.font())
            own.setPointSizeF(size * ratio)
            w.setFont(own)
    return percent
