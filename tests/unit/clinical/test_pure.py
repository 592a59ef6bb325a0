"""The grading package stays pure: importing it loads no Qt, no KB store or rules, no database."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.paths import ROOT


def test_clinical_imports_no_kb_and_no_qt() -> None:
    code = ("import sys, desktop.clinical; "
            "print(sorted(m for m in sys.modules if m.startswith(('desktop.kb.store', 'desktop.kb.rules', 'desktop.recovery', "
            "'PySide6', 'sqlite3'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"
