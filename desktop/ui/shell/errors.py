"""The global exception hook: an unexpected error becomes a dialog, never a dead window.

The traceback goes to `log_dir()/cartref.log`; the user sees one short sentence with a
"Copy details" button (for a bug report). The window stays usable because the hook returns
to the event loop instead of letting the error escape.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from desktop.errors import CartrefError
from desktop.log import LOG_NAME as LOG_NAME  # re-exported: where the hook writes
from desktop.log import log_error  # cheap: stdlib logging is only loaded on a write

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from types import TracebackType

    from PySide6.QtWidgets import QWidget

def write_log(text: str) -> Path | None:
    """Append a block to the log; None when even that fails (disk full, read-only home)."""
    return log_error(text)


def short_message(exc: BaseException) -> str:
    if isinstance(exc, CartrefError):
        return str(exc)
    return QCoreApplication.translate("ErrorDialog", "Something went wrong: {0}. The program is still running; the details were saved to the log.").format(
        type(exc).__name__
    )


def show_error_dialog(parent: QWidget | None, message: str, details: str) -> None:
    """A modal message with the details hidden and a button that copies them."""
    # Imported here: dialog classes cost start-up (PySide6 builds their enums on first use).
    from PySide6.QtWidgets import QMessageBox, QPushButton

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDialog", "Unexpected error"))
    box.setText(message)
    box.setDetailedText(details)
    copy = QPushButton(QCoreApplication.translate("ErrorDialog", "Copy details"), box)
    copy.setAccessibleName(copy.text())
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    # A message box closes on any button; reopen it after copying so the user can still read.
    while True:
        box.exec()
        if box.clickedButton() is not copy:
            break
        QApplication.clipboard().setText(details)


class ExceptionHook:
    """Callable installed as `sys.excepthook`; re-entrant errors only go to the log."""

    def __init__(self, parent: Callable[[], QWidget | None] | None = None) -> None:
        self._parent = parent
        self._busy = False
        self._previous = sys.excepthook
        self.last_log: Path | None = None

    def install(self) -> ExceptionHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        self.last_log = write_log(details)
        if self._busy or QApplication.instance() is None:
            sys.stderr.write(details)
            return
        self._busy = True
        try:
            message = short_message(exc)
            if self.last_log is not None:
                details = f"{details}\n(log: {self.last_log})"
            parent = self._parent() if self._parent else None
            # Looked up at call time so tests can replace the dialog.
            sys.modules[__name__].show_error_dialog(parent, message, details)
        finally:
            self._busy = False
