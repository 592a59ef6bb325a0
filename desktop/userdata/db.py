"""Open (and create or migrate) the user's SQLite database.

The schema is versioned with `PRAGMA user_version`: `MIGRATIONS[i]` takes the database from
version i to i+1. The steps an upgrade needs run inside one transaction, so an interrupted
upgrade leaves the previous version intact. A file that is not a database (or fails its quick
check) is moved aside and a fresh one is started; `last_recovery()` tells the window what
happened so it can say so. A file another program holds for a moment is not damaged.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from desktop import paths

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
]

SCHEMA_VERSION = len(MIGRATIONS)

_last_recovery: str | None = None


def now_iso() -> str:
    """UTC timestamp with seconds, sortable as text."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def last_recovery() -> str | None:
    """The message from the most recent recovery of a damaged database, if any."""
    return _last_recovery


def _version(conn: sqlite3.Connection) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(f"user database version {version} is newer than this program ({SCHEMA_VERSION})")
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
        conn.execute("ROLLBACK")
        raise


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=5.0, check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the file; a power cut (not a crash or a kill) may
        # undo the last moments' writes. FULL would wait for the disk at every page visited.
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        check = conn.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check[0] if check else 'no answer'}")
        _migrate(conn)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def _busy(exc: sqlite3.Error) -> bool:
    """Another program (a second window opened at the same moment) holds the file: no damage."""
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


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


def open_user_db(path: Path | None = None) -> sqlite3.Connection:
    """Open the user database, creating and migrating it; recover from a damaged file.

    Autocommit mode (`isolation_level=None`): every helper writes one statement or wraps its
    own transaction, so readers in other windows never see half a change.
    """
    global _last_recovery
    path = Path(path) if path is not None else paths.user_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect_when_free(path)
    except sqlite3.DatabaseError as exc:
        if _busy(exc) or not path.exists():
            raise  # in use, not damaged: the caller says the notes cannot be saved this time
        moved = _move_aside(path)
        _last_recovery = (
            f"Your saved bookmarks and notes could not be read ({exc}); the damaged file was kept as "
            f"{moved.name} and a new one was started."
        )
        return _connect(path)
