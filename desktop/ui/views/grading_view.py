"""The "Grading" view: ASTCT CRS grade, ICE score and ICANS grade as live forms.

Each tab is a form on the left and the result on the right: the grade, the findings that
set it (from desktop.clinical, in the reader's language), a one-line chart note with a copy
button, links to the KB's safety articles on the topic (with their sources) and the
citation. The ICANS form can take its ICE score from the ICE tab. No grading logic and no
SQL here: the rules live in desktop.clinical, the articles come from KnowledgeBase.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.clinical import (
    CITATION,
    CONSCIOUSNESS,
    EDEMA,
    HYPOTENSION,
    MOTOR,
    OXYGEN,
    SEIZURE,
    SOURCE_ID,
    TEMP_RANGE_C,
    CrsResult,
    IcansResult,
    IceResult,
    MaskedFeverWithoutCrs,
    crs_grade,
    icans_grade,
    ice_score,
    masked_without_crs_message,
    norm_lang,
)
from desktop.errors import CartrefError
from desktop.kb.records import Article
from desktop.kb.store import KnowledgeBase
from desktop.ui.shell import access
from desktop.ui.shell.i18n import error_text
from desktop.ui.views.clinical_tools import ActionTools, ProtocolStore

# Topics whose articles each tab links to (management pointers and the grading article).
TAB_TOPICS: dict[str, tuple[str, ...]] = {
    "crs": ("crs", "astct-grading", "management"),
    "ice": ("ice", "astct-grading"),
    "icans": ("icans", "ice", "astct-grading", "management"),
}

# Background of the grade badge (white text, contrast >= 4.4:1): grade 0 to grade 4.
_GRADE_COLOURS = ("#5f6b73", "#8a6d00", "#b85c00", "#c62828", "#7b0000")

Result = CrsResult | IceResult | IcansResult



TEMP_RANGE_F = (TEMP_RANGE_C[0] * 9 / 5 + 32, TEMP_RANGE_C[1] * 9 / 5 + 32)  # 86–113 °F


def _number(text: str) -> float | None:
    cleaned = text.replace("°C", "").replace("°F", "").replace("°", "").replace(",", ".").strip().rstrip("CcFf").strip()
    try:
        return float(cleaned)
    except ValueError:
        return None


class TemperatureBox(QDoubleSpinBox):
    """°C, and a temperature typed in °F (102.2) converted to °C with a note, never reverted
    in silence (review D28); a number that is neither is refused with a message (`note`)."""

    note = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lineEdit().textEdited.connect(self._edited)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        return self._state(text), text, pos

    def _state(self, text: str) -> QValidator.State:
        value = _number(text[: len(text) - len(self.suffix())] if text.endswith(self.suffix()) else text)
        if value is not None and (TEMP_RANGE_C[0] <= value <= TEMP_RANGE_C[1] or TEMP_RANGE_F[0] <= value <= TEMP_RANGE_F[1]):
            return QValidator.State.Acceptable
        if text.strip() in ("", "-") or value is not None or _number(text + "0") is not None:
            return QValidator.State.Intermediate
        return QValidator.State.Invalid

    def valueFromText(self, text: str) -> float:
        value = _number(text[: len(text) - len(self.suffix())] if text.endswith(self.suffix()) else text)
        if value is None:
            return self.value()
        if TEMP_RANGE_F[0] <= value <= TEMP_RANGE_F[1] and value > TEMP_RANGE_C[1]:
            celsius = round((value - 32) * 5 / 9, 1)
            self.note.emit(self.tr("{0} °F converted to {1} °C.").format(f"{value:g}", f"{celsius:.1f}"))
            return celsius
        return value

    def _edited(self, text: str) -> None:
        """A new °C value typed by the user retires an earlier conversion or refusal note."""
        value = _number(text)
        if value is not None and TEMP_RANGE_C[0] <= value <= TEMP_RANGE_C[1]:
            self.note.emit("")

    def focusOutEvent(self, event: object) -> None:
        self._refuse_if_invalid()
        super().focusOutEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtCore import Qt as _Qt

        if getattr(event, "key", lambda: None)() in (_Qt.Key.Key_Return, _Qt.Key.Key_Enter):
            self._refuse_if_invalid()
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _refuse_if_invalid(self) -> None:
        text = self.lineEdit().text()
        if self._state(text) != QValidator.State.Acceptable and text.strip():
            lo, hi = TEMP_RANGE_C
            flo, fhi = TEMP_RANGE_F
            self.note.emit(self.tr("“{0}” is not a temperature in °C ({1}–{2}) or °F ({3}–{4}); the previous value is kept.")
                           .format(text.replace(self.suffix(), "").strip()[:20], f"{lo:g}", f"{hi:g}", f"{flo:g}", f"{fhi:g}"))

class _ResultPanel(QFrame):
    """Grade, reasons, chart note with copy button, related articles and the citation."""

    def __init__(self, view: GradingView) -> None:
        super().__init__(view)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.grade_label = QLabel(self)
        font = self.grade_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.grade_label.setFont(font)
        self.grade_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why_heading = QLabel(self)
        self.why_heading.setStyleSheet("font-weight: bold")
        self.reasons_label = QLabel(self)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_heading = QLabel(self)
        self.summary_heading.setStyleSheet("font-weight: bold")
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label.setStyleSheet("padding: 4px; border: 1px solid palette(mid); border-radius: 3px")
        self.copy_button = QPushButton(self)
        self.copied_label = QLabel(self)
        self.copied_label.setWordWrap(True)
        self.articles_heading = QLabel(self)
        self.articles_heading.setStyleSheet("font-weight: bold")
        self.articles_label = QLabel(self)
        self.articles_label.setWordWrap(True)
        self.articles_label.setTextFormat(Qt.TextFormat.RichText)
        self.articles_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.source_label.setProperty("tone", "muted")  # secondary text in the theme's colour (theme.py)
        for label in (self.articles_label, self.source_label):
            label.linkActivated.connect(view.openRequested.emit)

        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied_label, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.grade_label)
        box.addWidget(self.why_heading)
        box.addWidget(self.reasons_label)
        box.addSpacing(6)
        box.addWidget(self.summary_heading)
        box.addWidget(self.summary_label)
        box.addLayout(copy_row)
        box.addSpacing(6)
        box.addWidget(self.articles_heading)
        box.addWidget(self.articles_label)
        box.addStretch(1)
        box.addWidget(self.source_label)

    def show_grade(self, heading: str, grade: int | None, reasons: Sequence[str], summary: str) -> None:
        """`grade` None: not assigned yet (a precondition is unconfirmed), shown in the grade-0 grey."""
        self.grade_label.setText(heading)
        colour = _GRADE_COLOURS[max(0, min(grade or 0, len(_GRADE_COLOURS) - 1))]
        self.grade_label.setStyleSheet(
            f"background-color: {colour}; color: white; border-radius: 4px; padding: 4px 12px")
        self.reasons_label.setText("<ul style='margin-left:-20px'>" + "".join(
            f"<li>{escape(r)}</li>" for r in reasons) + "</ul>")
        self.summary_label.setText(summary)
        access.announce(self.grade_label, f"{heading}. {' '.join(reasons)}")  # said when the grade changes (D21)

    def show_error(self, message: str) -> None:
        self.grade_label.setText("—")
        self.grade_label.setStyleSheet("")
        self.reasons_label.setText(escape(message))
        self.summary_label.setText("")


class GradingView(QWidget):
    """ASTCT CRS / ICE / ICANS calculators that update as the form changes."""

    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None, *,
                 protocol_store: ProtocolStore | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradingView")
        self._kb = kb
        self._lang = "en"
        self._results: dict[str, Result | None] = {"crs": None, "ice": None, "icans": None}
        self._copied_timer = QTimer(self)
        self._copied_timer.setSingleShot(True)
        self._copied_timer.setInterval(4000)
        self._copied_timer.timeout.connect(self._clear_copied)

        self.title = QLabel(self)
        title_font = self.title.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("gradingTabs")

        self._build_crs()
        self._build_ice()
        self._build_icans()
        # The action tools of issue 23, one tab each (desktop/ui/views/clinical_tools.py).
        self.tools = ActionTools(self.openRequested.emit, protocol_store)
        for tab in self.tools.tabs:
            self.tabs.addTab(tab, "")

        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addWidget(self.caption)
        box.addWidget(self.tabs, 1)

        self._retranslate()
        self._reload_articles()
        self._update_all()

    # -- the three forms ---------------------------------------------------------------------

    def _tab(self, form_box: QGroupBox, panel: _ResultPanel) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        col = QVBoxLayout(holder)
        col.addWidget(form_box)
        col.addStretch(1)
        scroll.setWidget(holder)
        row.addWidget(scroll, 1)
        row.addWidget(panel, 1)
        return page

    def _temp_note(self, text: str) -> None:
        self.temp_note.setText(text)
        self.temp_note.setVisible(bool(text))
        self.temp_note.setAccessibleName(text)

    def _build_crs(self) -> None:
        self.crs_box = QGroupBox(self)
        form = QFormLayout(self.crs_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.temp = TemperatureBox(self.crs_box)
        self.temp.setObjectName("crsTemp")
        self.temp_note = QLabel(self.crs_box)
        self.temp_note.setObjectName("crsTempNote")
        self.temp_note.setWordWrap(True)
        self.temp_note.setProperty("tone", "warning")
        self.temp_note.hide()
        self.temp.note.connect(self._temp_note)
        self.temp.setRange(*TEMP_RANGE_C)
        self.temp.setDecimals(1)
        self.temp.setSingleStep(0.1)
        self.temp.setValue(37.0)
        self.temp.setSuffix(" °C")
        self.masked = QCheckBox(self.crs_box)
        self.masked.setObjectName("crsMasked")
        self.diagnosed = QCheckBox(self.crs_box)
        self.diagnosed.setObjectName("crsAlreadyDiagnosed")
        self.not_attributable = QCheckBox(self.crs_box)
        self.not_attributable.setObjectName("crsNotAttributable")
        self.hypotension = QComboBox(self.crs_box)
        self.hypotension.setObjectName("crsHypotension")
        self.oxygen = QComboBox(self.crs_box)
        self.oxygen.setObjectName("crsOxygen")
        for combo, values in ((self.hypotension, HYPOTENSION), (self.oxygen, OXYGEN)):
            for value in values:
                combo.addItem(value, value)
        self.temp_label, self.hypotension_label, self.oxygen_label = QLabel(), QLabel(), QLabel()
        self.masked_hint = QLabel(self.crs_box)
        self.masked_hint.setWordWrap(True)
        self.masked_hint.setProperty("tone", "muted")  # secondary text in the theme's colour (theme.py)
        self.masked_hint.setContentsMargins(22, 0, 0, 0)
        form.addRow(self.temp_label, self.temp)
        form.addRow(self.temp_note)
        form.addRow(self.masked)
        form.addRow(self.masked_hint)
        form.addRow(self.diagnosed)
        form.addRow(self.hypotension_label, self.hypotension)
        form.addRow(self.oxygen_label, self.oxygen)
        form.addRow(self.not_attributable)
        for lbl, w in ((self.temp_label, self.temp), (self.hypotension_label, self.hypotension),
                       (self.oxygen_label, self.oxygen)):
            lbl.setBuddy(w)
        self.temp.valueChanged.connect(self._update_crs)
        self.masked.toggled.connect(self._update_crs)
        self.diagnosed.toggled.connect(self._update_crs)
        self.not_attributable.toggled.connect(self._update_crs)
        self.hypotension.currentIndexChanged.connect(self._update_crs)
        self.oxygen.currentIndexChanged.connect(self._update_crs)
        self.crs_panel = _ResultPanel(self)
        self.crs_panel.copy_button.clicked.connect(lambda: self.copy_summary("crs"))
        self.tabs.addTab(self._tab(self.crs_box, self.crs_panel), "CRS")

    def _build_ice(self) -> None:
        self.ice_box = QGroupBox(self)
        form = QFormLayout(self.ice_box)
        self.ice_parts: dict[str, QSpinBox] = {}
        self.ice_labels: dict[str, QLabel] = {}
        for key, top in (("orientation", 4), ("naming", 3), ("commands", 1), ("writing", 1), ("attention", 1)):
            spin = QSpinBox(self.ice_box)
            spin.setObjectName(f"ice_{key}")
            spin.setRange(0, top)
            spin.setValue(top)
            spin.setSuffix(f" / {top}")
            label = QLabel(self.ice_box)
            label.setWordWrap(True)
            label.setBuddy(spin)
            form.addRow(label, spin)
            spin.valueChanged.connect(self._update_ice)
            self.ice_parts[key] = spin
            self.ice_labels[key] = label
        self.ice_total = QLabel(self.ice_box)
        self.ice_total.setStyleSheet("font-weight: bold")
        form.addRow(self.ice_total)
        self.ice_panel = _ResultPanel(self)
        self.ice_panel.copy_button.clicked.connect(lambda: self.copy_summary("ice"))
        self.tabs.addTab(self._tab(self.ice_box, self.ice_panel), "ICE")

    def _build_icans(self) -> None:
        self.icans_box = QGroupBox(self)
        form = QFormLayout(self.icans_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.icans_ice = QSpinBox(self.icans_box)
        self.icans_ice.setObjectName("icansIce")
        self.icans_ice.setRange(0, 10)
        self.icans_ice.setValue(10)
        self.icans_ice.setSuffix(" / 10")
        self.use_ice_form = QCheckBox(self.icans_box)
        self.use_ice_form.setObjectName("icansUseIceForm")
        self.use_ice_form.setChecked(True)
        self.unarousable = QCheckBox(self.icans_box)
        self.unarousable.setObjectName("icansUnarousable")
        self.consciousness = QComboBox(self.icans_box)
        self.consciousness.setObjectName("icansConsciousness")
        self.seizure = QComboBox(self.icans_box)
        self.seizure.setObjectName("icansSeizure")
        self.motor = QComboBox(self.icans_box)
        self.motor.setObjectName("icansMotor")
        self.edema = QComboBox(self.icans_box)
        self.edema.setObjectName("icansEdema")
        for combo, values in ((self.consciousness, CONSCIOUSNESS), (self.seizure, SEIZURE),
                              (self.motor, MOTOR), (self.edema, EDEMA)):
            for value in values:
                combo.addItem(value, value)
        self.icans_ice_label = QLabel()
        self.consciousness_label, self.seizure_label = QLabel(), QLabel()
        self.motor_label, self.edema_label = QLabel(), QLabel()
        form.addRow(self.icans_ice_label, self.icans_ice)
        form.addRow(self.use_ice_form)
        form.addRow(self.unarousable)
        form.addRow(self.consciousness_label, self.consciousness)
        form.addRow(self.seizure_label, self.seizure)
        form.addRow(self.motor_label, self.motor)
        form.addRow(self.edema_label, self.edema)
        for lbl, w in ((self.icans_ice_label, self.icans_ice), (self.consciousness_label, self.consciousness),
                       (self.seizure_label, self.seizure), (self.motor_label, self.motor),
                       (self.edema_label, self.edema)):
            lbl.setBuddy(w)
        self.icans_ice.valueChanged.connect(self._update_icans)
        self.use_ice_form.toggled.connect(self._update_icans)
        self.unarousable.toggled.connect(self._on_unarousable)
        for combo in (self.consciousness, self.seizure, self.motor, self.edema):
            combo.currentIndexChanged.connect(self._update_icans)
        self.icans_panel = _ResultPanel(self)
        self.icans_panel.copy_button.clicked.connect(lambda: self.copy_summary("icans"))
        self.tabs.addTab(self._tab(self.icans_box, self.icans_panel), "ICANS")

    # -- contract ------------------------------------------------------------------------------

    def set_kb(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._reload_articles()

    def set_language(self, lang: str) -> None:
        self._lang = norm_lang(lang)
        self._retranslate()
        self._reload_articles()
        self._update_all()

    @property
    def language(self) -> str:
        return self._lang

    def result(self, tool: str) -> Result | None:
        """The latest result of a tab ("crs", "ice", "icans"); for tests and the main window."""
        return self._results[tool]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._update_all()
        super().changeEvent(event)

    # -- grading -------------------------------------------------------------------------------

    def _update_all(self) -> None:
        self._update_crs()
        self._update_ice()  # also refreshes ICANS when it follows the ICE tab

    def _update_crs(self) -> None:
        try:
            result = self._grade(self.crs_panel, lambda: crs_grade(
                round(self.temp.value(), 1), fever_masked=self.masked.isChecked(),
                crs_already_diagnosed=self.diagnosed.isChecked(),
                hypotension=str(self.hypotension.currentData()), oxygen=str(self.oxygen.currentData()),
                not_attributable=self.not_attributable.isChecked()))
        except MaskedFeverWithoutCrs:
            # Refused, in the reader's language (the CLI adds its flag name to the same line).
            self.crs_panel.show_error(masked_without_crs_message(self._lang))
            result = None
        self._results["crs"] = result
        if isinstance(result, CrsResult):
            heading = (self.tr("CRS grade not assigned") if result.grade is None
                       else self.tr("CRS grade %1").replace("%1", str(result.grade)))
            self.crs_panel.show_grade(heading, result.grade, result.reasons(self._lang), result.summary(self._lang))

    def _update_ice(self) -> None:
        values = {k: s.value() for k, s in self.ice_parts.items()}
        result = self._grade(self.ice_panel, lambda: ice_score(**values))
        self._results["ice"] = result
        if isinstance(result, IceResult):
            self.ice_total.setText(self.tr("Total: %1 / 10").replace("%1", str(result.score)))
            heading = self.tr("ICE %1/10: ICANS grade %2 by this domain").replace(
                "%1", str(result.score)).replace("%2", str(result.grade))
            self.ice_panel.show_grade(heading, result.grade, result.reasons(self._lang), result.summary(self._lang))
        self._update_icans()

    def _on_unarousable(self, checked: bool) -> None:
        if checked:
            self.consciousness.setCurrentIndex(CONSCIOUSNESS.index("unarousable"))
        self._update_icans()

    def _update_icans(self) -> None:
        unarousable = self.unarousable.isChecked()
        follow = self.use_ice_form.isChecked()
        ice = self._results.get("ice")
        if follow and isinstance(ice, IceResult) and self.icans_ice.value() != ice.score:
            self.icans_ice.blockSignals(True)
            self.icans_ice.setValue(ice.score)
            self.icans_ice.blockSignals(False)
        self.icans_ice.setEnabled(not unarousable and not follow)
        self.use_ice_form.setEnabled(not unarousable)
        self.consciousness.setEnabled(not unarousable)
        result = self._grade(self.icans_panel, lambda: icans_grade(
            ice=None if unarousable else self.icans_ice.value(), unarousable=unarousable,
            consciousness=str(self.consciousness.currentData()), seizure=str(self.seizure.currentData()),
            motor=str(self.motor.currentData()), edema=str(self.edema.currentData())))
        self._results["icans"] = result
        if isinstance(result, IcansResult):
            self.icans_panel.show_grade(self.tr("ICANS grade %1").replace("%1", str(result.grade)),
                                        result.grade, result.reasons(self._lang), result.summary(self._lang))

    def _grade(self, panel: _ResultPanel, compute: Callable[[], Result]) -> Result | None:
        """Run a grading function; a refused combination shows its message instead of a grade."""
        try:
            return compute()
        except MaskedFeverWithoutCrs:
            raise  # the CRS tab words this refusal itself
        except CartrefError as exc:
            panel.show_error(error_text(exc, self._lang))
            return None

    def copy_summary(self, tool: str) -> str:
        """Put the tab's one-line chart note on the clipboard and say so; returns the text."""
        result = self._results[tool]
        if result is None:
            return ""
        text = result.summary(self._lang)
        QGuiApplication.clipboard().setText(text)
        panel = {"crs": self.crs_panel, "ice": self.ice_panel, "icans": self.icans_panel}[tool]
        panel.copied_label.setText(self.tr("Copied to the clipboard."))
        self._copied_timer.start()
        return text

    def _clear_copied(self) -> None:
        for panel in (self.crs_panel, self.ice_panel, self.icans_panel):
            panel.copied_label.setText("")

    # -- related articles ----------------------------------------------------------------------

    def _articles_for(self, topics: Sequence[str]) -> list[Article]:
        """One article per id in the current language (English when there is no translation)."""
        chosen: dict[str, Article] = {}
        for topic in topics:
            for art in self._kb.articles_by_topic(topic):
                have = chosen.get(art.id)
                if have is None or (art.lang == self._lang and have.lang != self._lang):
                    chosen[art.id] = art
        return sorted(chosen.values(), key=lambda a: (a.audience != "clinician", a.id))

    def _reload_articles(self) -> None:
        for tool, panel in (("crs", self.crs_panel), ("ice", self.ice_panel), ("icans", self.icans_panel)):
            articles = self._articles_for(TAB_TOPICS[tool])
            if not articles:
                panel.articles_label.setText(escape(self.tr("No related articles in this knowledge base.")))
                continue
            items = []
            english_only = escape(self.tr("English only"))
            for art in articles:
                audience = self.tr("for clinicians") if art.audience == "clinician" else self.tr("for patients")
                extra = f" · {english_only}" if art.lang != self._lang else ""
                sources = ", ".join(f"<a href='source:{escape(s)}'>{escape(s)}</a>" for s in art.source_ids)
                src = f" <span style='color: palette(placeholder-text)'>[{sources}]</span>" if sources else ""
                items.append(f"<li><a href='article:{escape(art.id)}'>{escape(art.title)}</a> "
                             f"<small>({escape(audience)}{extra})</small>{src}</li>")
            panel.articles_label.setText("<ul style='margin-left:-20px'>" + "".join(items) + "</ul>")
            panel.articles_label.setAccessibleDescription(", ".join(a.title for a in articles))

    # -- labels ---------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Grading: ASTCT consensus"))
        self.caption.setText(self.tr(
            "CRS and ICANS grades after immune effector cell therapy, by the ASTCT consensus. "
            "ICE and ICANS grading here are for adults and children over 12. The grade updates as you "
            "fill in the form; the findings that set it are listed beside it."))
        self.tabs.setTabText(0, self.tr("CRS grade"))
        self.tabs.setTabText(1, self.tr("ICE score"))
        self.tabs.setTabText(2, self.tr("ICANS grade"))
        for i, text in enumerate((self.tr("Tocilizumab"), self.tr("Management pathway"), self.tr("ICAHT counts"),
                                  self.tr("CAR-HEMATOTOX"), self.tr("BCMA neuro watch"),
                                  self.tr("Emergency handover"), self.tr("Infections")), start=3):
            self.tabs.setTabText(i, text)
        self.tools.set_language(self._lang)
        self.tabs.setAccessibleName(self.tr("Grading tools"))

        self.crs_box.setTitle(self.tr("CRS findings"))
        self.temp_label.setText(self.tr("&Temperature:"))
        self.temp.setAccessibleName(self.tr("Temperature in degrees Celsius"))
        self.temp.setToolTip(self.tr("Fever is a temperature of 38 °C or more."))
        self.masked.setText(self.tr("Fever &masked by treatment"))
        self.masked.setAccessibleName(self.tr("Fever masked by antipyretic or anti-cytokine treatment"))
        self.masked_hint.setText(self.tr(
            "CRS was already diagnosed and antipyretic or anti-cytokine treatment (e.g. tocilizumab, steroids) "
            "was then given: fever is no longer required and hypotension and hypoxia set the grade."))
        self.diagnosed.setText(self.tr("CRS already &diagnosed before that treatment"))
        self.diagnosed.setAccessibleName(self.tr("CRS already diagnosed before the antipyretic or anti-cytokine "
                                                 "treatment"))
        self.not_attributable.setText(self.tr("Hypotension / hypoxia &not attributable to another cause"))
        self.not_attributable.setAccessibleName(self.tr(
            "Confirm that hypotension and hypoxia are not attributable to another cause"))
        self.not_attributable.setToolTip(self.tr(
            "Hypotension and hypoxia count as CRS only when not attributable to another cause; until you "
            "confirm, no grade above 1 is assigned. Enter a finding with another cause as none."))
        self.hypotension_label.setText(self.tr("Hypot&ension:"))
        self.hypotension.setAccessibleName(self.tr("Hypotension"))
        self.oxygen_label.setText(self.tr("&Oxygen need (hypoxia):"))
        self.oxygen.setAccessibleName(self.tr("Oxygen need for hypoxia"))
        _relabel(self.hypotension, (
            self.tr("None"),
            self.tr("Not requiring vasopressors"),
            self.tr("One vasopressor (with or without vasopressin)"),
            self.tr("Multiple vasopressors (excluding vasopressin)"),
        ))
        _relabel(self.oxygen, (
            self.tr("None"),
            self.tr("Low-flow nasal cannula (≤ 6 L/min) or blow-by"),
            self.tr("High-flow nasal cannula (> 6 L/min), facemask, non-rebreather or Venturi mask"),
            self.tr("Positive pressure (CPAP, BiPAP, intubation and mechanical ventilation)"),
        ))

        self.ice_box.setTitle(self.tr("ICE tasks (points scored)"))
        ice_texts = {
            "orientation": (self.tr("&Orientation: year, month, city, hospital"), self.tr("Orientation points, 0 to 4")),
            "naming": (self.tr("&Naming: 3 objects (e.g. watch, pen, button)"), self.tr("Naming points, 0 to 3")),
            "commands": (self.tr("Following &commands (e.g. \"show me 2 fingers\")"), self.tr("Following commands point, 0 or 1")),
            "writing": (self.tr("&Writing a standard sentence"), self.tr("Writing point, 0 or 1")),
            "attention": (self.tr("&Attention: count back from 100 by 10"), self.tr("Attention point, 0 or 1")),
        }
        for key, (label, name) in ice_texts.items():
            self.ice_labels[key].setText(label)
            self.ice_parts[key].setAccessibleName(name)

        self.icans_box.setTitle(self.tr("ICANS findings"))
        self.icans_ice_label.setText(self.tr("&ICE score:"))
        self.icans_ice.setAccessibleName(self.tr("ICE score, 0 to 10"))
        self.use_ice_form.setText(self.tr("&Use the score from the ICE tab"))
        self.use_ice_form.setAccessibleName(self.tr("Use the score from the ICE tab"))
        self.unarousable.setText(self.tr("U&narousable: cannot perform the ICE"))
        self.unarousable.setAccessibleName(self.tr("Unarousable and unable to perform the ICE"))
        self.consciousness_label.setText(self.tr("&Consciousness:"))
        self.consciousness.setAccessibleName(self.tr("Level of consciousness"))
        self.seizure_label.setText(self.tr("&Seizure:"))
        self.seizure.setAccessibleName(self.tr("Seizure"))
        self.motor_label.setText(self.tr("&Motor findings:"))
        self.motor.setAccessibleName(self.tr("Motor findings"))
        self.edema_label.setText(self.tr("Raised ICP / cerebral &oedema:"))
        self.edema.setAccessibleName(self.tr("Raised intracranial pressure or cerebral oedema"))
        _relabel(self.consciousness, (
            self.tr("Awake and alert (no finding)"),
            self.tr("Awakens spontaneously"),
            self.tr("Awakens to voice"),
            self.tr("Awakens only to tactile stimulus"),
            self.tr("Unarousable or needs vigorous/repeated tactile stimuli; stupor or coma"),
        ))
        _relabel(self.seizure, (
            self.tr("None"),
            self.tr("Clinical seizure resolving rapidly, or non-convulsive on EEG resolving with intervention"),
            self.tr("Prolonged (> 5 min) or repetitive without return to baseline"),
        ))
        _relabel(self.motor, (
            self.tr("None"),
            self.tr("Deep focal motor weakness (hemiparesis, paraparesis)"),
        ))
        _relabel(self.edema, (
            self.tr("None"),
            self.tr("Focal/local oedema on neuroimaging"),
            self.tr("Diffuse oedema, posturing, cranial nerve VI palsy, papilloedema or Cushing's triad"),
        ))

        source = self.tr("Source:")
        for panel in (self.crs_panel, self.ice_panel, self.icans_panel):
            panel.why_heading.setText(self.tr("Why this grade"))
            panel.summary_heading.setText(self.tr("Chart note"))
            panel.copy_button.setText(self.tr("Cop&y summary"))
            panel.copy_button.setAccessibleName(self.tr("Copy the chart note to the clipboard"))
            panel.articles_heading.setText(self.tr("Management pointers in this reference"))
            panel.grade_label.setAccessibleName(self.tr("Grade"))
            panel.reasons_label.setAccessibleName(self.tr("Findings that set the grade"))
            panel.summary_label.setAccessibleName(self.tr("Chart note"))
            panel.articles_label.setAccessibleName(self.tr("Related articles"))
            panel.source_label.setAccessibleName(self.tr("Source"))
            panel.source_label.setText(
                f"{escape(source)} <a href='source:{SOURCE_ID}'>{escape(CITATION)}</a>")


def _relabel(combo: QComboBox, labels: Sequence[str]) -> None:
    """Replace the visible texts of a combo box, keeping its values and selection."""
    for i, label in enumerate(labels):
        combo.setItemText(i, label)
        combo.setItemData(i, label, Qt.ItemDataRole.ToolTipRole)
