""""Import update…": choose a pack, show what it is and who signed it, apply it on a worker
thread with a progress bar and Cancel, then say plainly what happened.

The window calls `import_pack(parent, path)` from its menu and on drag-and-drop; it notices the
new KB itself (it watches the installed KB folder). All checking and installing is done by
`desktop.packs`; this module only asks, shows progress and reports.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import CartrefError
from desktop.kb.text import normalise_lang
from desktop.packs.apply import ApplyResult, apply_pack, inspect_for_apply, installed_pack_version
from desktop.packs.archive import PackInfo
from desktop.packs.errors import PackProblem
from desktop.ui.shell.i18n import format_date
from desktop.ui.shell.tasks import Task

PACK_FILTER_SUFFIXES = ("*.cartpack", "*.zip")
_STAGE_SPAN = {"check": (0, 60), "build": (60, 92), "install": (92, 100)}


def _lang_of(parent: QWidget | None, lang: str | None) -> str:
    """The UI language: given, else the main window's `lang`, else English."""
    if lang is None and parent is not None:
        lang = getattr(parent.window(), "lang", None) or getattr(parent, "lang", None)
    return normalise_lang(lang if isinstance(lang, str) else None)


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MiB"


def refusal_text(reason: str) -> str:
    """The translated sentence for a refusal reason (the packs layer speaks English only)."""

    translate = QCoreApplication.translate  # with the context string written out, for lupdate
    texts = {
        "corrupt": translate("PackRefusal", "The file is damaged or incomplete. Copy it again and retry."),
        "unsafe-path": translate("PackRefusal", "The pack contains an unsafe file name, so it was not applied."),
        "link": translate("PackRefusal", "The pack contains a link or special file, so it was not applied."),
        "too-large": translate("PackRefusal", "The pack is far too large to be a content update, so it was not applied."),
        "unsigned": translate("PackRefusal", "This file is not a signed content update."),
        "bad-signature": translate("PackRefusal", "The pack was changed after it was signed, so it was not applied."),
        "unknown-signer": translate("PackRefusal", "The pack is signed by a key this program does not trust, so it was not applied."),
        "bad-manifest": translate("PackRefusal", "The pack's description is not valid, so it was not applied."),
        "format": translate("PackRefusal", "This pack needs a newer version of the program."),
        "schema": translate("PackRefusal", "This pack needs a different version of the program's knowledge base."),
        "downgrade": translate("PackRefusal", "This pack is not newer than the installed one."),
        "hash-mismatch": translate("PackRefusal", "A file in the pack does not match its signed description, so it was not applied."),
        "content": translate("PackRefusal", "The pack's content fails the knowledge-base checks, so it was not applied."),
        "disk-full": translate("PackRefusal", "There is not enough free disk space to apply the update."),
        "io": translate("PackRefusal", "The update could not be applied."),
        "cancelled": translate("PackRefusal", "The update was cancelled."),
        "not-found": translate("PackRefusal", "The file could not be found."),
        "expired": translate("PackRefusal", "This content update has expired; a newer one may exist, so it was not applied."),
        "revoked": translate("PackRefusal", "The pack is signed by a key that was revoked, so it was not applied."),
        "changed": translate("PackRefusal", "The pack file changed while it was being applied (was the stick removed?), so it was not applied."),
    }
    return texts.get(reason, translate("PackRefusal", "The update could not be applied."))


class PackSummaryDialog(QDialog):
    """What the pack is and who signed it, before anything changes."""

    def __init__(self, info: PackInfo, installed_version: str | None, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packSummary")
        self.setWindowTitle(self.tr("Import content update"))
        self.setMinimumWidth(520)
        m = info.manifest
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Apply this content update?"))
        heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        layout.addWidget(heading)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        current = installed_version or self.tr("the knowledge base shipped with the program")
        self.version_label = QLabel(self.tr("{0} (installed now: {1})").format(m.pack_version, current))
        form.addRow(self.tr("Version:"), self.version_label)
        form.addRow(self.tr("Released:"), QLabel(format_date(m.release_date, lang)))
        form.addRow(self.tr("Content:"), QLabel(self.tr("knowledge base {0}, content date {1}; {2} files, {3}").format(m.kb_version, format_date(m.content_date, lang), len(m.files), _size(m.total_size))))
        origin = self.tr("project release key") if info.signer.origin == "bundled" else self.tr("a key you chose to trust")
        signer = QLabel(self.tr("{0} ({1})").format(info.signer.name, origin))
        form.addRow(self.tr("Signed by:"), signer)
        fp = QLabel(info.signer.fingerprint)
        fp.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fp.setStyleSheet("font-family: monospace;")
        form.addRow(self.tr("Key fingerprint:"), fp)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What changed:")))
        self.changelog = QPlainTextEdit(m.changelog_for(lang) or self.tr("(no description of the changes was given)"))
        self.changelog.setReadOnly(True)
        self.changelog.setMaximumHeight(110)
        layout.addWidget(self.changelog)
        note = QLabel(self.tr("The signature is valid. Every file is checked against it before anything is installed, and the knowledge base in use now is kept, so the update can be rolled back."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = QPushButton(self.tr("Apply update"))
        self.apply_button.setDefault(True)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PackProgressDialog(QDialog):
    """A progress bar and Cancel while the worker checks, builds and installs."""

    def __init__(self, path: str, allow_downgrade: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("packProgress")
        self.setWindowTitle(self.tr("Applying content update"))
        self.setMinimumWidth(420)
        self.result_value: Any = None
        layout = QVBoxLayout(self)
        self.stage_label = QLabel(self.tr("Checking the signature and every file…"))
        layout.addWidget(self.stage_label)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        layout.addWidget(self.bar)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(buttons)
        self.path = path
        self.allow_downgrade = allow_downgrade
        self.task: Task[ApplyResult] = Task(self._apply, name="pack-apply", parent=self)
        self.task.on_progress(self._on_progress)
        self.task.on_success(self._on_done)
        self.task.on_failure(self._on_done)  # the CartrefError / Exception that stopped it

    def _apply(self, task: Task[ApplyResult]) -> ApplyResult:
        """On the worker thread; Cancel is a flag apply_pack polls."""
        return apply_pack(Path(self.path), allow_downgrade=self.allow_downgrade,
                          progress=lambda stage, f: task.report((stage, f)), cancel=task.cancelled)

    def start(self) -> None:
        self.task.start()

    def cancel(self) -> None:
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.stage_label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:
        """Escape or closing the window means Cancel; the dialog waits for the worker to stop."""
        if not self.task.is_finished():
            self.cancel()
            return
        super().reject()

    def _on_progress(self, progress: tuple[str, float]) -> None:
        stage, fraction = progress
        low, high = _STAGE_SPAN.get(stage, (0, 100))
        self.bar.setValue(int(low + (high - low) * max(0.0, min(1.0, fraction))))
        if self.task.cancelled():
            return
        labels = {
            "check": self.tr("Checking the signature and every file…"),
            "build": self.tr("Building the new knowledge base…"),
            "install": self.tr("Installing…"),
        }
        self.stage_label.setText(labels.get(stage, ""))
        if stage == "install":
            self.cancel_button.setEnabled(False)  # the swap is one atomic step; too late to cancel

    def _on_done(self, result: ApplyResult | Exception) -> None:
        self.result_value = result
        self.task.wait()
        self.done(QDialog.DialogCode.Accepted if isinstance(result, ApplyResult) else QDialog.DialogCode.Rejected)


def _error_box(parent: QWidget | None, exc: BaseException) -> None:
    reason = exc.reason if isinstance(exc, PackProblem) else "io"
    box = QMessageBox(QMessageBox.Icon.Information if reason == "cancelled" else QMessageBox.Icon.Warning, QCoreApplication.translate("PackImport", "Content update not applied"), refusal_text(reason), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("packResult")
    detail = str(exc) if isinstance(exc, CartrefError) else f"{type(exc).__name__}: {exc}"
    box.setInformativeText(QCoreApplication.translate("PackImport", "{0}\n\nThe knowledge base in use is unchanged.").format(detail))
    box.exec()
    box.deleteLater()


def import_pack(parent: QWidget, path: str | None, *, lang: str | None = None) -> bool:
    """The whole import: file dialog (when path is None), summary, progress, result. True = applied."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("PackImport", "Import content update"), "", QCoreApplication.translate("PackImport", "Content updates ({0});;All files (*)").format(" ".join(PACK_FILTER_SUFFIXES)))
        if not path:
            return False
    language = _lang_of(parent, lang)
    allow_downgrade = False
    try:
        info = inspect_for_apply(Path(path))
    except PackProblem as exc:
        if exc.reason != "downgrade":
            _error_box(parent, exc)
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("PackImport", "Older content update"),
            QCoreApplication.translate("PackImport", "{0}\n\nInstall it anyway? You can roll back afterwards.").format(refusal_text("downgrade")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setObjectName("packDowngrade")
        box.setInformativeText(str(exc))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.exec()
        yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
        box.deleteLater()
        if not yes:
            return False
        allow_downgrade = True
        try:
            info = inspect_for_apply(Path(path), allow_downgrade=True)
        except CartrefError as again:
            _error_box(parent, again)
            return False
    except CartrefError as exc:
        _error_box(parent, exc)
        return False
    summary = PackSummaryDialog(info, installed_pack_version(), language, parent)
    accepted = summary.exec() == QDialog.DialogCode.Accepted
    summary.deleteLater()
    if not accepted:
        return False
    progress = PackProgressDialog(path, allow_downgrade, parent)
    progress.start()
    progress.exec()
    result = progress.result_value
    progress.deleteLater()
    if not isinstance(result, ApplyResult):
        _error_box(parent, result if isinstance(result, BaseException) else RuntimeError(str(result)))
        return False
    m = result.info.manifest
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("PackImport", "Content update applied"), QCoreApplication.translate("PackImport", "The knowledge base is now version {0} (released {1}).").format(m.pack_version, m.release_date), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("packResult")
    box.setInformativeText(QCoreApplication.translate("PackImport", "The previous knowledge base was kept, so this update can be rolled back."))
    box.exec()
    box.deleteLater()
    return True
