"""Small pieces every sub-command shares: opening the KB, printing JSON and tables."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.i18n import N_
from desktop.kb.store import KnowledgeBase, open_kb


def add_kb_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kb", type=Path, default=None, help=N_("use this KB file instead of the installed one"))


def open_for(args: argparse.Namespace) -> KnowledgeBase:
    opened = open_kb(getattr(args, "kb", None))
    if opened.notice:
        sys.stderr.write(f"cartref: {opened.notice}\n")
    return opened.kb


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    for n, row in enumerate(cells):
        sys.stdout.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
        if n == 0:
            sys.stdout.write("  ".join("-" * w for w in widths) + "\n")


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def lang_choice(value: str) -> str:
    from desktop.kb.text import normalise_lang

    if value.lower().replace("_", "-") not in ("en", "zh", "zh-hans", "zh-cn"):
        raise argparse.ArgumentTypeError(f"unknown language {value!r} (use en or zh)")  # desktop.errortext
    return normalise_lang(value)


def text_argument(value: str) -> str:
    """argparse `type=` for free text that is stored or printed (a key's name): valid UTF-8 text
    without control characters, or one line and exit 2 before anything is written (F16)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError("the text is not valid UTF-8") from None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise argparse.ArgumentTypeError("the text cannot contain control characters")
    return value


def lines_argument(value: str) -> str:
    """`text_argument` for a free note: line breaks and tabs allowed."""
    text_argument(value.replace("\n", " ").replace("\t", " "))
    return value


def whole_number(value: str) -> int:
    """An argparse type for counts: a one-line usage error, never a traceback."""
    import argparse

    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"needs a whole number, not {value!r}") from None



def ui_lang(args: argparse.Namespace) -> str:
    """The language of a command's messages: its `--lang`, else English."""
    lang = getattr(args, "lang", None)
    return lang if isinstance(lang, str) and lang else "en"


def is_zh(lang: str | None) -> bool:
    return bool(lang) and str(lang).lower().startswith("zh")


def long_date(iso: str, lang: str) -> str:
    """An ISO date (YYYY-MM-DD, possibly with a time after it) for prose: 2026年12月1日 in
    Chinese, as given in English. Machine fields (JSON, CSV) keep the ISO text."""
    import datetime as dt

    if not is_zh(lang) or not iso:
        return iso
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日" + iso[10:]
