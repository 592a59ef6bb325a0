"""Windows' file rules on any machine: flushing (`desktop.fileio`'s Windows branch) and sharing.

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


# -- sharing: an open file cannot be replaced, renamed or deleted ----------------------------
def _open_files() -> set[tuple[int, int]]:
    """(device, inode) of every plain file this process has open, SQLite's included."""
    found: set[tuple[int, int]] = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            st = os.stat(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            found.add((st.st_dev, st.st_ino))
    return found


def _is_open(path: object, dir_fd: int | None = None) -> bool:
    try:
        st = os.stat(path, dir_fd=dir_fd, follow_symlinks=False)  # type: ignore[arg-type]
    except (OSError, TypeError, ValueError):
        return False
    return stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) in _open_files()


def emulate_windows_sharing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows' sharing rules for the rest of the test (Linux only: it reads /proc/self/fd).

    Python and SQLite open files on Windows without FILE_SHARE_DELETE, so while any handle to a
    file is open, replacing it (`os.replace` onto it: WinError 5), renaming it or deleting it,
    under any of its hard-link names (WinError 32), fails. Here os.replace, os.rename,
    os.unlink and os.remove refuse exactly that, for files this process holds open (a
    KnowledgeBase's connection, as the window holds one).
    """
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("emulates Windows' sharing rules through /proc/self/fd")
    real_replace, real_rename, real_unlink = os.replace, os.rename, os.unlink

    def refuse(winerror: int, path: object) -> PermissionError:
        text = "Access is denied" if winerror == 5 else "The process cannot access the file because it is being used by another process"
        return PermissionError(13, f"[WinError {winerror}] {text} (emulated)", str(path))

    def replace(src: object, dst: object, *, src_dir_fd: int | None = None, dst_dir_fd: int | None = None) -> None:
        if _is_open(src, src_dir_fd):
            raise refuse(32, src)
        if _is_open(dst, dst_dir_fd):
            raise refuse(5, dst)
        real_replace(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)  # type: ignore[arg-type]

    def rename(src: object, dst: object, *, src_dir_fd: int | None = None, dst_dir_fd: int | None = None) -> None:
        if _is_open(src, src_dir_fd):
            raise refuse(32, src)
        real_rename(src, dst, src_dir_fd=src_dir_fd, dst_dir_fd=dst_dir_fd)  # type: ignore[arg-type]

    def unlink(path: object, *, dir_fd: int | None = None) -> None:
        if _is_open(path, dir_fd):
            raise refuse(32, path)
        real_unlink(path, dir_fd=dir_fd)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.setattr(os, "remove", unlink)
