"""Handouts view: pick a handout, fill the form, see the pages, print, preview or save a PDF.

The preview shows the real pages (the same painter as the PDF). Patient details live only in
the form; a site preset (centre, phones, logo) is saved in the user database when asked.
Batches and many copies run on a worker thread (ui.shell.tasks) with a progress bar and a cancel button.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPixmap, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import CartrefError
from desktop.handouts import catalog
from desktop.handouts.batch import Job, all_jobs, run_jobs
from desktop.handouts.pdf import HandoutDocument, layout
from desktop.handouts.render import Options, Personal, parse_date
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import normalise_lang
from desktop.recovery.plan import Dates, Plan, plan_for
from desktop.ui.shell.requests import HandoutRequest, PrintCalendar, UseCentre
from desktop.ui.shell.tasks import Task

PREVIEW_DPI = 56.0


class HandoutsView(QWidget):
    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None, *,
                 user_db: sqlite3.Connection | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.lang = "en"
        self._user_db = user_db  # the AppContext's; without one there are no site presets
        self.logo: bytes | None = None
        self.document: HandoutDocument | None = None
        self.worker: Task[list[Path]] | None = None
        self.written: list[Path] = []
        self._plan: Plan | None = None
        """The plan last shown: kept while the form's dates and jurisdiction are unchanged."""
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh_preview)
        self._fill_choices()
        self._relabel()
        self._schedule()

    # -- construction ------------------------------------------------------------------
    def _build(self) -> None:
        self.template = QComboBox()
        self.language = QComboBox()
        self.paper = QComboBox()
        self.large = QCheckBox()
        self.patient = QLineEdit()
        self.infusion = QLineEdit()
        self.infusion.setPlaceholderText("YYYY-MM-DD")
        self.leukapheresis = QLineEdit()
        self.leukapheresis.setPlaceholderText("YYYY-MM-DD")
        self.jurisdiction = QComboBox()
        self.center = QComboBox()
        self.phones = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.preset = QComboBox()
        self.preset.setEditable(True)
        self.save_preset_btn = QPushButton()
        self.load_preset_btn = QPushButton()
        self.logo_btn = QPushButton()
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(12)]
        for label, field in zip(self._labels, (self.template, self.language, self.paper, self.large, self.patient,
                                                self.infusion, self.leukapheresis, self.jurisdiction, self.center,
                                                self.phones, self.note, self.preset), strict=True):
            self.form.addRow(label, field)
        preset_row = QHBoxLayout()
        for b in (self.load_preset_btn, self.save_preset_btn, self.logo_btn):
            preset_row.addWidget(b)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview_btn = QPushButton()
        self.print_btn = QPushButton()
        self.pdf_btn = QPushButton()
        self.copies = QSpinBox()
        self.copies.setRange(1, 500)
        self.all_box = QCheckBox()
        self.batch_btn = QPushButton()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_btn = QPushButton()
        self.cancel_btn.setVisible(False)
        actions = QHBoxLayout()
        for b in (self.preview_btn, self.print_btn, self.pdf_btn):
            actions.addWidget(b)
        batch = QHBoxLayout()
        self.copies_label = QLabel()
        for w in (self.copies_label, self.copies, self.all_box, self.batch_btn):
            batch.addWidget(w)
        run = QHBoxLayout()
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel_btn)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addLayout(self.form)
        lv.addLayout(preset_row)
        lv.addLayout(actions)
        lv.addLayout(batch)
        lv.addLayout(run)
        lv.addWidget(self.status)
        lv.addStretch(1)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.pages)
        self.preview_area.setStyleSheet("QScrollArea { background: #8a8f96; }")
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview_area)
        left.setMaximumWidth(520)  # the form needs little room; the page preview gets the rest
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([440, 800])
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        for combo in (self.template, self.language, self.paper, self.center, self.jurisdiction):
            combo.currentIndexChanged.connect(self._schedule)
        self.large.toggled.connect(self._schedule)
        for line in (self.patient, self.infusion, self.leukapheresis, self.phones):
            line.textChanged.connect(self._schedule)
        self.note.textChanged.connect(self._schedule)
        self.preview_btn.clicked.connect(self.open_print_preview)
        self.print_btn.clicked.connect(self.print_dialog)
        self.pdf_btn.clicked.connect(self.save_pdf_dialog)
        self.batch_btn.clicked.connect(self.batch_dialog)
        self.cancel_btn.clicked.connect(self.cancel_batch)
        self.save_preset_btn.clicked.connect(self.save_preset)
        self.load_preset_btn.clicked.connect(self.load_preset)
        self.logo_btn.clicked.connect(self.choose_logo)

    def _fill_choices(self) -> None:
        current = self.center.currentData()
        self.center.blockSignals(True)
        self.center.clear()
        self.center.addItem("—", "")
        for c in self.kb.centers():
            self.center.addItem(f"{c.name(self.lang)} ({c.city})" if c.city else c.name(self.lang), c.id)
        if current:
            self.set_center(current)
        self.center.blockSignals(False)
        self._fill_jurisdictions()
        self._reload_presets()

    def _fill_jurisdictions(self) -> None:
        """The KB's rule regions; the first entry follows the product's own (China for eque-cel)."""
        from desktop.recovery.plan import default_jurisdiction, jurisdictions

        keep = self.jurisdiction.currentData()
        self.jurisdiction.blockSignals(True)
        self.jurisdiction.clear()
        default = default_jurisdiction(self.kb)
        for region in jurisdictions(self.kb):
            label = region.name(self.lang) + (self.tr(" (product default)") if region.id == default else "")
            self.jurisdiction.addItem(label, region.id)
        index = self.jurisdiction.findData(keep or default)
        self.jurisdiction.setCurrentIndex(max(index, 0))
        self.jurisdiction.blockSignals(False)

    def _relabel(self) -> None:
        zh = self.lang.startswith("zh")
        for combo, items in (
            (self.template, [(h.title(self.lang), h.name) for h in catalog.HANDOUTS]),
            (self.language, [("English", "en"), ("简体中文", "zh-Hans")]),
            (self.paper, [("A4", "a4"), ("US Letter", "letter")]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            if keep is not None:
                combo.setCurrentIndex(max(0, combo.findData(keep)))
            elif combo is self.language:
                combo.setCurrentIndex(1 if zh else 0)
            combo.blockSignals(False)
        texts = [self.tr("Handout"), self.tr("Language"), self.tr("Paper"), self.tr("Large print"), self.tr("Patient name"),
                 self.tr("Infusion date"), self.tr("Leukapheresis date"), self.tr("Rules of"), self.tr("Treating centre"), self.tr("Care-team phones"), self.tr("Note"),
                 self.tr("Site preset")]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.large.setText(self.tr("body text 16 pt or more"))
        self.phones.setPlaceholderText(self.tr("24-hour number first; separate with ;"))
        self.patient.setPlaceholderText(self.tr("printed only, not saved"))
        self.leukapheresis.setPlaceholderText(self.tr("YYYY-MM-DD (optional, recovery calendar)"))
        self.save_preset_btn.setText(self.tr("Save site preset"))
        self.load_preset_btn.setText(self.tr("Load preset"))
        self.logo_btn.setText(self.tr("Logo…") if self.logo is None else self.tr("Logo ✓"))
        self.preview_btn.setText(self.tr("Print preview…"))
        self.print_btn.setText(self.tr("Print…"))
        self.pdf_btn.setText(self.tr("Save PDF…"))
        self.copies_label.setText(self.tr("Copies"))
        self.all_box.setText(self.tr("all handouts, both languages"))
        self.batch_btn.setText(self.tr("Batch to folder…"))
        self.cancel_btn.setText(self.tr("Cancel"))

    # -- contract --------------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._plan = None
        self._fill_choices()
        self._schedule()

    def set_language(self, lang: str) -> None:
        self.lang = normalise_lang(lang)
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(self.lang)))
        self.language.blockSignals(False)
        self._relabel()
        self._fill_choices()
        self._schedule()

    def show_template(self, request: PrintCalendar) -> None:
        """Select the request's handout and show it for the request's plan (the calendar view's "Print…").

        The form shows the plan's dates and jurisdiction; the plan itself is printed as it came,
        until a date or the jurisdiction is changed in the form.
        """
        index = self.template.findData(request.handout)
        if index < 0:
            self.status.setText(self.tr("Unknown handout: %1").replace("%1", request.handout))
            return
        plan = request.plan
        self.template.setCurrentIndex(index)
        self.infusion.setText(plan.infusion.isoformat() if plan.infusion else "")
        self.leukapheresis.setText(plan.leukapheresis.isoformat() if plan.leukapheresis else "")
        if plan.jurisdiction:
            found = self.jurisdiction.findData(plan.jurisdiction)
            if found >= 0:
                self.jurisdiction.setCurrentIndex(found)
        if request.lang:
            self.language.setCurrentIndex(max(0, self.language.findData(normalise_lang(request.lang))))
        self._plan = plan
        self._timer.stop()
        self.refresh_preview()

    def take_request(self, request: HandoutRequest) -> None:
        """What another view asked for through the AppContext (`handoutRequested`)."""
        if isinstance(request, UseCentre):
            self.set_center(request.center_id)
        elif isinstance(request, PrintCalendar):
            self.show_template(request)

    def set_center(self, center_id: str) -> None:
        index = self.center.findData(center_id)
        if index >= 0:
            self.center.setCurrentIndex(index)

    # -- form --------------------------------------------------------------------------
    def personal(self) -> Personal:
        """The typed details; raises UserInputError (one line) on a bad date."""
        text = self.infusion.text().strip()
        leuk = self.leukapheresis.text().strip()
        return Personal(
            patient=self.patient.text(),
            infusion_date=parse_date(text) if text else None,
            center_id=str(self.center.currentData() or ""),
            phones=tuple(p.strip() for p in self.phones.text().split(";") if p.strip()),
            note=self.note.toPlainText(),
            logo=self.logo,
            leukapheresis_date=parse_date(leuk) if leuk else None,
            jurisdiction=str(self.jurisdiction.currentData() or ""),
        )

    def plan(self, personal: Personal) -> Plan:
        """The recovery plan for the form's dates: computed when they change, else the one shown."""
        asked = Dates(personal.infusion_date, personal.leukapheresis_date, personal.jurisdiction.strip())
        if self._plan is None or self._plan.inputs() != asked:
            self._plan = plan_for(self.kb, asked)
        return self._plan

    def options(self) -> Options:
        return Options(lang=str(self.language.currentData() or "en"), paper=str(self.paper.currentData() or "a4"),
                       large_print=self.large.isChecked())

    def handout_name(self) -> str:
        return str(self.template.currentData() or catalog.names()[0])

    def _schedule(self) -> None:
        self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the view is shown, show the default handout rather than an empty pane."""
        super().showEvent(event)
        if self.document is None and not self._timer.isActive():
            self._timer.start()

    def refresh_preview(self) -> None:
        """Lay the handout out and show its pages (the same painter as the PDF)."""
        try:
            personal = self.personal()
            self.document = layout(self.kb, self.handout_name(), self.plan(personal), self.options(), personal)
        except CartrefError as exc:
            self.status.setText(str(exc))
            return
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for i in range(self.document.page_count):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(self.document.page_image(i, PREVIEW_DPI)))
            self.pages_layout.addWidget(label)
        missing = self.document.rendered.missing
        pages = self.tr("%n page(s)", "", self.document.page_count)
        self.status.setText(pages + (" · " + self.tr("not in the knowledge base yet: ") + ", ".join(missing) if missing else ""))

    # -- outputs -----------------------------------------------------------------------
    def save_pdf(self, path: Path) -> Path:
        if self.document is None or self._timer.isActive():
            self._timer.stop()
            self.refresh_preview()
        if self.document is None:
            raise CartrefError(self.status.text())
        return self.document.write_pdf(path)

    def save_pdf_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), f"{self.handout_name()}.pdf", "PDF (*.pdf)")
        if name:
            try:
                self.save_pdf(Path(name))
                self.status.setText(self.tr("Saved %1").replace("%1", name))
            except CartrefError as exc:
                QMessageBox.warning(self, self.tr("Save PDF"), str(exc))

    def _printer(self) -> QPrinter:
        return QPrinter(QPrinter.PrinterMode.HighResolution)

    def open_print_preview(self) -> None:
        self.refresh_preview()
        if self.document is None:
            return
        dialog = QPrintPreviewDialog(self._printer(), self)
        document = self.document
        dialog.paintRequested.connect(lambda printer: document.print_to(printer, self.copies.value()))
        dialog.exec()

    def print_dialog(self) -> None:
        self.refresh_preview()
        if self.document is None:
            return
        printer = self._printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            try:
                self.document.print_to(printer, self.copies.value())
            except CartrefError as exc:
                QMessageBox.warning(self, self.tr("Print"), str(exc))

    # -- batch -------------------------------------------------------------------------
    def batch_jobs(self, folder: Path) -> list[Job]:
        personal, options = self.personal(), self.options()
        plan = self.plan(personal)
        jobs = all_jobs(folder, personal, plan, options) if self.all_box.isChecked() else []
        base = jobs or [Job(self.handout_name(), personal, plan, options, folder / f"{self.handout_name()}.pdf")]
        copies = self.copies.value()
        if copies == 1:
            return base
        return [Job(j.name, j.personal, j.plan, j.options, j.out.with_name(f"{j.out.stem}-{n:03d}.pdf")) for j in base for n in range(1, copies + 1)]

    def start_batch(self, folder: Path) -> Task[list[Path]]:
        """Write the PDFs on a worker thread; `cancel_batch()` stops between handouts."""
        jobs = self.batch_jobs(folder)
        kb = self.kb
        self.worker = Task(lambda task: run_jobs(kb, jobs, lambda i, _n, _job: task.report(i), task.cancelled),
                           name="handouts-batch", parent=self)
        self.written = []
        self.progress.setRange(0, len(jobs))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_btn.setVisible(True)
        self.batch_btn.setEnabled(False)
        self.worker.on_progress(self.progress.setValue)
        self.worker.on_success(self._batch_written)
        self.worker.on_failure(self._batch_failed)
        self.worker.on_finished(self._batch_done)
        return self.worker.start()

    def _batch_written(self, written: list[Path]) -> None:
        self.written = written

    def _batch_failed(self, exc: Exception) -> None:
        if not isinstance(exc, CartrefError):
            raise exc  # a bug: the exception hook shows it
        self.status.setText(str(exc))

    def batch_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"))
        if folder:
            try:
                self.start_batch(Path(folder))
            except CartrefError as exc:
                QMessageBox.warning(self, self.tr("Batch"), str(exc))

    def cancel_batch(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _batch_done(self) -> None:
        self.progress.setVisible(False)
        self.cancel_btn.setVisible(False)
        self.batch_btn.setEnabled(True)
        if self.worker is not None:
            self.status.setText(self.tr("%n PDF(s) written", "", len(self.written)))

    # -- presets -----------------------------------------------------------------------
    def _reload_presets(self) -> None:
        from desktop.userdata import presets

        for widget in (self.preset, self.save_preset_btn, self.load_preset_btn):
            widget.setEnabled(self._user_db is not None)
        try:
            names = [p.name for p in presets.list_all(self._user_db)] if self._user_db is not None else []
        except Exception:  # the view still prints when the user database is unavailable
            names = []
        keep = self.preset.currentText()
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItems(names)
        self.preset.setEditText(keep)
        self.preset.blockSignals(False)

    def save_preset(self) -> None:
        """Save centre, phones and logo under the preset name (never the patient's details)."""
        from desktop.userdata import presets

        name = self.preset.currentText().strip()
        if self._user_db is None:
            return
        if not name:
            self.status.setText(self.tr("Type a name for the site preset first."))
            return
        p = self.personal()
        presets.save(self._user_db, presets.SitePreset(name, p.center_id, p.phones, self.logo))
        self._reload_presets()
        self.preset.setEditText(name)
        self.status.setText(self.tr("Site preset saved."))

    def load_preset(self) -> None:
        from desktop.userdata import presets

        if self._user_db is None:
            return
        found = presets.get(self._user_db, self.preset.currentText().strip())
        if found is None:
            self.status.setText(self.tr("No site preset with that name."))
            return
        self.set_center(found.center_id)
        self.phones.setText("; ".join(found.phones))
        self.logo = found.logo
        self._relabel()
        self._schedule()

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Logo image"), "", "Images (*.png *.jpg *.jpeg)")
        if name:
            self.logo = Path(name).read_bytes()
            self._relabel()
            self._schedule()
