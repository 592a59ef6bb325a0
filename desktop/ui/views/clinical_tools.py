"""The action tools of the Grading view (issue 23): tocilizumab, management pathway, ICAHT counts,
CAR-HEMATOTOX (banner and unit conversions only), the BCMA neuro watch, the emergency handover and
the infection-prophylaxis plan.

Each is a tab of GradingView (Grading -> tab: two clicks), a form on the left and the answer on the
right: a headline, the reasons (desktop.clinical, in the view's language) and the sources. No rule
and no SQL here; the site's protocol is read and written through the two callables the view is given
(the window passes ones backed by the user database on the AppContext).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.clinical.handover import Handover, handover, handover_html
from desktop.clinical.hematotox import BANNER, UNITS, risk_for_score, to_paper_unit
from desktop.clinical.icaht import RISKS, IcahtResult, icaht, management_bundle, read_counts
from desktop.clinical.infections import (
    EDITIONS,
    HBV,
    IGG_UNITS,
    InfectionPlan,
    infection_plan,
    plan_html,
)
from desktop.clinical.infections import LABELS as INF_LABELS
from desktop.clinical.infections import RISKS as INF_RISKS
from desktop.clinical.neurowatch import SIGNS, WEEKLY_CHECK, WatchResult, neuro_watch
from desktop.clinical.pathway import PRODUCTS, PROTOCOLS, PathwayResult, pathway
from desktop.clinical.sources import CITATIONS
from desktop.clinical.tocilizumab import TocilizumabResult, fmt, tocilizumab
from desktop.errors import CartrefError
from desktop.i18n import Msg, gettext
from desktop.ui.shell.i18n import date_display_format, error_text

_OK, _STOP, _INFO = "#2e7d32", "#c62828", "#5f6b73"
ProtocolStore = tuple[Callable[[], str | None], Callable[[str], None]]


def _sources_html(ids: Sequence[str], prefix: str) -> str:
    return f"{escape(prefix)} " + "; ".join(
        f"<a href='source:{i}'>{escape(CITATIONS[i])}</a> [{i}]" for i in ids)


class ResultPanel(QFrame):
    """Headline (coloured), reasons as a list, sources with links."""

    def __init__(self, parent: QWidget, link: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.headline = QLabel(self)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(True)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sources = QLabel(self)
        self.sources.setWordWrap(True)
        self.sources.setTextFormat(Qt.TextFormat.RichText)
        self.sources.setStyleSheet("color: palette(placeholder-text)")
        self.sources.linkActivated.connect(link)
        box = QVBoxLayout(self)
        box.addWidget(self.headline)
        box.addWidget(self.reasons)
        box.addStretch(1)
        box.addWidget(self.sources)

    def show_result(self, headline: str, colour: str, reasons: Sequence[str], sources_html: str) -> None:
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"background-color: {colour}; color: white; border-radius: 4px; padding: 4px 10px")
        self.reasons.setText("<ul style='margin-left:-20px'>" + "".join(f"<li>{escape(r)}</li>" for r in reasons)
                             + "</ul>")
        self.sources.setText(sources_html)
        self.headline.setAccessibleDescription(" ".join(reasons))


def _page(form: QWidget, panel: QWidget, banner: QLabel | None = None, ratio: int = 1) -> QWidget:
    page = QWidget()
    outer = QVBoxLayout(page)
    if banner is not None:
        outer.addWidget(banner)
    row = QHBoxLayout()
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    holder = QWidget()
    col = QVBoxLayout(holder)
    col.addWidget(form)
    col.addStretch(1)
    scroll.setWidget(holder)
    row.addWidget(scroll, 1)
    row.addWidget(panel, ratio)
    outer.addLayout(row, 1)
    return page


def _banner(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("background: #fff4d6; color: #4a3b00; border: 1px solid #d9b84a; border-radius: 3px; "
                        "padding: 6px")
    return label


def _write_sheet(path: str, data: bytes) -> None:
    """Write a printed sheet the way every other output is written: the path checked (no device,
    folder or pipe), the bytes replaced atomically, so a full disk never leaves half a PDF."""
    from desktop import outputs
    from desktop.fileio import write_bytes_atomic

    write_bytes_atomic(outputs.check_output_file(path), data)


def _save_in_background(owner: QWidget, path: str, save: Callable[[str], None]) -> None:
    """Lay out and write a sheet off the UI thread (hundreds of ms the first time the Chinese font
    is loaded); a failure is shown as one line, like the handouts view's."""
    from desktop.ui.shell.tasks import Task

    def failed(exc: Exception) -> None:
        if not isinstance(exc, CartrefError | OSError):
            raise exc  # a bug: the exception hook shows it
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(owner, QCoreApplication.translate("ClinicalTools", "Not saved"), str(exc))

    Task(lambda _task: save(path), name="sheet-pdf", parent=owner).on_failure(failed).start()


def _pdf(html: str, point_size: float, images: dict[str, bytes] | None = None) -> bytes:
    from desktop.handouts.sheets import pdf_bytes

    return pdf_bytes(html, point_size, images)


class TocilizumabTab(QWidget):
    """Dose for the weight and whether another dose may be given now."""

    def __init__(self, link: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.result: TocilizumabResult | None = None
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.weight = QDoubleSpinBox(self.box)
        self.weight.setObjectName("tociWeight")
        self.weight.setRange(20.0, 300.0)
        self.weight.setDecimals(1)
        self.weight.setValue(70.0)
        self.weight.setSuffix(" kg")
        self.doses = QSpinBox(self.box)
        self.doses.setObjectName("tociDoses")
        self.doses.setRange(0, 10)
        self.hours = QDoubleSpinBox(self.box)
        self.hours.setObjectName("tociHours")
        self.hours.setRange(0.0, 1000.0)
        self.hours.setDecimals(1)
        self.hours.setValue(8.0)
        self.hours.setSuffix(" h")
        self.times = QLineEdit(self.box)
        self.times.setObjectName("tociTimes")
        self.weight_label, self.doses_label, self.hours_label, self.times_label = (QLabel(), QLabel(), QLabel(),
                                                                                    QLabel())
        self.times_label.setWordWrap(True)
        for label, widget in ((self.weight_label, self.weight), (self.doses_label, self.doses),
                              (self.hours_label, self.hours), (self.times_label, self.times)):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.panel = ResultPanel(self, link)
        QVBoxLayout(self).addWidget(_page(self.box, self.panel))
        self.weight.valueChanged.connect(self.update_result)
        self.doses.valueChanged.connect(self.update_result)
        self.hours.valueChanged.connect(self.update_result)
        self.times.textChanged.connect(self.update_result)

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Tocilizumab for CRS"))
        self.weight_label.setText(self.tr("&Weight:"))
        self.doses_label.setText(self.tr("&Doses already given:"))
        self.hours_label.setText(self.tr("Ho&urs since the last dose:"))
        self.times_label.setText(self.tr("Dose &times, hours ago (e.g. 24, 16, 8; checks the 3-in-24-hours limit):"))
        self.weight.setAccessibleName(self.tr("Body weight in kilograms"))
        self.doses.setAccessibleName(self.tr("Tocilizumab doses already given"))
        self.hours.setAccessibleName(self.tr("Hours since the last dose"))
        self.times.setAccessibleName(self.tr("Hours before now of each earlier dose"))

    def update_result(self) -> None:
        times = None
        text = self.times.text().strip()
        try:
            if text:
                times = [float(t) for t in text.replace("，", ",").split(",") if t.strip()]
            if times:
                self.doses.blockSignals(True)
                self.doses.setValue(min(len(times), self.doses.maximum()))
                self.doses.blockSignals(False)
            doses = 0 if times else self.doses.value()
            hours = None if times or doses == 0 else self.hours.value()
            self.doses.setEnabled(not times)
            self.hours.setEnabled(not times and self.doses.value() > 0)
            result = tocilizumab(self.weight.value(), doses, hours, times)
        except (CartrefError, ValueError) as exc:
            self.result = None
            self.panel.show_result("—", _INFO, [error_text(exc, self.lang)], "")
            return
        self.result = result
        if result.dose_mg is None:
            head, colour = self.tr("No dose from this calculator"), _INFO
        elif result.can_give:
            head, colour = self.tr("%1 mg IV over 1 hour: may be given now").replace("%1", fmt(result.dose_mg)), _OK
        else:
            head, colour = self.tr("%1 mg: not now").replace("%1", fmt(result.dose_mg)), _STOP
        self.panel.show_result(head, colour, result.reasons(self.lang), _sources_html(result.source_ids, self.tr("Sources:")))


class PathwayTab(QWidget):
    """Management steps by grade, the site's protocol first and the other sources beside it."""

    def __init__(self, link: Callable[[str], None], store: ProtocolStore | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.store = store
        self.result: PathwayResult | None = None
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.crs = QComboBox(self.box)
        self.crs.setObjectName("pathCrs")
        self.icans = QComboBox(self.box)
        self.icans.setObjectName("pathIcans")
        for combo in (self.crs, self.icans):
            for g in range(5):
                combo.addItem(str(g), g)
        self.protocol = QComboBox(self.box)
        self.protocol.setObjectName("pathProtocol")
        for p in PROTOCOLS:
            self.protocol.addItem(p, p)
        saved = store[0]() if store else None
        if saved in PROTOCOLS:
            self.protocol.setCurrentIndex(PROTOCOLS.index(saved))
        self.product = QComboBox(self.box)
        self.product.setObjectName("pathProduct")
        for p in PRODUCTS:
            self.product.addItem(p, p)
        self.high_risk = QCheckBox(self.box)
        self.persistent = QCheckBox(self.box)
        self.use_weight = QCheckBox(self.box)
        self.weight = QDoubleSpinBox(self.box)
        self.weight.setRange(20.0, 300.0)
        self.weight.setValue(70.0)
        self.weight.setSuffix(" kg")
        self.crs_label, self.icans_label, self.protocol_label, self.product_label = (QLabel(), QLabel(), QLabel(),
                                                                                      QLabel())
        for label, widget in ((self.crs_label, self.crs), (self.icans_label, self.icans),
                              (self.protocol_label, self.protocol), (self.product_label, self.product)):
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.high_risk)
        form.addRow(self.persistent)
        form.addRow(self.use_weight, self.weight)
        self.print_button = QPushButton(self.box)
        self.print_button.setObjectName("pathPrint")
        self.print_button.clicked.connect(self._print)
        form.addRow(self.print_button)
        self.view = QTextBrowser(self)
        self.view.setObjectName("pathView")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(lambda url: link(url.toString()))
        QVBoxLayout(self).addWidget(_page(self.box, self.view, ratio=2))
        for combo in (self.crs, self.icans, self.product):
            combo.currentIndexChanged.connect(self.update_result)
        self.protocol.currentIndexChanged.connect(self._protocol_changed)
        for check in (self.high_risk, self.persistent, self.use_weight):
            check.toggled.connect(self.update_result)
        self.weight.valueChanged.connect(self.update_result)

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Grades now"))
        self.crs_label.setText(self.tr("&CRS grade (ASTCT):"))
        self.icans_label.setText(self.tr("&ICANS grade (ASTCT):"))
        self.protocol_label.setText(self.tr("&Site protocol (shown first; remembered):"))
        self.product_label.setText(self.tr("&Product:"))
        self.high_risk.setText(self.tr("High-risk product or patient (ICANS grade 2)"))
        self.persistent.setText(self.tr("ICANS grade 3 or more persisting"))
        self.use_weight.setText(self.tr("Weight for mg/kg doses:"))
        for i, label in enumerate((self.tr("ASCO 2021 guideline"), self.tr("NCCN v2.2026 (secondary copy)"))):
            self.protocol.setItemText(i, label)
        for i, label in enumerate(("cilta-cel", "ide-cel", self.tr("other"))):
            self.product.setItemText(i, label)
        self.print_button.setText(self.tr("Save bedside flo&w sheet (PDF)…"))

    def flow_sheet_html(self) -> str:
        """One page for the bedside: blanks for the patient, the grades, each source's steps, citations."""
        if self.result is None:
            return ""
        blanks = self.tr("Patient: ____________________  Product: __________  Infusion date: __________  "
                         "Day: ____  Time: ______  Signed: __________")
        title = self.tr("CRS / ICANS management flow sheet")
        cites = "".join(f"<li>{escape(CITATIONS[i])} [{i}]</li>" for i in sorted(
            {i for s in self.result.sections for c in s.columns for i in c.source_ids}))
        lang = self.lang
        cells = []
        for section in self.result.sections:
            head = (self.tr("CRS grade %1") if section.topic == "crs" else self.tr("ICANS grade %1")).replace(
                "%1", str(section.grade))
            body = [f"<h3>{escape(head)}</h3>"]
            for col in section.columns:
                body.append(f"<p><b>{escape(col.name.text(lang))}</b> <small>({escape(col.dated)}; "
                            f"{', '.join(col.source_ids)})</small></p><ul>")
                body += [f"<li>{escape(m.text(lang))}</li>" for m in col.steps]
                body += [f"<li><i>{escape(m.text(lang))}</i></li>" for m in col.not_read]
                body.append("</ul>")
            cells.append(f"<td valign='top' width='{100 // max(1, len(self.result.sections))}%'>{''.join(body)}</td>")
        table = f"<table cellpadding='4' width='100%'><tr>{''.join(cells)}</tr></table>"
        note = self.tr("Only rows read in each source are shown; where a row was not read, the column says so. "
                       "Local protocols and the product label take precedence.")
        sources = self.tr("Sources:")
        return (f"<h2>{escape(title)}</h2><p>{escape(blanks)}</p>{table}<p><small>{escape(note)}</small></p>"
                f"<p><small>{escape(sources)}</small></p><ol><small>{cites}</small></ol>")

    def save_flow_sheet(self, path: str) -> None:
        """The flow sheet as a one-page A4 landscape PDF (Qt's text layout, no network, no browser): the
        largest font from 8 pt down to 5.5 pt that keeps it on one page."""
        html = self.flow_sheet_html()
        data = b""
        for size in (8.0, 7.5, 7.0, 6.5, 6.0, 5.5):
            data = _pdf(html, size)
            if data.count(b"/Type /Page\n") <= 1:
                break
        _write_sheet(path, data)

    def _print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save flow sheet"), "flow-sheet.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            _save_in_background(self, path, self.save_flow_sheet)

    def _protocol_changed(self) -> None:
        if self.store:
            self.store[1](str(self.protocol.currentData()))
        self.update_result()

    def update_result(self) -> None:
        self.weight.setEnabled(self.use_weight.isChecked())
        try:
            result = pathway(int(self.crs.currentData()), int(self.icans.currentData()),
                             protocol=str(self.protocol.currentData()), high_risk=self.high_risk.isChecked(),
                             persistent=self.persistent.isChecked(),
                             weight_kg=self.weight.value() if self.use_weight.isChecked() else None,
                             product=str(self.product.currentData()))
        except CartrefError as exc:
            self.result = None
            self.view.setHtml(escape(error_text(exc, self.lang)))
            return
        self.result = result
        self.view.setHtml(self.html(result))

    def html(self, result: PathwayResult) -> str:
        lang = self.lang
        if not result.sections:
            none = self.tr("CRS grade 0 and ICANS grade 0: no management pathway.")
            return f"<p>{escape(none)}</p>"
        parts = []
        for section in result.sections:
            title = (self.tr("CRS grade %1") if section.topic == "crs" else self.tr("ICANS grade %1")).replace(
                "%1", str(section.grade))
            parts.append(f"<h3>{escape(title)}</h3><table border='1' cellpadding='4' cellspacing='0' width='100%'><tr>")
            for col in section.columns:
                status = {"primary": self.tr("read in the primary text"),
                          "secondary": self.tr("secondary copy: verify"), "label": self.tr("product label")}[col.status]
                parts.append(f"<th valign='top'>{escape(col.name.text(lang))}<br><small>{escape(col.dated)} · "
                             f"{escape(status)}</small></th>")
            parts.append("</tr><tr>")
            for col in section.columns:
                items = "".join(f"<li>{escape(m.text(lang))}</li>" for m in col.steps)
                gaps = "".join(f"<li><i>{escape(m.text(lang))}</i></li>" for m in col.not_read)
                refs = ", ".join(f"<a href='source:{i}'>{i}</a>" for i in col.source_ids)
                parts.append(f"<td valign='top'><ul style='margin-left:-20px'>{items}{gaps}</ul>"
                             f"<small>[{refs}]</small></td>")
            parts.append("</tr></table>")
        note = self.tr("Only rows read in each source are shown; where a row was not read, the column says so. "
                       "Local protocols and the product label take precedence.")
        parts.append(f"<p><small>{escape(note)}</small></p>")
        return "".join(parts)


class IcahtTab(QWidget):
    """A day-by-day count log (typed or loaded from CSV) -> ANC days and the T-ICAHT platelet grade."""

    SAMPLE = "day,anc,plt\n0,1800,140\n1,900,110\n2,400,60\n3,200,45\n4,90,30\n5,80,25\n6,300,40\n7,700,55\n"

    def __init__(self, link: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.result: IcahtResult | None = None
        self.banner = _banner(self)
        self.box = QGroupBox(self)
        col = QVBoxLayout(self.box)
        self.hint = QLabel(self.box)
        self.hint.setWordWrap(True)
        self.counts = QPlainTextEdit(self.box)
        self.counts.setObjectName("icahtCounts")
        self.counts.setPlainText(self.SAMPLE)
        self.unit = QComboBox(self.box)
        for u in ("per-uL", "10^9/L"):
            self.unit.addItem(_unit_text(u), u)
        self.load = QPushButton(self.box)
        self.risk = QComboBox(self.box)
        self.risk.setObjectName("icahtRisk")
        for r in RISKS:
            self.risk.addItem(r, r)
        self.risk_label = QLabel(self.box)
        self.risk_label.setBuddy(self.risk)
        row = QHBoxLayout()
        row.addWidget(self.unit)
        row.addWidget(self.load)
        risk_row = QHBoxLayout()
        risk_row.addWidget(self.risk_label)
        risk_row.addWidget(self.risk, 1)
        col.addWidget(self.hint)
        col.addWidget(self.counts, 1)
        col.addLayout(row)
        col.addLayout(risk_row)
        self.panel = ResultPanel(self, link)
        QVBoxLayout(self).addWidget(_page(self.box, self.panel, self.banner))
        self.risk.currentIndexChanged.connect(self.update_result)
        self.counts.textChanged.connect(self.update_result)
        self.unit.currentIndexChanged.connect(self.update_result)
        self.load.clicked.connect(self._load_file)

    def retranslate(self) -> None:
        self.banner.setText(self.tr(
            "The N-ICAHT grade (EHA/EBMT consensus, Rejeski et al., Blood 2023) is not given: its Table 1 was not "
            "read in the primary text. ANC days are classed by the thresholds read (≤ 500 and ≤ 100/µL, Rejeski "
            "2021 Table 2); platelets are graded by the T-ICAHT table. Missing days are not filled in."))
        self.box.setTitle(self.tr("Count log"))
        self.hint.setText(self.tr("One line per day: day,anc,plt (ANC per µL or ×10⁹/L as chosen below; platelets "
                                  "×10⁹/L). Day 0 is the infusion."))
        self.load.setText(self.tr("&Load CSV…"))
        self.counts.setAccessibleName(self.tr("Count log as CSV"))
        self.unit.setItemText(0, self.tr("ANC per µL"))
        self.unit.setItemText(1, self.tr("ANC ×10⁹/L"))
        self.risk_label.setText(self.tr("ICAHT &risk profile:"))
        for i, text in enumerate((self.tr("not given"), self.tr("low"), self.tr("high"))):
            self.risk.setItemText(i, text)

    def _load_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load counts"), "", self.tr("CSV files (*.csv)"))
        if path:
            try:
                with open(path, encoding="utf-8") as f:
                    self.counts.setPlainText(f.read())
            except (OSError, UnicodeDecodeError) as exc:
                self.panel.show_result("—", _INFO, [error_text(exc, self.lang)], "")

    def update_result(self) -> None:
        try:
            rows = read_counts(self.counts.toPlainText(), anc_unit=str(self.unit.currentData()))
            result = icaht(rows)
            last_anc = next((r.anc for r in reversed(rows) if r.anc is not None), None)
            bundle = management_bundle(str(self.risk.currentData()), last_anc, rows[-1].day)
        except CartrefError as exc:
            self.result = None
            self.panel.show_result("—", _INFO, [error_text(exc, self.lang)], "")
            return
        self.result = result
        parts = [self.tr("Early phase (day 0-30)") if result.phase == "early" else self.tr("Late phase (after day 30)")]
        if result.t_icaht_early is not None:
            parts.append(self.tr("T-ICAHT grade %1 (day 0-30)").replace("%1", str(result.t_icaht_early)))
        if result.t_icaht_late is not None:
            parts.append(self.tr("T-ICAHT grade %1 (day 31-100)").replace("%1", str(result.t_icaht_late)))
        head = " · ".join(parts)
        colour = _STOP if max(result.t_icaht_early or 0, result.t_icaht_late or 0) >= 3 else _INFO
        heading = self.tr("Management for the last logged day (EHA/EBMT consensus, Table 3):")
        self.panel.show_result(head, colour, [*result.reasons(self.lang), heading, *bundle.reasons(self.lang)],
                               _sources_html(result.source_ids, self.tr("Sources:")))


class HematotoxTab(QWidget):
    """No score: the banner, the unit conversions and the risk split for a score taken from the paper."""

    QUANTITIES = ("anc", "hb", "crp", "ferritin")

    def __init__(self, link: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.banner = _banner(self)
        self.banner.setObjectName("hematotoxBanner")
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        self.values: dict[str, QDoubleSpinBox] = {}
        self.units: dict[str, QComboBox] = {}
        self.labels: dict[str, QLabel] = {}
        defaults = {"anc": 1.2, "hb": 90.0, "crp": 30.0, "ferritin": 650.0}
        for q in self.QUANTITIES:
            spin = QDoubleSpinBox(self.box)
            spin.setRange(0.0, 100000.0)
            spin.setDecimals(2)
            spin.setValue(defaults[q])
            unit = QComboBox(self.box)
            for u in UNITS[q]:
                unit.addItem(_unit_text(u), u)
            unit.setCurrentIndex(len(UNITS[q]) - 1)
            row = QHBoxLayout()
            row.addWidget(spin, 1)
            row.addWidget(unit)
            label = QLabel(self.box)
            form.addRow(label, row)
            spin.valueChanged.connect(self.update_result)
            unit.currentIndexChanged.connect(self.update_result)
            self.values[q], self.units[q], self.labels[q] = spin, unit, label
        self.score = QSpinBox(self.box)
        self.score.setObjectName("hematotoxScore")
        self.score.setRange(0, 7)
        self.score_label = QLabel(self.box)
        self.score_label.setWordWrap(True)
        form.addRow(self.score_label, self.score)
        self.score.valueChanged.connect(self.update_result)
        self.panel = ResultPanel(self, link)
        QVBoxLayout(self).addWidget(_page(self.box, self.panel, self.banner))

    def retranslate(self) -> None:
        self.banner.setText(gettext(self.lang)(BANNER))
        self.box.setTitle(self.tr("Unit conversion (to the paper's units)"))
        names = {"anc": self.tr("ANC:"), "hb": self.tr("Haemoglobin:"), "crp": self.tr("CRP:"),
                 "ferritin": self.tr("Ferritin:")}
        for q, text in names.items():
            self.labels[q].setText(text)
        self.score_label.setText(self.tr("Score already worked out from the paper's own figure (risk split only):"))

    def update_result(self) -> None:
        lines = []
        paper = {"anc": "/µL", "hb": "g/dL", "crp": "mg/dL", "ferritin": "ng/mL"}
        for q in self.QUANTITIES:
            unit = str(self.units[q].currentData())
            value = to_paper_unit(q, self.values[q].value(), unit)
            lines.append(f"{self.labels[q].text()} {self.values[q].value():g} {unit} = {value:g} {paper[q]}")
        risk = risk_for_score(self.score.value())
        split = self.tr("Score %1: %2 risk (HT-low 0-1, HT-high 2 or more; myeloma validation, J Hematol Oncol "
                        "2023).").replace("%1", str(self.score.value())).replace(
            "%2", self.tr("high") if risk == "high" else self.tr("low"))
        self.panel.show_result(self.tr("No score calculated"), _INFO, [*lines, split],
                        _sources_html(("CT1", "CT3"), self.tr("Sources:")))


class NeuroWatchTab(QWidget):
    """The Medication Guide's call-now signs and the weekly check for BCMA products."""

    def __init__(self, link: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.result: WatchResult | None = None
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        self.day = QSpinBox(self.box)
        self.day.setRange(0, 3650)
        self.day.setValue(30)
        self.use_temp = QCheckBox(self.box)
        self.temp = QDoubleSpinBox(self.box)
        self.temp.setObjectName("watchTemp")
        self.temp.setRange(30.0, 45.0)
        self.temp.setDecimals(1)
        self.temp.setValue(37.0)
        self.temp.setSuffix(" °C")
        self.day_label = QLabel(self.box)
        self.day_label.setBuddy(self.day)
        form.addRow(self.day_label, self.day)
        form.addRow(self.use_temp, self.temp)
        self.signs: dict[str, QCheckBox] = {}
        for key in SIGNS:
            check = QCheckBox(self.box)
            check.setObjectName(f"sign_{key}")
            form.addRow(check)
            check.toggled.connect(self.update_result)
            self.signs[key] = check
        self.panel = ResultPanel(self, link)
        QVBoxLayout(self).addWidget(_page(self.box, self.panel))
        self.day.valueChanged.connect(self.update_result)
        self.use_temp.toggled.connect(self.update_result)
        self.temp.valueChanged.connect(self.update_result)

    def retranslate(self) -> None:
        _ = gettext(self.lang)
        self.box.setTitle(self.tr("Today's check (cilta-cel and other BCMA products)"))
        self.day_label.setText(self.tr("&Days since infusion:"))
        self.use_temp.setText(self.tr("Temperature measured:"))
        for key, check in self.signs.items():
            check.setText(_(SIGNS[key]))

    def update_result(self) -> None:
        self.temp.setEnabled(self.use_temp.isChecked())
        signs = [k for k, c in self.signs.items() if c.isChecked()]
        result = neuro_watch(day=self.day.value(), temp_c=self.temp.value() if self.use_temp.isChecked() else None,
                             signs=signs)
        self.result = result
        _ = gettext(self.lang)
        weekly = [Msg("Weekly check: %(item)s", item=Msg(text)).text(self.lang) for _k, text in WEEKLY_CHECK]
        if result.call_now:
            head, colour = self.tr("CALL NOW: the care team or emergency help"), _STOP
        else:
            head, colour = self.tr("No call-now sign entered"), _OK
        self.panel.show_result(head, colour, result.reasons(self.lang) + weekly,
                        _sources_html(("G14", "CT21", "CT18"), self.tr("Sources:")))


def _unit_text(unit: str) -> str:
    """A unit code as printed (per-uL is the code the clinical layer takes for /µL)."""
    return {"per-uL": "/µL", "10^9/L": "×10⁹/L", "ug/L": "µg/L"}.get(unit, unit)


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class HandoverTab(QWidget):
    """The team's facts for the handover page; grades and tocilizumab times come from the other tabs."""

    def __init__(self, link: Callable[[str], None], pathway_tab: PathwayTab, toci_tab: TocilizumabTab,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.result: Handover | None = None
        self.pathway_tab, self.toci_tab = pathway_tab, toci_tab
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.product = QComboBox(self.box)
        for p in ("cilta-cel", "ide-cel", "other"):
            self.product.addItem(p, p)
        today = QDate.currentDate()
        self.infusion = QDateEdit(today.addDays(-14), self.box)
        self.infusion.setCalendarPopup(True)
        self.infusion.setDisplayFormat("yyyy-MM-dd")
        self.today = QDateEdit(today, self.box)
        self.today.setDisplayFormat("yyyy-MM-dd")
        self.toci = QLineEdit(self.box)
        self.steroids = QLineEdit(self.box)
        self.counts = QLineEdit(self.box)
        self.prophylaxis = QLineEdit(self.box)
        self.centre = QLineEdit(self.box)
        self.phone = QLineEdit(self.box)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("product", self.product), ("infusion", self.infusion), ("today", self.today),
                            ("toci", self.toci), ("steroids", self.steroids), ("counts", self.counts),
                            ("prophylaxis", self.prophylaxis), ("centre", self.centre), ("phone", self.phone)):
            label = QLabel(self.box)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.labels[key] = label
        self.save = QPushButton(self.box)
        self.save.clicked.connect(self._save)
        form.addRow(self.save)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("handoverPreview")
        QVBoxLayout(self).addWidget(_page(self.box, self.preview, ratio=2))
        for combo in (self.product,):
            combo.currentIndexChanged.connect(self.update_result)
        for date_edit in (self.infusion, self.today):
            date_edit.dateChanged.connect(self.update_result)
        for line in (self.toci, self.steroids, self.counts, self.prophylaxis, self.centre, self.phone):
            line.textChanged.connect(self.update_result)

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Emergency handover (printed in English and Chinese)"))
        self.product.setItemText(2, self.tr("Other product"))
        for date_edit in (self.infusion, self.today):
            date_edit.setDisplayFormat(date_display_format(self.lang))
        texts = {"product": self.tr("&Product:"), "infusion": self.tr("&Infusion date:"), "today": self.tr("&Today:"),
                 "toci": self.tr("Tocilizumab doses (when, mg; blank: taken from the Tocilizumab tab):"),
                 "steroids": self.tr("&Steroid exposure:"), "counts": self.tr("&Counts trend:"),
                 "prophylaxis": self.tr("P&rophylaxis:"), "centre": self.tr("Treating c&entre:"),
                 "phone": self.tr("Centre ph&one (24 h; printed as a QR code):")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.save.setText(self.tr("Save handover sheet (PDF)…"))

    def _toci_lines(self) -> list[str]:
        if self.toci.text().strip():
            return [t for t in self.toci.text().split(";") if t.strip()]
        times = self.toci_tab.times.text().strip()
        return [self.tr("%1 h ago").replace("%1", t.strip()) for t in times.split(",") if t.strip()] if times else []

    def update_result(self) -> None:
        try:
            self.result = handover(
                product=str(self.product.currentData()), infusion=_py_date(self.infusion.date()),
                today=_py_date(self.today.date()), crs_grade=int(self.pathway_tab.crs.currentData()),
                icans_grade=int(self.pathway_tab.icans.currentData()), tocilizumab=self._toci_lines(),
                steroids=self.steroids.text(), counts=self.counts.text(), prophylaxis=self.prophylaxis.text(),
                centre=self.centre.text(), phone=self.phone.text())
        except CartrefError as exc:
            self.result = None
            self.preview.setHtml(escape(error_text(exc, self.lang)))
            return
        self.preview.setHtml(handover_html(self.result).replace("<img src='qr.png' width='110' height='110'>",
                                                                "[QR]"))

    def save_pdf(self, path: str) -> None:
        if self.result is not None:
            from desktop.handouts.sheets import handover_pdf

            _write_sheet(path, handover_pdf(self.result))

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save handover sheet"), "handover.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            _save_in_background(self, path, self.save_pdf)


class InfectionsTab(QWidget):
    """The dated infection-prophylaxis plan; clinician and patient editions, printable as one page."""

    def __init__(self, link: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.result: InfectionPlan | None = None
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        today = QDate.currentDate()
        self.ld = QDateEdit(today.addDays(-5), self.box)
        self.ld.setObjectName("infLd")
        self.infusion = QDateEdit(today, self.box)
        self.infusion.setObjectName("infInfusion")
        for edit in (self.ld, self.infusion):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.hbv = QComboBox(self.box)
        self.hbv.setObjectName("infHbv")
        for key in HBV:
            self.hbv.addItem(key, key)
        self.hbv.setCurrentIndex(HBV.index("unknown"))
        self.risk = QComboBox(self.box)
        self.risk.setObjectName("infRisk")
        for key in INF_RISKS:
            self.risk.addItem(key, key)
        self.risk.setCurrentIndex(INF_RISKS.index("unknown"))
        self.steroids = QSpinBox(self.box)
        self.steroids.setObjectName("infSteroids")
        self.steroids.setRange(0, 365)
        self.prior_bmt = QCheckBox(self.box)
        self.edition = QComboBox(self.box)
        self.edition.setObjectName("infEdition")
        for key in EDITIONS:
            self.edition.addItem(key, key)
        self.labels: dict[str, QLabel] = {}
        for key, widget in (("ld", self.ld), ("infusion", self.infusion), ("hbv", self.hbv), ("risk", self.risk),
                            ("steroids", self.steroids), ("edition", self.edition)):
            label = QLabel(self.box)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.labels[key] = label
        form.addRow(self.prior_bmt)
        # Optional values of today: each table's trigger for this ANC and this IgG is added to the reasons.
        self.use_anc = QCheckBox(self.box)
        self.use_anc.setObjectName("infUseAnc")
        self.anc_day = QSpinBox(self.box)
        self.anc_day.setRange(0, 3650)
        self.anc_day.setValue(10)
        self.anc_day.setPrefix("d ")
        self.anc = QDoubleSpinBox(self.box)
        self.anc.setObjectName("infAnc")
        self.anc.setRange(0.0, 100000.0)
        self.anc.setDecimals(0)
        self.anc.setValue(400.0)
        self.anc.setSuffix(" /µL")
        anc_row = QHBoxLayout()
        anc_row.addWidget(self.anc_day)
        anc_row.addWidget(self.anc)
        form.addRow(self.use_anc, anc_row)
        self.use_igg = QCheckBox(self.box)
        self.use_igg.setObjectName("infUseIgg")
        self.igg = QDoubleSpinBox(self.box)
        self.igg.setObjectName("infIgg")
        self.igg.setRange(0.0, 5000.0)
        self.igg.setDecimals(1)
        self.igg.setValue(400.0)
        self.igg_unit = QComboBox(self.box)
        for unit in IGG_UNITS:
            self.igg_unit.addItem(unit, unit)
        igg_row = QHBoxLayout()
        igg_row.addWidget(self.igg)
        igg_row.addWidget(self.igg_unit)
        form.addRow(self.use_igg, igg_row)
        self.recurrent = QCheckBox(self.box)
        self.weight = QDoubleSpinBox(self.box)
        self.weight.setRange(20.0, 300.0)
        self.weight.setValue(70.0)
        self.weight.setSuffix(" kg")
        form.addRow(self.recurrent, self.weight)
        self.save = QPushButton(self.box)
        self.save.setObjectName("infSave")
        self.save.clicked.connect(self._save)
        form.addRow(self.save)
        self.view = QTextBrowser(self)
        self.view.setObjectName("infView")
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(lambda url: link(url.toString()))
        QVBoxLayout(self).addWidget(_page(self.box, self.view, ratio=2))
        for edit in (self.ld, self.infusion):
            edit.dateChanged.connect(self.update_result)
        for combo in (self.hbv, self.risk, self.edition):
            combo.currentIndexChanged.connect(self.update_result)
        for spin in (self.steroids, self.anc_day, self.anc, self.igg, self.weight):
            spin.valueChanged.connect(self.update_result)
        for check in (self.prior_bmt, self.use_anc, self.use_igg, self.recurrent):
            check.toggled.connect(self.update_result)
        self.igg_unit.currentIndexChanged.connect(self.update_result)

    def retranslate(self) -> None:
        _ = gettext(self.lang)
        self.box.setTitle(self.tr("Infection prophylaxis and immune recovery"))
        self.anc_day.setPrefix(self.tr("d ", "prefix of a day number after the infusion"))
        for edit in (self.ld, self.infusion):
            edit.setDisplayFormat(date_display_format(self.lang))  # 2026年12月1日 in Chinese
        texts = {"ld": self.tr("&Lymphodepletion (first day):"), "infusion": self.tr("&Infusion date:"),
                 "hbv": self.tr("H&BV (HBsAg, HBcAb or HBV DNA):"), "risk": self.tr("CAR-HEMATOTOX &risk:"),
                 "steroids": self.tr("&Steroid days so far:"), "edition": self.tr("&Edition:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        for combo, keys in ((self.hbv, HBV), (self.risk, INF_RISKS), (self.edition, EDITIONS)):
            for i, key in enumerate(keys):
                combo.setItemText(i, _(INF_LABELS[key]))
        self.prior_bmt.setText(self.tr("Prior bone-marrow (stem-cell) transplant"))
        self.use_anc.setText(self.tr("ANC on day:"))
        self.use_igg.setText(self.tr("Latest IgG:"))
        self.recurrent.setText(self.tr("Recurrent sinopulmonary infections; weight for IVIG:"))
        self.save.setText(self.tr("Save plan (&PDF)…"))

    def html(self) -> str:
        return plan_html(self.result, self.lang, str(self.edition.currentData())) if self.result else ""

    def update_result(self) -> None:
        anc_widgets: tuple[QWidget, ...] = (self.anc_day, self.anc)
        igg_widgets: tuple[QWidget, ...] = (self.igg, self.igg_unit, self.recurrent, self.weight)
        for group, on in ((anc_widgets, self.use_anc.isChecked()), (igg_widgets, self.use_igg.isChecked())):
            for widget in group:
                widget.setEnabled(on)
        try:
            self.result = infection_plan(
                ld_date=_py_date(self.ld.date()), infusion=_py_date(self.infusion.date()),
                hbv=str(self.hbv.currentData()), risk=str(self.risk.currentData()),
                steroid_days=self.steroids.value(), prior_bmt=self.prior_bmt.isChecked(),
                day=self.anc_day.value() if self.use_anc.isChecked() else None,
                anc=self.anc.value() if self.use_anc.isChecked() else None,
                igg=self.igg.value() if self.use_igg.isChecked() else None, igg_unit=str(self.igg_unit.currentData()),
                recurrent_infections=self.recurrent.isChecked(),
                weight_kg=self.weight.value() if self.use_igg.isChecked() else None)
        except CartrefError as exc:
            self.result = None
            self.view.setHtml(escape(error_text(exc, self.lang)))
            return
        self.view.setHtml(self.html())

    def save_pdf(self, path: str) -> None:
        """The plan as a one-page A4 landscape PDF (the same sheet `cartref plan infections --out` writes)."""
        if self.result is not None:
            from desktop.handouts.sheets import infection_plan_pdf

            _write_sheet(path, infection_plan_pdf(self.result, self.lang, str(self.edition.currentData())))

    def _save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save infection plan"), "infection-plan.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            _save_in_background(self, path, self.save_pdf)


class ActionTools:
    """Builds the seven tabs for GradingView and keeps them in the view's language."""

    def __init__(self, link: Callable[[str], None], store: ProtocolStore | None = None) -> None:
        self.tocilizumab = TocilizumabTab(link)
        self.tocilizumab.setObjectName("tocilizumabTab")
        self.pathway = PathwayTab(link, store)
        self.pathway.setObjectName("pathwayTab")
        self.icaht = IcahtTab(link)
        self.icaht.setObjectName("icahtTab")
        self.hematotox = HematotoxTab(link)
        self.hematotox.setObjectName("hematotoxTab")
        self.watch = NeuroWatchTab(link)
        self.watch.setObjectName("neuroWatchTab")
        self.handover = HandoverTab(link, self.pathway, self.tocilizumab)
        self.handover.setObjectName("handoverTab")
        self.infections = InfectionsTab(link)
        self.infections.setObjectName("infectionsTab")
        self.pathway.crs.currentIndexChanged.connect(self.handover.update_result)
        self.pathway.icans.currentIndexChanged.connect(self.handover.update_result)
        self.tocilizumab.times.textChanged.connect(self.handover.update_result)

    @property
    def tabs(self) -> tuple[TocilizumabTab | PathwayTab | IcahtTab | HematotoxTab | NeuroWatchTab | HandoverTab
                            | InfectionsTab, ...]:
        return (self.tocilizumab, self.pathway, self.icaht, self.hematotox, self.watch, self.handover,
                self.infections)

    def set_language(self, lang: str) -> None:
        for tab in self.tabs:
            tab.lang = lang
            tab.retranslate()
            tab.update_result()
