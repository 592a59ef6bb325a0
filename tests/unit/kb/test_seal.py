"""Review 2026-12-07 (issue 24) F6/F7: the installed KB is authenticated on every open, not
only checked once, and a changed byte makes the program fall back to its bundled KB."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from desktop import paths
from desktop.errors import KBError
from desktop.kb import seal
from desktop.kb.store import check_file, needs_check, open_kb
from tests.helpers.windows_files import symlink_or_skip


@pytest.fixture
def sealed(mini_kb: Path, real_kb: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini KB installed and sealed as `pack apply` does; the bundled KB is the real one."""
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: real_kb)
    installed = (paths.installed_kb_dir() / "current.sqlite")
    shutil.copy(mini_kb, installed)
    seal.write_seal(seal.file_sha256(installed), {"format": 1, "pack_version": "2026.12.1"})
    return installed


def change_a_value(path: Path, keep_times: bool = True) -> None:
    """Change one clinical-looking byte in place (as bit rot or a quiet edit would): the
    file stays a sound SQLite database of the same size, and (bit rot) the same mtime."""
    st = path.stat()
    data = bytearray(path.read_bytes())
    at = data.index(b"1.0.0")  # the kb_version value in meta, a record SQLite never checks
    data[at] = ord("6")
    with open(path, "r+b") as fh:  # in place: same inode
        fh.write(bytes(data))
    if keep_times:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size


def test_a_sealed_installed_kb_is_used(sealed: Path) -> None:
    opened = open_kb()
    assert opened.kb.path == sealed and opened.source == "installed"
    assert opened.notice is None and opened.installed_problem is None


def test_f6_a_changed_value_is_refused_and_the_bundled_kb_used(sealed: Path, real_kb: Path) -> None:
    change_a_value(sealed)
    opened = open_kb()
    assert opened.kb.path == real_kb and opened.source == "bundled"
    assert opened.installed_problem and "does not match the signed pack" in opened.installed_problem
    assert opened.notice and "could not be used" in opened.notice


def test_f7_bit_rot_after_a_good_check_is_still_caught(sealed: Path, real_kb: Path) -> None:
    assert open_kb().kb.path == sealed
    assert not needs_check(sealed)  # the whole-file check passed and was remembered
    change_a_value(sealed, keep_times=True)
    assert not needs_check(sealed)  # path, size, mtime, inode: the fingerprint cannot see it
    assert open_kb().kb.path == real_kb
    with pytest.raises(KBError, match="does not match"):
        check_file(sealed)


def test_f7_the_window_path_always_hands_the_hash_to_the_background_check(sealed: Path, real_kb: Path) -> None:
    first = open_kb(defer_check=True)
    assert first.kb.path == sealed and first.unchecked
    check_file(sealed)
    second = open_kb(defer_check=True)
    assert second.unchecked  # checked before, hashed again on every start
    second.kb.close()
    change_a_value(sealed)
    with pytest.raises(KBError, match="does not match"):
        check_file(sealed)
    assert open_kb(skip=(sealed,)).kb.path == real_kb


def test_a_dangling_link_in_place_of_the_installed_kb_is_reported(real_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: real_kb)
    symlink_or_skip(paths.installed_kb_dir() / "gone.sqlite", paths.installed_kb_dir() / "current.sqlite")
    opened = open_kb()
    assert opened.kb.path == real_kb and opened.installed_problem and "not found" in opened.installed_problem


def test_a_seal_for_another_file_does_not_vouch_for_this_one(sealed: Path) -> None:
    other = seal.seals_dir() / ("0" * 64 + ".json")
    other.write_text('{"kb_sha256": "' + seal.file_sha256(sealed) + '"}')  # names the right hash inside
    assert seal.read_seal("0" * 64) is None
    change_a_value(sealed)
    with pytest.raises(KBError):
        seal.authenticate(sealed)

