"""The gettext catalogue: every message translated, nothing fuzzy, the code's messages all in it,
and the run-time side stays stdlib (no Babel, no Qt)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

from desktop import i18n
from desktop.i18n import Msg, NMsg

ROOT = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _babel_or_skip_off_posix() -> None:
    """Babel reads the catalogues: a build tool (pyproject's `build` extra), installed with the
    dev tools on Linux but not in the Windows test Python, which only runs the program."""
    if os.name != "posix":
        pytest.importorskip("babel", reason="Babel (a build tool) is not installed in the Windows test Python")


def test_every_catalogue_entry_is_translated_and_compiled() -> None:
    """The same check as `make i18n-check` minus re-extracting the code (the next test)."""
    _babel_or_skip_off_posix()
    assert _tool().check(with_code=False) == []


def test_every_message_in_the_code_is_in_the_catalogues() -> None:
    pytest.importorskip("babel")
    assert _tool().unextracted() == []


def test_no_message_hides_from_extraction() -> None:
    """Babel finds `_("...")`, not `gettext(lang)("...")`: a literal there would never be translated."""
    hidden = re.compile(r"gettext\([^()]*\)\(\s*[\"']")
    found = [f"{p.relative_to(ROOT)}:{n}" for p in sorted((ROOT / "desktop").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert found == []


def test_the_checker_finds_half_width_punctuation_in_chinese_sentences() -> None:
    """Chinese sentences take full-width ，：；（）？！ (issue 18); placeholders, markup, Latin text
    and a file dialog's filters keep ASCII."""
    find = _tool().halfwidth_in_chinese
    assert find("回输日期: %(date)s") == [":"]
    assert find("请联系医生,然后休息(必要时)") == [",", "(", ")"]
    assert find("回输日期：%(date)s（第%(day)s天）") == []
    assert find("PDF 文件 (*.pdf)") == [] and find("队列(&O)：") == [] and find("CRS (grade 3), ICANS") == []


def test_the_checker_catches_untranslated_fuzzy_and_mismatched_placeholders(tmp_path: Path) -> None:
    _babel_or_skip_off_posix()
    tool = _tool()
    po = tmp_path / "cartref.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgid "Untranslated"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Fuzzy"\nmsgstr "模糊"\n\n'
        '#, python-format\nmsgid "Grade %(grade)s"\nmsgstr "%(level)s 级"\n\n'
        'msgid "Fine"\nmsgstr "好"\n', encoding="utf-8")
    tool.ROOT = tmp_path
    problems = tool.po_problems(po)
    assert len(problems) == 3, problems
    assert any("untranslated" in p and "Untranslated" in p for p in problems)
    assert any("fuzzy" in p for p in problems)
    assert any("level" in p or "grade" in p for p in problems)


def test_english_is_the_message_id_and_chinese_comes_from_the_catalogue() -> None:
    title = "Your recovery calendar"
    assert i18n.gettext("en")(title) == title
    assert i18n.gettext("zh-Hans")(title) == "您的康复日历"
    assert i18n.gettext("zh")(title) == i18n.gettext("zh_CN")(title) == "您的康复日历"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert i18n.gettext("fr")(title) == title  # no catalogue: English, silently


def test_a_message_translates_its_arguments_into_the_same_language() -> None:
    msg = Msg("%(finding)s: grade %(grade)s.", finding=Msg("Hypotension requiring one vasopressor "
                                                             "(with or without vasopressin)"), grade=3)
    assert msg.text("en") == "Hypotension requiring one vasopressor (with or without vasopressin): grade 3."
    assert msg.text("zh-Hans") == "低血压，需要一种升压药（无论是否联用血管升压素）：3 级。"
    assert msg == Msg(msg.msgid, **dict(msg.args)) and hash(msg) == hash(Msg(msg.msgid, **dict(msg.args)))


def test_plural_messages_follow_the_language_rule() -> None:
    one = NMsg("%(task)s: %(value)s/%(top)s (%(n)s point lost).", "%(task)s: %(value)s/%(top)s (%(n)s points lost).",
               1, task="Naming 3 objects", value=2, top=3)
    two = NMsg(one.msgid, one.plural, 2, task="Naming 3 objects", value=1, top=3)
    assert one.text("en") == "Naming 3 objects: 2/3 (1 point lost)."
    assert two.text("en") == "Naming 3 objects: 1/3 (2 points lost)."
    assert two.text("zh-Hans") == "Naming 3 objects：1/3（失 2 分）。"


def test_the_run_time_side_imports_neither_babel_nor_qt_nor_jinja() -> None:
    code = ("import sys, desktop.i18n as t; t.gettext('zh-Hans')('Clinician summary'); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('babel', 'PySide6', 'jinja2')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
