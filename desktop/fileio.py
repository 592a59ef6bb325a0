"""Durable file writes: a reader, a crash or a full disk never sees half a file.

The one way this program replaces a file. New content goes to a temporary file in the target's
own folder (so the final rename stays on one file system and is atomic), the file is flushed
to disk, it replaces the target with `os.replace`, and then the folder is flushed too, so the
rename itself survives a power cut. On any failure the temporary file is removed and the target
is untouched. Temporary files are named `.<target name>.<random>.tmp`; `packs.apply` sweeps such
leftovers of a killed run from the KB folder.

Windows differs in two ways, both handled here rather than by callers:
- `os.fsync` is FlushFileBuffers there, which needs a handle opened for writing: a read-only
  descriptor fails with PermissionError (it made every pack apply fail).
- A folder cannot be opened as a file, so its entries cannot be flushed; NTFS journals its
  metadata, so the rename is durable without it.
- A file another program has open (without FILE_SHARE_DELETE, as Python and SQLite open
  files) cannot be replaced: `os.replace` fails with PermissionError. Small files that are
  read and closed at once (the installed-KB pointer, history, seals) are replaced after a
  short wait instead; a file held open for long is never replaced (see desktop.kb.installed).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "copy_durable", "fsync_dir", "fsync_file", "write_bytes_atomic", "write_new_file"]

_WINDOWS = sys.platform == "win32"
"""Read at call time (tests switch it to check the Windows branch on any machine)."""

_COPY_CHUNK = 1024 * 1024


def fsync_file(path: Path) -> None:
    """Flush a file someone else wrote (SQLite, a zip or PDF writer) to disk."""
    # POSIX flushes through any descriptor; Windows only through one that may write.
    flags = (os.O_RDWR | getattr(os, "O_BINARY", 0)) if _WINDOWS else os.O_RDONLY
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make the creations, renames and deletions in a folder durable (a no-op on Windows)."""
    if _WINDOWS:
        return  # no directory handles to flush; NTFS journals the rename itself
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create_temp_beside(target: Path, mode: int | None) -> tuple[int, Path]:
    """A new, empty temporary file in `target`'s folder, open for writing, and its path.

    Without `mode` it is created as `open()` would create it (0666 less the umask), not private
    as `mkstemp` would: a KB set aside or a pack copied for export must stay readable like the
    file it replaces. With `mode` it is created with it, so a private file is never readable.
    """
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, _NEW_FILE, 0o666 if mode is None else mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _swap_in(tmp: Path, target: Path, mode: int | None) -> None:
    """The last steps of every write: permissions, the rename, the folder flush."""
    if mode is not None:
        os.chmod(tmp, mode)  # exactly `mode`: the umask cut it at creation
    _replace(tmp, target)
    fsync_dir(target.parent)


_SHARING_WAITS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8)
"""Windows: how long to wait, in turn, for a reader to close a small file being replaced (~1.6 s)."""


def _replace(tmp: Path, target: Path) -> None:
    """`os.replace`; on Windows, retried while someone has the target open for a moment."""
    if _WINDOWS:
        for wait in _SHARING_WAITS:
            try:
                os.replace(tmp, target)
                return
            except PermissionError:
                time.sleep(wait)
    os.replace(tmp, target)


@contextlib.contextmanager
def atomic_path(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target` to write by any means; it replaces `target` on success.

    The writer must have closed the file when the block ends; it is then flushed to disk before
    the swap. `mode` sets the file's permissions before the swap.
    """
    target = Path(target)
    # The writer opens the file again: it must stay writable for its owner until the swap.
    fd, tmp = _create_temp_beside(target, None if mode is None else mode | 0o200)
    os.close(fd)
    try:
        yield tmp
        fsync_file(tmp)
        _swap_in(tmp, target, mode)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace `target` with `data`, flushed to disk first."""
    target = Path(target)
    fd, tmp = _create_temp_beside(target, mode)
    try:
        with os.fdopen(fd, "wb") as fh:  # flushed through the handle that writes it
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _swap_in(tmp, target, mode)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def copy_durable(src: Path, dest: Path, *, mode: int | None = None) -> None:
    """Copy `src` to `dest` with the same guarantee: `dest` is the old file or the whole copy."""
    dest = Path(dest)
    fd, tmp = _create_temp_beside(dest, mode)
    try:
        with os.fdopen(fd, "wb") as fout, open(src, "rb") as fin:
            shutil.copyfileobj(fin, fout, _COPY_CHUNK)
            fout.flush()
            os.fsync(fout.fileno())
        _swap_in(tmp, dest, mode)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_new_file(target: Path, data: bytes, *, mode: int = 0o666) -> None:
    """Create `target` with `data`, flushed to disk; FileExistsError if it exists (never replaces).

    For files that must not overwrite anything, such as a private key: created with `mode` from
    the first byte (less the umask), so a private file is never readable by others, even briefly.
    A failed write removes the part written.
    """
    target = Path(target)
    fd = os.open(target, _NEW_FILE, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)
