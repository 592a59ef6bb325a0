"""The window: start-up vs a bare PySide6 window, keystroke-to-results latency, memory.

- start-up: `python -m desktop` (the real entry, CLI included) until its window has been shown
  and the event loop has run once (`CARTREF_EXIT_WHEN_SHOWN=1`), against a bare QMainWindow
  script started the same way; both offscreen, as whole processes, median of several runs.
- start-up in instructions: the usual start and the bare window each run once under valgrind's
  callgrind, which counts executed instructions: the same count run after run, so this
  reading of the budget does not move with the machine's speed (skipped without valgrind).
- keystroke to results: key events (with text, also Chinese) sent to the search field of a
  window on the shipped KB, timed until the results list has been refilled: debounce timer +
  search + building the list. Keys come 150 ms apart (a fast typist, 80 words a minute);
  keys closer together than search_controller.BURST_GAP_MS are merged by design.
- memory: resident set size after visiting every view and a page of each kind.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.resize(1200, 800)
w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""
# Not a floor: a reference point. The least a window with what the issue asks for on its first
# screen needs (a search field, a list, a text pane with HTML, a menu of shortcuts, a status
# line, the CJK font), with none of this program's own code: how much of the gap to the bare
# window any PySide6 program of this shape pays.
MINIMAL = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QFontDatabase, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget, QMainWindow, QSplitter, QTextBrowser, QToolBar
app = QApplication(sys.argv)
QFontDatabase.addApplicationFont(sys.argv[1])
w = QMainWindow()
w.resize(1200, 800)
bar = QToolBar(w)
field = QLineEdit(w)
field.setPlaceholderText("Search")
bar.addWidget(field)
w.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
nav = QListWidget(w)
for name in ("Home", "Therapies", "Trials", "Compare", "Safety", "Journey", "Glossary", "Centres", "Handouts", "Bookmarks"):
    nav.addItem(name)
browser = QTextBrowser(w)
browser.setHtml("<h1>CAR-T Reference</h1><p>Information, not medical advice.</p>" + "<p><a href='x'>link</a> text</p>" * 20)
split = QSplitter(Qt.Orientation.Horizontal, w)
split.addWidget(nav)
split.addWidget(browser)
w.setCentralWidget(split)
menu = w.menuBar().addMenu("&File")
for i in range(20):
    action = QAction(f"Action {i}", w)
    action.setShortcut(QKeySequence(f"Ctrl+{chr(65 + i)}"))
    menu.addAction(action)
w.statusBar().addPermanentWidget(QLabel("Knowledge base"))
w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""
TYPED = ["cytokine release syndrome", "equecabtagene", "FUCASO", "cilta-cel", "KarMMa-3", "ICANS grade",
         "leukapheresis", "lymphodepletion", "MRD", "parkinsonism", "bridging therapy", "tocilizumab",
         "细胞因子释放综合征", "神经毒性", "武汉", "cytokin", "leukaferesis", "equecabtagen", 'NEAR("x"']
RUNS = 15  # whole processes on a shared 2-core machine whose speed drifts: see startup_rows
KEY_GAP_S = 0.150


def _env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", CARTREF_HOME=home, CARTREF_EXIT_WHEN_SHOWN="1",
               QT_LOGGING_RULES="qt.qpa.*=false")
    env.pop("CARTREF_KB", None)
    # Byte-code caching on, as in an installed program or the bundle (the warm-up run writes
    # the .pyc files); this machine's shell sets PYTHONDONTWRITEBYTECODE for development.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _time_process(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=str(ROOT), capture_output=True, timeout=120, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd[-1]} exited {proc.returncode}: {proc.stderr.decode()[-300:]}")
    return elapsed


def startup_rows() -> list[dict[str, object]]:
    """Usual start (the user folder exists from an earlier run) and first start (empty folder).

    This 2-core virtual machine switches between speed states (the same process takes 190 or
    290 ms from one minute to the next), so every start of the program is paired with a bare
    window started right next to it, and the verdict is the median of those paired ratios;
    the medians of the raw times are shown beside it.
    """
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare_window.py"
        bare.write_text(BARE, encoding="utf-8")
        minimal = Path(tmp) / "minimal_window.py"
        minimal.write_text(MINIMAL, encoding="utf-8")
        font = str(ROOT / "resources" / "fonts" / "wqy-microhei.ttc")
        usual_ms, first_ms, bare_ms, minimal_ms = [], [], [], []
        usual_home = Path(tmp) / "usual"
        usual_home.mkdir()
        _time_process([sys.executable, "-m", "desktop"], _env(str(usual_home)))  # warms page cache and the folder
        _time_process([sys.executable, str(bare)], _env(tmp))
        _time_process([sys.executable, str(minimal), font], _env(tmp))
        for i in range(RUNS):  # interleaved: each start of the program has a bare window beside it
            home = Path(tmp) / f"home{i}"
            home.mkdir()
            usual_ms.append(_time_process([sys.executable, "-m", "desktop"], _env(str(usual_home))))
            bare_ms.append(_time_process([sys.executable, str(bare)], _env(str(home))))
            first_ms.append(_time_process([sys.executable, "-m", "desktop"], _env(str(home))))
            minimal_ms.append(_time_process([sys.executable, str(minimal), font], _env(str(home))))
    floor = statistics.median(bare_ms)
    rows: list[dict[str, object]] = []
    for label, samples in (("usual", usual_ms), ("first run", first_ms)):
        paired = statistics.median(s / b for s, b in zip(samples, bare_ms, strict=True))
        rows.append({"name": f"ui start-up to shown window, {label} (median; ratio = median of pairs)",
                     "value": statistics.median(samples), "unit": "ms", "budget": "1.5x floor", "floor": floor,
                     "ratio": paired, "ok": paired <= 1.5})
    rows.append({"name": "  reference: minimal window of the same shape, no app code", "value": statistics.median(minimal_ms),
                 "unit": "ms", "budget": "", "floor": floor,
                 "ratio": statistics.median(m / b for m, b in zip(minimal_ms, bare_ms, strict=True))})
    return rows


def _instructions(cmd: list[str], env: dict[str, str]) -> int | None:
    """Instructions one whole process executes, counted by valgrind (the same count run after
    run, whatever else the machine is doing); None when valgrind is not installed."""
    import re
    import shutil

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    proc = subprocess.run([valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                          env={**env, "PYTHONHASHSEED": "0"}, cwd=str(ROOT), capture_output=True, text=True,
                          timeout=600, check=False)
    found = re.search(r"Collected : (\d+)", proc.stderr)
    if proc.returncode != 0 or found is None:
        raise RuntimeError(f"valgrind {cmd[-1]}: exit {proc.returncode}: {proc.stderr[-300:]}")
    return int(found.group(1))


def instruction_rows() -> list[dict[str, object]]:
    """The usual start against the bare window in executed instructions: a second reading of
    the start-up budget that this machine's speed swings cannot move (~40 s under valgrind)."""
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare_window.py"
        bare.write_text(BARE, encoding="utf-8")
        home = Path(tmp) / "usual"
        home.mkdir()
        _time_process([sys.executable, "-m", "desktop"], _env(str(home)))  # the usual start: folder and .pyc exist
        ours = _instructions([sys.executable, "-m", "desktop"], _env(str(home)))
        fresh = Path(tmp) / "first"
        fresh.mkdir()  # the first start: no user database, settings or KB check remembered yet
        first = _instructions([sys.executable, "-m", "desktop"], _env(str(fresh)))
        floor = _instructions([sys.executable, str(bare)], _env(tmp))
    if ours is None or first is None or floor is None:
        return [{"name": "ui start-up, instructions (valgrind not installed: skipped)", "value": "", "unit": "",
                 "budget": "", "floor": ""}]
    return [{"name": f"ui start-up to shown window, {label}, instructions (callgrind)", "value": count / 1e6,
             "unit": "M instr", "budget": "1.5x floor", "floor": floor / 1e6, "ratio": count / floor,
             "ok": count / floor <= 1.5}
            for label, count in (("usual", ours), ("first run", first))]


def _pct(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def interactive_rows() -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="cartref-bench-")
    os.environ["CARTREF_HOME"] = home
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop.kb.store import open_kb
    from desktop.ui.shell.app import create_app
    from desktop.ui.shell.main_window import MainWindow
    from desktop.userdata.db import open_user_db

    app = create_app([])
    window = MainWindow(open_kb(), open_user_db())
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    field = window.search_field
    panel = window.search_panel
    done = {"n": 0}
    panel.resultsUpdated.connect(lambda _n: done.__setitem__("n", done["n"] + 1))
    samples: list[float] = []
    search_ms: list[float] = []
    for phrase in TYPED:
        field.clear()
        app.processEvents()
        for ch in phrase:
            before = done["n"]
            started = time.perf_counter()
            QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
            QApplication.sendEvent(field, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))
            deadline = started + 2.0
            while done["n"] == before and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.0005)
            samples.append((time.perf_counter() - started) * 1000)
            search_ms.append(panel.last_search_ms)
            while time.perf_counter() < started + KEY_GAP_S:
                app.processEvents()
                time.sleep(0.002)
    from desktop.ui.reader.search_controller import DEBOUNCE_MS

    rows: list[dict[str, object]] = [
        {"name": f"ui keystroke to results p95 (burst debounce {DEBOUNCE_MS} ms)", "value": _pct(samples, 95),
         "unit": "ms", "budget": 50.0, "floor": "", "ok": _pct(samples, 95) <= 50.0},
        {"name": "ui search on UI thread p95", "value": _pct(search_ms, 95), "unit": "ms", "budget": 16.0,
         "floor": "", "ok": _pct(search_ms, 95) <= 16.0},
    ]
    field.clear()
    pages = ["therapy:eque-cel", "trial:fumanba-1", "article:crs-clinician", "article:crs-patient", "glossary:bcma"]
    for key in ("home", "therapies", "trials", "compare", "safety", "journey", "glossary", "centres", "grading",
                "handouts", "bookmarks"):
        window.navigate(f"view:{key}")
        app.processEvents()
    for link in pages:
        window.navigate(link)
        app.processEvents()
    rows.append(_clinical_tab_row(app))
    window.set_language("zh-Hans")
    app.processEvents()
    rss = _rss_mb()
    rows.append({"name": "ui RSS after every view (en+zh)", "value": rss, "unit": "MB", "budget": 200.0, "floor": "",
                 "ok": rss <= 200.0})
    window.close()
    return rows


def _clinical_tab_row(app: Any) -> dict[str, object]:
    """Issue 23: each calculator answers in the window within 50 ms, its repaint included. The
    infection plan is the largest answer (a dated table of 11 lines, one reading per source)."""
    from desktop.ui.views.clinical_tools import InfectionsTab

    tab = InfectionsTab(lambda _link: None)
    tab.resize(1200, 800)
    tab.show()
    app.processEvents()
    times = []
    for i in range(40):
        tab.steroids.blockSignals(True)
        tab.steroids.setValue(i % 6)
        tab.steroids.blockSignals(False)
        started = time.perf_counter()
        tab.update_result()
        tab.repaint()
        app.processEvents()
        times.append((time.perf_counter() - started) * 1000)
    tab.close()
    p95 = _pct(times, 95)
    return {"name": "ui infection plan tab: answer + repaint p95", "value": p95, "unit": "ms", "budget": 50.0,
            "floor": "", "ok": p95 <= 50.0}


def run() -> list[dict[str, object]]:
    return startup_rows() + instruction_rows() + interactive_rows()


if __name__ == "__main__":
    for row in run():
        print(row)
