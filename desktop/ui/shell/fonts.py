"""The bundled CJK font, so Chinese renders on a machine with no CJK system font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from desktop.paths import resource_path

FONT_FILE = ("fonts", "wqy-microhei.ttc")
FALLBACK_FAMILY = "WenQuanYi Micro Hei"
_loaded: str | None = None

# Families Qt (or a style sheet) may ask for by name; each gets the CJK font as substitute.
_COMMON_FAMILIES = ("Sans Serif", "sans-serif", "Helvetica", "Arial", "DejaVu Sans", "Noto Sans",
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
    for name in _COMMON_FAMILIES:
        QFont.insertSubstitution(name, family)
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        base = QGuiApplication.font()
        first = base.families() or [base.family()]
        if family not in first:
            base.setFamilies([*first, family])
            QGuiApplication.setFont(base)
        QFont.insertSubstitution(first[0], family)
    _loaded = family
    return family
