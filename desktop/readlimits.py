"""Bounded reads of files a pack command is handed: regular files only, never a pipe or device.

A path given on the command line (or found in the user's folder) may name a FIFO, which
blocks `open()` for ever, or a device such as /dev/zero, whose size reads as 0 and whose
content never ends. Files are opened non-blocking, checked with fstat on the open handle
(so a swap after a check does not matter), and read no further than a limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(OSError):
    """The path names a folder, pipe, device or socket, not a plain file."""


class FileTooLarge(ValueError):
    """The file is larger than the reader allows."""


def open_regular(path: Path) -> BinaryIO:
    """Open a plain file for reading without ever blocking on a FIFO; raises NotRegularFile."""
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(f"{path} is not a plain file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The whole of a plain file of at most `limit` bytes (FileTooLarge beyond it)."""
    with open_regular(Path(path)) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(f"{path} is larger than {limit} bytes")
    return data


def sha256_regular(path: Path) -> str:
    """sha256 of a plain file, read in 1 MiB chunks (hashlib lets go of the GIL for them); a pipe
    or device raises NotRegularFile (an OSError), never hangs. hashlib is imported here, not at
    import: the window's start-up imports this module before the first paint."""
    import hashlib

    digest = hashlib.sha256()
    with open_regular(Path(path)) as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()

