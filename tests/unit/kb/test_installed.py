"""The pointer `kb/installed.txt`: which installed KB file is current and which previous."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop import paths
from desktop.errors import KBError
from desktop.kb import seal
from desktop.kb.installed import (
    POINTER,
    format_pointer,
    parse_pointer,
    read_installed,
    unused_files,
)
from desktop.kb.store import open_kb


def test_the_pointer_round_trips_and_refuses_what_is_not_a_plain_kb_name() -> None:
    assert parse_pointer(format_pointer("kb-1.1.0-0a1b2c3d.sqlite", "current.sqlite")) == ("kb-1.1.0-0a1b2c3d.sqlite", "current.sqlite")
    assert parse_pointer(format_pointer(None, "kb-1.sqlite")) == (None, "kb-1.sqlite")
    header = b"cartref-kb 1\n"
    for bad in (b"", b"current kb-1.sqlite\n", header + b"current ../kb-1.sqlite\n", header + b"current kb/1.sqlite\n",
                header + b"current .incoming.sqlite\n", header + b"current kb-1.txt\n", header + b"current C:\\kb.sqlite\n",
                header + b"current kb-1.sqlite\ncurrent kb-2.sqlite\n", header + b"current kb-1.sqlite\nprevious kb-1.sqlite\n",
                header + b"latest kb-1.sqlite\n", b"\xff\xfe"):
        assert parse_pointer(bad) is None, bad
    with pytest.raises(ValueError):
        format_pointer("../x.sqlite", None)


def test_without_a_pointer_the_older_layout_is_read(mini_kb: Path) -> None:
    kb_dir = paths.installed_kb_dir()
    assert read_installed() == (None, None, False)
    shutil.copy(mini_kb, kb_dir / "current.sqlite")
    assert read_installed() == (kb_dir / "current.sqlite", None, False)
    assert open_kb().source == "installed" and unused_files() == []


def test_the_pointer_chooses_the_file_and_the_rest_are_unused(mini_kb: Path, real_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: real_kb)
    kb_dir = paths.installed_kb_dir()
    for name in ("kb-a-00000001.sqlite", "kb-b-00000002.sqlite", "current.sqlite", "kb-c-00000003.sqlite"):
        shutil.copy(mini_kb, kb_dir / name)
    (kb_dir / "notes.sqlite").write_bytes(b"not ours")  # never deleted: not a name packs use
    (kb_dir / POINTER).write_bytes(format_pointer("kb-b-00000002.sqlite", "current.sqlite"))
    assert read_installed() == (kb_dir / "kb-b-00000002.sqlite", kb_dir / "current.sqlite", True)
    opened = open_kb()
    assert opened.source == "installed" and opened.kb.path == kb_dir / "kb-b-00000002.sqlite"
    opened.kb.close()
    assert [p.name for p in unused_files()] == ["kb-a-00000001.sqlite", "kb-c-00000003.sqlite"]


@pytest.mark.parametrize("content", [b"garbage", b"cartref-kb 1\ncurrent ../../outside.sqlite\n", "directory", "missing file"])
def test_a_damaged_pointer_is_reported_and_the_bundled_kb_used(content: bytes | str, mini_kb: Path, real_kb: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: real_kb)
    kb_dir = paths.installed_kb_dir()
    shutil.copy(mini_kb, kb_dir / "current.sqlite")  # an older layout's file must not be used instead
    target = kb_dir / POINTER
    if content == "directory":
        target.mkdir()
    elif content == "missing file":
        target.write_bytes(format_pointer("kb-gone-00000000.sqlite", None))
    else:
        assert isinstance(content, bytes)
        target.write_bytes(content)
    opened = open_kb()
    assert opened.kb.path == real_kb and opened.source == "bundled"
    assert opened.notice and "could not be used" in opened.notice and opened.installed_problem
    if content != "missing file":
        with pytest.raises(KBError, match="record of installed knowledge bases"):
            read_installed()
        assert unused_files() == []  # nothing is known to be unused: nothing is deleted


def test_the_pointer_cannot_select_an_unsealed_file(mini_kb: Path, real_kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file in kb/ is hashed against the seals: pointing at a planted file selects nothing."""
    monkeypatch.setattr(paths, "bundled_kb_path", lambda: real_kb)
    kb_dir = paths.installed_kb_dir()
    sealed = kb_dir / "kb-1-00000001.sqlite"
    shutil.copy(mini_kb, sealed)
    seal.write_seal(seal.file_sha256(sealed), {"format": 1, "pack_version": "2026.12.1"})
    planted = kb_dir / "kb-2-00000002.sqlite"
    shutil.copy(real_kb, planted)
    (kb_dir / POINTER).write_bytes(format_pointer(planted.name, sealed.name))
    opened = open_kb()
    assert opened.source == "bundled" and "does not match the signed pack" in str(opened.installed_problem)
