"""The knowledge base's whole-file check, run beside the window's start instead of before it.

On the first start, and after each content update, the file the window opens has not been
checked yet; reading all of it (~30 ms and ~200 M instructions for the shipped KB, a third of
a bare window's start-up) would hold up the window. The window opens on it after the cheap
header checks (`open_kb(defer_check=True)`) and start-up starts this task a moment after the
window is shown (`start_soon`, START_DELAY_MS): on a slow 2-core PC the first frame and what
Qt does right after it (polish, layout, the second paint) keep both cores, and the file is
read while the user takes in the window (~30 ms here, a few times that on a slow disk), on
the other core (SQLite lets go of the interpreter lock while it reads), before a first click
is likely. A program closed at once reads nothing. At quit `stop()` interrupts a running
check (nothing is remembered: the next start checks again), so it never delays the exit
either. A file that fails is reported
to `on_failure`; the window then falls back to the shipped copy with the same notice as at
start-up, or says it cannot go on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from desktop.errors import KBError
from desktop.kb.store import CheckInterrupted, FileCheck
from desktop.ui.shell.tasks import Task

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

# After the first frame has settled, well before a person's first click (~0.5 s or more).
START_DELAY_MS = 250


class BackgroundCheck(QObject):
    """Made before the window is built and started once it is shown (`start_soon`), or at
    once (`start`); `on_failure` is connected once the window exists, and still hears of a
    failure that came before it."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._check = FileCheck(path)
        self._task: Task[None] = Task(lambda _task: self._check.run(), name="kb-check", parent=self)
        self._started = False
        self._stopped = False

    def start(self) -> BackgroundCheck:
        """Start the check now (once; a later call, or one after `stop`, does nothing)."""
        if not self._started and not self._stopped:
            self._started = True
            self._task.start()
        return self

    def started(self) -> bool:
        return self._started

    def start_soon(self, delay_ms: int = START_DELAY_MS) -> BackgroundCheck:
        """Start once the window has been up for `delay_ms` (not if stopped or deleted first)."""
        QTimer.singleShot(delay_ms, self, self.start)
        return self

    def wait(self, timeout: float | None = None) -> bool:
        """True once the check has finished; a check not started yet is started first (who
        waits wants the outcome)."""
        self.start()
        return self._task.wait(timeout) if self._started else True

    def stop(self, timeout: float | None = None) -> bool:
        """Interrupt the check (at quit) and wait for its thread; True once it has ended. An
        interrupted check reports nothing and leaves the file to be checked next time."""
        self._stopped = True  # a check not started yet never starts
        self._check.interrupt()
        return self._task.wait(timeout) if self._started else True

    def on_failure(self, slot: Callable[[str], object]) -> None:
        """Call `slot(reason)`, the one-line reason, on this object's thread if the check fails,
        before or after now."""

        def failed(exc: Exception) -> None:
            if isinstance(exc, CheckInterrupted):
                return  # stopped at quit: nothing is known about the file
            if not isinstance(exc, KBError):
                raise exc  # a bug, not a bad file: the exception hook shows it
            slot(str(exc))

        self._task.on_failure(failed)
