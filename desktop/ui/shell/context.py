"""The application context: the one owner of what every view shares.

It holds the knowledge base in use, the UI language and the user database connection, and
says when the first two change. Views subscribe to it (`desktop.ui.shell.views.subscribe`)
instead of the window calling each of them, and no view opens a user database of its own, so
the temporary database `app.py` falls back to is the one every view writes to.

Views also ask for things through it: `openRequested` (go to a link) and `handoutRequested`
(open the handouts view filled in from another view: a centre, or a calendar to print).
Whoever hosts the views (the main window) answers those requests; the request types live in
`requests.py`, which start-up does not import (dataclasses would cost it ~inspect's import).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.kb.text import normalise_lang

if TYPE_CHECKING:
    import sqlite3

    from PySide6.QtCore import QSettings

    from desktop.kb.store import KnowledgeBase
    from desktop.ui.shell.i18n import Translations
    from desktop.ui.shell.requests import HandoutRequest


class AppContext(QObject):
    """The KB, the language and the user database of one window, with change signals."""

    kbChanged = Signal(object)
    """The new KnowledgeBase (a content update was installed, or a failed KB was replaced)."""
    languageChanged = Signal(str)
    """The new UI language code; translators are installed before this is sent."""
    openRequested = Signal(str)
    """A view asks to go to a page link (`therapy:x`) or a view (`view:compare`)."""
    handoutRequested = Signal(object)
    """A HandoutRequest for the handouts view."""
    bookmarksChanged = Signal(object)
    """The bookmarks in the user database changed; the argument is the view that changed them."""

    def __init__(self, kb: KnowledgeBase, user_db: sqlite3.Connection, *, lang: str = "en",
                 kb_notice: str | None = None, translations: Translations | None = None,
                 settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.kb_notice = kb_notice
        self.user_db = user_db
        self.lang = normalise_lang(lang)
        self.translations = translations
        self._settings = settings
        self._memory: dict[str, str] = {}

    def setting(self, key: str) -> str | None:
        """A remembered user choice (the window's settings file; in memory when there is none)."""
        if self._settings is None:
            return self._memory.get(key)
        value = self._settings.value(key)
        return None if value is None else str(value)

    def set_setting(self, key: str, value: str) -> None:
        if self._settings is None:
            self._memory[key] = value
        else:
            self._settings.setValue(key, value)

    def set_kb(self, kb: KnowledgeBase, notice: str | None = None) -> None:
        self.kb = kb
        self.kb_notice = notice
        self.kbChanged.emit(kb)

    def set_language(self, lang: str) -> None:
        """Install the translators for `lang`, then tell every subscriber."""
        self.lang = normalise_lang(lang)
        if self.translations is not None:
            self.translations.set_language(self.lang)
        self.languageChanged.emit(self.lang)

    def open_link(self, link: str) -> None:
        self.openRequested.emit(link)

    def request_handout(self, request: HandoutRequest) -> None:
        self.handoutRequested.emit(request)
