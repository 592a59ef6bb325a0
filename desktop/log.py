"""The one log: `log_dir()/cartref.log`, kept small by rotation, written only when something failed.

The CLI's last guard and the window's exception hook both write here, in one format. Importing
this module is free: stdlib `logging` (~18 M instructions) is loaded on the first write, so
neither the window's first frame nor `cartref search` pays for it. Each write opens the file,
appends and closes it again: errors are rare, the file then always follows the current
`CARTREF_HOME`, and no handle is held that would stop Windows from rotating the file.
"""

from __future__ import annotations

import threading
from pathlib import Path

__all__ = ["BACKUPS", "LOG_NAME", "MAX_BYTES", "log_error"]

LOG_NAME = "cartref.log"
MAX_BYTES = 1024 * 1024
"""Rotate past 1 MiB: tracebacks are a few KB, so this keeps hundreds of them."""
BACKUPS = 3
"""cartref.log.1 .. .3 are kept; the oldest is dropped."""
_LOGGER = "cartref"
_FORMAT = "--- %(asctime)s %(levelname)s %(process)d\n%(message)s\n"
_lock = threading.Lock()


def log_error(message: str, *, exc_info: bool = False) -> Path | None:
    """Append `message` (and, with `exc_info`, the exception being handled) to the log.

    Returns the log's path, or None when even that failed (disk full, read-only home): the
    caller then says so instead of pointing at a file that does not hold the details.
    """
    import logging
    import logging.handlers

    from desktop.paths import log_dir

    class _Handler(logging.handlers.RotatingFileHandler):
        """Remembers a failed write instead of printing "--- Logging error ---" to stderr."""

        failed = False

        def handleError(self, record: logging.LogRecord) -> None:
            self.failed = True

    try:
        path = log_dir() / LOG_NAME
        handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT, datefmt="%Y-%m-%dT%H:%M:%S"))
    logger = logging.getLogger(_LOGGER)
    logger.propagate = False  # never into a root handler an embedding program may have set up
    logger.setLevel(logging.ERROR)
    with _lock:
        logger.addHandler(handler)
        try:
            logger.error("%s", message, exc_info=exc_info)
        finally:
            logger.removeHandler(handler)
            handler.close()
    return None if handler.failed else path
