"""Run-time language switching with Qt's translation system.

Every `resources/i18n/*_zh_CN.qm` (one per area of the program) gets a QTranslator, plus Qt's
own `qtbase_zh_CN.qm` for standard dialogs. Installing or removing translators makes Qt send
`QEvent.LanguageChange` to every widget, which each view answers by relabelling itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.kb.text import normalise_lang
from desktop.paths import resource_path

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("zh-Hans", "简体中文"))


normalise = normalise_lang  # the UI's language codes are the content's


def system_language() -> str:
    return normalise(QLocale.system().name())


class Translations:
    """Owns the installed translators; `set_language` swaps them."""

    def __init__(self) -> None:
        self.language = "en"
        self._installed: list[QTranslator] = []

    def qm_files(self) -> list[str]:
        folder = resource_path("i18n")
        return sorted(str(p) for p in folder.glob("*_zh_CN.qm")) if folder.is_dir() else []

    def set_language(self, lang: str) -> str:
        lang = normalise(lang)
        app = QCoreApplication.instance()
        if app is None:
            self.language = lang
            return lang
        for tr in self._installed:
            QCoreApplication.removeTranslator(tr)
        self._installed = []
        if lang == "zh-Hans":
            for path in self.qm_files():
                tr = QTranslator(app)
                if tr.load(path):
                    QCoreApplication.installTranslator(tr)
                    self._installed.append(tr)
            qt_tr = QTranslator(app)
            if qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                QCoreApplication.installTranslator(qt_tr)
                self._installed.append(qt_tr)
        self.language = lang
        return lang

    @property
    def count(self) -> int:
        return len(self._installed)
