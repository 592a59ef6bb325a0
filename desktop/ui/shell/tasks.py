"""One way to run work off the UI thread: `Task(fn).start()`, results back on the UI thread.

Modelled on Anki's QueryOp: `fn(task)` runs on a worker thread and may call `task.report(x)`
(progress) and poll `task.cancelled()`; its return value, or the exception it raised, is
delivered on the thread that made the Task (the UI thread), to the slots given to
`on_success`, `on_failure`, `on_progress` and `on_finished`. A slot given after the outcome is
still called with it, on the next event-loop turn: a task started before the window exists (the
KB check at start-up) is listened to once the window is built.

A plain `threading.Thread`, not QThreadPool: it is not a daemon, so the process waits for it at
exit instead of tearing the interpreter down under a pool thread; and not concurrent.futures,
whose import pulls in `logging` (start-up is budgeted, and the KB check starts before the
first frame).
"""

from __future__ import annotations

import contextlib
import functools
import threading
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
_OK, _ERROR = "ok", "error"


class Task(QObject, Generic[T]):
    """A function run once on a worker thread; see the module docstring."""

    _progressed = Signal(object)  # worker -> this object's thread (queued: it lives there)
    _ended = Signal(str, object)

    def __init__(self, fn: Callable[[Task[T]], T], *, name: str = "task", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._thread = threading.Thread(target=self._run, name=name)
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._outcome: tuple[str, Any] | None = None  # set by the worker, under the lock
        self._wanted = False  # a slot waits for the outcome: the worker sends it (under the lock)
        self._delivered: tuple[str, Any] | None = None  # the outcome, once it reached this object's thread
        self._success: list[Callable[[T], object]] = []
        self._failure: list[Callable[[Exception], object]] = []
        self._finished: list[Callable[[], object]] = []
        self._progress: list[Callable[[Any], object]] = []
        self._progressed.connect(self._deliver_progress)
        self._ended.connect(self._deliver)

    # -- the UI side ---------------------------------------------------------------------
    def start(self) -> Task[T]:
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the function to stop; it decides where (by polling `cancelled()`)."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """True once the function has returned (the process also waits for it at exit)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def is_running(self) -> bool:
        """The function has started and not returned yet."""
        return self._thread.is_alive()

    def is_finished(self) -> bool:
        """The outcome has been delivered on this object's thread."""
        return self._delivered is not None

    def on_success(self, slot: Callable[[T], object]) -> Task[T]:
        if self._delivered is None:
            self._success.append(slot)
            self._listen()
        elif self._delivered[0] == _OK:
            QTimer.singleShot(0, functools.partial(slot, self._delivered[1]))
        return self

    def on_failure(self, slot: Callable[[Exception], object]) -> Task[T]:
        if self._delivered is None:
            self._failure.append(slot)
            self._listen()
        elif self._delivered[0] == _ERROR:
            QTimer.singleShot(0, functools.partial(slot, self._delivered[1]))
        return self

    def on_finished(self, slot: Callable[[], object]) -> Task[T]:
        """After success or failure, and after their slots."""
        if self._delivered is None:
            self._finished.append(slot)
            self._listen()
        else:
            QTimer.singleShot(0, slot)
        return self

    def on_progress(self, slot: Callable[[Any], object]) -> Task[T]:
        self._progress.append(slot)
        return self

    def _listen(self) -> None:
        with self._lock:  # either the worker sees the listener or this sees the outcome: never neither
            first = not self._wanted
            self._wanted = True
            outcome = self._outcome
        if first and outcome is not None:
            QTimer.singleShot(0, functools.partial(self._deliver, *outcome))

    def _deliver(self, kind: str, value: Any) -> None:
        if self._delivered is not None:
            return
        self._delivered = (kind, value)
        try:
            if kind == _OK:
                for ok in self._success:
                    ok(value)
            else:
                for fail in self._failure:
                    fail(value)
        finally:  # a failure slot may re-raise a bug for the exception hook: finish anyway
            for done in self._finished:
                done()

    def _deliver_progress(self, value: Any) -> None:
        for slot in self._progress:
            slot(value)

    # -- the worker side -----------------------------------------------------------------
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, value: Any) -> None:
        """Progress, from the function; delivered in order, before the outcome."""
        with contextlib.suppress(RuntimeError):  # the object was deleted: nobody to tell
            self._progressed.emit(value)

    def _run(self) -> None:
        try:
            outcome: tuple[str, Any] = (_OK, self._fn(self))
        except Exception as exc:  # delivered to on_failure: the UI decides what it means
            outcome = (_ERROR, exc)
        with self._lock:
            self._outcome = outcome
            wanted = self._wanted
        if wanted:
            with contextlib.suppress(RuntimeError):  # the object was deleted: nobody to tell
                self._ended.emit(*outcome)  # queued to this object's thread
