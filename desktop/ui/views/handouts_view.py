"""Handouts view: pick a handout, fill the form, see the pages, print, preview or save a PDF.

The preview shows the real pages (the same painter as the PDF). Patient details live only in
the form; a site preset (centre, phones, logo) is saved in the user database when asked.
Batches and many copies run on a worker thread (ui.shell.tasks) with a progress bar and a cancel button.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
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
from desktop.handouts import catalog, fields
from desktop.handouts.batch import Job, all_jobs, run_jobs
from desktop.handouts.pdf import HandoutDocument, cjk_family, layout
from desktop.handouts.render import Contact, Options, Personal
from desktop.i18n import N_
from desktop.kb.records import Center
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import normalise_lang
from desktop.recovery.dates import FieldError, check_dates, parse_date
from desktop.recovery.plan import Dates, Plan, default_jurisdiction, plan_for
from desktop.ui.shell import access
from desktop.ui.shell.i18n import error_text
from desktop.ui.shell.requests import HandoutRequest, PrintCalendar, UseCentre
from desktop.ui.shell.tasks import Task

PREVIEW_DPI = 96.0
"""Pages are drawn at this resolution and scaled to the preview's width (D35: the page fills the pane)."""
CONTACT_ROWS = 3
"""Label + number rows in the form (the first is the 24-hour contact)."""


class HandoutsView(QWidget):
    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None, *,
                 user_db: sqlite3.Connection | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.lang = "en"
        self._user_db = user_db  # the AppContext's; without one there are no site presets
        self._centres: dict[str, Center] = {}  # the centres the form offers, by id (KB and this site's list)
        self.logo: bytes | None = None
        self.document: HandoutDocument | None = None
        self.worker: Task[list[Path]] | None = None
        self.written: list[Path] = []
        self._plan: Plan | None = None
        """The plan last shown: kept while the form's dates and jurisdiction are unchanged."""
        self._doc_key: tuple[object, ...] | None = None
        """What `document` was laid out from (handout, options, personal): a stale one is never printed."""
        self._generation = 0
        self.preview_task: Task[tuple[HandoutDocument, list[QImage]]] | None = None
        self.invalid_reason = ""
        cjk_family()  # the fonts are loaded here, on the UI thread, before any preview Task lays out
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.start_preview)
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
        self.jurisdiction_full = QLabel()
        """The chosen region's whole name under the combo (a long name is not cut, D35)."""
        self.jurisdiction_full.setWordWrap(True)
        self.product = QComboBox()
        self._product_names: dict[str, str] = {}
        self.product.currentIndexChanged.connect(lambda _i: self._product_tip())
        self.center = QComboBox()
        self.contact_labels = [QLineEdit() for _ in range(CONTACT_ROWS)]
        self.contact_numbers = [QLineEdit() for _ in range(CONTACT_ROWS)]
        contacts_box = QWidget()
        contacts_grid = QGridLayout(contacts_box)
        contacts_grid.setContentsMargins(0, 0, 0, 0)
        self.errors: dict[str, QLabel] = {key: QLabel() for key in
                                          ("patient", "infusion", "leukapheresis", "note",
                                           *(f"contact{i}" for i in range(CONTACT_ROWS)))}
        for label in self.errors.values():
            label.setWordWrap(True)
            label.setStyleSheet("color: #b00020;")
            label.setVisible(False)
        for i, (lab, num) in enumerate(zip(self.contact_labels, self.contact_numbers, strict=True)):
            lab.setMaxLength(fields.MAX_LENGTH["label"])
            num.setMaxLength(fields.MAX_LENGTH["number"])
            contacts_grid.addWidget(lab, 2 * i, 0)
            contacts_grid.addWidget(num, 2 * i, 1)
            contacts_grid.addWidget(self.errors[f"contact{i}"], 2 * i + 1, 0, 1, 2)
        contacts_grid.setColumnStretch(1, 2)
        contacts_grid.setColumnStretch(0, 1)
        self.contacts_box = contacts_box
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.preset = QComboBox()
        self.preset.setEditable(True)
        self.save_preset_btn = QPushButton()
        self.load_preset_btn = QPushButton()
        self.logo_btn = QPushButton()
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(13)]
        for combo in (self.jurisdiction, self.product):  # a long name shrinks the combo, never the form
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        jurisdiction_box = QWidget()
        jv = QVBoxLayout(jurisdiction_box)
        jv.setContentsMargins(0, 0, 0, 0)
        jv.setSpacing(1)
        jv.addWidget(self.jurisdiction)
        jv.addWidget(self.jurisdiction_full)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, field in zip(self._labels, (self.template, self.language, self.paper, self.large,
                                                self._with_error(self.patient, "patient"),
                                                self._with_error(self.infusion, "infusion"),
                                                self._with_error(self.leukapheresis, "leukapheresis"),
                                                self.product, jurisdiction_box, self.center, self.contacts_box,
                                                self._with_error(self.note, "note"), self.preset), strict=True):
            self.form.addRow(label, field)
        self.patient.setMaxLength(fields.MAX_LENGTH["patient"])
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
        self.blocked = QLabel()
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #b00020; font-weight: bold;")
        self.blocked.setVisible(False)
        self.decoded = QLabel()
        self.decoded.setWordWrap(True)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.blocked)
        rv.addWidget(self.preview_area, 1)
        rv.addWidget(self.decoded)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        left.setMaximumWidth(460)  # the form needs little room; the page preview gets the rest (D35)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 900])
        split.splitterMoved.connect(lambda *_: self._fit_pages())
        self.split = split
        self._page_images: list[QImage] = []
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        for combo in (self.template, self.language, self.paper, self.center, self.jurisdiction, self.product):
            combo.currentIndexChanged.connect(self._schedule)
        self.jurisdiction.currentIndexChanged.connect(self._show_jurisdiction)
        self.large.toggled.connect(self._schedule)
        for line in (self.patient, self.infusion, self.leukapheresis, *self.contact_labels, *self.contact_numbers):
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

    def _with_error(self, field: QWidget, key: str) -> QWidget:
        """`field` with its error line under it (shown only while the value cannot be printed)."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.addWidget(field)
        v.addWidget(self.errors[key])
        return box

    def _fill_choices(self) -> None:
        current = self.center.currentData()
        self.center.blockSignals(True)
        self.center.clear()
        self.center.addItem("—", "")
        self._centres = {c.id: c for c in [*self.kb.centers(), *self._site_centres()]}
        for c in self._centres.values():
            city = (c.city_zh or c.city) if self.lang.startswith("zh") else c.city  # D19: not "(Wuhan)" in Chinese
            self.center.addItem(self.tr("{0} ({1})").format(c.name(self.lang), city) if city else c.name(self.lang), c.id)
        if current:
            self.set_center(current)
        self.center.blockSignals(False)
        self._fill_jurisdictions()
        self._fill_products()
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
        self._show_jurisdiction()

    def _show_jurisdiction(self) -> None:
        text = self.jurisdiction.currentText()
        self.jurisdiction.setToolTip(text)
        self.jurisdiction_full.setText(text)

    def _fill_products(self) -> None:
        """The KB's products; eque-cel (the handouts' default) first. cilta-cel adds the weekly nerve check."""
        from desktop.recovery.plan import DEFAULT_THERAPY

        keep = self.product.currentData() or DEFAULT_THERAPY
        self.product.blockSignals(True)
        self.product.clear()
        therapies = sorted(self.kb.therapies(), key=lambda t: (t.id != DEFAULT_THERAPY, t.id))
        for therapy in therapies:
            name = therapy.name(self.lang)
            # short in the combo (never cut, D35), the whole name as its tooltip
            self.product.addItem(f"{therapy.id} · {therapy.brand}" if therapy.brand else therapy.id, therapy.id)
            self._product_names[therapy.id] = f"{name} ({therapy.brand})" if therapy.brand else name
        self.product.setCurrentIndex(max(self.product.findData(keep), 0))
        self.product.blockSignals(False)
        self._product_tip()

    def _product_tip(self) -> None:
        self.product.setToolTip(self._product_names.get(str(self.product.currentData() or ""), ""))

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
        # each label's Alt+letter goes to its field; none is a menu's (F, G, V, H), D12 and D21
        texts = [self.tr("Ha&ndout"), self.tr("&Language"), self.tr("&Paper"), self.tr("Large p&rint"), self.tr("Patient na&me"),
                 self.tr("&Infusion date"), self.tr("Leu&kapheresis date"), self.tr("CAR-T pro&duct"),
                 self.tr("Calendar dates follow the r&ules of"), self.tr("&Treating centre"),
                 self.tr("Care-team &contacts"), self.tr("N&ote"),
                 self.tr("Site pr&eset")]
        named = (self.template, self.language, self.paper, self.large, self.patient, self.infusion, self.leukapheresis,
                 self.product, self.jurisdiction, self.center, self.contacts_box, self.note, self.preset)
        for label, text, field in zip(self._labels, texts, named, strict=True):
            label.setText(text)
            label.setBuddy(self.contact_labels[0] if field is self.contacts_box else field)
            field.setAccessibleName(access.plain(text))  # some fields sit in a box of their own: a buddy would not name them (D21)
        self.copies_label.setBuddy(self.copies)
        self.copies.setAccessibleName(access.plain(self.tr("Copie&s")))
        self.preview_area.setAccessibleName(self.tr("Handout preview"))
        for i, (lab, num) in enumerate(zip(self.contact_labels, self.contact_numbers, strict=True)):
            lab.setAccessibleName(self.tr("Contact {0}: label").format(i + 1))
            num.setAccessibleName(self.tr("Contact {0}: number").format(i + 1))
        self.large.setText(self.tr("body text 16 pt or more"))
        for i, (lab, num) in enumerate(zip(self.contact_labels, self.contact_numbers, strict=True)):
            lab.setPlaceholderText(self.tr("24-hour ward") if i == 0 else self.tr("label, e.g. clinic"))
            num.setPlaceholderText(self.tr("number, e.g. +86 27 8366 0000"))
        self.patient.setPlaceholderText(self.tr("printed only, not saved"))
        self.leukapheresis.setPlaceholderText(self.tr("YYYY-MM-DD (optional, recovery calendar)"))
        self.save_preset_btn.setText(self.tr("Save site preset"))
        self.load_preset_btn.setText(self.tr("Load preset"))
        self.logo_btn.setText(self.tr("Logo…") if self.logo is None else self.tr("Logo ✓"))
        self.preview_btn.setText(self.tr("Print preview…"))
        self.print_btn.setText(self.tr("Print…"))
        self.pdf_btn.setText(self.tr("Save PDF…"))
        self.copies_label.setText(self.tr("Copie&s"))
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
        found = self.product.findData(plan.product)
        if found >= 0:
            self.product.setCurrentIndex(found)
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

    def _site_centres(self) -> list[Center]:
        """The site's own centres (issue 22), so "Use this centre in a handout" works for them."""
        from desktop.userdata import site_centres

        try:
            return [c.as_center() for c in site_centres.list_all(self._user_db)] if self._user_db is not None else []
        except sqlite3.Error:  # an unreadable user database: the KB's centres are still offered
            return []

    def set_center(self, center_id: str) -> None:
        if self.center.findData(center_id) < 0:
            self._fill_choices()  # a centre added to the site's list since the form was filled
        index = self.center.findData(center_id)
        if index >= 0:
            self.center.setCurrentIndex(index)

    # -- form --------------------------------------------------------------------------
    def personal(self) -> Personal:
        """The typed details, checked; raises FieldError (naming the field) on the first bad value."""
        found, errors, _ = self._read()
        if errors:
            raise errors[0]
        assert found is not None
        return found

    def region(self) -> str:
        """Where a number without a country code is dialled: the centre's country, else the rules' region."""
        center = self._centres.get(str(self.center.currentData() or ""))
        return fields.region_for(center.country if center else "",
                                 str(self.jurisdiction.currentData() or "") or default_jurisdiction(self.kb))

    def _read(self) -> tuple[Personal | None, list[FieldError], list[str]]:
        """(personal, every field's error, notes): each field is checked, so each error shows beside its field."""
        errors: list[FieldError] = []
        notes: list[str] = []

        def cleaned(key: str, text: str) -> str:
            try:
                value, changed = fields.clean(key, text)
            except FieldError as exc:
                errors.append(exc)
                return ""
            if changed:
                notes.append(self.tr("Invisible text-direction characters were removed from a field."))
            return value

        patient = cleaned("patient", self.patient.text())
        note = cleaned("note", self.note.toPlainText())
        dates: dict[str, date | None] = {}
        for key, line in (("infusion", self.infusion), ("leukapheresis", self.leukapheresis)):
            text = line.text().strip()
            try:
                dates[key] = parse_date(text, key) if text else None
            except FieldError as exc:
                errors.append(exc)
        infusion, leukapheresis = dates.get("infusion"), dates.get("leukapheresis")
        if "infusion" in dates and infusion is None and catalog.get(self.handout_name()).needs_infusion:
            errors.append(FieldError("infusion", N_("this handout needs an infusion date")))
        if len(dates) == 2:
            try:
                check_dates(infusion, leukapheresis)
            except FieldError as exc:
                errors.append(exc)
        contacts: list[Contact] = []
        region = self.region()
        for i, (lab, num) in enumerate(zip(self.contact_labels, self.contact_numbers, strict=True)):
            if not lab.text().strip() and not num.text().strip():
                continue
            try:
                contacts.append(fields.contact(lab.text(), num.text(), region, field=f"contact{i}"))
            except FieldError as exc:
                errors.append(exc)
        if errors:
            return None, errors, notes
        return Personal(
            patient=patient,
            infusion_date=infusion,
            center_id=str(self.center.currentData() or ""),
            contacts=tuple(contacts),
            note=note,
            logo=self.logo,
            leukapheresis_date=leukapheresis,
            jurisdiction=str(self.jurisdiction.currentData() or ""),
            product=str(self.product.currentData() or ""),
        ), [], notes

    def check(self) -> Personal | None:
        """Check every field and show the result: errors beside their fields, and while any is
        invalid no Print, Save or Batch and a greyed preview with the reason (D02). None if invalid."""
        personal, errors, notes = self._read()
        shown = {e.field: e.text(self.lang) for e in errors}
        for key, label in self.errors.items():
            label.setText(shown.get(key, ""))
            label.setVisible(key in shown)
        self.invalid_reason = "; ".join(shown.values())
        ok = personal is not None
        for button in (self.print_btn, self.pdf_btn, self.preview_btn, self.batch_btn):
            button.setEnabled(ok and (button is not self.batch_btn or self.worker is None or self.worker.is_finished()))
        self.preview_area.setEnabled(ok)
        self.blocked.setText(self.tr("Not printable until corrected: %1").replace("%1", self.invalid_reason))
        self.blocked.setVisible(not ok)
        if not ok:
            self.document = None
            self._doc_key = None
            self.decoded.setText("")
            self._generation += 1  # a layout still running is for values no longer in the form
        elif notes:
            self.status.setText(notes[0])
        return personal

    def plan(self, personal: Personal) -> Plan:
        """The recovery plan for the form's dates: computed when they change, else the one shown."""
        from desktop.recovery.plan import DEFAULT_THERAPY

        asked = Dates(personal.infusion_date, personal.leukapheresis_date, personal.jurisdiction.strip(),
                      personal.product or DEFAULT_THERAPY)
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

    def _key(self, personal: Personal) -> tuple[object, ...]:
        return (self.handout_name(), self.options(), personal)

    def _stale(self) -> tuple[Personal, tuple[object, ...]] | None:
        """The checked details and their key when the preview needs laying out again (a new
        generation: a layout still running for older details is then dropped); else None."""
        personal = self.check()
        if personal is None:
            return None
        key = self._key(personal)
        if self.document is not None and self._doc_key == key:
            return None
        self._generation += 1
        return personal, key

    def refresh_preview(self) -> None:
        """Check the form and lay the handout out now, on this thread (before Print or Save)."""
        stale = self._stale()
        if stale is None:
            return
        personal, key = stale
        try:
            document = layout(self.kb, self.handout_name(), self.plan(personal), self.options(), personal)
        except CartrefError as exc:
            self._blocked(error_text(exc, self.lang))
            return
        self._show(document, [document.page_image(i, PREVIEW_DPI) for i in range(document.page_count)], key)

    def start_preview(self) -> None:
        """Check the form and lay the handout out on a worker thread (`Task`): typing never waits for it."""
        stale = self._stale()
        if stale is None:
            return
        personal, key = stale
        generation = self._generation
        kb, name, plan, options = self.kb, self.handout_name(), self.plan(personal), self.options()

        def work(_task: Task[tuple[HandoutDocument, list[QImage]]]) -> tuple[HandoutDocument, list[QImage]]:
            document = layout(kb, name, plan, options, personal)
            return document, [document.page_image(i, PREVIEW_DPI) for i in range(document.page_count)]

        task: Task[tuple[HandoutDocument, list[QImage]]] = Task(work, name="handout-preview", parent=self)
        task.on_success(lambda done: self._show(done[0], done[1], key) if generation == self._generation else None)
        task.on_failure(lambda exc: self._preview_failed(exc, generation))
        self.preview_task = task.start()

    def _preview_failed(self, exc: Exception, generation: int) -> None:
        if not isinstance(exc, CartrefError):
            raise exc  # a bug: the exception hook shows it
        if generation == self._generation:
            self._blocked(error_text(exc, self.lang))

    def _blocked(self, reason: str) -> None:
        """A handout that cannot be laid out (e.g. a calendar without an infusion date): nothing to print."""
        self.document = None
        self._doc_key = None
        self.status.setText(reason)
        for button in (self.print_btn, self.pdf_btn, self.preview_btn):
            button.setEnabled(False)
        self.preview_area.setEnabled(False)
        self.blocked.setText(self.tr("Not printable until corrected: %1").replace("%1", reason))
        self.blocked.setVisible(True)

    def _show(self, document: HandoutDocument, images: list[QImage], key: tuple[object, ...]) -> None:
        """Show the pages laid out from `key` (the form's values at the time)."""
        self.document = document
        self._doc_key = key
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._page_images = list(images)
        for _image in images:
            self.pages_layout.addWidget(QLabel())
        self._fit_pages()
        dials = [(f"{label}: " if label else "") + tel[4:] for label, _display, tel in document.rendered.qr_contacts]
        self.decoded.setText(self.tr("Each QR code dials the number beside it: %1").replace("%1", " · ".join(dials))
                             if dials else "")
        missing = document.rendered.missing
        pages = self.tr("%n page(s)", "", document.page_count)
        self.status.setText(pages + (" · " + self.tr("not in the knowledge base yet: ") + ", ".join(missing) if missing else "")
                            + (" · " + self.tr("Not drawn by any embedded font (prints blank): %1").replace(
                                "%1", "; ".join(document.uncovered)) if document.uncovered else ""))

    def _fit_pages(self) -> None:
        """Scale the page images to the preview's width, so a whole page width is always in view (D35)."""
        from PySide6.QtCore import (
            Qt,  # not at import: the Qt namespace stays untouched before the first paint
        )

        margins = self.pages_layout.contentsMargins()
        scrollbar = self.preview_area.verticalScrollBar().sizeHint().width()  # it appears once the pages are taller
        width = max(200, self.preview_area.width() - margins.left() - margins.right() - scrollbar - 2 * self.preview_area.frameWidth() - 2)
        for i, image in enumerate(self._page_images):
            item = self.pages_layout.itemAt(i)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                pixmap = QPixmap.fromImage(image)
                if pixmap.width() > width:
                    pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_pages()

    # -- outputs -----------------------------------------------------------------------
    def save_pdf(self, path: Path) -> Path:
        """Write the handout for the form's current values; nothing while any value is invalid (D02)."""
        self._timer.stop()
        self.refresh_preview()
        if self.document is None:
            raise CartrefError(self.invalid_reason or self.status.text())
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
        self.status.setText(error_text(exc, self.lang))

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
        self.batch_btn.setEnabled(not self.invalid_reason)
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
        presets.save(self._user_db, presets.SitePreset(name, p.center_id, tuple(c.as_text() for c in p.contacts), self.logo))
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
        for i, (lab, num) in enumerate(zip(self.contact_labels, self.contact_numbers, strict=True)):
            label, _, number = found.phones[i].rpartition("=") if i < len(found.phones) else ("", "", "")
            lab.setText(label)
            num.setText(number)
        self.logo = found.logo
        self._relabel()
        self._schedule()

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Logo image"), "", "Images (*.png *.jpg *.jpeg)")
        if name:
            self.logo = Path(name).read_bytes()
            self._relabel()
            self._schedule()
