"""Translated text for everything outside Qt widgets: gettext catalogues, one per language.

Widgets keep Qt's .ts/.qm files (`QCoreApplication.translate`); the grading reasons, trial
comparison labels, handout titles and templates and the CLI's messages use the catalogue
`resources/locale/<locale>/LC_MESSAGES/cartref.mo`, compiled from the `.po` next to it by
`make i18n` (docs/i18n.md). English source strings are the message ids, so English needs no
catalogue. Placeholders are `%(name)s` everywhere: the style Jinja's i18n extension formats
with and the one Babel checks between a message and its translation.

Ground floor (stdlib only, no Qt, no Babel: Babel costs ~47 M instructions and is only a
build tool). The window's first frame does not import this module; stdlib `gettext` (~3.7 M)
is loaded there anyway.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import warnings
from collections.abc import Callable

from desktop import paths
from desktop.errors import CartrefError

DOMAIN = "cartref"
"""The catalogue's name: `cartref.po` / `cartref.mo` in every language's folder."""

SOURCE_LOCALE = "en"
"""The language of the message ids: shown as they are, no catalogue."""


def locale_dir() -> str:
    return str(paths.resource_path("locale"))


def catalogue_locale(lang: str | None) -> str | None:
    """The catalogue folder for a language code (`zh`, `zh-CN`, `zh-Hans` -> `zh_Hans`;
    `fr-FR` -> `fr`); None for English, the source language."""
    code = (lang or "").strip().replace("-", "_")
    if not code or code.lower().startswith(SOURCE_LOCALE):
        return None
    if code.lower().startswith("zh"):
        return "zh_Hans"  # the one Chinese the content has (simplified, mainland usage)
    return code.split("_")[0].lower()


@functools.cache
def translation(lang: str | None) -> _gettext.NullTranslations:
    """The catalogue for `lang`, loaded once; English (the message ids) when there is none.

    A language with a catalogue folder but no compiled `.mo` warns once: the text then reads in
    English, which is the symptom of a build that skipped `make i18n`.
    """
    locale = catalogue_locale(lang)
    if locale is None:
        return _gettext.NullTranslations()
    try:
        return _gettext.translation(DOMAIN, localedir=locale_dir(), languages=[locale])
    except FileNotFoundError:
        if (paths.resource_path("locale") / locale).is_dir():
            warnings.warn(f"no compiled catalogue for {lang!r} in {locale_dir()} (run `make i18n`); "
                          "showing English", RuntimeWarning, stacklevel=2)
        return _gettext.NullTranslations()


def gettext(lang: str | None) -> Callable[[str], str]:
    """`_ = gettext(lang)`, then `_("Message %(x)s") % {"x": ...}`."""
    return translation(lang).gettext


def ngettext(lang: str | None) -> Callable[[str, str, int], str]:
    """`ngettext(lang)(singular, plural, n)`: the plural form the language's rule picks."""
    return translation(lang).ngettext


def pgettext(lang: str | None) -> Callable[[str, str], str]:
    """`pgettext(lang)(context, message)`: for one English word that two places translate
    differently (the column 'Day' of a calendar and of a log)."""
    return translation(lang).pgettext


def N_(message: str) -> str:
    """Marks a message id for extraction where it is stored, translated later (`Msg`, tables)."""
    return message


def NP_(context: str, message: str) -> str:
    """`N_` with a context (written out as a literal, for Babel); translate it later with
    `pgettext(lang)(context, message)`."""
    return message


class Msg:
    """A message kept untranslated until someone reads it, so one result (a grade, say) can be
    shown in the window's language and printed by the CLI in another.

    Keyword arguments fill `%(name)s` placeholders; an argument that is itself a `Msg` is
    translated into the same language first. The message is always %-formatted (as Jinja's
    templates are), so a literal % is written %%. `Msg` is an extraction keyword of Babel.
    """

    __slots__ = ("args", "msgid")

    def __init__(self, msgid: str, /, **args: str | int | float | Msg) -> None:
        self.msgid = msgid
        self.args = tuple(args.items())

    def text(self, lang: str | None = "en") -> str:
        values = {k: v.text(lang) if isinstance(v, Msg) else v for k, v in self.args}
        return gettext(lang)(self.msgid) % values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.msgid, self.args) == (other.msgid, other.args)

    def __hash__(self) -> int:
        return hash((self.msgid, self.args))

    def __repr__(self) -> str:
        return f"Msg({self.msgid!r}{''.join(f', {k}={v!r}' for k, v in self.args)})"


class NMsg(Msg):
    """A `Msg` with a plural: the language's plural rule picks the form for `n` (also
    available as `%(n)s`). Babel extraction keyword `NMsg:1,2`."""

    __slots__ = ("n", "plural")

    def __init__(self, singular: str, plural: str, n: int, /, **args: str | int | float | Msg) -> None:
        super().__init__(singular, n=n, **args)
        self.plural = plural
        self.n = n

    def text(self, lang: str | None = "en") -> str:
        values = {k: v.text(lang) if isinstance(v, Msg) else v for k, v in self.args}
        return ngettext(lang)(self.msgid, self.plural, self.n) % values


def translate_line(text: str, lang: str | None) -> str:
    """A one-line English message (an error's, argparse's) in `lang`, when it is a known one."""
    from desktop.errortext import translate_line as translate

    return translate(text, lang)


def error_line(exc: CartrefError, lang: str | None = "en") -> str:
    """An error's one line in `lang` (the CLI's and the window's): its Msg when it carries one, a form
    field's message translated around what the error writes ("name_en: ..."), else the English line
    through the catalogue of known lines."""
    if exc.msg is not None:
        return str(exc.msg.text(lang))
    english = str(exc)
    msgid, values = getattr(exc, "msgid", None), getattr(exc, "values", None)
    if isinstance(msgid, str) and isinstance(values, dict):
        # recovery.dates.FieldError, userdata.site_centres.CentreFieldError
        return english.replace(msgid % values, gettext(lang)(msgid) % values)
    return translate_line(english, lang)
