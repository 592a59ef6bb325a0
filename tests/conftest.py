"""Shared test set-up: offscreen Qt, a private CARTREF_HOME, small KBs, and no network."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.helpers.packs_kit import Kit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))


GUI_TESTS = Path(__file__).resolve().parent / "gui"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/gui `gui`, so `-m "not gui"` needs no Qt widgets."""
    for item in items:
        if item.path.is_relative_to(GUI_TESTS):
            item.add_marker(pytest.mark.gui)


def pytest_configure(config: pytest.Config) -> None:
    if sys.platform == "win32":
        # Under Wine (make test-windows), closing a child process's pipe handles at garbage
        # collection sometimes fails with "WinError 6: invalid handle" (Wine's console and pipe
        # handles, see scripts/windows/); pytest reports that as an unraisable-exception warning,
        # which `filterwarnings = error` would turn into an error of whichever test was running.
        config.addinivalue_line("filterwarnings", "ignore::pytest.PytestUnraisableExceptionWarning")


@pytest.fixture(autouse=True)
def cartref_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own writable state directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CARTREF_HOME", str(home))
    monkeypatch.delenv("CARTREF_KB", raising=False)
    return home


class NetworkAttempt(AssertionError):
    pass


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guard(self: socket.socket, address: object) -> None:
    if self.family in (socket.AF_INET, socket.AF_INET6):
        raise NetworkAttempt(f"the program tried to open a network connection to {address!r}")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any attempt to connect an internet socket (the program never touches the network)."""

    def connect(self: socket.socket, address: object) -> None:
        _guard(self, address)
        _real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        _guard(self, address)
        return _real_connect_ex(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield


@pytest.fixture(scope="session")
def mini_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny KB built from tests/fixtures/mini (fast, stable, independent of the real content)."""
    from desktop.content.build import build_kb

    out = tmp_path_factory.mktemp("kb") / "mini.sqlite"
    build_kb(FIXTURES / "mini", out, extra=False)
    return out


@pytest.fixture(scope="session")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    """Keys, packs v1 and v2 and a home with v1 installed, built once for every pack test.

    Tests only read it (they craft and install into their own folders), so one build serves
    the unit and e2e pack tests alike. tests/gui/views/test_pack_import.py keeps its own."""
    from tests.helpers.packs_kit import build_kit

    return build_kit(tmp_path_factory.mktemp("packkit"))


@pytest.fixture(scope="session")
def real_kb() -> Path:
    """The KB built from data/ (make builds it before the tests run)."""
    from desktop import paths

    path = paths.bundled_kb_path()
    if not path.exists():
        from desktop.content.build import build_kb

        build_kb(paths.data_dir(), path)
    return path


@pytest.fixture(autouse=True)
def flush_deleted_widgets() -> Iterator[None]:
    """Delete the widgets a test closed before the next test starts.

    Autouse fixtures are set up first, so this tears down after pytest-qt has closed the test's
    widgets (deleteLater): without the flush a closed window lives on and receives the next
    test's language or palette change while its user database is already closed.
    """
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        if QCoreApplication.instance() is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True, scope="session")
def widgets_application_first() -> Iterator[None]:
    """The first Qt application a test process makes must be a QApplication.

    The CLI's PDF writer makes a bare QGuiApplication when none exists (a command needs no
    widgets); an in-process CLI test (the fuzzer, the stream and guard tests) that ran before
    the widget tests would leave that kind behind, and pytest-qt cannot make widgets on it.
    """
    from desktop.handouts import pdf

    real = pdf.ensure_gui_app

    def ensure() -> Any:
        from PySide6.QtWidgets import QApplication

        return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "pytest"])

    pdf.ensure_gui_app = ensure  # type: ignore[assignment]
    yield
    pdf.ensure_gui_app = real  # type: ignore[assignment]
