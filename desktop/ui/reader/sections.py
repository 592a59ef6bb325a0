"""Section lists (Therapies, Trials, Safety, Patient journey, Glossary) with filters.

Each list shows one entry per page in the chosen language (English with a marker when a
page has no translation), a text filter and, where pages have audiences, an audience filter.
Activating an entry asks the window to open it in the reading pane.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.kb.compare import setting_label
from desktop.kb.store import KnowledgeBase
from desktop.ui.reader.roles import HEADER_ROLE, LINK_ROLE, SNIPPET_ROLE, TITLE_ROLE
from desktop.ui.reader.two_line_delegate import TwoLineDelegate
from desktop.ui.shell.i18n import phase_label

SECTIONS = ("therapies", "trials", "safety", "journey", "glossary")
AUDIENCE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Entry:
    link: str
    title: str
    detail: str
    audience: str = ""
    fallback: bool = False
    step: int = 0


class SectionList(QWidget):
    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.section = section
        self.lang = "en"
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.filter = QLineEdit(self)
        self.filter.setObjectName(f"{section}Filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.audience = QComboBox(self)
        self.audience.setObjectName(f"{section}Audience")
        self.audience.currentIndexChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setObjectName(f"{section}List")
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(TwoLineDelegate(self.list))  # title + muted one-line detail
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.count_label = QLabel(self)

        self.audience_label = QLabel(self)
        self.audience_label.setBuddy(self.audience)  # a screen reader says what the choice is for (D21)

        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.audience_label)
        row.addWidget(self.audience)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count_label)
        self.entries: list[Entry] = []
        self.retranslate()
        self.reload()

    # -- contract -----------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.reload()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self.reload()

    # -- data ---------------------------------------------------------------------------
    def _zh(self) -> bool:
        return self.lang.startswith("zh")

    def load_entries(self) -> list[Entry]:
        kb, zh = self.kb, self._zh()
        out: list[Entry] = []
        if self.section == "therapies":
            for t in kb.therapies():
                name = t.name(self.lang)
                title = f"{name} ({t.brand})" if t.brand else name
                out.append(Entry(f"therapy:{t.id}", title, " · ".join(x for x in (t.target, t.company, ", ".join(t.codes)) if x), "clinician"))
        elif self.section == "trials":
            names = {t.id: t.name(self.lang) for t in kb.therapies()}
            for tr in kb.trials():
                phase = phase_label(tr.phase, self.lang)
                setting = setting_label(tr.setting, self.lang) if tr.setting else ""
                detail = " · ".join(x for x in (names.get(tr.therapy_id, tr.therapy_id), phase, setting) if x)
                out.append(Entry(f"trial:{tr.id}", tr.name, detail, "clinician"))
        elif self.section == "glossary":
            for g in kb.glossary():
                definition = g.definition(self.lang, "patient")
                fallback = zh and not g.term_zh
                out.append(Entry(f"glossary:{g.id}", g.term(self.lang), definition[:140], "", fallback))
            return out
        if self.section in ("therapies", "trials", "safety", "journey"):
            seen: set[str] = set()
            for art in kb.articles(section=self.section):
                if art.id in seen:
                    continue
                seen.add(art.id)
                shown = kb.article(art.id, self.lang) or art
                detail = " · ".join(x for x in (self.audience_text(shown.audience), shown.summary) if x)
                out.append(Entry(f"article:{art.id}", shown.title, detail, shown.audience, shown.fallback and zh, art.step))
        if self.section == "journey":
            # Treatment order from the pages' `step`, patients' pages first, then clinicians' (D23).
            out.sort(key=lambda e: (e.audience != "patient", e.step or 99, e.title))
        return out

    def reload(self) -> None:
        self.entries = self.load_entries()
        self.list.clear()
        group = None
        for e in self.entries:
            if self.section == "journey" and e.audience != group:
                group = e.audience
                self.list.addItem(self._group_header(group))
            shown = self.tr("English")
            title = e.title + (f'  [{shown}]' if e.fallback else "")
            if e.step:
                title = self.tr("{0}. {1}").format(e.step, title)
            item = QListWidgetItem(f"{title}\n{e.detail}" if e.detail else title)  # text: for filtering
            item.setData(TITLE_ROLE, title)
            item.setData(SNIPPET_ROLE, html.escape(e.detail))
            item.setData(LINK_ROLE, e.link)
            item.setData(AUDIENCE_ROLE, e.audience)
            audience = self.audience_text(e.audience)
            item.setToolTip(f"{e.title} ({audience})" if audience else e.title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{e.title}. {audience}")
            self.list.addItem(item)
        self._apply_filter()

    def _group_header(self, audience: str) -> QListWidgetItem:
        text = {"patient": self.tr("For patients and caregivers"), "clinician": self.tr("For clinicians")}.get(audience, "")
        item = QListWidgetItem(text)
        item.setData(TITLE_ROLE, text)
        item.setData(HEADER_ROLE, True)
        item.setData(AUDIENCE_ROLE, audience)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable, opens nothing
        return item

    def audience_text(self, audience: str) -> str:
        return {"patient": self.tr("for patients"), "clinician": self.tr("for clinicians")}.get(audience, "")

    def visible_links(self) -> list[str]:
        return [str(self.list.item(i).data(LINK_ROLE)) for i in range(self.list.count())
                if not self.list.item(i).isHidden() and self.list.item(i).data(LINK_ROLE)]

    def _apply_filter(self) -> None:
        needle = self.filter.text().strip().casefold()
        audience = self.audience.currentData() or ""
        shown = total = 0
        headers: dict[str, QListWidgetItem] = {}
        groups_shown: set[str] = set()
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(HEADER_ROLE):
                headers[str(item.data(AUDIENCE_ROLE))] = item
                continue
            ok = (not needle or needle in item.text().casefold()) and (not audience or item.data(AUDIENCE_ROLE) == audience)
            item.setHidden(not ok)
            shown += ok
            total += 1
            if ok:
                groups_shown.add(str(item.data(AUDIENCE_ROLE)))
        for group, header in headers.items():  # a heading shows while its group has rows shown
            header.setHidden(group not in groups_shown)
        self.count_label.setText(self.tr("{0} of {1} shown").format(shown, total))
        if total == 0:
            self.count_label.setText(self.tr("Nothing in this section yet."))

    def _open(self, item: QListWidgetItem) -> None:
        link = item.data(LINK_ROLE)
        if link:
            self.openRequested.emit(str(link))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down:
            for i in range(self.list.count()):
                if not self.list.item(i).isHidden() and not self.list.item(i).data(HEADER_ROLE):
                    self.list.setCurrentRow(i)
                    self.list.setFocus()
                    return True
        return super().eventFilter(obj, event)

    # -- language -----------------------------------------------------------------------
    def title(self) -> str:
        return {
            "therapies": self.tr("Therapies"), "trials": self.tr("Trials"), "safety": self.tr("Safety"),
            "journey": self.tr("Patient journey"), "glossary": self.tr("Glossary"),
        }.get(self.section, self.section)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(e)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.filter.setPlaceholderText(self.tr("Filter this list"))
        self.filter.setAccessibleName(self.tr("Filter {0}").format(self.title()))
        current = self.audience.currentData() or ""
        self.audience.blockSignals(True)
        self.audience.clear()
        self.audience.addItem(self.tr("Everyone"), "")
        self.audience.addItem(self.tr("Patients and caregivers"), "patient")
        self.audience.addItem(self.tr("Clinicians"), "clinician")
        self.audience.setCurrentIndex(max(0, self.audience.findData(current)))
        self.audience.blockSignals(False)
        self.audience.setAccessibleName(self.tr("Show pages for"))
        self.audience_label.setText(self.tr("Show pages for"))
        self.audience.setVisible(self.section != "glossary")
        self.list.setAccessibleName(self.title())
        self._apply_filter()
