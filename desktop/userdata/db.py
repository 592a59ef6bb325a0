"""Open (and create or migrate) the user's SQLite database.

The schema is versioned with `PRAGMA user_version`: `MIGRATIONS[i]` takes the database from
version i to i+1. The steps an upgrade needs run inside one transaction, so an interrupted
upgrade leaves the previous version intact.

Only real damage (SQLite says corrupt / not a database, or the quick check fails) is repaired,
and never by throwing rows away: `REINDEX` first, then every readable row is copied into a fresh
file, and only then is the damaged file moved aside. Everything else is *not* damage and the
file is kept as it is: a full disk, a read-only file or folder and a file from a newer program
are opened read-only (`UserDbState.read_only`), and a lock another program holds is reported.
`last_recovery()` gives the one-line notice (this process's, or one left by an earlier process
that repaired the file, so the window says it too).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from desktop import paths
from desktop.errors import CartrefError

MIGRATIONS: list[str] = [
    # 1: reading aids
    """
    CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        UNIQUE (kind, ref_id)
    );
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        link TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        visited_at TEXT NOT NULL
    );
    CREATE INDEX history_visited ON history (visited_at);
    CREATE TABLE notes (
        link TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
    # 2: handout site presets (care team name, centre, phones, logo)
    """
    CREATE TABLE site_presets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        center_id TEXT,
        phones TEXT NOT NULL DEFAULT '[]',
        logo BLOB,
        updated_at TEXT NOT NULL
    );
    """,
    # 3: feedback kept locally until the user exports it (the program never sends anything)
    """
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('no-results', 'page-problem')),
        query TEXT,
        page_id TEXT,
        kb_version TEXT,
        text TEXT,
        created_at TEXT NOT NULL
    );
    """,
    # 4: the site's own referral list (issue 22): centres the staff add, or receive in a pack
    """
    CREATE TABLE site_centres (
        id TEXT PRIMARY KEY,
        name_en TEXT NOT NULL CHECK (name_en <> ''),
        name_zh TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        city_zh TEXT NOT NULL DEFAULT '',
        province TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
        coord_precision TEXT NOT NULL DEFAULT 'city',
        phones TEXT NOT NULL DEFAULT '[]',
        products TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

# The window's connection waits this long for another program's write, not SQLite's 5 s: a click
# answers "not saved, try again" at once instead of freezing the window (F13).
INTERACTIVE_BUSY_MS = 250

# User-facing messages, in one place (to be moved into the message catalogues).
MESSAGES = {
    "busy": "Your bookmarks and notes are in use by another program ({0}); close it and try again.",
    "full": "The disk is full, so your bookmarks and notes cannot be changed now ({0}); they are kept and "
            "can be saved again once space is freed.",
    "read-only": "Your bookmarks and notes cannot be changed: {0} cannot be written ({1}); they are kept unchanged.",
    "newer": "Your bookmarks and notes were saved by a newer version of the program (version {0}; this one "
             "reads {1}); they are shown but not changed.",
    "not-a-file": "Your bookmarks and notes cannot be opened: {0} is not a file; it was left as it is.",
    "unavailable": "Your bookmarks and notes cannot be opened ({0}); the file was left as it is.",
    "shown-unchanged": "Your bookmarks and notes are shown but cannot be changed now ({0}); the file was left as it is.",
    "repaired": "Your bookmarks and notes file had a damaged index; it was rebuilt and nothing was lost.",
    "salvaged": "Your bookmarks and notes file was damaged: {0} were recovered; the damaged file was kept as {1}.",
    "salvaged-none": "Your bookmarks and notes file was damaged and nothing in it could be read; it was kept as "
                     "{0} and a new one was started.",
    "not-saved": "Not saved: {0}",
}

# What the user calls each table, for the salvage notice.
_TABLE_WORDS = {
    "bookmarks": "bookmark(s)", "notes": "note(s)", "history": "history entry(ies)",
    "site_presets": "site preset(s)", "feedback": "feedback item(s)",
    "site_centres": "centre(s) added at this site",
}

_last_recovery: str | None = None
_last_path: Path | None = None


class UserDbError(CartrefError):
    """The user database cannot be opened or changed now; `kind` says why (busy, full, read-only,
    newer, not-a-file, unavailable). The file is never touched for any of these."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class ReadOnlyConnection(sqlite3.Connection):
    """A user database opened read-only, remembering why (shown when a change is refused)."""

    read_only_reason: UserDbError | None = None


class _NewerSchema(sqlite3.DatabaseError):
    def __init__(self, version: int) -> None:
        super().__init__(f"user database version {version} is newer than this program ({SCHEMA_VERSION})")
        self.version = version


class _Damaged(sqlite3.DatabaseError):
    """The quick check found damage (SQLite itself raises CORRUPT or NOTADB for the rest)."""


def now_iso() -> str:
    """UTC timestamp with seconds, sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _notice_path(path: Path) -> Path:
    return path.with_name(path.name + ".notice")


def last_recovery(path: Path | None = None) -> str | None:
    """The notice about the user database: what this process found (read-only, repaired,
    salvaged), else one an earlier process left beside the file after a repair."""
    if _last_recovery is not None:
        return _last_recovery
    try:
        where = _notice_path(Path(path) if path is not None else _last_path or paths.user_db_path())
        return where.read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def forget_recovery(path: Path | None = None) -> None:
    """The notice has been shown (in the window): do not show it at the next start."""
    global _last_recovery
    _last_recovery = None
    with contextlib.suppress(OSError):
        _notice_path(Path(path) if path is not None else _last_path or paths.user_db_path()).unlink(missing_ok=True)


def _leave_notice(path: Path, message: str) -> None:
    """Keep a repair notice beside the file, so a window opened later says it too (best effort)."""
    global _last_recovery
    _last_recovery = message
    with contextlib.suppress(OSError):
        _notice_path(path).write_text(message + "\n", encoding="utf-8")


def _version(conn: sqlite3.Connection) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise _NewerSchema(version)
    return version


def _statements(script: str) -> list[str]:
    """A script's statements, cut where SQLite itself sees each one end."""
    found, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \t\n;"):
                found.append(pending)
            pending = ""
    return found


def _migrate(conn: sqlite3.Connection) -> None:
    if _version(conn) == SCHEMA_VERSION:
        return  # the usual case, without taking the write lock
    # One program at a time upgrades (two windows opened at once on a new machine): the
    # version is read again under the lock, and the steps still needed run in that transaction.
    conn.execute("BEGIN IMMEDIATE")
    try:
        for target in range(_version(conn) + 1, SCHEMA_VERSION + 1):
            for statement in _statements(MIGRATIONS[target - 1]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version={target}")
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _quick_check(conn: sqlite3.Connection) -> None:
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise _Damaged(f"quick_check: {check[0] if check else 'no answer'}")


def _connect(path: Path | str, *, uri: bool = False) -> sqlite3.Connection:
    # A file made by this call holds nothing yet: setting it up (the switch to WAL, a journalled
    # transaction, and the migrations) need not wait for the disk six times, ~10 ms here and far
    # more on a slow disk, on the first start's path (issue 15). A crash or a kill loses nothing
    # (the system has the writes); a power cut in those milliseconds loses only the set-up of an
    # empty file: redone at the next start, or, if it tore the header, handled as damage like
    # any other. Nothing a user saves is ever written before synchronous is NORMAL again, and
    # the first synced checkpoint (fdatasync of the whole file) makes the set-up durable too.
    new = not uri and str(path) != ":memory:" and not os.path.lexists(path)
    conn = sqlite3.connect(str(path), timeout=5.0, check_same_thread=False, isolation_level=None, uri=uri)
    conn.row_factory = sqlite3.Row
    try:
        if new:
            conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        _quick_check(conn)
        _migrate(conn)
        if new:  # into the file now, still unsynced, so that closing it at exit has nothing to wait for
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        # In WAL mode NORMAL never corrupts the file; a power cut (not a crash or a kill) may
        # undo the last moments' writes. FULL would wait for the disk at every page visited.
        conn.execute("PRAGMA synchronous=NORMAL")
    except BaseException:
        conn.close()
        raise
    return conn


def _code(exc: BaseException) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _busy(exc: sqlite3.Error) -> bool:
    """Another program (a second window opened at the same moment) holds the file: no damage."""
    return _code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _is_damage(exc: BaseException) -> bool:
    """Only what SQLite calls corruption is damage; FULL, IOERR, READONLY, PERM, CANTOPEN are not
    (SQLite's own guidance), nor is a newer schema."""
    if isinstance(exc, _Damaged):
        return True
    if isinstance(exc, _NewerSchema) or not isinstance(exc, sqlite3.DatabaseError):
        return False
    return _code(exc) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def classify(exc: BaseException, path: Path | None = None) -> UserDbError:
    """What an error opening or writing the user database means, as a one-line message."""
    where = str(path) if path is not None else "the file"
    if isinstance(exc, UserDbError):
        return exc
    if isinstance(exc, _NewerSchema):
        return UserDbError("newer", MESSAGES["newer"].format(exc.version, SCHEMA_VERSION))
    if isinstance(exc, OSError):
        detail = exc.strerror or str(exc)
        if exc.errno == errno.ENOSPC:
            return UserDbError("full", MESSAGES["full"].format(detail))
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return UserDbError("read-only", MESSAGES["read-only"].format(exc.filename or where, detail))
        return UserDbError("unavailable", MESSAGES["unavailable"].format(detail))
    code = _code(exc)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return UserDbError("busy", MESSAGES["busy"].format(exc))
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and path is not None and _disk_full(path)):
        return UserDbError("full", MESSAGES["full"].format(exc))
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH, sqlite3.SQLITE_CANTOPEN):
        return UserDbError("read-only", MESSAGES["read-only"].format(where, exc))
    return UserDbError("unavailable", MESSAGES["unavailable"].format(exc))


def _disk_full(path: Path) -> bool:
    """A disk I/O error where no space is left is the full disk (SQLite reports a failed -shm
    extension as IOERR, not FULL)."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def not_saved_message(exc: BaseException) -> str:
    """One line for a write that failed (full disk, lock, read-only): the action did not happen."""
    return MESSAGES["not-saved"].format(classify(exc))


def write_problem(conn: sqlite3.Connection | None, exc: BaseException) -> UserDbError:
    """Why a write through `conn` failed: the reason it was opened read-only (a newer program's
    file, a full disk) when it was, else what the error says."""
    known = getattr(conn, "read_only_reason", None)
    return known if isinstance(known, UserDbError) else classify(exc)


def set_interactive(conn: sqlite3.Connection) -> None:
    """A connection a window writes through: wait briefly for a lock, then say so (F13)."""
    conn.execute(f"PRAGMA busy_timeout={INTERACTIVE_BUSY_MS}")


def _connect_when_free(path: Path, attempts: int = 8) -> sqlite3.Connection:
    """SQLite waits out a lock by itself (timeout=5), except where waiting could deadlock, as
    when two programs set up the same new file: then it answers "locked" at once. Try again."""
    for attempt in range(attempts - 1):
        try:
            return _connect(path)
        except sqlite3.OperationalError as exc:
            if not _busy(exc):
                raise
            time.sleep(0.02 * (attempt + 1))
    return _connect(path)


def _open_read_only(path: Path, *, salvage: bool = False) -> sqlite3.Connection | None:
    """The file as it is, never written: `mode=ro` (sees a WAL's committed pages), else
    `immutable=1` where even the WAL's shared memory cannot be made (read-only folder). To
    salvage, `writable_schema` lets SQLite read a file shorter than its header says (truncated)."""
    from urllib.parse import quote

    base = "file:" + quote(str(path.resolve()))
    for params in ("mode=ro", "mode=ro&immutable=1"):
        conn = None
        try:
            conn = sqlite3.connect(f"{base}?{params}", uri=True, timeout=1.0, check_same_thread=False,
                                   isolation_level=None, factory=ReadOnlyConnection)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only=ON")
            if salvage:
                conn.execute("PRAGMA writable_schema=ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error:
            if conn is not None:
                conn.close()
    return None


def _move_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def _try_reindex(path: Path) -> bool:
    """Damage confined to indexes (one bad index page) is rebuilt from the tables: nothing lost."""
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=5.0, isolation_level=None)
        conn.execute("REINDEX")
        _quick_check(conn)
        return True
    except sqlite3.Error:
        return False
    finally:
        if conn is not None:
            conn.close()


def _readable_rows(src: sqlite3.Connection, table: str) -> list[sqlite3.Row]:
    """Every row of `table` that can still be read, stepping past unreadable pages by rowid."""
    rows: list[sqlite3.Row] = []
    try:
        rows.extend(src.execute(f'SELECT rowid AS "__rowid", * FROM "{table}" ORDER BY rowid'))
        return rows
    except sqlite3.Error:
        pass  # a damaged page: read what lies after it, a row at a time
    last = rows[-1]["__rowid"] if rows else 0
    misses, step = 0, 1
    while misses < 64:
        try:
            row = src.execute(f'SELECT rowid AS "__rowid", * FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1',
                              (last,)).fetchone()
        except sqlite3.Error:
            misses += 1
            step *= 2
            last += step  # jump over the damaged run of rowids
            continue
        if row is None:
            break
        rows.append(row)
        last, misses, step = row["__rowid"], 0, 1
    return rows


def _salvage(path: Path) -> tuple[Path, dict[str, int]]:
    """Copy every readable row of the damaged file into a fresh, fully migrated file beside it."""
    fresh = path.with_name(path.name + ".salvage")
    for leftover in (fresh, fresh.with_name(fresh.name + "-wal"), fresh.with_name(fresh.name + "-shm"),
                     fresh.with_name(fresh.name + "-journal")):
        leftover.unlink(missing_ok=True)
    kept: dict[str, int] = {}
    dst = _connect(fresh)
    try:
        src = _open_read_only(path, salvage=True)
        if src is not None:
            try:
                for table in _TABLE_WORDS:
                    try:
                        have = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
                    except sqlite3.Error:
                        continue
                    want = [r[1] for r in dst.execute(f'PRAGMA table_info("{table}")')]
                    columns = [c for c in want if c in have]
                    if not columns:
                        continue
                    marks = ", ".join("?" * len(columns))
                    names = ", ".join(f'"{c}"' for c in columns)
                    count = 0
                    dst.execute("BEGIN")
                    for row in _readable_rows(src, table):
                        try:
                            cur = dst.execute(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})',
                                              [row[c] for c in columns])
                            count += cur.rowcount
                        except sqlite3.Error:
                            continue  # a row that breaks a rule (NOT NULL, CHECK) is not kept
                    dst.execute("COMMIT")
                    kept[table] = count
            finally:
                src.close()
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dst.close()
    return fresh, kept


@contextlib.contextmanager
def _repair_lock(path: Path) -> Iterator[None]:
    """One program repairs at a time (two windows opened on a damaged file): the second waits,
    then finds the file repaired. The lock file exists only once damage was found."""
    with open(path.with_name(path.name + ".repair-lock"), "a+b") as fh:
        if os.name == "nt":
            import msvcrt

            msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        yield


def _repair(path: Path) -> str | None:
    """Real damage: rebuild the indexes, else salvage the readable rows; return the notice
    (None when another program repaired the file while this one waited)."""
    with _repair_lock(path):
        try:
            _connect(path).close()
            return None  # repaired meanwhile by the program that held the lock
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise
        return _repair_locked(path)


def _repair_locked(path: Path) -> str:
    if _try_reindex(path):
        try:
            _connect(path).close()
            return MESSAGES["repaired"]
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise
    fresh, kept = _salvage(path)
    moved = _move_aside(path)
    fresh.replace(path)
    for suffix in ("-wal", "-shm"):
        fresh.with_name(fresh.name + suffix).unlink(missing_ok=True)
    if not any(kept.values()):
        return MESSAGES["salvaged-none"].format(moved.name)
    what = ", ".join(f"{n} {_TABLE_WORDS[t]}" for t, n in kept.items() if n)
    return MESSAGES["salvaged"].format(what, moved.name)


def open_user_db(path: Path | None = None, *, read_only_ok: bool = False) -> sqlite3.Connection:
    """Open the user database, creating and migrating it; repair it only when it is damaged.

    Autocommit mode (`isolation_level=None`): every helper writes one statement or wraps its
    own transaction, so readers in other windows never see half a change. Raises `UserDbError`
    when the file cannot be opened for writing and is not damaged (busy, full, read-only, newer);
    with `read_only_ok` a read-only connection is returned instead where the file can be read,
    and `last_recovery()` says why nothing can be saved.
    """
    global _last_recovery, _last_path
    path = Path(path) if path is not None else paths.user_db_path()
    _last_recovery, _last_path = None, path
    try:
        if path.exists() and not path.is_file():
            raise UserDbError("not-a-file", MESSAGES["not-a-file"].format(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return _connect_when_free(path)
        except sqlite3.DatabaseError as exc:
            if not path.exists() or not _is_damage(exc):
                raise
            message = _repair(path)
            if message is not None:
                _leave_notice(path, message)
            return _connect(path)
    except (OSError, sqlite3.Error, UserDbError) as exc:
        problem = classify(exc, path)
        if read_only_ok and problem.kind not in ("not-a-file",) and path.is_file():
            conn = _open_read_only(path)
            if conn is not None:
                shown = MESSAGES["shown-unchanged"].format(exc) if problem.kind == "unavailable" else str(problem)
                _last_recovery = shown
                if isinstance(conn, ReadOnlyConnection):
                    conn.read_only_reason = problem
                return conn
        raise problem from None


def open_temporary_db() -> sqlite3.Connection:
    """A database in memory for this session only, when the user's own cannot be opened at all:
    nothing is left behind on disk (F25)."""
    conn = _connect(":memory:")
    set_interactive(conn)
    return conn
