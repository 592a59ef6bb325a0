"""Text normalising shared by the index builder and the query parser.

Both sides must agree exactly: full-width forms folded (NFKC), Chinese runs split into
single characters so that unicode61 can match any Chinese word as a phrase.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# CJK Unified Ideographs (+ extension A), CJK symbols are treated as separators.
_CJK_BLOCKS = (("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"), ("\uf900", "\ufaff"))
_CJK_RANGES = "".join(f"{lo}-{hi}" for lo, hi in _CJK_BLOCKS)


@functools.cache
def _cjk_pattern(kind: str) -> re.Pattern[str]:
    """Compiled on first use: each class over ~28,000 ideographs takes ~3 ms to compile,
    which the window's start-up (and `cartref show`) need not pay."""
    char = f"[{_CJK_RANGES}]"
    return re.compile({"char": char, "gap": f"(?<={char})(?={char})", "space": f"(?<={char}) (?={char})"}[kind])


def starts_cjk(text: str) -> bool:
    """Whether the first character is a CJK ideograph."""
    return bool(text) and any(lo <= text[0] <= hi for lo, hi in _CJK_BLOCKS)


def normalise(text: str) -> str:
    """NFKC (folds full-width letters and digits) and case-folding."""
    return unicodedata.normalize("NFKC", text).casefold()


def space_cjk(text: str) -> str:
    """Put a space between adjacent CJK characters: 武汉市 -> 武 汉 市."""
    return _cjk_pattern("gap").sub(" ", text)


def unspace_cjk(text: str) -> str:
    """Undo `space_cjk` for display (snippets)."""
    return _cjk_pattern("space").sub("", text)


def index_text(text: str) -> str:
    """What is stored in the FTS index for a piece of content."""
    return space_cjk(unicodedata.normalize("NFKC", text))


def has_cjk(text: str) -> bool:
    return bool(_cjk_pattern("char").search(text))


def normalise_lang(lang: str | None) -> str:
    """`zh`, `zh-CN`, `zh_Hans` -> `zh-Hans`; anything else -> `en` (the two content languages)."""
    if lang and lang.lower().replace("_", "-").startswith("zh"):
        return "zh-Hans"
    return "en"


def in_language(lang: str, en: str, zh: str) -> str:
    """The Chinese text when Chinese is asked for and exists, else the English (the fallback rule)."""
    return zh if lang.startswith("zh") and zh else en
