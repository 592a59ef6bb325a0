"""Recovery calendar view: infusion date (+ optional leukapheresis) + jurisdiction -> month grid.

Nothing typed here is stored. The grid and the event list come from the recovery plan
(`desktop.recovery.plan.plan_for`); every event shows its jurisdiction and sources. "Print…"
hands that same plan to the handouts view (a `PrintCalendar` request), which prints it.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import NP_, pgettext
from desktop.kb.rules import regions
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import normalise_lang
from desktop.recovery.calendar import Calendar, month_title
from desktop.recovery.plan import Dates, Plan, plan_for
from desktop.ui.shell import theme
from desktop.ui.shell.i18n import date_display_format, format_date, message_text
from desktop.ui.shell.requests import PrintCalendar

# Colours per kind of day (print-safe, distinguishable in greyscale by the letter too).
KIND_STYLE: dict[str, tuple[str, str]] = {
    "leukapheresis": ("#d9e8fb", "A"),
    "lymphodepletion": ("#fde2c4", "L"),
    "infusion": ("#c62828", "0"),
    "monitoring-daily": ("#fbd3d3", "M"),
    "monitoring-period": ("#fce9e9", "M"),
    "stay-near-centre": ("#e3f1e0", "N"),
    "driving": ("#fff4c2", "D"),
    "caregiver": ("#ece3f7", "C"),
    "follow-up": ("#d5f0f0", "F"),
    "neuro-check": ("#e6dcf5", "H"),
}
PRIORITY = ("infusion", "lymphodepletion", "leukapheresis", "neuro-check", "monitoring-daily", "driving", "stay-near-centre",
            "monitoring-period", "caregiver", "follow-up")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


WEEKDAY_HEADS = (NP_("calendar view: weekday column", "Mon"), NP_("calendar view: weekday column", "Tue"),
                 NP_("calendar view: weekday column", "Wed"), NP_("calendar view: weekday column", "Thu"),
                 NP_("calendar view: weekday column", "Fri"), NP_("calendar view: weekday column", "Sat"),
                 NP_("calendar view: weekday column", "Sun"))


def calendar_html(cal: Calendar, lang: str) -> str:
    """Month grids with key days coloured and lettered, then the legend."""
    p_ = pgettext(lang)
    heads = [p_("calendar view: weekday column", day) for day in WEEKDAY_HEADS]
    out = ["<html><body>"]
    for year, month in cal.months():
        title = month_title(year, month, lang)
        out.append(f"<h3 style='margin:6px 0 2px 0'>{title}</h3>")
        out.append("<table cellspacing='1' cellpadding='3' style='border-collapse:collapse'><tr>")
        out.extend(f"<th width='44' style='color:{theme.muted()}'>{h}</th>" for h in heads)
        out.append("</tr>")
        for week in Calendar.month_grid(year, month):
            out.append("<tr>")
            for day in week:
                if day is None:
                    out.append("<td></td>")
                    continue
                events = cal.on(day)
                kinds = sorted({e.kind for e in events}, key=lambda k: PRIORITY.index(k) if k in PRIORITY else 99)
                colour, _ = KIND_STYLE.get(kinds[0], ("#ffffff", "")) if kinds else ("#ffffff", "")
                letters = "".join(KIND_STYLE.get(k, ("", ""))[1] for k in kinds)
                fg = "#ffffff" if kinds and kinds[0] == "infusion" else "#111111"
                rel = (day - cal.infusion).days
                # "D-4", "D0" is how Chinese clinical notes count CAR-T days; "d-4" in English
                day_mark = p_("calendar view: day from the infusion, in a day cell", "d%(n)s") % {"n": rel}
                day_mark = day_mark.replace("-", "\u2212")  # a minus sign: no line break inside "D−4"
                out.append(
                    f"<td align='center' bgcolor='{colour}' style='color:{fg};border:1px solid #ccc'>"
                    f"<b>{day.day}</b><br><span style='font-size:small'>{letters or '&nbsp;'}{'' if not kinds else ' ' + day_mark}</span></td>"
                )
            out.append("</tr>")
        out.append("</table>")
    out.append("<p style='font-size:small'>")
    seen = {e.kind for e in cal.events}
    for kind in PRIORITY:
        if kind in seen:
            colour, letter = KIND_STYLE[kind]
            event = cal.event(kind)
            name = event.title(lang) if event else kind
            out.append(f"<span style='background:{colour}'>&nbsp;{letter}&nbsp;</span> {html.escape(name)} &nbsp; ")
    out.append("</p></body></html>")
    return "".join(out)


class CalendarView(QWidget):
    """Compute and show a patient's recovery calendar; print it through the handouts package."""

    openRequested = Signal(str)
    printRequested = Signal(object)
    """A `PrintCalendar` request (ui.shell.requests) with this view's plan, passed to the handouts view through the AppContext."""

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kb = kb
        self._lang = "en"
        self.plan: Plan | None = None
        self.calendar: Calendar | None = None
        self.infusion = QDateEdit(_qdate(dt.date.today()))
        self.infusion.setCalendarPopup(True)
        self.infusion.setDisplayFormat("yyyy-MM-dd")
        self.use_leuk = QCheckBox()
        self.leukapheresis = QDateEdit(_qdate(dt.date.today() - dt.timedelta(days=45)))
        self.leukapheresis.setCalendarPopup(True)
        self.leukapheresis.setDisplayFormat("yyyy-MM-dd")
        self.leukapheresis.setEnabled(False)
        self.jurisdiction = QComboBox()
        # a long rule name must not set the view's width (200 % text, D16)
        self.jurisdiction.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.jurisdiction.setMinimumContentsLength(16)
        self.product = QComboBox()
        self._product_names: dict[str, str] = {}
        self.product.currentIndexChanged.connect(lambda _i: self._product_tip())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.grid = QTextBrowser()
        self.grid.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # "D10" never breaks into "D1|0" at 200 % text
        self.events = QTreeWidget()
        self.events.setRootIsDecorated(False)
        self.events.setWordWrap(True)
        self.notes = QTextBrowser()
        self.notes.setMaximumHeight(140)
        self.print_button = QPushButton()
        self.form = QFormLayout()
        self.form_labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        self.form.addRow(self.form_labels[0], self.infusion)
        leuk_row = QHBoxLayout()
        leuk_row.addWidget(self.use_leuk)
        leuk_row.addWidget(self.leukapheresis, 1)
        self.form.addRow(self.form_labels[1], leuk_row)
        self.form.addRow(self.form_labels[2], self.jurisdiction)
        self.form.addRow(self.form_labels[3], self.product)
        fields = (self.infusion, self.leukapheresis, self.jurisdiction, self.product)
        for label, field in zip(self.form_labels, fields, strict=True):
            label.setBuddy(field)  # a screen reader names each field by its label (D21)
        top = QHBoxLayout()
        top.addLayout(self.form, 1)
        top.addWidget(self.print_button)
        split = QSplitter()
        split.addWidget(self.grid)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.events, 3)
        rl.addWidget(self.notes, 1)
        split.addWidget(right)
        split.setSizes([360, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        self.infusion.dateChanged.connect(self.recompute)
        self.leukapheresis.dateChanged.connect(self.recompute)
        self.use_leuk.toggled.connect(self._leuk_toggled)
        self.jurisdiction.currentIndexChanged.connect(self.recompute)
        self.product.currentIndexChanged.connect(self.recompute)
        self.print_button.clicked.connect(self._print)
        self._relabel()
        self._fill_regions()
        self._fill_products()
        self.recompute()

    # -- contract --------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._fill_regions()
        self._fill_products()
        self.recompute()

    def set_language(self, lang: str) -> None:
        self._lang = normalise_lang(lang)
        for date_edit in (self.infusion, self.leukapheresis):
            date_edit.setDisplayFormat(date_display_format(self._lang))  # 2026年12月1日 in Chinese
        self._relabel()
        self._fill_regions()
        self._fill_products()
        self.recompute()

    # -- behaviour -------------------------------------------------------------------
    def _relabel(self) -> None:
        labels = (self.tr("Infusion date (day 0):"), self.tr("Leukapheresis date:"),
                  self.tr("Calendar dates follow the rules of:"), self.tr("CAR-T product:"))
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.use_leuk.setText(self.tr("known"))
        self.use_leuk.setAccessibleName(self.tr("Leukapheresis date known"))
        self.infusion.setAccessibleName(labels[0].rstrip(":："))
        self.leukapheresis.setAccessibleName(labels[1].rstrip(":："))
        self.jurisdiction.setAccessibleName(labels[2].rstrip(":："))
        self.product.setAccessibleName(labels[3].rstrip(":："))
        self.grid.setAccessibleName(self.tr("Month calendar"))
        self.events.setAccessibleName(self.tr("Dates and events"))
        self.notes.setAccessibleName(self.tr("Notes on the rules"))
        self.print_button.setText(self.tr("Print calendar…"))
        self.events.setHeaderLabels([self.tr("Date"), self.tr("Day"), self.tr("What"), self.tr("Whose rule"), self.tr("Sources")])

    def _fill_regions(self) -> None:
        current = self.jurisdiction.currentData()
        self.jurisdiction.blockSignals(True)
        self.jurisdiction.clear()
        for region in regions(self._kb):
            self.jurisdiction.addItem(region.name(self._lang), region.id)
        index = self.jurisdiction.findData(current) if current else 0
        self.jurisdiction.setCurrentIndex(max(index, 0))
        self.jurisdiction.blockSignals(False)

    def _fill_products(self) -> None:
        """The KB's products, eque-cel first; one whose label warns of delayed neurotoxicity adds the weekly check."""
        from desktop.recovery.plan import DEFAULT_THERAPY

        current = self.product.currentData() or DEFAULT_THERAPY
        self.product.blockSignals(True)
        self.product.clear()
        for therapy in sorted(self._kb.therapies(), key=lambda t: (t.id != DEFAULT_THERAPY, t.id)):
            name = therapy.name(self._lang)
            # short in the combo (never cut, D35), the whole name as its tooltip
            self.product.addItem(f"{therapy.id} · {therapy.brand}" if therapy.brand else therapy.id, therapy.id)
            self._product_names[therapy.id] = f"{name} ({therapy.brand})" if therapy.brand else name
        self.product.setCurrentIndex(max(self.product.findData(current), 0))
        self.product.blockSignals(False)
        self._product_tip()

    def _product_tip(self) -> None:
        self.product.setToolTip(self._product_names.get(str(self.product.currentData() or ""), ""))

    def _leuk_toggled(self, on: bool) -> None:
        self.leukapheresis.setEnabled(on)
        self.recompute()

    def set_inputs(self, infusion: dt.date, jurisdiction: str, leukapheresis: dt.date | None = None) -> None:
        """Set every input at once (used by the main window and tests)."""
        for w in (self.infusion, self.leukapheresis, self.jurisdiction, self.use_leuk):
            w.blockSignals(True)
        self.infusion.setDate(_qdate(infusion))
        index = self.jurisdiction.findData(jurisdiction)
        if index >= 0:
            self.jurisdiction.setCurrentIndex(index)
        self.use_leuk.setChecked(leukapheresis is not None)
        self.leukapheresis.setEnabled(leukapheresis is not None)
        if leukapheresis is not None:
            self.leukapheresis.setDate(_qdate(leukapheresis))
        for w in (self.infusion, self.leukapheresis, self.jurisdiction, self.use_leuk):
            w.blockSignals(False)
        self.recompute()

    def recompute(self) -> None:
        self.events.clear()
        region = self.jurisdiction.currentData()
        if not region:
            self.plan = None
            self.calendar = None
            self.status.setText(self.tr("This knowledge base has no dated rules, so no calendar can be computed."))
            self.grid.setHtml("")
            self.notes.setHtml("")
            self.print_button.setEnabled(False)
            return
        leuk = _pydate(self.leukapheresis.date()) if self.use_leuk.isChecked() else None
        from desktop.handouts.neurocheck import with_checks

        plan = plan_for(self._kb, Dates(_pydate(self.infusion.date()), leuk, str(region), str(self.product.currentData() or "")))
        cal = with_checks(self._kb, plan.calendar, plan.product)
        if cal is None:
            self.plan = None
            self.calendar = None
            self.status.setText(message_text(plan.problem, self._lang))
            self.grid.setHtml("")
            self.notes.setHtml("")
            self.print_button.setEnabled(False)
            return
        self.plan = plan
        self.calendar = cal
        self.print_button.setEnabled(True)
        self.status.setText(self.tr("Computed from the rules in force on the infusion date. Nothing you enter here is saved."))
        self.grid.setHtml(calendar_html(cal, self._lang))
        for e in cal.events:
            start, end = (format_date(d.isoformat(), self._lang) for d in (e.start, e.end))
            when = start if e.start == e.end else f"{start} → {end}"
            days = str(e.day_from) if e.day_from == e.day_to else f"{e.day_from}…{e.day_to}"
            item = QTreeWidgetItem([when, days, e.title(self._lang), e.jurisdiction_label(self._lang), ", ".join(e.source_ids)])
            item.setToolTip(2, e.detail(self._lang))
            valid = e.valid
            if valid.startswith("since "):
                valid = self.tr("since {0}").format(format_date(valid[6:], self._lang))
            item.setToolTip(3, valid)
            self.events.addTopLevelItem(item)
        self._fit_events()
        notes = "".join(f"<p>⚠ {html.escape(n.text(self._lang))}{' [' + ', '.join(n.source_ids) + ']' if n.source_ids else ''}</p>" for n in cal.notes)
        self.notes.setHtml(notes)

    def _fit_events(self) -> None:
        for col in range(4):
            self.events.resizeColumnToContents(col)

    def changeEvent(self, event: QEvent) -> None:
        # View > Text size changes the font after the list was filled: fit its columns again
        # (after the children: they get the new font after this view does)
        if event.type() == QEvent.Type.FontChange:
            QTimer.singleShot(0, self._fit_events)
        elif event.type() == QEvent.Type.PaletteChange and self.calendar is not None:
            # a theme switch: the grid's HTML carries the palette's secondary colour (weekday heads)
            self.grid.setHtml(calendar_html(self.calendar, self._lang))
        super().changeEvent(event)

    def _print(self) -> None:
        """Ask for the recovery-calendar handout of this plan; the handouts view prints it."""
        if self.plan is None:
            return
        self.printRequested.emit(PrintCalendar("recovery-calendar", self.plan, self._lang))
