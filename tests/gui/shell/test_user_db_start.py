"""The window starts whatever state the user folder is in, keeps the user's database, and says
what happened (review F9-F12, F25)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop import paths
from desktop.userdata import bookmarks, db
from tests.helpers.fsfaults import remount_read_only, small_tmpfs


@pytest.fixture
def shipped(mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: mini_kb)
    return mini_kb


def _populate(path: Path, n: int = 20) -> None:
    conn = db.open_user_db(path)
    for i in range(n):
        bookmarks.add(conn, "article", f"a{i}", f"A{i}")
    conn.close()


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[object]:
    from desktop.ui.shell import app as app_module

    made: list[tuple[object, object, sqlite3.Connection | None]] = []

    def start() -> object:
        window, _app, hook, user_db = app_module._start([])
        assert window is not None
        qtbot.addWidget(window)
        made.append((window, hook, user_db))
        return window

    yield start
    for window, hook, user_db in made:
        hook.uninstall()  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        if user_db is not None:
            user_db.close()


def test_a_read_only_user_folder_opens_the_window_and_shows_the_kept_bookmarks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path, started) -> None:  # type: ignore[no-untyped-def]
    """F12: read-only home (a read-only mount; root ignores file modes): the window opens on the
    bundled KB, reads the user's bookmarks, and says changes cannot be saved."""
    with small_tmpfs(tmp_path / "m", "4m") as mnt:
        home = mnt / "home"
        home.mkdir()
        _populate(home / "user.sqlite")
        remount_read_only(mnt)
        monkeypatch.setenv("CARTREF_HOME", str(home))
        window = started()
        assert window.kb.path == shipped
        assert len(bookmarks.list_all(window.user_db)) == 20
        assert "cannot be changed" in window.notice_label.text()
        window.navigate("article:crs")
        window.reader.bookmark_button.click()
        assert not window.reader.bookmark_button.isChecked() and "Not saved" in window.reader.save_problem
        window.close()
        window.user_db.close()


def test_a_read_only_empty_home_still_opens_with_a_session_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path, started) -> None:  # type: ignore[no-untyped-def]
    """F12 + F25: nothing can be created: no kb/ folder, no user file; a database in memory, no
    temporary folder left behind."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    with small_tmpfs(tmp_path / "m", "1m") as mnt:
        remount_read_only(mnt)
        monkeypatch.setenv("CARTREF_HOME", str(mnt))
        window = started()
        assert window.kb.path == shipped
        assert "cannot be saved this time" in window.notice_label.text()
        window.navigate("article:crs")
        window.reader.bookmark_button.click()
        assert window.reader.bookmark_button.isChecked()  # kept for the session
        window.close()
        window.user_db.close()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_repair_made_by_the_cli_is_told_in_the_next_window_once(
        cartref_home: Path, shipped: Path, started) -> None:  # type: ignore[no-untyped-def]
    """F10: `cartref feedback list` salvaged a damaged file; the window opened afterwards says so."""
    (cartref_home / "user.sqlite").write_bytes(b"not a database" * 400)
    db.open_user_db().close()  # what the CLI does
    first = started()
    assert "damaged" in first.notice_label.text()
    first.close()
    first.user_db.close()
    second = started()
    assert "damaged" not in second.notice_label.text()


def test_a_newer_user_database_is_kept_and_shown(cartref_home: Path, shipped: Path, started) -> None:  # type: ignore[no-untyped-def]
    """F11: not "damaged": no file moved aside; the notice says a newer version wrote it."""
    _populate(cartref_home / "user.sqlite", 5)
    c = sqlite3.connect(cartref_home / "user.sqlite")
    c.execute(f"PRAGMA user_version={db.SCHEMA_VERSION + 1}")
    c.close()
    window = started()
    assert "newer version" in window.notice_label.text() and "damaged" not in window.notice_label.text()
    assert len(bookmarks.list_all(window.user_db)) == 5
    assert not list(cartref_home.glob("*.corrupt-*"))


def test_a_full_disk_at_start_keeps_the_database_for_when_space_returns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shipped: Path, started) -> None:  # type: ignore[no-untyped-def]
    """F9: the window on a full disk used to move the sound file aside: 0 bookmarks afterwards."""
    from tests.helpers.fsfaults import fill

    with small_tmpfs(tmp_path / "m", "1m") as mnt:
        home = mnt / "home"
        home.mkdir()
        _populate(home / "user.sqlite")
        monkeypatch.setenv("CARTREF_HOME", str(home))
        filler = fill(mnt)
        try:
            window = started()
            assert "disk is full" in window.notice_label.text()  # says why nothing can be saved now
            assert len(bookmarks.list_all(window.user_db)) == 20  # shown, read-only
            assert "damaged" not in window.notice_label.text()
            window.close()
            window.user_db.close()
            assert not list(home.glob("*.corrupt-*"))
        finally:
            filler.unlink()
        second = started()
        assert len(bookmarks.list_all(second.user_db)) == 20
        assert "damaged" not in second.notice_label.text()
        second.close()
        second.user_db.close()
