"""The last guard tells the machine's and the input's failures from the program's (F13, F16, F22)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from desktop import cli


def _sqlite(code: int, text: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(text)
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(("exc", "words"), [
    (_sqlite(sqlite3.SQLITE_FULL, "database or disk is full"), "the disk is full"),
    (_sqlite(sqlite3.SQLITE_READONLY, "attempt to write a readonly database"), "cannot be written"),
    (_sqlite(sqlite3.SQLITE_BUSY, "database is locked"), "in use by another program"),
    (json.JSONDecodeError("Expecting value", "{bad", 1), "damaged value"),
    (RecursionError("maximum recursion depth exceeded"), "damaged value"),
    (UnicodeEncodeError("utf-8", "\udcff", 0, 1, "surrogates not allowed"), "not valid text"),
])
def test_known_failures_are_one_line_exit_2(exc: BaseException, words: str, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.commands import grade

    def fails(_args: object) -> int:
        raise exc

    monkeypatch.setattr(grade, "run_crs", fails)
    assert cli.main(["grade", "crs", "--temp", "39", "--hypotension", "none", "--oxygen", "none"]) == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "internal error" not in err


def test_a_real_bug_is_still_exit_3(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.commands import grade

    def fails(_args: object) -> int:
        raise _sqlite(sqlite3.SQLITE_ERROR, "no such column: x")

    monkeypatch.setattr(grade, "run_crs", fails)
    assert cli.main(["grade", "crs", "--temp", "39", "--hypotension", "none", "--oxygen", "none"]) == 3
    assert "internal error" in capsys.readouterr().err


def test_a_nul_in_any_argument_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "a\0b"]) == 2
    assert "NUL" in capsys.readouterr().err
