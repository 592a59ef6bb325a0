"""The CLI's output is UTF-8 whatever stdout is (Windows pipes use the ANSI code page)."""

from __future__ import annotations

import io
import os
import sys

import pytest

from desktop import cli


def _ansi_stream() -> io.TextIOWrapper:
    """What Windows Python gives a piped stdout on a Western-European system."""
    return io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="strict")


def test_ansi_code_page_streams_become_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    out, err = _ansi_stream(), _ansi_stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(UnicodeEncodeError):
        print("骨髓瘤")  # the failure seen on Windows: cp1252 has no CJK
    cli._utf8_streams()
    print("骨髓瘤 …")
    print("错误", file=sys.stderr)
    out.flush()
    err.flush()
    # (newlines as the platform writes them: \r\n on Windows)
    assert out.buffer.getvalue().decode("utf-8").endswith("骨髓瘤 …" + os.linesep)  # type: ignore[attr-defined]
    assert err.buffer.getvalue().decode("utf-8") == "错误" + os.linesep  # type: ignore[attr-defined]


def test_streams_that_cannot_be_reconfigured_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = io.StringIO()
    monkeypatch.setattr(sys, "stdout", plain)
    monkeypatch.setattr(sys, "stderr", None)  # a windowed program has no console at all
    cli._utf8_streams()
    assert sys.stdout is plain


def test_main_switches_to_utf8_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _ansi_stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.main(["--version"]) == 0
    assert out.encoding.lower().replace("-", "") == "utf8"


def test_a_program_without_console_gets_null_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(SystemExit) as stop:  # bad usage: the one-line error goes nowhere, quietly
        cli.main(["show", "nonsense-kind", "x"])
    assert stop.value.code == 2
    assert sys.stdout is not None and sys.stderr is not None
    sys.stdout.close()
    sys.stderr.close()
