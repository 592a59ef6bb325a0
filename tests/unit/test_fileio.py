"""Durable writes: the target is either the old file or the complete new one, never a part,
and file and folder are flushed to disk before the write counts as done (Windows: see below)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import fileio
from desktop.fileio import (
    atomic_path,
    copy_durable,
    fsync_dir,
    fsync_file,
    write_bytes_atomic,
    write_new_file,
)
from tests.helpers.windows_files import emulate_windows_flushing

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and folder flushes")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def flushes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every os.fsync, recorded as "file" or "dir", then done for real."""
    done: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        done.append("dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", spy)
    return done


def test_write_replaces_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_bytes_atomic(target, b"new", mode=0o644)
    assert target.read_bytes() == b"new"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failure_midway_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "kb.sqlite"
    target.write_bytes(b"old")
    with pytest.raises(OSError), atomic_path(target) as tmp:
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kb.sqlite"]


def test_the_temporary_file_is_beside_the_target_and_named_for_the_sweep(tmp_path: Path) -> None:
    """packs.apply removes `.*.tmp` leftovers of a killed run: the name must match that."""
    target = tmp_path / "history.json"
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".history.json.") and tmp.name.endswith(".tmp")
        tmp.write_bytes(b"x")
    assert target.read_bytes() == b"x"


@posix_only
@pytest.mark.parametrize("how", ["write", "path", "copy", "new"])
def test_the_file_is_flushed_before_the_rename_and_the_folder_after(tmp_path: Path, flushes: list[str], how: str) -> None:
    target = tmp_path / "out.bin"
    if how == "write":
        write_bytes_atomic(target, b"data")
    elif how == "path":
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"data")
    elif how == "copy":
        src = tmp_path / "src.bin"
        src.write_bytes(b"data")
        copy_durable(src, target)
    else:
        write_new_file(target, b"data")
    assert target.read_bytes() == b"data"
    assert flushes == ["file", "dir"]


def test_copy_durable_copies_and_a_failed_copy_keeps_the_old_file(tmp_path: Path) -> None:
    src = tmp_path / "pack.cartpack"
    src.write_bytes(os.urandom(3 * 1024 * 1024 + 17))  # more than one copy chunk
    dest = tmp_path / "out" / "carry.cartpack"
    dest.parent.mkdir()
    copy_durable(src, dest)
    assert dest.read_bytes() == src.read_bytes()
    dest.write_bytes(b"old")
    with pytest.raises(FileNotFoundError):
        copy_durable(tmp_path / "missing", dest)
    assert dest.read_bytes() == b"old"
    assert [p.name for p in dest.parent.iterdir()] == ["carry.cartpack"]


@posix_only
def test_new_files_get_the_usual_permissions_unless_a_mode_is_given(tmp_path: Path, umask_022: None) -> None:
    """A KB set aside or a pack copied for export stays readable like the file it replaces."""
    write_bytes_atomic(tmp_path / "a", b"a")
    copy_durable(tmp_path / "a", tmp_path / "b")
    with atomic_path(tmp_path / "c") as tmp:
        tmp.write_bytes(b"c")
    write_new_file(tmp_path / "d", b"d")
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()} == {"a": 0o644, "b": 0o644, "c": 0o644, "d": 0o644}


@posix_only
def test_a_private_file_is_never_readable_by_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_022: None) -> None:
    seen: list[int] = []
    real = os.fsync

    def look(fd: int) -> None:  # the content is all there when it is flushed
        seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real(fd)

    monkeypatch.setattr(os, "fsync", look)
    write_new_file(tmp_path / "site.key", b"secret", mode=0o600)
    write_bytes_atomic(tmp_path / "other.key", b"secret", mode=0o600)
    assert seen[0] == 0o600 and seen[2] == 0o600  # (the folder flushes in between)
    assert stat.S_IMODE((tmp_path / "site.key").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "other.key").stat().st_mode) == 0o600


def test_write_new_file_never_replaces(tmp_path: Path) -> None:
    target = tmp_path / "site.key"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        write_new_file(target, b"new", mode=0o600)
    assert target.read_bytes() == b"old"


def test_a_failed_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_new_file(tmp_path / "site.key", b"secret")
    assert list(tmp_path.iterdir()) == []


# -- Windows: fsync needs a handle that may write, and folders cannot be flushed ---------------
def test_the_emulated_windows_rules_catch_a_read_only_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The emulation below is not vacuous: the POSIX branch's flushes fail under Windows' rules."""
    target = tmp_path / "kb.sqlite"
    target.write_bytes(b"kb")
    emulate_windows_flushing(monkeypatch, windows_branch=False)
    with pytest.raises(PermissionError):
        fsync_file(target)
    with pytest.raises(PermissionError):
        fsync_dir(tmp_path)


def test_every_write_works_under_windows_flushing_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "src.bin"
    src.write_bytes(b"src")
    emulate_windows_flushing(monkeypatch)
    fsync_file(src)
    fsync_dir(tmp_path)
    write_bytes_atomic(tmp_path / "a", b"a", mode=0o644)
    with atomic_path(tmp_path / "b", mode=0o644) as tmp:
        tmp.write_bytes(b"b")
    copy_durable(src, tmp_path / "c")
    write_new_file(tmp_path / "d", b"d", mode=0o600)
    assert sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir()) == [
        ("a", b"a"), ("b", b"b"), ("c", b"src"), ("d", b"d"), ("src.bin", b"src")]


def test_windows_branch_opens_for_writing_and_never_opens_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked on the flags themselves, so it holds on any machine, Windows included."""
    target = tmp_path / "kb.sqlite"
    target.write_bytes(b"kb")
    opened: list[tuple[str, int]] = []
    real_open = os.open

    def spy(path: str | os.PathLike[str], flags: int, *args: int, **kwargs: object) -> int:
        opened.append((os.fspath(path), flags))
        return real_open(path, flags, *args)

    monkeypatch.setattr(fileio, "_WINDOWS", True)
    monkeypatch.setattr(os, "open", spy)
    fsync_file(target)
    fsync_dir(tmp_path)
    access = os.O_RDONLY | os.O_WRONLY | os.O_RDWR  # os.O_ACCMODE, which Windows' os lacks
    assert [(p, f & access) for p, f in opened] == [(str(target), os.O_RDWR)]
