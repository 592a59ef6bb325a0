"""Temporary and journal files a kill or a full disk left are removed at the next start (F5)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from desktop import cli, leftovers, paths


def _old(path: Path, data: bytes = b"x") -> Path:
    path.write_bytes(data)
    past = time.time() - 3600
    os.utime(path, (past, past))
    return path


def test_the_kb_lock_name_is_the_packs_one() -> None:
    from desktop.packs import apply

    assert leftovers.KB_LOCK == apply.LOCK


def test_names_that_are_leftovers() -> None:
    for name in ("..incoming.sqlite.ab12.tmp-journal", ".current.sqlite.x.tmp", ".kb-checked.txt.9.tmp",
                 ".k.tmp-wal", ".k.tmp-shm", "user.sqlite.salvage", "user.sqlite.salvage-wal"):
        assert leftovers.is_leftover(name), name
    for name in ("current.sqlite", "previous.sqlite", "history.json", "journal.json", ".lock", "user.sqlite",
                 "user.sqlite-wal", "notes.tmp", "user.sqlite.corrupt-20261207-010101", "settings.ini"):
        assert not leftovers.is_leftover(name), name


def test_kb_leftovers_are_removed_when_no_update_runs(cartref_home: Path) -> None:
    kb_dir = paths.installed_kb_dir()
    keep = [kb_dir / "current.sqlite", kb_dir / "history.json"]
    for k in keep:
        k.write_bytes(b"keep")
    junk = [kb_dir / "..incoming.sqlite.k3j4.tmp-journal", kb_dir / ".current.sqlite.77.tmp"]
    for j in junk:
        j.write_bytes(b"\0" * 12000)  # fresh: in kb/ the lock, not the age, says nobody uses them
    removed = leftovers.sweep_all()
    assert sorted(removed) == sorted(junk)
    assert all(k.exists() for k in keep) and not any(j.exists() for j in junk)


def test_kb_leftovers_stay_while_an_update_holds_the_lock(cartref_home: Path) -> None:
    kb_dir = paths.installed_kb_dir()
    journal = kb_dir / "..incoming.sqlite.k3j4.tmp-journal"
    journal.write_bytes(b"in use")
    from desktop.packs.apply import _locked

    with _locked(kb_dir):  # the update lock itself: flock on POSIX, msvcrt.locking on Windows
        assert leftovers.sweep_all() == [] and journal.exists()
    assert leftovers.sweep_all() == [journal]


def test_other_folders_lose_only_old_leftovers(cartref_home: Path) -> None:
    """Another window may be writing its `.X.tmp` right now: only old ones are leftovers."""
    fresh = cartref_home / ".kb-checked.txt.1.tmp"
    fresh.write_bytes(b"writing")
    old = _old(cartref_home / ".kb-checked.txt.2.tmp")
    salvage = _old(cartref_home / "user.sqlite.salvage")
    (cartref_home / "keys").mkdir()
    old_key = _old(cartref_home / "keys" / ".site.key.3.tmp")
    kept = _old(cartref_home / "user.sqlite", b"db")
    removed = leftovers.sweep_all()
    assert sorted(removed) == sorted([old, salvage, old_key])
    assert fresh.exists() and kept.exists()


def test_every_cli_command_tidies_up_first(cartref_home: Path) -> None:
    kb_dir = paths.installed_kb_dir()
    journal = kb_dir / "..incoming.sqlite.zz.tmp-journal"
    journal.write_bytes(b"x" * 5000)
    assert cli.main(["grade", "crs", "--temp", "38.5", "--hypotension", "none", "--oxygen", "none"]) == 0
    assert not journal.exists()


def test_a_read_only_or_missing_folder_never_fails_a_start(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CARTREF_HOME", str(tmp_path / "gone" / "deeper"))
    assert leftovers.sweep(tmp_path / "missing") == []
    assert isinstance(leftovers.sweep_all(), list)
