"""A content pack applied, and rolled back, while the program holds the installed KB open.

The window keeps a read-only SQLite connection to the installed KB for as long as it shows it,
and applies packs from the Packs view. On Windows a file that is open cannot be replaced,
renamed or deleted: SQLite opens it without FILE_SHARE_DELETE, so `os.replace` onto it fails
with WinError 5 (Access denied) and moving or deleting it with WinError 32 (a sharing
violation); under Wine too. So every installed KB has a file name of its own and only the
small pointer naming current and previous is replaced (desktop.kb.installed); a file no longer
named is deleted once nothing holds it.

Each test runs under the platform's own rules (on Windows or Wine: the real ones) and, on Linux,
again under Windows' rules emulated (tests/helpers/windows_files.py), so a swap that needs to
touch an open file fails here too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop import paths
from desktop.kb.installed import read_installed
from desktop.kb.store import KnowledgeBase, open_kb
from desktop.packs import apply_pack, recover, rollback
from tests.helpers.packs_kit import V1, Kit, craft, install_template, installed_kb
from tests.helpers.windows_files import emulate_windows_flushing, emulate_windows_sharing


@pytest.fixture(params=["platform", "windows-emulated"])
def rules(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "windows-emulated":
        if sys.platform == "win32":
            pytest.skip("on Windows the real rules apply (the 'platform' run)")
        emulate_windows_sharing(monkeypatch)
        emulate_windows_flushing(monkeypatch)
    return str(request.param)


def _kb_version() -> str:
    opened = open_kb()
    try:
        return opened.kb.meta().kb_version
    finally:
        opened.kb.close()


def _kb_files() -> set[str]:
    return {p.name for p in paths.installed_kb_dir().iterdir() if p.suffix == ".sqlite"}


def test_apply_and_rollback_while_a_reader_holds_the_kb(kit: Kit, cartref_home: Path, rules: str) -> None:
    install_template(kit, cartref_home)  # pack v1 installed
    held = open_kb().kb  # as the main window holds it
    try:
        assert held.meta().kb_version == "1.0.0"
        result = apply_pack(kit.v2)
        assert result.previous_version == V1 and _kb_version() == "1.1.0"
        assert held.meta().kb_version == "1.0.0"  # the holder reads its old file until it reopens
        assert read_installed().previous == held.path  # kept for rollback, never moved
        rollback()
        assert _kb_version() == "1.0.0" and installed_kb() == held.path
        rollback()
        assert _kb_version() == "1.1.0"
    finally:
        held.close()


def test_a_file_no_longer_named_is_deleted_once_nobody_holds_it(kit: Kit, cartref_home: Path, tmp_path: Path, rules: str) -> None:
    """v1 held open while v2 and then v3 are applied: v1 is neither current nor previous, but
    still open, so on Windows it cannot be deleted; that is never an error, and the next pack
    command after the holder let go deletes it."""
    install_template(kit, cartref_home)
    held: KnowledgeBase = open_kb().kb
    v1_file = held.path
    v3 = craft(tmp_path / "v3.cartpack", kit.key, kit.v1, edit_manifest=lambda m: m.update(pack_version="2026.12.9"))
    try:
        apply_pack(kit.v2)
        apply_pack(v3)
        assert _kb_version() == "1.0.0" and v1_file not in (read_installed().current, read_installed().previous)
        assert held.meta().kb_version == "1.0.0"  # still readable by its holder
        if rules == "windows-emulated":
            assert v1_file.exists()  # open, so Windows keeps it
    finally:
        held.close()
    recover()  # what every pack command (and the window, after it lets go) does first
    assert not v1_file.exists()
    assert _kb_files() == {installed_kb().name, read_installed().previous.name}  # type: ignore[union-attr]
