"""Offline feedback dialogs: report a problem with a page; view, clear and export what is kept.

Feedback stays in the user database until the user exports it to a file; nothing is sent.
The connection is the one the AppContext holds (the window passes it): with the temporary
database start-up falls back to, feedback goes where everything else goes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import CartrefError
from desktop.userdata import feedback
from desktop.userdata.db import classify


class ReportProblemDialog(QDialog):
    """Page id + KB version + the user's text, saved locally on Save."""

    saved = Signal(int)

    def __init__(self, page_id: str, kb_version: str, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.page_id = page_id
        self.kb_version = kb_version
        self.setWindowTitle(self.tr("Report a problem with this page"))
        info = QLabel(self.tr("Page: %1 · Knowledge base %2").replace("%1", page_id).replace("%2", kb_version))
        info.setWordWrap(True)
        explain = QLabel(self.tr("Your note is kept on this computer only. Use “Export feedback…” to copy all notes to a file for the content team."))
        explain.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What is wrong or missing on this page?"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.text, 1)
        layout.addWidget(explain)
        layout.addWidget(self.buttons)
        self.resize(460, 300)

    def _save(self) -> None:
        try:
            new_id = feedback.record_page_problem(self._conn, self.page_id, self.text.toPlainText(), self.kb_version)
        except CartrefError as exc:
            QMessageBox.information(self, self.windowTitle(), str(exc))
            return
        except sqlite3.Error as exc:  # locked, full disk, read-only: the dialog stays, the text is kept
            QMessageBox.warning(self, self.windowTitle(), self.tr("Not saved: {0}").format(classify(exc)))
            return
        self.saved.emit(new_id)
        self.accept()


class FeedbackDialog(QDialog):
    """What is kept: list it, export it to one file, or clear it."""

    def __init__(self, conn: sqlite3.Connection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self.setWindowTitle(self.tr("Kept feedback"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("Page or search"), self.tr("Note"), self.tr("KB")])
        self.export_button = QPushButton(self.tr("Export to file…"))
        self.clear_button = QPushButton(self.tr("Clear all"))
        close = QPushButton(self.tr("Close"))
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.export_button.clicked.connect(self.export_interactive)
        self.clear_button.clicked.connect(self.clear_interactive)
        close.clicked.connect(self.accept)
        self.resize(640, 380)
        self.reload()

    def reload(self) -> None:
        items = feedback.list(self._conn)
        self.tree.clear()
        kinds = {"no-results": self.tr("Search found nothing"), "page-problem": self.tr("Problem with a page")}
        for i in items:
            self.tree.addTopLevelItem(QTreeWidgetItem([i.created_at[:16].replace("T", " "), kinds.get(i.kind, i.kind), i.page_id or i.query, i.text, i.kb_version]))
        self.summary.setText(
            self.tr("%n item(s) kept on this computer. Nothing is sent anywhere; export them to a file to pass them on.", "", len(items))
        )
        self.export_button.setEnabled(bool(items))
        self.clear_button.setEnabled(bool(items))

    def export_to(self, path: Path) -> int:
        return feedback.export_feedback(self._conn, path)

    def export_interactive(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export feedback"), "cartref-feedback.json", "JSON (*.json)")
        if not name:
            return
        try:
            count = self.export_to(Path(name))
        except (CartrefError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export feedback"), str(exc))
            return
        except sqlite3.Error as exc:
            QMessageBox.warning(self, self.tr("Export feedback"), str(classify(exc)))
            return
        QMessageBox.information(self, self.tr("Export feedback"), self.tr("%n item(s) written to the file.", "", count))

    def clear_now(self) -> int:
        removed = feedback.clear(self._conn)
        self.reload()
        return removed

    def clear_interactive(self) -> None:
        answer = QMessageBox.question(self, self.tr("Clear all"), self.tr("Forget all kept feedback on this computer?"))
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.clear_now()
            except sqlite3.Error as exc:
                QMessageBox.warning(self, self.tr("Clear all"), self.tr("Not cleared: {0}").format(classify(exc)))
