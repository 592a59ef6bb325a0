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
from desktop.kb.segment import Segmenter, title_key
from desktop.kb.text import has_cjk, normalise, starts_cjk, unspace_cjk

MAX_QUERY_CHARS = 256
MAX_CLAUSES = 12
MIN_PREFIX = 2
MAX_LIMIT = 200
LAY_PATIENT_BOOST = 2.0  # bm25 factor for patient articles when the query uses a lay word
_WORD = re.compile(r"[^\W_]+")
_HIT_OPEN, _HIT_CLOSE = "\ue000", "\ue001"
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_MARK_GAP = re.compile(f"(?<=[{_CJK}])\ue001 \ue000(?=[{_CJK}])")
_CJK_OPEN_GAP = re.compile(f"(?<=[{_CJK}]) \ue000(?=[{_CJK}])")
_CJK_CLOSE_GAP = re.compile(f"(?<=[{_CJK}])\ue001 (?=[{_CJK}])")

Phrase = tuple[str, ...]
_NO_WORDS = Segmenter()


@dataclass
class Clause:
    """Alternatives that may each satisfy one part of the query."""

    phrases: list[Phrase]
    prefix: bool = False
    from_synonym: bool = False
    text: str = ""
    filler: bool = False
    """A question word or particle (有哪些, 吗, how, can I): searched only when nothing else is."""


@dataclass
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)
    expanded: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses

    def meaningful(self) -> ParsedQuery:
        """The query without filler words (all of it when it is nothing but filler)."""
        kept = [c for c in self.clauses if not c.filler]
        return ParsedQuery(kept or list(self.clauses), self.expanded)


def tokens(text: str, seg: Segmenter | None = None) -> list[str]:
    """FTS tokens of normalised text: Chinese cut into known words, else single characters."""
    return [tok for unit in units(text, seg) for tok in unit]


def units(text: str, seg: Segmenter | None = None) -> list[Phrase]:
    """Query words of normalised text, each a phrase of FTS tokens: a Latin word or a known
    Chinese word is one token; unknown Chinese characters next to each other are one phrase."""
    seg = seg or _NO_WORDS
    out: list[Phrase] = []
    for chunk in text.split():
        if chunk.isascii():  # the common case, and no Chinese to look for
            found = tuple(_WORD.findall(chunk))
            if found:
                out.append(found)
            continue
        latin: list[str] = []  # Latin words of one chunk stay one phrase: t-cell, car-t, fumanba-1
        for word in _WORD.findall(chunk):
            for part in _split_cjk(word):
                if starts_cjk(part):
                    if latin:
                        out.append(tuple(latin))
                        latin = []
                    out.extend(seg.units(part))
                else:
                    latin.append(part)
        if latin:
            out.append(tuple(latin))
    return out


def _split_cjk(word: str) -> list[str]:
    """A word cut where it changes between Chinese and other letters: t细胞 -> t, 细胞."""
    parts: list[str] = []
    last = None
    for ch in word:
        cjk = starts_cjk(ch)
        if parts and cjk == last:
            parts[-1] += ch
        else:
            parts.append(ch)
        last = cjk
    return parts


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
        self.segmenter = Segmenter(self._column("SELECT word FROM search_words"))
        self._filler = {tuple(tokens(t, self.segmenter)) for t in self._column("SELECT norm FROM search_filler")}
        self._lay: set[Phrase] = set()
        self._meta: dict[int, tuple[str, str, str]] = {}
        self._rank_sql, self._weighted = self._rank_expression()
        self._patient = {int(r) for r in self._column("SELECT row FROM search_rows WHERE patient = 1")}
        self._load_synonyms()

    # -- set-up ------------------------------------------------------------------------
    def _rank_expression(self) -> tuple[str, bool]:
        """bm25 over the index's columns, and whether rows carry a weight: a KB built before
        the `extra` and `weight` columns existed (a previous KB, an old pack) still ranks."""
        fts = schema.FTS_TABLE
        columns = set(self._column(f"SELECT name FROM pragma_table_info('{fts}')"))
        n = 3 if "extra" in columns else 2
        weights = ", ".join(str(w) for w in schema.BM25_WEIGHTS[:n])
        return f"bm25({fts}, {weights})", "weight" in columns

    def _column(self, sql: str) -> list[str]:
        """One text column; [] from a KB built before the table existed."""
        try:
            return [str(r[0]) for r in self.conn.execute(sql) if r[0]]
        except sqlite3.DatabaseError:
            return []

    def _rows(self, sql: str) -> list[tuple[str, ...]]:
        try:
            return [tuple(str(x) for x in r) for r in self.conn.execute(sql)]
        except sqlite3.DatabaseError:
            return []

    def _add(self, phrase: Phrase, alts: list[Phrase]) -> None:
        known = self._synonyms.get(phrase, [phrase])
        self._synonyms[phrase] = list(dict.fromkeys([*known, *alts]))  # in order, once each
        self._max_syn_len = max(self._max_syn_len, len(phrase))

    def _load_synonyms(self) -> None:
        groups: dict[str, list[Phrase]] = {}
        for norm, group_id in self._rows("SELECT norm, group_id FROM synonym_terms"):
            phrase = tuple(tokens(norm, self.segmenter))
            if phrase:
                groups.setdefault(group_id, []).append(phrase)
        for members in groups.values():
            for phrase in members:
                self._add(phrase, members)
        # Lay words find their group's KB words (and the other lay words); never the reverse.
        lay: dict[str, list[Phrase]] = {}
        finds: dict[str, list[Phrase]] = {}
        for norm, group_id, role in self._rows("SELECT norm, group_id, role FROM lay_terms"):
            phrase = tuple(tokens(norm, self.segmenter))
            if phrase:
                (lay if role == "lay" else finds).setdefault(group_id, []).append(phrase)
        for group_id, members in lay.items():
            targets = members + finds.get(group_id, [])
            expanded = list(dict.fromkeys([*targets, *(a for t in targets for a in self._synonyms.get(t, ()))]))
            for phrase in members:
                self._add(phrase, expanded)
                self._lay.add(phrase)

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
        words = units(text, self.segmenter)
        parsed = ParsedQuery()
        i = 0
        while i < len(words) and len(parsed.clauses) < MAX_CLAUSES:
            matched = False
            # Longest run of words that is a synonym or lay term ("the runs", "pins and needles").
            for size in range(min(self._max_syn_len, len(words) - i), 0, -1):
                phrase = tuple(t for w in words[i : i + size] for t in w)
                alts = self._synonyms.get(phrase)
                if alts and (size > 1 or phrase not in self._filler):
                    parsed.clauses.append(Clause(list(alts), from_synonym=True, text=" ".join(phrase)))
                    parsed.expanded.extend(" ".join(a) for a in alts if a != phrase)
                    i += size
                    matched = True
                    break
            if matched:
                continue
            word = words[i]
            parsed.clauses.append(Clause([word], text=" ".join(word), filler=word in self._filler))
            i += 1
        if parsed.clauses and open_end:
            last = parsed.clauses[-1]
            final = last.phrases[0][-1]
            if not last.from_synonym and not last.filler and len(final) >= MIN_PREFIX and not starts_cjk(final):
                last.prefix = True
        return parsed

    # -- running -----------------------------------------------------------------------
    def _ranked(self, match: str, lang: str | None, kind: str | None, n: int) -> list[tuple[int, float]]:
        """(rowid, score) of the best n rows for a MATCH expression, best first; [] when FTS5
        refuses it. bm25 ranks inside SQLite (no row is read but the n kept); each kept row's
        weight then scales its score, and its kind, id and language are kept for `_hits`."""
        fts = schema.FTS_TABLE
        inner = f"SELECT rowid, {self._rank_sql} AS rank FROM {fts} WHERE {fts} MATCH ?"
        params: list[object] = [match]
        if lang:
            inner += " AND lang = ?"
            params.append(lang)
        if kind:
            inner += " AND kind = ?"
            params.append(kind)
        inner += " ORDER BY rank LIMIT ?"
        params.append(n)
        weight = "f.weight" if self._weighted else "1.0"
        sql = (f"WITH top AS ({inner}) SELECT top.rowid, top.rank * coalesce({weight}, 1.0), f.kind, f.ref_id, f.lang "
               f"FROM top JOIN {fts} AS f ON f.rowid = top.rowid")
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            return []
        for r in rows:
            self._meta[int(r[0])] = (str(r[2]), str(r[3]), str(r[4]))
        return sorted(((int(r[0]), float(r[1])) for r in rows), key=lambda x: x[1])

    def _exact_titles(self, keys: set[str], lang: str | None, kind: str | None) -> list[int]:
        """Rows whose title is one of `keys` (title_key form), within the filters."""
        keys.discard("")
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        try:
            rows = self.conn.execute(
                f"SELECT row, kind, ref_id, lang FROM search_rows WHERE title_key IN ({marks}) ORDER BY row", sorted(keys)
            ).fetchall()
        except sqlite3.DatabaseError:
            return []
        out = []
        for row, kind_, ref, lang_ in rows:
            if (lang and lang_ != lang) or (kind and kind_ != kind):
                continue
            self._meta[int(row)] = (str(kind_), str(ref), str(lang_))
            out.append(int(row))
        return out

    def _covering(self, clause: Clause, rowids: list[int]) -> set[int]:
        """Which of these rows the clause matches: one rowid seek per row, so a common word
        (or a two-letter prefix as you type) costs no more than a rare one."""
        fts = schema.FTS_TABLE
        marks = ",".join("?" * len(rowids))
        try:
            rows = self.conn.execute(f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? AND rowid IN ({marks})",
                                     [_clause_sql(clause), *rowids])
            return {int(r[0]) for r in rows}
        except sqlite3.OperationalError:
            return set()

    def _run(
        self, parsed: ParsedQuery, lang: str | None, kind: str | None, limit: int, prefer_lang: str = "en"
    ) -> list[SearchHit]:
        """Rows that match every word first (bm25), then rows that match more of the words
        before rows that match fewer: not every word of a question has to be in the answer."""
        n = limit * 3
        self._meta.clear()
        ranked = self._ranked(to_match(parsed), lang, kind, n)
        score: dict[int, tuple[int, float]] = {rowid: (0, rank) for rowid, rank in ranked}
        # A question in everyday words (a lay term) is a patient's: patient articles lead.
        lay = any(tuple(c.text.split()) in self._lay for c in parsed.clauses)
        boost = LAY_PATIENT_BOOST if lay else 1.0
        # A record whose title is the query (or a synonym of it, not a lay word's expansion)
        # comes first, even when many shorter rows outrank it on bm25.
        if len(parsed.clauses) == 1:
            clause = parsed.clauses[0]
            exact = {title_key(clause.text)}
            if tuple(clause.text.split()) not in self._lay:
                exact |= {title_key("".join(p)) for p in clause.phrases}
        else:
            exact = {title_key("".join(c.text for c in parsed.clauses))}
        for rowid in self._exact_titles(exact, lang, kind):
            score[rowid] = (-1, score.get(rowid, (0, 0.0))[1])
        # Widen to rows with some of the words; a word still being typed (a prefix) is not
        # widened on: "ma" alone matches a good part of any index.
        whole = ParsedQuery([c for c in parsed.clauses if not c.prefix])
        if len(parsed.clauses) > 1 and len(ranked) < n and not whole.empty:
            wide = self._ranked(to_match(whole, "OR"), lang, kind, max(n, 60))
            extra = [rowid for rowid, _ in wide if rowid not in score]
            if extra:
                covered = [0] * len(extra)
                for clause in parsed.clauses:
                    hit = self._covering(clause, extra)
                    covered = [c + (rowid in hit) for c, rowid in zip(covered, extra, strict=True)]
                ranks = dict(wide)
                full = len(parsed.clauses)
                for rowid, c in zip(extra, covered, strict=True):
                    if c:
                        score[rowid] = (full - c, ranks[rowid])
        if boost != 1.0:
            score = {r: (m, rank * boost if r in self._patient else rank) for r, (m, rank) in score.items()}
        order = sorted(score, key=lambda r: score[r])
        return self._hits(order, score, to_match(parsed, "OR"), limit, prefer_lang)

    def _hits(self, order: list[int], score: dict[int, tuple[int, float]], match: str, limit: int,
              prefer_lang: str) -> list[SearchHit]:
        """One hit per record (its best row ranks it), shown in the preferred language when the
        record has a row in it. Snippets are made only for the rows shown."""
        if not order:
            return []
        meta = self._meta
        best: dict[tuple[str, str], int] = {}
        preferred: dict[tuple[str, str], int] = {}
        for rowid in order:
            if rowid not in meta:
                continue
            kind_, ref, lang_ = meta[rowid]
            best.setdefault((kind_, ref), rowid)
            if lang_ == prefer_lang:
                preferred.setdefault((kind_, ref), rowid)
        shown = {key: preferred.get(key, rowid) for key, rowid in list(best.items())[:limit]}
        for key, row in shown.items():
            if meta[row][2] != prefer_lang:
                other = self._row_in(key, prefer_lang)
                if other is not None:
                    shown[key] = other
                    meta[other] = (key[0], key[1], prefer_lang)
        texts = self._texts(match, list(shown.values()))
        missed = [best[k] for k, row in shown.items() if row not in texts]
        if missed:
            texts.update(self._texts(match, missed))
        hits: list[SearchHit] = []
        for key, row in shown.items():
            rowid = best[key]
            if row not in texts:  # the preferred row may not match every word: show the best one
                row = rowid
            title, snip = texts.get(row, ("", ""))
            missing, rank = score[rowid]
            missing = max(missing, 0)
            hits.append(SearchHit(
                kind=key[0],
                id=key[1],
                title=unspace_cjk(title),
                snippet=_render_snippet(snip),
                score=round(-rank / (1 + missing), 4),
                lang=meta[row][2],
            ))
        return hits

    def _row_in(self, key: tuple[str, str], lang: str) -> int | None:
        """The index row of a record in a language, if it has one."""
        try:
            row = self.conn.execute("SELECT row FROM search_rows WHERE kind = ? AND ref_id = ? AND lang = ?",
                                    (key[0], key[1], lang)).fetchone()
        except sqlite3.DatabaseError:
            return None
        return int(row[0]) if row else None

    def _texts(self, match: str, rowids: list[int]) -> dict[int, tuple[str, str]]:
        """Title and snippet of the rows shown, in one query."""
        fts = schema.FTS_TABLE
        ids = sorted(set(rowids))
        marks = ",".join("?" * len(ids))
        sql = (f"SELECT rowid, title, snippet({fts}, 1, ?, ?, '…', 14) FROM {fts} "
               f"WHERE {fts} MATCH ? AND +rowid IN ({marks})")
        try:
            return {int(r[0]): (str(r[1]), r[2] or "") for r in self.conn.execute(sql, [_HIT_OPEN, _HIT_CLOSE, match, *ids])}
        except sqlite3.OperationalError:
            return {}

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
        parsed = parsed.meaningful()
        prefer = lang or ("zh-Hans" if has_cjk(query) else "en")
        hits = self._run(parsed, lang, kind, limit, prefer)
        corrected: str | None = None
        if not hits:
            fixed = self._correct(parsed)
            if fixed is not None:
                parsed2, _ = fixed
                hits = self._run(parsed2, lang, kind, limit, prefer)
                if hits:
                    corrected = " ".join(c.text for c in parsed2.clauses)
                    parsed = parsed2
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
