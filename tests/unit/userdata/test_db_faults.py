"""The user database is never thrown away for a reason that is not damage (review F9-F13, F25),
and real damage is salvaged row by row before anything is moved aside (F10)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.userdata import bookmarks, db, history, notes
from tests.helpers.fsfaults import fill, remount_read_only, small_tmpfs, without_root_override
from tests.helpers.paths import ROOT


def _populate(path: Path, n_bookmarks: int = 20, n_notes: int = 10, n_history: int = 30) -> None:
    conn = db.open_user_db(path)
    for i in range(n_bookmarks):
        bookmarks.add(conn, "article", f"a{i:03d}", f"Article {i} " + "x" * 40)
    for i in range(n_notes):
        notes.save(conn, f"article:a{i:03d}", f"note {i} " + "y" * 60)
    for i in range(n_history):
        history.record(conn, f"article:a{i:03d}", f"A{i}", keep=1000)
    conn.close()  # the last close checkpoints the WAL into the file


def _counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("bookmarks", "notes", "history"))  # type: ignore[return-value]


def _counts_of(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return _counts(conn)
    finally:
        conn.close()


# -- not damage: the file is kept -------------------------------------------------------------

def test_a_newer_database_is_kept_and_opened_read_only(tmp_path: Path) -> None:
    """F11: a user DB from a newer program is not "damaged": never moved aside."""
    path = tmp_path / "user.sqlite"
    _populate(path)
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(db.UserDbError) as caught:
        db.open_user_db(path)
    assert caught.value.kind == "newer" and "newer version" in str(caught.value)
    conn = db.open_user_db(path, read_only_ok=True)
    assert _counts(conn) == (20, 10, 30)
    with pytest.raises(sqlite3.Error):
        bookmarks.add(conn, "trial", "t", "T")
    conn.close()
    assert "newer version" in (db.last_recovery() or "")
    assert not list(tmp_path.glob("*.corrupt-*"))
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION + 1


def test_a_full_disk_keeps_a_sound_database(tmp_path: Path) -> None:
    """F9: on a full disk the healthy file is kept; once space returns, everything is there."""
    with small_tmpfs(tmp_path / "m", "1m") as mnt:
        path = mnt / "home" / "user.sqlite"
        _populate(path)
        filler = fill(mnt)
        try:
            try:
                conn = db.open_user_db(path, read_only_ok=True)
            except db.UserDbError as exc:
                assert exc.kind in ("full", "unavailable")
            else:
                assert _counts(conn) == (20, 10, 30)
                with pytest.raises(sqlite3.Error) as failed:
                    for i in range(200):
                        notes.save(conn, f"article:n{i}", "z" * 4000)
                assert "Not saved" in db.not_saved_message(failed.value)
                conn.close()
            assert not list(path.parent.glob("*.corrupt-*"))
        finally:
            filler.unlink()
        conn = db.open_user_db(path)
        assert _counts(conn) == (20, 10, 30)
        conn.close()
        assert db.last_recovery(path) is None


def test_a_full_disk_error_is_reported_as_full_not_damage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLITE_FULL while opening (the review's case) is classified, and the file stays."""
    path = tmp_path / "user.sqlite"
    _populate(path)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]

    def fails(*_a: object, **_k: object) -> sqlite3.Connection:
        raise full

    monkeypatch.setattr(db, "_connect_when_free", fails)
    with pytest.raises(db.UserDbError) as caught:
        db.open_user_db(path)
    assert caught.value.kind == "full" and "disk is full" in str(caught.value)
    conn = db.open_user_db(path, read_only_ok=True)
    assert _counts(conn) == (20, 10, 30)
    conn.close()
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_read_only_folder_keeps_the_database_and_reads_it(tmp_path: Path) -> None:
    """F12: a read-only user folder (a read-only mount: root ignores file modes)."""
    with small_tmpfs(tmp_path / "m", "2m") as mnt:
        path = mnt / "user.sqlite"
        _populate(path)
        remount_read_only(mnt)
        with pytest.raises(db.UserDbError) as caught:
            db.open_user_db(path)
        assert caught.value.kind in ("read-only", "unavailable")
        conn = db.open_user_db(path, read_only_ok=True)
        assert _counts(conn) == (20, 10, 30)
        conn.close()
        assert sorted(p.name for p in mnt.iterdir()) == ["user.sqlite"]


READ_ONLY_CHILD = """
import sys
from pathlib import Path
from desktop.userdata import db, bookmarks
try:
    db.open_user_db(Path(sys.argv[1]))
except db.UserDbError as exc:
    print("refused", exc.kind)
conn = db.open_user_db(Path(sys.argv[1]), read_only_ok=True)
print("bookmarks", len(bookmarks.list_all(conn)))
"""


def test_a_read_only_file_is_kept_and_read(tmp_path: Path) -> None:
    """F13: a read-only user.sqlite (file mode 0444, run without root's override via setpriv)."""
    path = tmp_path / "user.sqlite"
    _populate(path)
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        done = subprocess.run([*without_root_override(), sys.executable, "-c", READ_ONLY_CHILD, str(path)],
                              capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    finally:
        tmp_path.chmod(0o755)
    assert done.returncode == 0, done.stderr
    assert "refused read-only" in done.stdout and "bookmarks 20" in done.stdout
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_a_folder_in_place_of_the_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    with pytest.raises(db.UserDbError) as caught:
        db.open_user_db(path, read_only_ok=True)
    assert caught.value.kind == "not-a-file"
    assert (path / "keep.txt").read_text() == "mine" and not list(tmp_path.glob("*.corrupt-*"))


def test_a_lock_held_by_another_program_is_busy_and_the_window_does_not_wait_5_s(tmp_path: Path) -> None:
    """F13: a writer holding the file: the window's connection answers within a fraction of a second."""
    path = tmp_path / "user.sqlite"
    _populate(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO history (link, title, visited_at) VALUES ('x', 'x', 'x')")
    try:
        conn = db.open_user_db(path)  # reading is not blocked by a writer in WAL mode
        db.set_interactive(conn)
        import time

        start = time.monotonic()
        with pytest.raises(sqlite3.OperationalError) as failed:
            bookmarks.add(conn, "trial", "t", "T")
        assert time.monotonic() - start < 2.0
        assert db.classify(failed.value).kind == "busy"
        assert "another program" in db.not_saved_message(failed.value)
        conn.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _counts_of(path) == (20, 10, 30)


def test_the_temporary_database_leaves_nothing_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """F25: the session-only database lives in memory, so no cartref-XXXX folder is left."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    conn = db.open_temporary_db()
    bookmarks.add(conn, "trial", "t", "T")
    assert bookmarks.exists(conn, "trial", "t")
    conn.close()
    assert list(tmp_path.iterdir()) == []


# -- real damage: repaired or salvaged, and said so ---------------------------------------------

def _page_of(path: Path, name: str) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (name,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return int(root), int(size)


def _bookmark_leaf_pages(conn: sqlite3.Connection) -> list[int]:
    """The bookmarks table's leaf pages, from SQLite's dbstat table; skips where this SQLite
    lacks it (the one in Python's Windows build)."""
    if not conn.execute("SELECT count(*) FROM pragma_module_list WHERE name='dbstat'").fetchone()[0]:
        pytest.skip("this SQLite has no dbstat to find a bookmarks page")
    return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name='bookmarks' AND pagetype='leaf'")]


def _overwrite_page(path: Path, page: int, size: int) -> None:
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\xa5" * size)


def test_one_damaged_index_page_loses_nothing(tmp_path: Path) -> None:
    """F10: the bookmarks' UNIQUE index page overwritten. REINDEX is tried first (it cannot clear a
    page that is garbage); the tables are intact, so the row salvage keeps every row."""
    path = tmp_path / "user.sqlite"
    _populate(path)
    page, size = _page_of(path, "sqlite_autoindex_bookmarks_1")
    _overwrite_page(path, page, size)
    conn = db.open_user_db(path)
    assert _counts(conn) == (20, 10, 30)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    message = db.last_recovery(path) or ""
    assert "nothing was lost" in message or "20 bookmark(s), 10 note(s), 30 history entry(ies) were recovered" in message


def test_a_damaged_table_page_keeps_every_readable_row(tmp_path: Path) -> None:
    """F10: a table page overwritten: every row on the other pages is copied to a fresh file,
    the damaged file is kept, and the notice says what was kept."""
    path = tmp_path / "user.sqlite"
    _populate(path, n_bookmarks=200, n_notes=10, n_history=30)
    conn = sqlite3.connect(path)
    pages = _bookmark_leaf_pages(conn)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    if len(pages) < 3:
        pytest.skip("too few bookmark pages to damage one in the middle")
    _overwrite_page(path, pages[1], size)
    conn = db.open_user_db(path)
    kept_bookmarks, kept_notes, kept_history = _counts(conn)
    assert 100 <= kept_bookmarks < 200 and (kept_notes, kept_history) == (10, 30)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    bookmarks.add(conn, "trial", "new", "New")  # the fresh file takes writes
    conn.close()
    moved = [m for m in tmp_path.glob("user.sqlite.corrupt-*") if not m.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1
    message = db.last_recovery(path) or ""
    assert f"{kept_bookmarks} bookmark(s)" in message and "10 note(s)" in message and moved[0].name in message


def test_a_truncated_file_keeps_the_rows_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    _populate(path, n_bookmarks=20, n_notes=10, n_history=600)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 3 // 4])
    conn = db.open_user_db(path)
    got = _counts(conn)
    conn.close()
    assert sum(got) > 0
    assert list(tmp_path.glob("user.sqlite.corrupt-*"))
    assert "recovered" in (db.last_recovery(path) or "")


def test_garbage_is_moved_aside_and_the_notice_says_nothing_could_be_read(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    conn = db.open_user_db(path)
    bookmarks.add(conn, "trial", "t1", "T1")
    conn.close()
    moved = list(tmp_path.glob("user.sqlite.corrupt-*"))
    assert len(moved) == 1 and moved[0].read_bytes().startswith(b"this is not")
    message = db.last_recovery(path)
    assert message is not None and moved[0].name in message and "nothing in it could be read" in message
    assert not list(tmp_path.glob("*.salvage*"))


def test_a_repair_notice_reaches_the_next_program_until_shown(tmp_path: Path) -> None:
    """F10: the CLI repaired the file; the window opened afterwards says so too (once)."""
    path = tmp_path / "user.sqlite"
    path.write_bytes(b"garbage" * 500)
    db.open_user_db(path).close()
    db.open_user_db(path).close()  # a later, ordinary open: the earlier notice is still pending
    assert "damaged" in (db.last_recovery(path) or "")
    db.forget_recovery(path)
    assert db.last_recovery(path) is None


def test_concurrent_readers_never_see_a_repair_of_a_sound_file(tmp_path: Path) -> None:
    path = tmp_path / "user.sqlite"
    _populate(path)
    errors: list[BaseException] = []

    def open_many() -> None:
        try:
            for _ in range(20):
                db.open_user_db(path).close()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_many) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and not list(tmp_path.glob("*.corrupt-*"))


REPAIRER = """
import sys, time
from pathlib import Path
from desktop.userdata import db, bookmarks
start = float(sys.argv[2])
while time.time() < start:
    pass
conn = db.open_user_db(Path(sys.argv[1]))
print(len(bookmarks.list_all(conn)))
"""


def test_programs_opening_a_damaged_file_together_repair_it_once(tmp_path: Path) -> None:
    """Two windows opened at once on a damaged file: one repairs, the other waits and uses the
    repaired file; the damaged original is kept once, not moved aside twice."""
    import time

    path = tmp_path / "user.sqlite"
    _populate(path, n_bookmarks=200)
    conn = sqlite3.connect(path)
    leaf = _bookmark_leaf_pages(conn)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    _overwrite_page(path, leaf[1], size)
    start = str(time.time() + 0.5)
    procs = [subprocess.Popen([sys.executable, "-c", REPAIRER, str(path), start], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(4)]
    results = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _out, err in results]
    counts = {out.strip() for out, _err in results}
    assert len(counts) == 1 and 100 <= int(counts.pop()) < 200
    moved = [m for m in tmp_path.glob("user.sqlite.corrupt-*") if not m.name.endswith(("-wal", "-shm"))]
    assert len(moved) == 1
