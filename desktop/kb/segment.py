"""Chinese word segmentation for search, shared by the index builder and the query parser.

FTS5's tokenizers in SQLite 3.40 do not find Chinese words, so Chinese text is cut into words
here before it is stored or searched. The dictionary is the KB's own vocabulary (product
names, glossary and synonym terms, lay words, metric labels, question words), written into
the KB at build time (`search_words`), so index and query are cut the same way. A run of
characters the dictionary does not know stays as single characters (the fallback), which
FTS5 matches as a phrase.

Why not jieba: `import jieba` alone costs ~430 ms (its HMM tables load at import), more than
the whole `cartref search` process may take (300 ms), and its 350k-word general dictionary
takes 0.7-2.4 s to load. A dynamic-programming cut over a few thousand KB words costs
microseconds per query and needs no start-up at all.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
MAX_WORD = 16


@functools.cache
def _run_pattern() -> re.Pattern[str]:
    return re.compile(f"[{_CJK}]+")


@functools.cache
def _edge_pattern() -> re.Pattern[str]:
    return re.compile(f"(?<=[{_CJK}])(?=[^\\W_{_CJK}])|(?<=[^\\W_{_CJK}])(?=[{_CJK}])")


def title_key(text: str) -> str:
    """A title (or query) reduced to its letters and digits: how an exact title match is found."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def cjk_runs(text: str) -> list[str]:
    """Every run of Chinese characters in text (for building the dictionary)."""
    return _run_pattern().findall(text)


class Segmenter:
    """Cuts runs of Chinese characters into dictionary words and unknown single characters."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        self.words = frozenset(w for w in words if 2 <= len(w) <= MAX_WORD)
        self.max_len = max((len(w) for w in self.words), default=1)

    def cut(self, run: str) -> list[tuple[str, bool]]:
        """(piece, known) for a run of Chinese characters: fewest pieces, then most known text."""
        n = len(run)
        if not self.words or n < 2:
            return [(ch, False) for ch in run]
        # best[i]: (pieces, unknown chars, next position) for run[i:].
        best: list[tuple[int, int, int]] = [(0, 0, n)] * (n + 1)
        for i in range(n - 1, -1, -1):
            pieces, unknown, _ = best[i + 1]
            choice = (pieces + 1, unknown + 1, i + 1)
            for j in range(min(n, i + self.max_len), i + 1, -1):
                if run[i:j] in self.words:
                    p, u, _ = best[j]
                    cand = (p + 1, u, j)
                    if cand < choice:
                        choice = cand
            best[i] = choice
        out: list[tuple[str, bool]] = []
        i = 0
        while i < n:
            j = best[i][2]
            out.append((run[i:j], j - i > 1))
            i = j
        return out

    def units(self, run: str) -> list[tuple[str, ...]]:
        """Query words of a run: a known word is one token, unknown characters next to each
        other are one phrase of single characters."""
        out: list[tuple[str, ...]] = []
        pending: list[str] = []
        for piece, known in self.cut(run):
            if known or piece in self.words:
                if pending:
                    out.append(tuple(pending))
                    pending = []
                out.append((piece,))
            else:
                pending.append(piece)
        if pending:
            out.append(tuple(pending))
        return out

    def index_fields(self, text: str) -> tuple[str, str]:
        """(body, extra) to store for text: the body with Chinese cut into space-separated
        words (shown in snippets once the spaces are taken out), and the extra words that let
        a shorter query word match inside a longer one: the dictionary words inside each
        known word and its single characters."""
        text = unicodedata.normalize("NFKC", text)
        extra: list[str] = []

        def cut(match: re.Match[str]) -> str:
            pieces = self.cut(match.group(0))
            for piece, known in pieces:
                if known:
                    extra.extend(self._inside(piece))
                    extra.extend(piece)
            return " ".join(p for p, _ in pieces)

        body = _run_pattern().sub(cut, text)
        # A Chinese word touching a Latin letter or digit (CAR-T细胞, 第0天) becomes its own token.
        body = _edge_pattern().sub(" ", body)
        return body, " ".join(extra)

    def _inside(self, word: str) -> list[str]:
        n = len(word)
        return [word[i:j] for i in range(n) for j in range(i + 2, min(n, i + self.max_len) + 1)
                if (i, j) != (0, n) and word[i:j] in self.words]
