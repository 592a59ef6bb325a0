"""Writing a file so that a reader, a crash or a full disk never sees half of it.

The new content goes to a temporary file in the target's own folder (so the final rename
stays on one file system and is atomic), is flushed to disk, and only then replaces the
target. On any failure the temporary file is removed and the target is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path, *, mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target` to write by any means; it replaces `target` on success.

    `mode` sets the file's permissions before the swap (mkstemp makes files private, 0600).
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path, data: bytes, *, mode: int | None = None) -> None:
    """Replace `target` with `data`, flushed to disk first."""
    with atomic_path(target, mode=mode) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
