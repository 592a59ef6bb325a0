"""Running `cartref` as a user does, in a child process, and reading its one-line errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.paths import ROOT


def run(*args: str, kb: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m desktop ARGS` from the project root, on `kb` when given (CARTREF_KB)."""
    env = dict(os.environ)
    if kb is not None:
        env["CARTREF_KB"] = str(kb)
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, encoding="utf-8",
                          env=env, cwd=ROOT, timeout=timeout)


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The error a user reads: exactly one line on stderr, never a traceback."""
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]
