"""Read-only access to kb.sqlite, returning typed records.

The KB is opened with `mode=ro`; nothing here ever writes. `open_kb()` picks the installed KB
(from a content pack) when it is sound, else the bundled one, and says why in `notice`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from desktop import paths
from desktop.errors import KBError
from desktop.fileio import write_bytes_atomic
from desktop.kb import installed, schema, seal
from desktop.kb.records import (
    Approval,
    Article,
    Center,
    Correction,
    GlossaryTerm,
    Label,
    Meta,
    Outcome,
    PlaceKey,
    PlaceRow,
    SearchResult,
    Source,
    Therapy,
    Trial,
    Warning,
    from_row,
)
from desktop.kb.text import normalise_lang

if TYPE_CHECKING:
    from desktop.kb.segment import Segmenter

T = TypeVar("T")


def _connect_ro(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise KBError(f"knowledge base not found: {path}")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only=1")
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise KBError(f"knowledge base is damaged ({exc}): {path}") from None
    if row is None:
        conn.close()
        raise KBError(f"knowledge base has no schema version: {path}")
    if str(row[0]) != str(schema.SCHEMA_VERSION):
        conn.close()
        raise KBError(f"knowledge base schema {row[0]} is not the supported {schema.SCHEMA_VERSION}: {path}")
    return conn


def _fingerprint(path: Path) -> str:
    st = path.stat()
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}"


def _checked_file() -> Path:
    # One fingerprint per line (plain text: start-up reads it and need not load json).
    # Not in kb/, which holds only what packs install.
    return paths.user_dir() / "kb-checked.txt"


def needs_check(path: Path) -> bool:
    """Whether this exact file (path, size, mtime, inode) has not passed quick_check yet.

    The check reads the whole file (~30 ms for the shipped KB), which start-up should not pay
    every time; any replacement or rewrite of the file changes the fingerprint, so it is
    checked again (first start, new content).
    """
    try:
        return _fingerprint(path) not in _checked_file().read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return True


def _remember_sound(path: Path) -> None:
    target = _checked_file()
    try:
        known = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
        known = [*[k for k in known if k.strip()][-7:], _fingerprint(path)]
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, ("\n".join(known) + "\n").encode("utf-8"))
    except (OSError, ValueError):
        pass  # a read-only user folder only costs the check next time


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as exc:
        raise KBError(f"knowledge base is damaged ({exc}): {path}") from None
    if result is None or result[0] != "ok":
        raise KBError(f"knowledge base failed its integrity check: {path}")


class CheckInterrupted(Exception):
    """`FileCheck.interrupt()` stopped the check: nothing is known about the file, nothing is
    remembered, and the next start checks it again. Not a KBError: the file is not at fault."""


class FileCheck:
    """`check_file` that another thread may stop (`interrupt()`, e.g. when the program quits):
    reading the whole file must neither delay the window nor the exit.

    `sqlite3.Connection.interrupt()` is safe to call from any thread; the lock makes sure it
    reaches the connection the check runs on, and that no check starts after it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._stopped = False

    def interrupt(self) -> None:
        with self._lock:
            self._stopped = True
            if self._conn is not None:
                self._conn.interrupt()

    def run(self) -> None:
        """Raises KBError when the file fails, CheckInterrupted when stopped before the end.

        An installed KB is hashed against its seal every time (bit rot keeps size and mtime, so
        the fingerprint cache cannot vouch for it); quick_check runs once per fingerprint."""
        path = self.path
        if seal.is_installed_path(path):
            seal.authenticate(path)
        if not needs_check(path):
            return
        with self._lock:
            if self._stopped:
                raise CheckInterrupted(str(path))
            conn = self._conn = _connect_ro(path)
        try:
            _quick_check(conn, path)
        except KBError:
            if self._stopped:  # SQLite's "interrupted": says nothing about the file
                raise CheckInterrupted(str(path)) from None
            raise
        finally:
            with self._lock:
                self._conn = None
                conn.close()
        _remember_sound(path)


def check_file(path: Path) -> None:
    """The whole-file checks on a connection of its own, so they can run on a worker thread
    while the window starts on an `open_kb(defer_check=True)` KB. Raises KBError.

    An installed KB is hashed against its seal every time (bit rot keeps size and mtime, so
    the fingerprint cache cannot vouch for it); quick_check runs once per fingerprint.
    """
    FileCheck(path).run()


def needs_deferred_check(path: Path) -> bool:
    """Whether `open_kb(defer_check=True)` must leave work to `check_file` for this file."""
    return needs_check(path) or (seal.is_installed_path(path) and seal.any_seals())


class KnowledgeBase:
    """One open KB file. Cheap to query; safe to share across threads for reads."""

    def __init__(self, path: Path, *, check: bool = True) -> None:
        """`check=False` skips the whole-file check (the caller runs `check_file` itself)."""
        self.path = Path(path)
        if check and seal.is_installed_path(self.path) and self.path.is_file():
            seal.authenticate(self.path)  # before SQLite reads a byte of a file that may be forged
        self.conn = _connect_ro(self.path)
        if check and needs_check(self.path):
            try:
                _quick_check(self.conn, self.path)
            except KBError:
                self.conn.close()
                raise
            _remember_sound(self.path)
        self._searcher: Any = None
        self.notice: str | None = None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- low level ---------------------------------------------------------------------
    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        try:
            return [dict(r) for r in self.conn.execute(sql, params)]
        except sqlite3.DatabaseError as exc:
            raise KBError(f"knowledge base is damaged ({exc}): {self.path}") from None

    def _records(self, cls: type[T], sql: str, params: tuple[Any, ...] = ()) -> list[T]:
        return [from_row(cls, r) for r in self._rows(sql, params)]

    def _one(self, cls: type[T], sql: str, params: tuple[Any, ...]) -> T | None:
        rows = self._records(cls, sql, params)
        return rows[0] if rows else None

    def has_table(self, name: str) -> bool:
        return bool(self._rows("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?", (name,)))

    # -- meta --------------------------------------------------------------------------
    def meta(self) -> Meta:
        values = {r["key"]: r["value"] for r in self._rows("SELECT key, value FROM meta")}
        return Meta(
            kb_version=values.get("kb_version", ""),
            schema_version=int(values.get("schema_version", 0)),
            content_date=values.get("content_date", ""),
            content_hash=values.get("content_hash", ""),
        )

    def counts(self, tables: tuple[str, ...] | None = None) -> dict[str, int]:
        """Rows per table: all of them, or just `tables` (the gazetteer's count alone takes ~1.3 ms)."""
        if tables is None:
            tables = ("sources", "therapies", "trials", "outcomes", "articles", "glossary", "centers",
                      *(t for t in ("places", "rules", "events") if self.has_table(t)))
        return {t: int(self._rows(f"SELECT count(*) AS n FROM [{t}]")[0]["n"]) for t in tables}

    # -- records -----------------------------------------------------------------------
    def sources(self) -> list[Source]:
        return self._records(Source, "SELECT * FROM sources ORDER BY id")

    def source(self, source_id: str) -> Source | None:
        return self._one(Source, "SELECT * FROM sources WHERE id=?", (source_id,))

    def sources_for(self, ids: tuple[str, ...] | list[str]) -> list[Source]:
        found = {s.id: s for s in self._records(Source, "SELECT * FROM sources WHERE id IN (SELECT value FROM json_each(?))", (_json_list(ids),))}
        return [found[i] for i in ids if i in found]

    def therapies(self) -> list[Therapy]:
        return self._records(Therapy, "SELECT * FROM therapies ORDER BY id")

    def therapy(self, therapy_id: str) -> Therapy | None:
        return self._one(Therapy, "SELECT * FROM therapies WHERE id=?", (therapy_id,))

    def approvals(self, therapy_id: str | None = None) -> list[Approval]:
        if therapy_id is None:
            return self._records(Approval, "SELECT * FROM approvals ORDER BY date, therapy_id")
        return self._records(Approval, "SELECT * FROM approvals WHERE therapy_id=? ORDER BY date", (therapy_id,))

    def corrections(self) -> list[Correction]:
        """Content corrections with their reasons, newest first; none from a KB without the table."""
        if not self.has_table("corrections"):
            return []
        return self._records(Correction, "SELECT * FROM corrections ORDER BY date DESC, id")

    def labels(self, therapy_id: str | None = None) -> list[Label]:
        """Label versions read per region; none from a KB built before labels were loaded."""
        if not self.has_table("therapy_labels"):
            return []
        if therapy_id is None:
            return self._records(Label, "SELECT * FROM therapy_labels ORDER BY therapy_id, rowid")
        return self._records(Label, "SELECT * FROM therapy_labels WHERE therapy_id=? ORDER BY rowid", (therapy_id,))

    def warnings(self, therapy_id: str) -> list[Warning]:
        return self._records(Warning, "SELECT * FROM warnings WHERE therapy_id=? ORDER BY rowid", (therapy_id,))

    def trials(self, therapy_id: str | None = None) -> list[Trial]:
        if therapy_id is None:
            return self._records(Trial, "SELECT * FROM trials ORDER BY therapy_id, id")
        return self._records(Trial, "SELECT * FROM trials WHERE therapy_id=? ORDER BY id", (therapy_id,))

    def trial(self, trial_id: str) -> Trial | None:
        return self._one(Trial, "SELECT * FROM trials WHERE id=?", (trial_id,))

    def outcomes(self, trial_id: str | None = None) -> list[Outcome]:
        if trial_id is None:
            return self._records(Outcome, "SELECT * FROM outcomes ORDER BY rowid")
        return self._records(Outcome, "SELECT * FROM outcomes WHERE trial_id=? ORDER BY rowid", (trial_id,))

    def outcome(self, outcome_id: str) -> Outcome | None:
        return self._one(Outcome, "SELECT * FROM outcomes WHERE id=?", (outcome_id,))

    def articles(self, *, section: str | None = None, lang: str | None = None, audience: str | None = None) -> list[Article]:
        sql = "SELECT * FROM articles WHERE 1=1"
        params: list[Any] = []
        for column, value in (("section", section), ("lang", lang), ("audience", audience)):
            if value:
                sql += f" AND {column}=?"
                params.append(value)
        return self._records(Article, sql + " ORDER BY section, id, lang", tuple(params))

    def article(self, article_id: str, lang: str = "en") -> Article | None:
        """The article in `lang`, or the English one marked `fallback=True`."""
        lang = normalise_lang(lang)
        found = self._one(Article, "SELECT * FROM articles WHERE id=? AND lang=?", (article_id, lang))
        if found is not None:
            return found
        other = self._records(Article, "SELECT * FROM articles WHERE id=? ORDER BY lang='en' DESC", (article_id,))
        if not other:
            return None
        return other[0]._replace(fallback=True)

    def article_languages(self, article_id: str) -> list[str]:
        return [r["lang"] for r in self._rows("SELECT lang FROM articles WHERE id=? ORDER BY lang", (article_id,))]

    def articles_by_topic(self, topic: str) -> list[Article]:
        return self._records(Article, "SELECT * FROM articles WHERE topic=? OR id=? ORDER BY audience, lang", (topic, topic))

    def glossary(self) -> list[GlossaryTerm]:
        return self._records(GlossaryTerm, "SELECT * FROM glossary ORDER BY lower(term_en)")

    def glossary_term(self, term_id: str) -> GlossaryTerm | None:
        return self._one(GlossaryTerm, "SELECT * FROM glossary WHERE id=?", (term_id,))

    def centers(self) -> list[Center]:
        return self._records(Center, "SELECT * FROM centers ORDER BY country, city, id")

    def center(self, center_id: str) -> Center | None:
        return self._one(Center, "SELECT * FROM centers WHERE id=?", (center_id,))

    def synonym_groups(self) -> list[list[str]]:
        groups: dict[int, list[str]] = {}
        for r in self._rows("SELECT group_id, term FROM synonyms ORDER BY group_id, rowid"):
            groups.setdefault(int(r["group_id"]), []).append(r["term"])
        return list(groups.values())

    def topic_groups(self) -> list[list[str]]:
        """Groups of words to offer when a search finds nothing: the everyday-word groups of
        lay_terms.yaml first (fever, diarrhoea, driving, cost…), then the synonym groups."""
        groups: dict[int, list[str]] = {}
        if self.has_table("lay_terms"):
            for r in self._rows("SELECT group_id, norm FROM lay_terms WHERE role = 'lay' ORDER BY group_id, rowid"):
                groups.setdefault(int(r["group_id"]), []).append(r["norm"])
        return [*groups.values(), *self.synonym_groups()]

    def route_terms(self, route: str) -> list[str]:
        """Normalised words that send a search question to another finder (`centres`);
        [] for a KB built before lay vocabulary existed."""
        if not self.has_table("search_routes"):
            return []
        return [r["norm"] for r in self._rows("SELECT norm FROM search_routes WHERE route = ?", (route,))]

    # -- queries for other layers (their SQL stays here) --------------------------------
    def car_t_outcomes(self, trial_id: str, metric: str, cohort: str) -> list[Outcome]:
        """A trial's rows for one metric and cohort in the CAR-T arm (or no arm given)."""
        return self._records(
            Outcome,
            "SELECT * FROM outcomes WHERE trial_id=? AND metric=? AND cohort=? AND arm IN ('car-t', '') ORDER BY rowid",
            (trial_id, metric, cohort),
        )

    def article_ids_with_topic_prefix(self, prefix: str, audience: str) -> list[str]:
        """Ids of the articles for `audience` whose topic starts with `prefix` (e.g. `eque-cel-`)."""
        rows = self._rows(
            "SELECT DISTINCT id FROM articles WHERE substr(topic, 1, ?)=? AND audience=? ORDER BY id",
            (len(prefix), prefix, audience),
        )
        return [r["id"] for r in rows]

    def places_named(self, norm: str, limit: int) -> list[PlaceRow]:
        """Places whose normalised name is `norm`, most populous first."""
        return self._records(
            PlaceRow,
            "SELECT p.* FROM place_names n JOIN places p ON p.id = n.place_id WHERE n.norm = ? "
            "ORDER BY p.population DESC, p.id LIMIT ?",
            (norm, limit),
        )

    def country_codes_named(self, norms: Iterable[str]) -> set[str]:
        """ISO codes of the countries any of the normalised names `norms` stands for."""
        keys = tuple(sorted(norms))
        marks = ",".join("?" * len(keys))
        return {r["code"] for r in self._rows(f"SELECT code FROM place_country_names WHERE norm IN ({marks})", keys)}

    def country_names(self, codes: Iterable[str]) -> list[str]:
        """The (English) names of the countries with these ISO codes."""
        keys = tuple(sorted(codes))
        marks = ",".join("?" * len(keys))
        return [r["name"] for r in self._rows(f"SELECT name FROM place_countries WHERE code IN ({marks})", keys)]

    def place_keys(self, min_population: int) -> list[PlaceKey]:
        """Every name key of places of at least `min_population`, by its most populous place first."""
        return self._records(
            PlaceKey,
            "SELECT n.norm AS norm, p.name AS name, p.admin1 AS admin1, p.country AS country, "
            "max(p.population) AS pop FROM place_names n JOIN places p ON p.id = n.place_id "
            "WHERE p.population >= ? GROUP BY n.norm ORDER BY pop DESC",
            (min_population,),
        )

    # -- search ------------------------------------------------------------------------
    def segmenter(self) -> Segmenter:
        """The Chinese word cutter of this KB's vocabulary: search's, and the reader's, which keeps
        those words whole at line ends."""
        if self._searcher is not None:
            found: Segmenter = self._searcher.segmenter
            return found
        cached: Segmenter | None = getattr(self, "_segmenter", None)
        if cached is None:  # just the words: the reader need not load all of search
            from desktop.kb.segment import Segmenter

            cached = Segmenter(word for (word,) in self.conn.execute("SELECT word FROM search_words"))
            self._segmenter = cached
        return cached

    def search(self, query: str, *, lang: str | None = None, kind: str | None = None, limit: int = 20) -> SearchResult:
        if self._searcher is None:
            from desktop.kb.search import Searcher

            self._searcher = Searcher(self.conn)
        return self._searcher.search(query, lang=normalise_lang(lang) if lang else None, kind=kind, limit=limit)

    def iter_all_ids(self) -> Iterator[tuple[str, str]]:
        for kind, table in (("therapy", "therapies"), ("trial", "trials"), ("outcome", "outcomes"), ("glossary", "glossary"), ("center", "centers")):
            for r in self._rows(f"SELECT id FROM {table}"):
                yield kind, r["id"]
        for r in self._rows("SELECT DISTINCT id FROM articles"):
            yield "article", r["id"]


def _json_list(ids: tuple[str, ...] | list[str]) -> str:
    import json

    return json.dumps(list(ids))


class OpenedKB(NamedTuple):
    kb: KnowledgeBase
    notice: str | None
    """A one-line message when the first choice could not be used (shown, never hidden)."""
    unchecked: bool = False
    """True when `defer_check` skipped the whole-file check: the caller must run `check_file`."""
    source: str = "explicit"
    """Which KB is in use: "installed" (from a content pack), "bundled" or "explicit" (a path given)."""
    installed_problem: str | None = None
    """Why the installed KB was not used (damaged, changed since it was sealed), else None."""


def open_kb(path: Path | None = None, *, defer_check: bool = False, skip: tuple[Path, ...] = (),
            skip_reason: str | None = None) -> OpenedKB:
    """Open an explicit KB, or the installed one, falling back to the bundled copy.

    Raises KBError (one line) only when no usable KB exists at all. With `defer_check` a
    file that has not passed the whole-file check yet is opened after the cheap header
    checks only, and the result says so (`unchecked`); `skip` leaves out files that failed
    (`skip_reason`: the one-line reason they failed, shown in the notice).
    """
    if path is None and os.environ.get("CARTREF_KB"):
        path = Path(os.environ["CARTREF_KB"])
    if path is not None:
        unchecked = defer_check and Path(path).is_file() and needs_deferred_check(Path(path))
        return OpenedKB(KnowledgeBase(path, check=not unchecked), None, unchecked)
    notice: str | None = None
    problem: str | None = None
    last_error: KBError | None = None
    candidates: list[tuple[str, Path]] = []
    try:
        current = installed.current_path()  # a dangling link or a missing named file is damage, not absence
        if current is not None:
            candidates.append(("installed", current))
    except KBError as exc:  # the pointer itself is damaged
        last_error, problem = exc, str(exc)
        notice = f"The installed knowledge base could not be used ({exc}); using the copy shipped with the program."
    candidates.append(("bundled", paths.bundled_kb_path()))
    for label, candidate in candidates:
        unchecked = defer_check and candidate.is_file() and needs_deferred_check(candidate)
        try:
            if candidate in skip:
                raise KBError(skip_reason or f"knowledge base failed its integrity check: {candidate}")
            kb = KnowledgeBase(candidate, check=not unchecked)
        except KBError as exc:
            last_error = exc
            if label == "installed":
                problem = str(exc)
                notice = f"The installed knowledge base could not be used ({exc}); using the copy shipped with the program."
            continue
        kb.notice = notice
        return OpenedKB(kb, notice, unchecked, label, problem)
    raise last_error or KBError("no knowledge base found; run `cartref kb build`")
