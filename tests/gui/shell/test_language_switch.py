"""The EN | 中文 switch on the toolbar (issue 18, D32): visible in either language, switches live,
is remembered between runs, and Chinese is the first-run default on a Chinese system."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase, OpenedKB
from desktop.ui.shell import i18n
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.main_window import MainWindow, settings_for_user
from desktop.userdata.db import open_user_db


@pytest.fixture
def user_db() -> Iterator[sqlite3.Connection]:
    conn = open_user_db()
    yield conn
    conn.close()


@pytest.fixture
def translations() -> Iterator[Translations]:
    tr = Translations()
    yield tr
    tr.set_language("en")


def _window(qtbot: QtBot, kb: Path, user_db: sqlite3.Connection, translations: Translations,
            settings: QSettings, lang: str | None = None) -> MainWindow:
    window = MainWindow(OpenedKB(KnowledgeBase(kb), None), user_db, translations=translations, settings=settings,
                        lang=lang)
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_switch_is_on_the_toolbar_and_switches_live(qtbot: QtBot, mini_kb: Path, user_db: sqlite3.Connection,
                                                        translations: Translations) -> None:
    w = _window(qtbot, mini_kb, user_db, translations, settings_for_user())
    en, zh = w.language_buttons["en"], w.language_buttons["zh-Hans"]
    assert en.text() == "EN" and zh.text() == "中文"  # each in its own language, whatever is shown
    assert en.isVisible() and zh.isVisible() and en.isChecked() and not zh.isChecked()
    assert w.top_bar.widgetForAction(w.top_bar.actions()[-1]) is zh
    zh.click()
    assert w.lang == "zh-Hans" and translations.language == "zh-Hans"
    assert zh.isChecked() and not en.isChecked()
    assert w.nav.item(w.nav_keys.index("trials")).text() == "临床试验"  # relabelled without a restart
    assert w.actions_by_name["lang_zh-Hans"].isChecked()  # the View menu agrees
    assert zh.accessibleName() == "中文（简体）" and zh.accessibleDescription() == "界面语言"
    en.click()
    assert w.lang == "en" and w.nav.item(w.nav_keys.index("trials")).text() == "Trials"
    assert en.accessibleDescription() == "Language of the program"


def test_the_choice_is_remembered_between_runs(qtbot: QtBot, mini_kb: Path, user_db: sqlite3.Connection,
                                               translations: Translations) -> None:
    w = _window(qtbot, mini_kb, user_db, translations, settings_for_user())
    w.language_buttons["zh-Hans"].click()
    w.close()
    settings = settings_for_user()
    assert settings.value("language") == "zh-Hans"
    again = _window(qtbot, mini_kb, user_db, translations, settings)
    assert again.lang == "zh-Hans" and again.language_buttons["zh-Hans"].isChecked()


def test_a_chinese_system_starts_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """First run (nothing stored): app.py asks system_language(), which follows QLocale.system()."""
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.system_language() == "zh-Hans"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("zh_TW")))
    assert i18n.system_language() == "zh-Hans"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: QLocale("en_GB")))
    assert i18n.system_language() == "en"


def test_dates_and_numbers_follow_the_language() -> None:
    assert i18n.format_date("2026-12-01", "zh-Hans") == "2026年12月1日"
    assert i18n.format_date("2026-12", "zh-Hans") == "2026年12月"
    assert i18n.format_date("2026-12-01", "en") == "2026-12-01"
    assert i18n.format_date("not a date", "zh-Hans") == "not a date"
    assert i18n.date_display_format("zh-Hans") == "yyyy年M月d日"
    assert i18n.format_number(9.5, "zh-Hans") == "9.5" and i18n.format_number(3, "en") == "3"


def test_an_article_without_chinese_says_so_with_its_date(qtbot: QtBot, mini_kb: Path, user_db: sqlite3.Connection,
                                                          translations: Translations) -> None:
    """Translation status per article: the English fallback is announced, with the English text's date."""
    w = _window(qtbot, mini_kb, user_db, translations, settings_for_user(), lang="zh-Hans")
    w.navigate("article:about")
    text = w.reader.browser.toPlainText().replace("\u2060", "")
    reviewed = KnowledgeBase(mini_kb).article("about", "en").reviewed_on  # type: ignore[union-attr]
    assert "本文暂无中文版" in text and i18n.format_date(reviewed, "zh-Hans") in text
    w.navigate("article:crs")
    assert "本文暂无中文版" not in w.reader.browser.toPlainText()


def test_the_reader_keeps_chinese_words_whole_and_spaces_lines_for_chinese(qtbot: QtBot, mini_kb: Path,
                                                                          user_db: sqlite3.Connection,
                                                                          translations: Translations) -> None:
    from desktop.ui.reader.render import WORD_JOINER

    w = _window(qtbot, mini_kb, user_db, translations, settings_for_user(), lang="zh-Hans")
    w.navigate("article:crs")
    doc = w.reader.browser.document()
    assert WORD_JOINER.join("综合征") in doc.toPlainText()  # a KB word: its characters joined
    doc.setTextWidth(90)  # a few characters a line: many line ends
    breaks_inside = []
    block = doc.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for i in range(1, layout.lineCount()):
            start = layout.lineAt(i).textStart()
            if text[start - 1:start] == WORD_JOINER:
                breaks_inside.append(text[max(0, start - 6):start + 6])
        if "发热" in text.replace(WORD_JOINER, ""):
            assert block.blockFormat().lineHeight() == 160  # CJK line height (percent)
        block = block.next()
    assert breaks_inside == []
    w.reader.browser.selectAll()
    copied = w.reader.browser.createMimeDataFromSelection().text()  # what Ctrl+C puts on the clipboard
    assert "综合征" in copied and WORD_JOINER not in copied


def test_regulators_and_labels_in_chinese() -> None:
    assert i18n.jurisdiction_label("FDA (United States)", "zh-Hans") == "FDA（美国）"
    assert i18n.jurisdiction_label("NMPA (China (mainland))", "zh-Hans") == "NMPA（中国大陆）"
    assert i18n.jurisdiction_label("US FDA label (REMS era)", "zh-Hans") == "US FDA label (REMS era)"  # unknown: as is
    assert i18n.jurisdiction_label("FDA (United States)", "en") == "FDA (United States)"
    assert i18n.keep_phrases_whole("神经毒性（任何级别）") == "神\u2060经\u2060毒\u2060性（任\u2060何\u2060级\u2060别）"
    assert i18n.keep_phrases_whole("CRS (grade 3)") == "CRS (grade 3)"


def test_search_titles_get_their_full_width_punctuation_back() -> None:
    """The search index stores NFKC text, which turns ，：（） into ,:(); Chinese shows them full width."""
    assert i18n.restore_fullwidth("ASTCT 共识:CRS 与 ICANS 分级(成人)") == "ASTCT 共识：CRS 与 ICANS 分级（成人）"
    assert i18n.restore_fullwidth("发热,除非被退热药") == "发热，除非被退热药"
    assert i18n.restore_fullwidth("CRS (grade 3), ICANS 10:30") == "CRS (grade 3), ICANS 10:30"


def test_one_line_errors_in_the_window_language() -> None:
    from desktop.errors import UserInputError
    from desktop.recovery.dates import FieldError

    english = "the leukapheresis date must be before the infusion date"
    field = FieldError("leukapheresis", english)
    assert i18n.error_text(field, "zh-Hans") == field.text("zh-Hans") != english  # says itself in Chinese
    assert i18n.error_text(UserInputError(english), "zh-Hans") != english  # the catalogue has it
    assert i18n.error_text(UserInputError(english), "en") == english
    assert i18n.error_text(UserInputError("no such message in any catalogue"), "zh-Hans") == "no such message in any catalogue"
