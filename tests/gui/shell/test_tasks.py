"""`Task`: work on a worker thread, progress/success/failure back on the UI thread, cancel."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from desktop.ui.shell.tasks import Task


def test_success_and_progress_arrive_in_order_on_the_ui_thread(qtbot: QtBot) -> None:
    ui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []

    def work(task: Task[str]) -> str:
        for i in range(5):
            task.report(i)
        return f"done on {threading.get_ident()}"

    task = Task(work)
    task.on_progress(lambda i: seen.append(("progress", i, threading.get_ident())))
    task.on_success(lambda v: seen.append(("ok", v, threading.get_ident())))
    task.on_failure(lambda e: seen.append(("error", e, threading.get_ident())))
    task.on_finished(lambda: seen.append(("finished", None, threading.get_ident())))
    task.start()
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert [k for k, _, _ in seen] == ["progress"] * 5 + ["ok", "finished"]
    assert [v for k, v, _ in seen if k == "progress"] == [0, 1, 2, 3, 4]
    assert all(thread == ui for _, _, thread in seen)  # every slot ran on the UI thread
    assert seen[5][1] != f"done on {ui}"  # the work itself did not


def test_failure_is_delivered_not_raised_on_the_worker(qtbot: QtBot) -> None:
    errors: list[Exception] = []

    def work(_task: Task[None]) -> None:
        raise ValueError("bad input")

    task = Task(work).on_failure(errors.append)
    task.start()
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert len(errors) == 1 and isinstance(errors[0], ValueError) and str(errors[0]) == "bad input"


def test_cancel_is_a_flag_the_work_polls(qtbot: QtBot) -> None:
    started, pause = threading.Event(), threading.Event()
    results: list[str] = []

    def work(task: Task[str]) -> str:
        started.set()
        while not task.cancelled():
            pause.wait(0.01)  # a unit of work
        return "stopped"

    task = Task(work).on_success(results.append)
    task.start()
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(task.is_finished, timeout=5000)
    assert results == ["stopped"] and task.wait(1)


def test_a_listener_that_comes_after_the_outcome_still_hears_it(qtbot: QtBot) -> None:
    task: Task[int] = Task(lambda _t: 42)
    task.start()
    assert task.wait(5)
    heard: list[int] = []
    task.on_success(heard.append)  # the worker finished before anyone listened
    qtbot.waitUntil(lambda: heard == [42], timeout=2000)
    later: list[int] = []
    task.on_success(later.append)  # and after the outcome was delivered
    qtbot.waitUntil(lambda: later == [42], timeout=2000)
    assert heard == [42]  # once each
