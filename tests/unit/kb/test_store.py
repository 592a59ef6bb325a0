"""Read-only store: typed records, language fallback, and fallback to the bundled KB."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop import paths
from desktop.errors import KBError
from desktop.kb.store import KnowledgeBase, open_kb
from tests.helpers.kb_damage import damage_middle_page


def test_records_are_typed(mini_kb: Path) -> None:
    kb = KnowledgeBase(mini_kb)
    therapy = kb.therapy("eque-cel")
    assert therapy is not None and therapy.brand == "FUCASO" and therapy.codes == ("CT103A",)
    orr = next(o for o in kb.outcomes("test-1") if o.metric == "orr")
    assert orr.display_value == "96.0% (97/101)"
    assert kb.meta().kb_version == "1.0.0"


def test_article_falls_back_to_english_with_a_marker(mini_kb: Path) -> None:
    kb = KnowledgeBase(mini_kb)
    zh = kb.article("crs", "zh")
    assert zh is not None and zh.lang == "zh-Hans" and not zh.fallback
    about = kb.article("about", "zh")
    assert about is not None and about.lang == "en" and about.fallback


def test_kb_is_opened_read_only(mini_kb: Path) -> None:
    kb = KnowledgeBase(mini_kb)
    with pytest.raises(Exception, match=r"readonly|read-only|query_only"):
        kb.conn.execute("DELETE FROM sources")


def test_corrupt_installed_kb_falls_back_to_bundled(mini_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: mini_kb)
    (paths.installed_kb_dir() / "current.sqlite").write_bytes(b"this is not a database" * 100)
    opened = open_kb()
    assert opened.kb.path == mini_kb
    assert opened.notice and "could not be used" in opened.notice


def test_missing_everything_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: tmp_path / "none.sqlite")
    with pytest.raises(KBError, match="not found"):
        open_kb()


def test_truncated_kb_is_a_kb_error(mini_kb: Path, tmp_path: Path) -> None:
    bad = tmp_path / "t.sqlite"
    bad.write_bytes(mini_kb.read_bytes()[:2048])
    with pytest.raises(KBError):
        KnowledgeBase(bad)


def test_installed_kb_is_preferred_when_sound(mini_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: tmp_path / "none.sqlite")
    shutil.copy(mini_kb, (paths.installed_kb_dir() / "current.sqlite"))
    opened = open_kb()
    assert opened.kb.path == (paths.installed_kb_dir() / "current.sqlite") and opened.notice is None


def test_integrity_check_runs_once_per_file_version(mini_kb: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up skips the whole-file check for a file already checked, but not for a changed one."""
    import sqlite3

    from desktop.kb import store

    kb_file = tmp_path / "kb.sqlite"
    shutil.copy(mini_kb, kb_file)
    checks: list[str] = []
    real = store._remember_sound
    monkeypatch.setattr(store, "_remember_sound", lambda p: (checks.append(str(p)), real(p)))
    KnowledgeBase(kb_file).close()
    KnowledgeBase(kb_file).close()
    assert len(checks) == 1
    # damage a page in the middle: the rewrite changes the file's fingerprint, so it is checked again
    data = bytearray(kb_file.read_bytes())
    page = sqlite3.connect(mini_kb).execute("PRAGMA page_size").fetchone()[0]
    data[page * 2: page * 2 + 64] = b"\xff" * 64
    kb_file.write_bytes(bytes(data))
    with pytest.raises(KBError):
        KnowledgeBase(kb_file).close()


def test_built_kb_is_readable_by_every_user(mini_kb: Path) -> None:
    assert mini_kb.stat().st_mode & 0o044 == 0o044


def test_deferred_open_leaves_the_whole_file_check_to_check_file(mini_kb: Path, tmp_path: Path) -> None:
    """The window opens on a new file at once; the check, run beside it, is remembered."""
    from desktop.kb.store import check_file, needs_check

    kb_file = tmp_path / "kb.sqlite"
    shutil.copy(mini_kb, kb_file)
    opened = open_kb(kb_file, defer_check=True)
    assert opened.unchecked and needs_check(kb_file)
    assert opened.kb.therapy("eque-cel") is not None
    check_file(kb_file)
    assert not needs_check(kb_file)
    assert not open_kb(kb_file, defer_check=True).unchecked
    assert not open_kb(kb_file).unchecked  # the synchronous path never leaves work behind


def test_an_interrupted_check_says_nothing_about_the_file_and_is_not_remembered(
        mini_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quitting while the whole-file check reads is not damage: no KBError, no fingerprint, so
    the next start checks again; a check stopped before it began reads nothing."""
    from desktop.kb import store

    kb_file = tmp_path / "kb.sqlite"
    shutil.copy(mini_kb, kb_file)
    check = store.FileCheck(kb_file)
    real = store._quick_check
    calls: list[int] = []

    def quit_midway(conn: sqlite3.Connection, path: Path) -> None:
        def progress() -> int:
            calls.append(1)
            check.interrupt()  # from inside SQLite's reading, as the UI thread would at quit
            return 0

        conn.set_progress_handler(progress, 50)
        real(conn, path)

    monkeypatch.setattr(store, "_quick_check", quit_midway)
    with pytest.raises(store.CheckInterrupted):
        check.run()
    assert calls and store.needs_check(kb_file)

    monkeypatch.setattr(store, "_quick_check", real)
    early = store.FileCheck(kb_file)
    early.interrupt()
    with pytest.raises(store.CheckInterrupted):
        early.run()
    assert store.needs_check(kb_file)
    store.FileCheck(kb_file).run()  # an uninterrupted check still passes and is remembered
    assert not store.needs_check(kb_file)


def test_a_damaged_file_opens_deferred_but_fails_its_check_and_is_skipped(
        mini_kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.kb.store import check_file

    monkeypatch.setattr(paths, "bundled_kb_path", lambda: mini_kb)
    installed = (paths.installed_kb_dir() / "current.sqlite")
    shutil.copy(mini_kb, installed)
    damage_middle_page(installed)
    opened = open_kb(defer_check=True)
    assert opened.kb.path == installed and opened.unchecked  # the header is fine
    with pytest.raises(KBError, match=r"damaged|integrity"):
        check_file(installed)
    fallback = open_kb(skip=(installed,))
    assert fallback.kb.path == mini_kb
    assert fallback.notice and "could not be used" in fallback.notice
