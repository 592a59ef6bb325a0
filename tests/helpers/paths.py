"""Where the repository, the test fixtures and the mini content tree are, for every suite."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"
SHOTS = ROOT / "docs" / "screenshots"
