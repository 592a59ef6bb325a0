"""Run-time language switching with Qt's translation system.

Every `resources/i18n/*_zh_CN.qm` (one per area of the program) gets a QTranslator, plus Qt's
own `qtbase_zh_CN.qm` for standard dialogs. Installing or removing translators makes Qt send
`QEvent.LanguageChange` to every widget, which each view answers by relabelling itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.errors import CartrefError
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


# -- numbers, dates and result values in the window's language --------------------------------
# The knowledge base stores codes and ISO dates; the window puts them into words. QLocale gives
# each language its own number and date conventions (2026年12月1日 in Chinese), and the unit
# words come from the "Numbers" context of the ui catalogue.

def _qlocale(lang: str) -> QLocale:
    return QLocale("zh_CN") if normalise(lang) == "zh-Hans" else QLocale("en_US")


def format_date(iso: str, lang: str) -> str:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) in the language: 2026年12月1日; English keeps ISO.

    Anything that is not such a date is returned as it is."""
    if normalise(lang) != "zh-Hans" or not iso:
        return iso
    parts = iso.strip().split("-")
    if not all(p.isdigit() for p in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return iso
    year, *rest = (int(p) for p in parts)
    if not rest:
        return f"{year}年"
    if len(rest) == 1:
        return f"{year}年{rest[0]}月"
    return f"{year}年{rest[0]}月{rest[1]}日"


def date_display_format(lang: str) -> str:
    """The display format of a date picker in the language (yyyy-MM-dd in English)."""
    return "yyyy年M月d日" if normalise(lang) == "zh-Hans" else "yyyy-MM-dd"


def format_number(value: float, lang: str, decimals: int = -1) -> str:
    """A number with the language's decimal separator (QLocale), without trailing zeros."""
    if decimals >= 0:
        return _qlocale(lang).toString(float(value), "f", decimals)
    text = f"{value:g}"
    return text.replace(".", _qlocale(lang).decimalPoint()) if "." in text else text


COUNTRY_ZH = {"China": "中国", "China (mainland)": "中国大陆", "United States": "美国", "Hong Kong": "中国香港",
              "Hong Kong SAR": "中国香港特别行政区", "Macau SAR": "中国澳门特别行政区", "Germany": "德国", "Spain": "西班牙",
              "Italy": "意大利", "France": "法国", "United Kingdom": "英国", "Japan": "日本", "Singapore": "新加坡"}
"""Countries and regions the KB names in English, in Chinese."""


def country_name(name: str, lang: str) -> str:
    return COUNTRY_ZH.get(name, name) if normalise(lang) == "zh-Hans" else name


AGENCY_ZH = {"European Commission": "欧盟委员会", "Department of Health": "卫生署", "US FDA": "美国FDA",
             "ISAF (Pharmaceutical Administration Bureau)": "药物监督管理局（ISAF）", "MHLW/PMDA": "厚生劳动省/PMDA",
             "EMA (CHMP)": "EMA（CHMP）", "European Union": "欧盟", "US": "美国"}
"""Regulators the KB names in English, in Chinese (acronyms such as FDA, NMPA, HSA stay)."""


def jurisdiction_label(text: str, lang: str) -> str:
    """"FDA (United States)" → "FDA（美国）" in Chinese: the regulator and its country or region."""
    if normalise(lang) != "zh-Hans":
        return text
    if text.endswith(")"):  # the region is the last bracketed part, which may hold brackets itself
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                agency, region = text[:i].rstrip(), text[i + 1:-1]
                if region in COUNTRY_ZH or region in AGENCY_ZH:
                    return f"{AGENCY_ZH.get(agency, agency)}（{COUNTRY_ZH.get(region) or AGENCY_ZH[region]}）"
                break
    return AGENCY_ZH.get(text, text)


def phase_label(phase: str, lang: str) -> str:
    """A trial's phase code (1, 1b/2, real-world, Early 1) in words: 'phase 1b/2', '1b/2 期'."""
    translate = QCoreApplication.translate
    special = {"real-world": translate("Numbers", "real-world study"),
               "early 1": translate("Numbers", "early phase 1")}
    return special.get(phase.lower()) or translate("Numbers", "phase {0}").format(phase)


def keep_phrases_whole(label: str) -> str:
    """A short Chinese label that may wrap only at its punctuation, never inside a word: the
    characters of each run between punctuation marks are joined by U+2060 WORD JOINER (invisible),
    so "神经毒性（任何级别）" wraps before "（", not inside "级别". For chart and table labels."""
    out: list[str] = []
    for prev, ch in zip(" " + label, label, strict=False):
        if out and _is_cjk(prev) and _is_cjk(ch):
            out.append("\u2060")
        out.append(ch)
    return "".join(out)


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}


def restore_fullwidth(text: str) -> str:
    """Full-width punctuation back in Chinese sentences of text that went through NFKC (the
    search index stores it so, and NFKC turns ，：（） into ,:()): a bracket pair around or beside
    Chinese, and a mark right after Chinese (or before it, with no space), become full width."""
    chars = list(text)
    n = len(chars)

    def chinese_at(i: int) -> bool:
        return 0 <= i < n and (_is_cjk(chars[i]) or "\u3000" <= chars[i] <= "\u303f" or "\uff00" <= chars[i] <= "\uffef")

    stack: list[int] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            if chinese_at(j - 1) or any(_is_cjk(c) for c in chars[j + 1:i]):
                chars[j], chars[i] = "（", "）"
    for i, ch in enumerate(chars):
        if ch in _FULL and (chinese_at(i - 1) or (chinese_at(i + 1) and i > 0 and chars[i - 1] != " ")):
            chars[i] = _FULL[ch]
    return "".join(chars)


def error_text(exc: BaseException, lang: str) -> str:
    """A one-line error in the window's language (issue 18: the one-line errors too).

    Our errors say themselves in a language (`desktop.i18n.error_line`, the CLI's one line too);
    another that can (`text(lang)`: the date fields' FieldError, any error carrying a Msg) does;
    otherwise its English message goes through the gettext catalogue, which translates it when it
    holds it; otherwise the message is shown as it is."""
    if isinstance(exc, CartrefError):
        from desktop.i18n import error_line  # stdlib gettext: not on the start-up path

        line = error_line(exc, lang)
        if line != str(exc):
            return line
    text_of = getattr(exc, "text", None)
    if callable(text_of):
        try:
            return str(text_of(lang))
        except TypeError:
            pass
    return message_text(str(exc), lang)


def message_text(message: str, lang: str) -> str:
    """An English one-line message from a layer below (a calendar's `problem`) in the window's
    language when the gettext catalogue holds it; else as it is."""
    from desktop.i18n import gettext  # stdlib gettext: not on the start-up path

    return str(gettext(normalise(lang))(message)) if message else message
