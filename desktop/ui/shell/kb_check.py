"""The knowledge base's whole-file check, run beside the window's start instead of before it.

On the first start, and after each content update, the file the window opens has not been
checked yet; reading all of it (~30 ms for the shipped KB) would hold up the window. The
window opens on it after the cheap header checks (`open_kb(defer_check=True)`) while this
thread reads the file on the machine's other core (SQLite lets go of the interpreter lock
while it reads). A file that fails is reported by `failed`; the window then falls back to
the shipped copy with the same notice as at start-up, or says it cannot go on.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.errors import KBError
from desktop.kb.store import check_file

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


class BackgroundCheck(QObject):
    """Started before the window is built, so the two overlap; `on_failure` is connected
    once the window exists, and still hears of a failure that came before it."""

    failed = Signal(str)
    """The one-line reason; delivered on the thread that owns this object (the window's)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._thread = threading.Thread(target=self._run, name="kb-check")
        self._lock = threading.Lock()
        self._error: str | None = None
        self._listening = False

    def on_failure(self, slot: Callable[[str], object]) -> None:
        """Call `slot(reason)` on this object's thread if the check fails, before or after now."""
        with self._lock:  # either the worker sees the listener or this sees the error: never neither
            self._listening = True
            self.failed.connect(slot)
            error = self._error
        if error is not None:
            QTimer.singleShot(0, functools.partial(slot, error))

    def start(self) -> BackgroundCheck:
        self._thread.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        """True once the check has finished (the process also waits for it at exit)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            check_file(self.path)
        except KBError as exc:
            with self._lock:
                self._error = str(exc)
                listening = self._listening
            if listening:
                self.failed.emit(str(exc))  # queued to the window's thread
