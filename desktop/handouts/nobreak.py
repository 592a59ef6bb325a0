"""Keep words whole on paper: no Chinese word broken across lines, no "38 °C" split (D31).

Qt lays Chinese out with a break allowed between any two characters, so "门诊" could end one
line with 门 and start the next with 诊. Every Chinese word the KB's own dictionary knows (the
search vocabulary, `desktop.kb.segment`, the same cut the search uses) gets WORD JOINERs
(U+2060) between its characters: Qt's line breaker honours them (UAX #14 class WJ), they draw
nothing, and a line still breaks between words. A number and its unit are joined by a no-break
space. Only text between tags is touched, never a tag or an attribute. No Qt here.
"""

from __future__ import annotations

import re

from desktop.handouts.content import keep_together
from desktop.kb.segment import Segmenter, cjk_runs
from desktop.kb.store import KnowledgeBase

WORD_JOINER = "\u2060"
_TAG = re.compile(r"(<[^>]*>)")
_CJK_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SEGMENTERS: dict[tuple[str, str], Segmenter] = {}


def segmenter(kb: KnowledgeBase) -> Segmenter:
    """The KB's Chinese word cutter (its search vocabulary), built once per KB content."""
    import sqlite3

    key = (str(getattr(kb, "path", id(kb))), kb.meta().content_hash)
    found = _SEGMENTERS.get(key)
    if found is None:
        try:
            words = [row[0] for row in kb.conn.execute("SELECT word FROM search_words")]
        except sqlite3.Error:  # a KB built before the table existed: no words, characters only
            words = []
        found = _SEGMENTERS[key] = Segmenter(words)
    return found


def join_words(text: str, seg: Segmenter) -> str:
    """Word joiners inside every known Chinese word of plain `text`."""

    def run(match: re.Match[str]) -> str:
        return "".join(WORD_JOINER.join(piece) if known else piece for piece, known in seg.cut(match.group(0)))

    return _CJK_RUN.sub(run, text)


def protect(html: str, seg: Segmenter | None) -> str:
    """`html` with its text kept whole: units always, Chinese words when a segmenter is given."""
    parts = _TAG.split(html)
    in_style = False
    for i, part in enumerate(parts):
        if i % 2:  # a tag
            lowered = part.lower()
            if lowered.startswith("<style"):
                in_style = True
            elif lowered.startswith("</style"):
                in_style = False
            continue
        if in_style or not part:
            continue
        text = keep_together(part)
        if seg is not None and cjk_runs(text):
            text = join_words(text, seg)
        parts[i] = text
    return "".join(parts)
