"""The knowledge base's whole-file check, run beside the window's start instead of before it.

On the first start, and after each content update, the file the window opens has not been
checked yet; reading all of it (~30 ms for the shipped KB) would hold up the window. The
window opens on it after the cheap header checks (`open_kb(defer_check=True)`) while this
task reads the file on the machine's other core (SQLite lets go of the interpreter lock
while it reads). A file that fails is reported to `on_failure`; the window then falls back to
the shipped copy with the same notice as at start-up, or says it cannot go on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.errors import KBError
from desktop.kb.store import check_file
from desktop.ui.shell.tasks import Task

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


class BackgroundCheck(QObject):
    """Started before the window is built, so the two overlap; `on_failure` is connected
    once the window exists, and still hears of a failure that came before it."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._task: Task[None] = Task(lambda _task: check_file(path), name="kb-check", parent=self)

    def start(self) -> BackgroundCheck:
        self._task.start()
        return self

    def wait(self, timeout: float | None = None) -> bool:
        """True once the check has finished (the process also waits for it at exit)."""
        return self._task.wait(timeout)

    def on_failure(self, slot: Callable[[str], object]) -> None:
        """Call `slot(reason)`, the one-line reason, on this object's thread if the check fails,
        before or after now."""

        def failed(exc: Exception) -> None:
            if not isinstance(exc, KBError):
                raise exc  # a bug, not a bad file: the exception hook shows it
            slot(str(exc))

        self._task.on_failure(failed)
