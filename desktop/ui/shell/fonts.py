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
