"""Search over the KB's FTS5 index. Never raises on user text.

User text is never handed to MATCH as written: it is normalised (NFKC, case-folded), cut
into words (Chinese into single characters), and every word is re-quoted as an FTS5 string,
so `"`, `AND`, `NEAR(`, `*`, `-`, `^`, `:` and brackets are only ever words. On top of that:
synonym expansion, prefix matching of the last word as you type, a typo fallback over the
index vocabulary, and an any-word fallback when all words together find nothing.
"""

from __future__ import annotations

import bisect
import html
import re
import sqlite3
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.kb import schema
from desktop.kb.records import SearchHit, SearchResult
from desktop.kb.text import has_cjk, normalise, starts_cjk, unspace_cjk

MAX_QUERY_CHARS = 256
MAX_CLAUSES = 12
MIN_PREFIX = 2
MAX_LIMIT = 200
_WORD = re.compile(r"[^\W_]+")
_HIT_OPEN, _HIT_CLOSE = "\ue000", "\ue001"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_MARK_GAP = re.compile(f"(?<=[{_CJK}])\ue001 \ue000(?=[{_CJK}])")
_CJK_OPEN_GAP = re.compile(f"(?<=[{_CJK}]) \ue000(?=[{_CJK}])")
_CJK_CLOSE_GAP = re.compile(f"(?<=[{_CJK}])\ue001 (?=[{_CJK}])")

Phrase = tuple[str, ...]


@dataclass
class Clause:
    """Alternatives that may each satisfy one part of the query."""

    phrases: list[Phrase]
    prefix: bool = False
    from_synonym: bool = False
    text: str = ""


@dataclass
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)
    expanded: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses


def tokens(text: str) -> list[str]:
    """Words of normalised text; a Chinese run becomes one token per character."""
    out: list[str] = []
    for word in _WORD.findall(text):
        if has_cjk(word):
            buf = ""
            for ch in word:
                if starts_cjk(ch):
                    if buf:
                        out.append(buf)
                        buf = ""
                    out.append(ch)
                else:
                    buf += ch
            if buf:
                out.append(buf)
        else:
            out.append(word)
    return out


def _clean(text: str) -> str:
    text = text[: MAX_QUERY_CHARS * 4]
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return normalise(text)[:MAX_QUERY_CHARS]


def _quote(phrase: Phrase) -> str:
    return '"' + " ".join(t.replace('"', '""') for t in phrase) + '"'


def _clause_sql(clause: Clause) -> str:
    parts = []
    for i, phrase in enumerate(clause.phrases):
        text = _quote(phrase)
        if clause.prefix and i == 0:
            text += " *"
        parts.append(text)
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def to_match(parsed: ParsedQuery, mode: str = "AND") -> str:
    return f" {mode} ".join(_clause_sql(c) for c in parsed.clauses)


class Searcher:
    """Holds what search needs in memory: synonyms now, the vocabulary when a typo needs it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._synonyms: dict[Phrase, list[Phrase]] = {}
        self._max_syn_len = 1
        self._vocab: list[str] | None = None
        self._vocab_by_len: dict[int, list[str]] = {}
        self._load_synonyms()

    # -- set-up ------------------------------------------------------------------------
    def _load_synonyms(self) -> None:
        try:
            rows = self.conn.execute("SELECT norm, group_id FROM synonym_terms").fetchall()
        except sqlite3.DatabaseError:
            return
        groups: dict[int, list[Phrase]] = {}
        for norm, group_id in rows:
            phrase = tuple(tokens(norm))
            if phrase:
                groups.setdefault(int(group_id), []).append(phrase)
        for members in groups.values():
            for phrase in members:
                alts = self._synonyms.setdefault(phrase, [phrase])
                for other in members:
                    if other not in alts:
                        alts.append(other)
                self._max_syn_len = max(self._max_syn_len, len(phrase))

    def vocabulary(self) -> list[str]:
        if self._vocab is None:
            try:
                terms = [r[0] for r in self.conn.execute(f"SELECT term FROM {schema.FTS_TABLE}_vocab")]
            except sqlite3.DatabaseError:
                terms = []
            self._vocab = sorted(t for t in terms if t)
            for term in self._vocab:
                self._vocab_by_len.setdefault(len(term), []).append(term)
        return self._vocab

    def _in_vocab(self, token: str, prefix: bool) -> bool:
        vocab = self.vocabulary()
        i = bisect.bisect_left(vocab, token)
        return bool(i < len(vocab) and (vocab[i] == token or (prefix and vocab[i].startswith(token))))

    # -- parsing -----------------------------------------------------------------------
    def parse(self, query: str) -> ParsedQuery:
        text = _clean(query)
        open_end = bool(text) and not text[-1].isspace()
        chunks = [tokens(chunk) for chunk in text.split()]
        chunks = [c for c in chunks if c]
        flat: list[tuple[str, int]] = [(tok, ci) for ci, chunk in enumerate(chunks) for tok in chunk]
        parsed = ParsedQuery()
        i = 0
        while i < len(flat) and len(parsed.clauses) < MAX_CLAUSES:
            matched = False
            for size in range(min(self._max_syn_len, len(flat) - i), 0, -1):
                phrase = tuple(t for t, _ in flat[i : i + size])
                alts = self._synonyms.get(phrase)
                if alts:
                    parsed.clauses.append(Clause(list(alts), from_synonym=True, text=" ".join(phrase)))
                    parsed.expanded.extend(" ".join(a) for a in alts if a != phrase)
                    i += size
                    matched = True
                    break
            if matched:
                continue
            chunk_index = flat[i][1]
            phrase_tokens: list[str] = []
            while i < len(flat) and flat[i][1] == chunk_index:
                # Stop before a later synonym start within the same chunk.
                if phrase_tokens and tuple([flat[i][0]]) in self._synonyms:
                    break
                phrase_tokens.append(flat[i][0])
                i += 1
            parsed.clauses.append(Clause([tuple(phrase_tokens)], text=" ".join(phrase_tokens)))
        if parsed.clauses and open_end:
            last = parsed.clauses[-1]
            final = last.phrases[0][-1]
            if not last.from_synonym and len(final) >= MIN_PREFIX and not starts_cjk(final):
                last.prefix = True
        return parsed

    # -- running -----------------------------------------------------------------------
    def _run(
        self, match: str, lang: str | None, kind: str | None, limit: int, prefer_lang: str = "en"
    ) -> list[SearchHit]:
        weights = ", ".join(str(w) for w in schema.BM25_WEIGHTS)
        fts = schema.FTS_TABLE
        # Rank first, then build snippets for the few rows shown: snippet() in the ranking
        # query would run for every matching row (hundreds for "CAR") before the LIMIT.
        ranked = f"SELECT rowid, bm25({fts}, {weights}) AS rank FROM {fts} WHERE {fts} MATCH ?"
        params: list[object] = [match]
        if lang:
            ranked += " AND lang = ?"
            params.append(lang)
        if kind:
            ranked += " AND kind = ?"
            params.append(kind)
        ranked += " ORDER BY rank LIMIT ?"
        params.append(limit * 3)
        sql = (
            f"WITH top AS ({ranked}) "
            f"SELECT f.kind, f.ref_id, f.lang, f.title, snippet({fts}, 1, ?, ?, '…', 14), top.rank "
            f"FROM top JOIN {fts} AS f ON f.rowid = top.rowid WHERE {fts} MATCH ? ORDER BY top.rank"
        )
        params += [_HIT_OPEN, _HIT_CLOSE, match]
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            return []
        best: dict[tuple[str, str], SearchHit] = {}
        preferred: dict[tuple[str, str], SearchHit] = {}
        for kind_, ref, lang_, title, snip, rank in rows:
            key = (kind_, ref)
            hit = SearchHit(
                kind=kind_,
                id=ref,
                title=unspace_cjk(title),
                snippet=_render_snippet(snip),
                score=round(-float(rank), 4),
                lang=lang_,
            )
            best.setdefault(key, hit)
            if lang_ == prefer_lang:
                preferred.setdefault(key, hit)
        hits: list[SearchHit] = []
        for key, hit in best.items():
            shown = preferred.get(key, hit)
            hits.append(shown._replace(score=hit.score))
            if len(hits) >= limit:
                break
        return hits

    def _correct(self, parsed: ParsedQuery) -> tuple[ParsedQuery, list[str]] | None:
        """Replace words the index does not know with the nearest index terms."""
        changed: list[str] = []
        clauses: list[Clause] = []
        for clause in parsed.clauses:
            if clause.from_synonym:
                clauses.append(clause)
                continue
            new_tokens = []
            for tok in clause.phrases[0]:
                replacement = tok
                if len(tok) >= 4 and not starts_cjk(tok) and not tok.isdigit() and not self._in_vocab(tok, clause.prefix):
                    best = self._nearest(tok)
                    if best:
                        replacement = best
                        changed.append(best)
                new_tokens.append(replacement)
            phrase = tuple(new_tokens)
            alts = self._synonyms.get(phrase)
            if alts and phrase != clause.phrases[0]:
                clauses.append(Clause(list(alts), from_synonym=True, text=" ".join(phrase)))
            else:
                clauses.append(Clause([phrase], prefix=clause.prefix and phrase == clause.phrases[0], text=" ".join(phrase)))
        if not changed:
            return None
        return ParsedQuery(clauses, parsed.expanded), changed

    def _nearest(self, token: str) -> str | None:
        from rapidfuzz import process  # only the typo fallback needs it (start-up is budgeted)
        from rapidfuzz.distance import Levenshtein

        self.vocabulary()
        max_dist = 1 if len(token) <= 5 else 2 if len(token) <= 9 else 3
        candidates: list[str] = []
        for length in range(len(token) - max_dist, len(token) + max_dist + 1):
            candidates.extend(self._vocab_by_len.get(length, ()))
        if not candidates:
            return None
        found = process.extractOne(token, candidates, scorer=Levenshtein.distance, score_cutoff=max_dist)
        return found[0] if found else None

    def search(self, query: str, *, lang: str | None = None, kind: str | None = None, limit: int = 20) -> SearchResult:
        limit = max(1, min(int(limit), MAX_LIMIT))
        if kind is not None and kind not in schema.KINDS:
            return SearchResult((), query)
        parsed = self.parse(query)
        if parsed.empty:
            return SearchResult((), query)
        prefer = "zh-Hans" if has_cjk(query) else "en"
        hits = self._run(to_match(parsed), lang, kind, limit, prefer)
        corrected: str | None = None
        if not hits:
            fixed = self._correct(parsed)
            if fixed is not None:
                parsed2, _ = fixed
                hits = self._run(to_match(parsed2), lang, kind, limit, prefer)
                if hits or len(parsed2.clauses) > 1:
                    corrected = " ".join(c.text for c in parsed2.clauses)
                    parsed = parsed2
        if not hits and len(parsed.clauses) > 1:
            hits = self._run(to_match(parsed, "OR"), lang, kind, limit, prefer)
        if not hits:
            corrected = None
        return SearchResult(tuple(hits), query, corrected, tuple(parsed.expanded))



def suggestions(query: str, groups: Sequence[Sequence[str]], lang: str, *,
                close: int = 6, total: int = 10, cutoff: float = 50.0) -> list[str]:
    """What to offer when a search finds nothing: "did you mean", then "try one of these".

    First up to `close` synonym terms that look like the query (rapidfuzz's normalised Indel
    similarity, at least `cutoff` of 100), then one term from each synonym group, in the UI
    language when the group has one, until there are `total`. `groups` is
    `KnowledgeBase.synonym_groups()`.
    """
    from rapidfuzz import fuzz, process  # only the empty state needs it (start-up is budgeted)

    terms = [t for group in groups for t in group]
    near = process.extract(query, terms, scorer=fuzz.ratio, limit=close, score_cutoff=cutoff)
    out: list[str] = list(dict.fromkeys(term for term, _score, _index in near))
    zh = lang.startswith("zh")
    for group in groups:
        if len(out) >= total:
            break
        pick = next((t for t in group if (t[:1] >= "\u3400") == zh), group[0])
        if pick not in out:
            out.append(pick)
    return out

def _render_snippet(raw: str | None) -> str:
    """HTML-escaped snippet with matches in <b>…</b>, Chinese spacing removed."""
    text = _CJK_MARK_GAP.sub("", raw or "")
    text = _CJK_OPEN_GAP.sub(_HIT_OPEN, text)
    text = _CJK_CLOSE_GAP.sub(_HIT_CLOSE, text)
    text = html.escape(unspace_cjk(text), quote=False)
    return text.replace(_HIT_OPEN, "<b>").replace(_HIT_CLOSE, "</b>")
