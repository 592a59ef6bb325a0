"""Screen readers, through the real accessibility interface (issue 21, D21).

The window runs under Xvfb with the AT-SPI bus of a private D-Bus session
(QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1); tests/helpers/atspi_walk.py, run by the system python3
(pyatspi is Debian's python3-pyatspi), opens every view by selecting it in the navigation list
through the accessible Selection interface, and walks what is showing. Each view must show an
object with the role heading (access.make_heading). Any focusable control
without a name fails, in English and in Chinese (a combo box, which Qt names on Linux by the
choice it shows, must have a label: a labelled-by relation); setting a temperature on the
grading view through the accessible Value interface, and typing a search through the
EditableText interface, must each be announced (AT-SPI's Announcement event): the grade, the
number of results.

scripts/system-deps.sh installs the packages (`make test` runs it first). Missing packages skip
this test on a developer's machine; under CI (the `CI` variable set) they fail it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.helpers.paths import ROOT

SYSTEM_PYTHON = "/usr/bin/python3"
WALKER = ROOT / "tests" / "helpers" / "atspi_walk.py"


def _missing() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-run-session") if shutil.which(tool) is None]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60).returncode != 0:
        missing.append("python3-pyatspi")
    if not any(Path(p).exists() for p in ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")):
        missing.append("at-spi2-core")
    return missing


@pytest.fixture(scope="module")
def needs_atspi() -> None:
    if sys.platform != "linux":
        pytest.skip("AT-SPI is the Linux accessibility interface")
    missing = _missing()
    if missing:
        message = f"needs {', '.join(missing)} (scripts/system-deps.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _free_display() -> str:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise RuntimeError("no free X display number")


def _walk(language: str, tmp_path: Path) -> dict[str, object]:
    home = tmp_path / f"home-{language}"
    home.mkdir()
    (home / "settings.ini").write_text(f"[General]\nlanguage={language}\n", encoding="utf-8")
    display = _free_display()
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DBUS_SESSION_BUS_ADDRESS", "CARTREF_KB")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                   CARTREF_HOME=str(home), PYTHONPATH=str(ROOT),
                   ATSPI_GRADING_ROW=str(_grading_row()), TMPDIR=tempfile.gettempdir())
        proc = subprocess.run(["dbus-run-session", "--", SYSTEM_PYTHON, str(WALKER), sys.executable, str(ROOT)],
                              capture_output=True, encoding="utf-8", env=env, timeout=120, cwd=ROOT)
    finally:
        xvfb.terminate()
        xvfb.wait(10)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, f"the walker failed: {proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    result: dict[str, object] = json.loads(lines[-1])
    return result


def _grading_row() -> int:
    from desktop.ui.shell.views import FACTORIES, NAV_ORDER

    keys = [key for key in NAV_ORDER if key == "home" or key in FACTORIES]
    return keys.index("grading")


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_every_focusable_control_has_a_name_and_grades_are_announced(needs_atspi: None, tmp_path: Path, language: str) -> None:
    result = _walk(language, tmp_path)
    views = result["views"]
    assert isinstance(views, list) and len(views) >= 14, views
    for label, title, heading in views:
        assert title.startswith(label), f"selecting {label!r} through AT-SPI did not open it (window: {title!r})"
        assert heading, f"{label}: no object with the role heading (a reader's 'next heading' key finds nothing)"
    assert result["unnamed"] == [], "focusable controls a screen reader cannot name:\n" + "\n".join(
        " ".join(u) for u in result["unnamed"])  # type: ignore[union-attr]
    announced = result["announced"]
    assert isinstance(announced, dict) and "error" not in announced, announced
    events = announced["events"]
    grade = "CRS grade 1" if language == "en" else "CRS 1 级"
    assert any(kind == "object:announcement" and grade in text for kind, _source, text in events), events
    search = result["search"]
    assert isinstance(search, dict) and "error" not in search, search
    count_said = [text for kind, _source, text in search["events"] if kind == "object:announcement"]
    assert any(any(ch.isdigit() for ch in text) for text in count_said), search  # "29 results" / "共 29 条结果"
    assert float(str(result["seconds"])) < 30
