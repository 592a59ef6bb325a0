"""The writable user database: migrations, bookmarks, history, notes, corrupt-file recovery."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.userdata import bookmarks, db, history, notes


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    return db.open_user_db(tmp_path / "user.sqlite")


def test_fresh_db_has_every_table_and_wal(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION == 4
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: no wait for the disk per page visited
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"bookmarks", "history", "notes", "site_presets", "feedback", "site_centres"} <= tables
    cols = [r[1] for r in conn.execute("PRAGMA table_info(site_presets)")]
    assert cols == ["id", "name", "center_id", "phones", "logo", "updated_at"]
    cols = [r[1] for r in conn.execute("PRAGMA table_info(feedback)")]
    assert cols == ["id", "kind", "query", "page_id", "kb_version", "text", "created_at"]


def test_default_path_is_under_cartref_home(cartref_home: Path) -> None:
    conn = db.open_user_db()
    conn.close()
    assert (cartref_home / "user.sqlite").is_file()


def test_migrates_an_older_database_step_by_step(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript(db.MIGRATIONS[0] + "\nPRAGMA user_version=1;")
    old.execute("INSERT INTO bookmarks (kind, ref_id, title, created_at) VALUES ('therapy','eque-cel','E','x')")
    old.commit()
    old.close()
    conn = db.open_user_db(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    assert [b.ref_id for b in bookmarks.list_all(conn)] == ["eque-cel"]
    conn.execute("INSERT INTO feedback (kind, created_at) VALUES ('no-results', 'now')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO feedback (kind, created_at) VALUES ('spam', 'now')")


def test_an_upgrade_that_fails_part_way_leaves_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript(db.MIGRATIONS[0] + "\nPRAGMA user_version=1;")
    old.close()
    steps = [*db.MIGRATIONS, "CREATE TABLE half_done (x);\nTHIS IS NOT SQL;"]
    monkeypatch.setattr(db, "MIGRATIONS", steps)
    monkeypatch.setattr(db, "SCHEMA_VERSION", len(steps))
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        db._migrate(conn)
    conn.close()
    after = sqlite3.connect(path)
    assert after.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in after.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "site_presets" not in tables and "half_done" not in tables  # the steps before the failure too


OPENER = """
import sys, time
from pathlib import Path
from desktop.userdata import db
start = float(sys.argv[2])
while time.time() < start:
    pass
conn = db.open_user_db(Path(sys.argv[1]))
print(conn.execute("PRAGMA user_version").fetchone()[0], db.last_recovery())
"""


def test_programs_opening_a_new_database_together_all_get_it_and_none_moves_it_aside(tmp_path: Path) -> None:
    """Two windows opened at the same moment on a new machine: one creates and upgrades the
    file while the others wait; "locked" is not damage, so nothing is moved aside."""
    import subprocess
    import sys
    import time

    for round_ in range(5):
        path = tmp_path / f"round{round_}" / "user.sqlite"
        path.parent.mkdir()
        start = str(time.time() + 0.5)
        procs = [subprocess.Popen([sys.executable, "-c", OPENER, str(path), start], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [p.communicate(timeout=60) for p in procs]
        assert all(p.returncode == 0 for p in procs), [err for _out, err in results]
        assert [out.split() for out, _err in results] == [[str(db.SCHEMA_VERSION), "None"]] * 4
        assert not list(path.parent.glob("*.corrupt-*"))


def test_bookmarks_add_toggle_remove(conn: sqlite3.Connection) -> None:
    bookmarks.add(conn, "therapy", "eque-cel", "Equecabtagene")
    bookmarks.add(conn, "therapy", "eque-cel", "Eque-cel (FUCASO)")
    bookmarks.add(conn, "article", "crs", "CRS")
    listed = bookmarks.list_all(conn)
    assert sorted(b.link for b in listed) == ["article:crs", "therapy:eque-cel"]
    assert {b.title for b in listed} == {"Eque-cel (FUCASO)", "CRS"}
    assert bookmarks.toggle(conn, "article", "crs") is False
    assert not bookmarks.exists(conn, "article", "crs")
    assert bookmarks.toggle(conn, "article", "crs", "CRS") is True
    assert bookmarks.remove(conn, "therapy", "eque-cel") is True
    assert bookmarks.remove(conn, "therapy", "eque-cel") is False
    assert bookmarks.split_link("glossary:bcma") == ("glossary", "bcma")
    with pytest.raises(ValueError):
        bookmarks.split_link("nothing")


def test_history_records_newest_first_and_trims(conn: sqlite3.Connection) -> None:
    for i in range(12):
        history.record(conn, f"article:a{i}", f"A{i}", keep=10)
    history.record(conn, "article:a11", "A11 again", keep=10)
    visits = history.recent(conn, limit=100)
    assert len(visits) == 10
    assert visits[0].link == "article:a11" and visits[0].title == "A11 again"
    assert visits[-1].link == "article:a2"
    history.clear(conn)
    assert history.recent(conn) == []


def test_notes_save_update_delete(conn: sqlite3.Connection, tmp_path: Path) -> None:
    notes.save(conn, "therapy:eque-cel", "ask about dose")
    notes.save(conn, "therapy:eque-cel", "asked")
    note = notes.get(conn, "therapy:eque-cel")
    assert note is not None and note.text == "asked"
    assert [n.link for n in notes.list_all(conn)] == ["therapy:eque-cel"]
    notes.save(conn, "therapy:eque-cel", "   ")
    assert notes.get(conn, "therapy:eque-cel") is None


def test_notes_persist_across_connections(tmp_path: Path) -> None:
    path = tmp_path / "u.sqlite"
    a = db.open_user_db(path)
    notes.save(a, "article:crs", "watch temperature")
    a.close()
    b = db.open_user_db(path)
    assert notes.get(b, "article:crs") is not None


def test_a_new_file_is_set_up_without_waiting_for_the_disk_but_saved_with_normal_sync(tmp_path: Path) -> None:
    """Issue 15: creating the file skips the disk waits (synchronous=OFF) only while it holds
    nothing; the connection handed out, and any later one, write with synchronous=NORMAL."""
    path = tmp_path / "user.sqlite"
    first = db.open_user_db(path)
    assert first.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    bookmarks.add(first, "therapy", "eque-cel", "Equecabtagene")
    first.close()
    again = db.open_user_db(path)
    try:
        assert again.execute("PRAGMA synchronous").fetchone()[0] == 1
        assert again.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION
        assert [b.ref_id for b in bookmarks.list_all(again)] == ["eque-cel"]
    finally:
        again.close()
