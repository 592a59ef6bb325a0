"""Per-product regulatory timeline (approvals, label and safety-programme changes) and the
dated rules beside it, so a reader sees which rule was in force where and since when."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.kb.rules import regulatory_timeline, rules_for
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import normalise_lang
from desktop.recovery.calendar import period_text
from desktop.ui.shell.i18n import jurisdiction_label

DEFAULT_PRODUCT = "eque-cel"


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the column's current width (QTreeView measures
    rows without a width, so word wrap alone leaves one elided line, review D22)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = self.tree.header().sectionSize(index.column()) - 12
        if index.column() == 0:  # the tree's indentation and branch mark take part of the first column
            depth, parent = 1 if self.tree.rootIsDecorated() else 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= depth * self.tree.indentation()
        if not text or width <= 0:
            return hint
        flags = int(Qt.TextFlag.TextWordWrap)
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class TimelineView(QWidget):
    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kb = kb
        self._lang = "en"
        self.product_label = QLabel()
        self.product = QComboBox()
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setWordWrap(True)
        self.rules = QTreeWidget()
        self.rules.setWordWrap(True)
        for tree in (self.timeline, self.rules):
            tree.setItemDelegate(WrappingDelegate(tree))
            # rows are measured again when a column changes width, so wrapped text shows whole
            tree.header().sectionResized.connect(lambda *_a, t=tree: t.doItemsLayout())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.product_label)
        top.addWidget(self.product, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.timeline)
        split.addWidget(self.rules)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self.product.currentIndexChanged.connect(self._reload)
        self.timeline.itemActivated.connect(self._activated)
        self.rules.itemActivated.connect(self._activated)
        self._relabel()
        self._fill_products()

    def set_kb(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._fill_products()

    def set_language(self, lang: str) -> None:
        self._lang = normalise_lang(lang)
        self._relabel()
        self._fill_products()

    def show_therapy(self, therapy_id: str) -> None:
        index = self.product.findData(therapy_id)
        if index >= 0:
            self.product.setCurrentIndex(index)

    def _relabel(self) -> None:
        self.product_label.setText(self.tr("Product:"))
        self.product_label.setBuddy(self.product)
        self.product.setAccessibleName(self.tr("Product:").rstrip(":："))
        self.timeline.setAccessibleName(self.tr("Regulatory events"))
        self.rules.setAccessibleName(self.tr("Rules in force"))
        self.timeline.setHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Jurisdiction"), self.tr("Event"), self.tr("Sources")])
        self.rules.setHeaderLabels([self.tr("Rule"), self.tr("Jurisdiction"), self.tr("In force"), self.tr("Period"), self.tr("Sources")])

    def _fill_products(self) -> None:
        current = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for t in self._kb.therapies():
            label = t.name(self._lang) + (f" ({t.brand})" if t.brand else "")
            self.product.addItem(label, t.id)
        # First opened on eque-cel, the product most readers come for (review D22), if present.
        index = self.product.findData(current if current else DEFAULT_PRODUCT)
        self.product.setCurrentIndex(max(index, 0))
        self.product.blockSignals(False)
        self._reload()

    def _kind_label(self, kind: str) -> str:
        labels = {
            "approval": self.tr("Approval"),
            "filing": self.tr("Filing"),
            "opinion": self.tr("Regulator's opinion"),
            "indication-change": self.tr("Indication change"),
            "label-change": self.tr("Label change"),
            "safety-programme": self.tr("Safety programme"),
            "safety-communication": self.tr("Safety communication"),
            "designation": self.tr("Designation"),
        }
        return labels.get(kind, kind)

    def _topic_label(self, topic: str) -> str:
        """A rule group's code in words (D19: not "lymphodepletion" in the Chinese window)."""
        labels = {
            "caregiver": self.tr("Caregiver"), "certification": self.tr("Centre certification"),
            "driving": self.tr("Driving"), "long-term-monitoring": self.tr("Long-term monitoring"),
            "lymphodepletion": self.tr("Lymphodepletion"), "monitoring-daily": self.tr("Daily monitoring"),
            "monitoring-period": self.tr("Monitoring period"), "stay-near-centre": self.tr("Staying near the centre"),
            "wallet-card": self.tr("Wallet card"),
        }
        return labels.get(topic, topic)

    def _reload(self) -> None:
        self.timeline.clear()
        self.rules.clear()
        therapy_id = self.product.currentData()
        if not therapy_id:
            self.empty.setText(self.tr("No products in this knowledge base."))
            return
        events = regulatory_timeline(self._kb, str(therapy_id))
        for e in events:
            item = QTreeWidgetItem([e.date, self._kind_label(e.kind), jurisdiction_label(e.jurisdiction, self._lang), e.text(self._lang), ", ".join(e.source_ids)])
            item.setToolTip(3, e.text(self._lang))
            if e.source_ids:
                item.setData(0, Qt.ItemDataRole.UserRole, f"source:{e.source_ids[0]}")
            self.timeline.addTopLevelItem(item)
        by_topic: dict[str, QTreeWidgetItem] = {}
        for rule in rules_for(self._kb, therapy_id=str(therapy_id)):
            parent = by_topic.get(rule.topic)
            if parent is None:
                parent = QTreeWidgetItem([self._topic_label(rule.topic)])
                parent.setFirstColumnSpanned(True)
                self.rules.addTopLevelItem(parent)
                by_topic[rule.topic] = parent
            period = period_text(rule, self._lang)
            child = QTreeWidgetItem([rule.text(self._lang), rule.jurisdiction_label(self._lang), period, rule.value_text, ", ".join(rule.source_ids)])
            child.setToolTip(0, rule.text(self._lang) + ("\n\n" + rule.note_text(self._lang) if rule.note else ""))
            if rule.source_ids:
                child.setData(0, Qt.ItemDataRole.UserRole, f"source:{rule.source_ids[0]}")
            parent.addChild(child)
        self.rules.expandAll()
        for tree in (self.timeline, self.rules):
            for col in (1, 2):
                tree.resizeColumnToContents(col)
            tree.setColumnWidth(0, 110 if tree is self.timeline else 340)
        # The event text takes the free width and wraps; the sources column stays narrow (D22).
        self.timeline.setColumnWidth(2, min(self.timeline.columnWidth(2), 200))  # wraps; the event needs the room
        for tree, text_column in ((self.timeline, 3), (self.rules, 0)):
            header = tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
            tree.doItemsLayout()
        self.empty.setText("" if events else self.tr("No dated regulatory events for this product in the knowledge base."))
        self.empty.setVisible(not events)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        link = item.data(0, Qt.ItemDataRole.UserRole)
        if link:
            self.openRequested.emit(str(link))
