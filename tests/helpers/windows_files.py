"""Windows' flushing rules on any machine, to test `desktop.fileio`'s Windows branch.

On Windows `os.fsync` is FlushFileBuffers: it fails with PermissionError on a handle that
cannot write, and a folder cannot be opened to be flushed at all. `emulate_windows_flushing`
switches fileio to its Windows branch and makes `os.fsync` refuse exactly what Windows
refuses, so a read-only flush or a folder flush anywhere in a write path fails the test.
"""

from __future__ import annotations

import os
import stat

import pytest

from desktop import fileio


def windows_like_fsync(fd: int) -> None:
    """`os.fsync` with Windows' refusals (POSIX only: it reads the descriptor's access mode)."""
    import fcntl

    if stat.S_ISDIR(os.fstat(fd).st_mode):
        raise PermissionError(13, "Permission denied (a folder cannot be flushed on Windows)")
    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
        raise PermissionError(13, "Permission denied (FlushFileBuffers needs a handle that may write)")
    _real_fsync(fd)


_real_fsync = os.fsync


def emulate_windows_flushing(monkeypatch: pytest.MonkeyPatch, *, windows_branch: bool = True) -> None:
    """Windows' fsync rules for the rest of the test; `windows_branch=False` keeps fileio on POSIX."""
    if os.name != "posix":
        pytest.skip("emulates Windows on POSIX; on Windows the real rules apply")
    monkeypatch.setattr(fileio, "_WINDOWS", windows_branch)
    monkeypatch.setattr(os, "fsync", windows_like_fsync)


def symlink_or_skip(target: os.PathLike[str] | str, link: os.PathLike[str] | str) -> None:
    """Make `link` point at `target`, or skip where this Windows cannot make links.

    Windows lets only an administrator or Developer Mode create symbolic links (WinError 1314
    otherwise), and Wine's CreateSymbolicLink reports success without making anything. POSIX
    always can, so there the test runs in full.
    """
    try:
        os.symlink(target, link)
    except OSError as exc:
        if os.name == "posix":
            raise
        pytest.skip(f"this Windows cannot make symbolic links ({exc.strerror or exc})")
    if not os.path.islink(link):
        if os.name == "posix":
            raise AssertionError(f"os.symlink made no link at {link}")
        pytest.skip("this Windows reports making a symbolic link but made none (Wine)")
