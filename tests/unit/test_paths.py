"""Where user state goes: $CARTREF_HOME, beside a portable program, or the platform's folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from desktop import paths


@pytest.fixture
def frozen_exe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pretend frozen program: sys.frozen set, sys.executable in a folder of its own."""
    exe = tmp_path / "cartref" / ("cartref.exe" if sys.platform == "win32" else "cartref")
    exe.parent.mkdir()
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    return exe


def test_portable_marker_keeps_user_state_beside_the_program(frozen_exe: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTREF_HOME")
    (frozen_exe.parent / "portable").write_text("keep my data here\n", encoding="utf-8")
    assert paths.user_dir() == frozen_exe.parent.resolve() / "user-data"
    assert paths.user_db_path().parent == frozen_exe.parent.resolve() / "user-data"
    assert paths.installed_kb_dir().is_dir()


def test_without_the_marker_a_frozen_program_uses_the_platform_folder(frozen_exe: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTREF_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.portable_dir() is None
    assert paths.user_dir() != frozen_exe.parent / "user-data"
    assert not (frozen_exe.parent / "user-data").exists()


def test_cartref_home_wins_over_the_portable_marker(frozen_exe: Path, cartref_home: Path) -> None:
    (frozen_exe.parent / "portable").write_text("", encoding="utf-8")
    assert paths.user_dir() == cartref_home
    assert not (frozen_exe.parent / "user-data").exists()


def test_a_folder_named_portable_is_not_the_marker(frozen_exe: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTREF_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    (frozen_exe.parent / "portable").mkdir()
    assert paths.portable_dir() is None


def test_a_source_checkout_is_never_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `portable` file beside the Python interpreter is not read: only a frozen program's counts."""
    python = tmp_path / "python"
    python.write_bytes(b"")
    (tmp_path / "portable").write_text("", encoding="utf-8")
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(python))
    assert paths.portable_dir() is None


@pytest.mark.skipif(sys.platform != "win32", reason="Windows folders (run by `make test-windows`)")
def test_windows_user_state_is_in_local_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTREF_HOME")
    local = Path(os.environ["LOCALAPPDATA"]).resolve()
    assert paths.user_dir().resolve() == local / "cartref"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders")
def test_linux_user_state_follows_xdg_data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CARTREF_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.user_dir() == tmp_path / "xdg" / "cartref"
