"""The one log: both writers share it, it rotates, a failed write is reported, not raised,
and stdlib logging is not loaded until something is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import log, paths
from tests.helpers.paths import ROOT


def test_a_message_and_the_exception_being_handled_are_appended(cartref_home: Path) -> None:
    assert log.log_error("first") == paths.log_dir() / log.LOG_NAME
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        path = log.log_error("cartref search crs", exc_info=True)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert text.startswith("--- ") and " ERROR " in text.splitlines()[0]
    assert text.index("first") < text.index("cartref search crs") < text.index("Traceback") < text.index("ZeroDivisionError: boom")


def test_the_log_rotates_and_keeps_a_bounded_number_of_old_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log, "MAX_BYTES", 300)
    for i in range(40):
        assert log.log_error(f"error {i:02d} " + "x" * 100) is not None
    files = sorted(p.name for p in paths.log_dir().iterdir())
    assert files == ["cartref.log", "cartref.log.1", "cartref.log.2", "cartref.log.3"]
    assert all(p.stat().st_size <= 300 for p in paths.log_dir().iterdir())
    assert "error 39" in (paths.log_dir() / "cartref.log").read_text(encoding="utf-8")


def test_a_log_that_cannot_be_written_gives_none_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    (paths.log_dir() / log.LOG_NAME).mkdir()  # the file's name is taken by a folder
    assert log.log_error("lost") is None
    assert capsys.readouterr().err == ""


def test_no_log_folder_gives_none(cartref_home: Path) -> None:
    (cartref_home / "logs").write_text("not a folder", encoding="utf-8")
    assert log.log_error("lost") is None


def test_the_cli_guard_prints_one_line_and_logs_the_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop import cli

    def broken() -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_run_self_test", broken)
    assert cli.main(["--self-test"]) == 3
    where = paths.log_dir() / log.LOG_NAME
    assert capsys.readouterr().err == f"cartref: internal error: RuntimeError: boom (details in {where})\n"
    text = where.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: boom" in text


def test_a_search_does_not_load_logging(mini_kb: Path) -> None:
    """`cartref search` has a start-up budget; logging costs ~18 M instructions."""
    code = ("import sys, desktop.cli, desktop.log\n"
            "found = desktop.cli.main(['search', 'crs'])\n"
            "sys.exit(10 + found if 'logging' in sys.modules else found)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, CARTREF_KB=str(mini_kb)),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, (done.returncode, done.stderr)
    assert done.stdout.strip(), "the search found nothing, so it did not test much"
