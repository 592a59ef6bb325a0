"""'What changed': the previous vs current installed KB (or any two KB files), with the applied
pack's changelog beside it, and the content corrections with the reason for each (data/corrections.yaml):
those new since the older KB, or, with nothing to compare, every correction the KB in use records."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import CartrefError
from desktop.kb.diff import SECTIONS, KBDiff, diff_kbs
from desktop.kb.installed import read_installed
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import in_language, normalise_lang
from desktop.ui.views.timeline_view import WrappingDelegate

_LINK_KIND = {"articles": "article", "outcomes": "outcome", "centers": "center", "therapies": "therapy", "trials": "trial", "sources": "source", "glossary": "glossary"}


def applied_changelog(lang: str) -> str:
    """The changelog of the pack that produced the current installed KB ('' when none)."""
    try:
        from desktop.packs.apply import installed_info
    except ImportError:
        return ""
    try:
        current = installed_info().current
    except (CartrefError, OSError):
        return ""
    if current is None or not current.pack:
        return ""
    changelog: Any = current.pack.get("changelog") or {}
    if not isinstance(changelog, dict):
        return ""
    return str(changelog.get(lang) or changelog.get("en") or "")


def _installed_files() -> tuple[str, str]:
    """(previous, current) installed KB files, '' for none."""
    try:
        files = read_installed()
    except CartrefError:
        return "", ""
    return (str(files.previous) if files.previous else "", str(files.current) if files.current else "")


class ChangesView(QWidget):
    openRequested = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kb = kb
        self._lang = "en"
        self.diff: KBDiff | None = None
        self._defaults = _installed_files()
        self.old_path = QLineEdit(self._defaults[0])
        self.new_path = QLineEdit(self._defaults[1])
        self.old_label, self.new_label = QLabel(), QLabel()
        self.old_browse, self.new_browse = QPushButton(), QPushButton()
        self.compare = QPushButton()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setWordWrap(True)
        # The change itself takes the free width and wraps; old/new/sources fit their text (D22).
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        tree_header = self.tree.header()
        tree_header.sectionResized.connect(lambda *_a: self.tree.doItemsLayout())
        tree_header.setStretchLastSection(False)
        tree_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            tree_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.changelog_label = QLabel()
        self.changelog = QTextBrowser()
        # The installed files are compared without showing their paths (review D33); the file
        # fields appear only for a user who asks to compare other files.
        self.other_files = QCheckBox()
        self.other_files.setObjectName("compareOtherFiles")
        files_box = QWidget()
        files_box.setVisible(False)
        self.other_files.toggled.connect(files_box.setVisible)
        grid = QGridLayout(files_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.old_label, 0, 0)
        grid.addWidget(self.old_path, 0, 1)
        grid.addWidget(self.old_browse, 0, 2)
        grid.addWidget(self.new_label, 1, 0)
        grid.addWidget(self.new_path, 1, 1)
        grid.addWidget(self.new_browse, 1, 2)
        grid.addWidget(self.compare, 0, 3, 2, 1)
        self.compare_files_visible = files_box
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.changelog_label)
        sl.addWidget(self.changelog)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(side)
        split.setSizes([600, 280])
        layout = QVBoxLayout(self)
        layout.addWidget(self.other_files)
        layout.addWidget(files_box)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self.old_browse.clicked.connect(lambda: self._browse(self.old_path))
        self.new_browse.clicked.connect(lambda: self._browse(self.new_path))
        self.compare.clicked.connect(self.refresh)
        self.tree.itemActivated.connect(self._activated)
        self._relabel()
        self.refresh()

    def set_kb(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        # each installed KB has a file name of its own: follow them unless the user chose files
        if (self.old_path.text(), self.new_path.text()) == self._defaults:
            self._defaults = _installed_files()
            self.old_path.setText(self._defaults[0])
            self.new_path.setText(self._defaults[1])
        self.refresh()

    def set_language(self, lang: str) -> None:
        self._lang = normalise_lang(lang)
        self._relabel()
        self.refresh()

    def compare_files(self, old: Path, new: Path) -> None:
        self.old_path.setText(str(old))
        self.new_path.setText(str(new))
        self.refresh()

    def _relabel(self) -> None:
        self.other_files.setText(self.tr("Compare two other content files…"))
        self.old_label.setText(self.tr("Earlier content file:"))
        self.new_label.setText(self.tr("Later content file:"))
        self.old_browse.setText(self.tr("Choose…"))
        self.new_browse.setText(self.tr("Choose…"))
        self.compare.setText(self.tr("Compare"))
        self.changelog_label.setText(self.tr("Notes of the last content update"))
        self.old_label.setBuddy(self.old_path)
        self.new_label.setBuddy(self.new_path)
        self.old_path.setAccessibleName(self.tr("Earlier content file:").rstrip(":："))
        self.new_path.setAccessibleName(self.tr("Later content file:").rstrip(":："))
        self.changelog.setAccessibleName(self.tr("Notes of the last content update"))
        self.tree.setAccessibleName(self.tr("Changes between the two versions of the content"))
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Old"), self.tr("New"), self.tr("Sources")])

    def _browse(self, field: QLineEdit) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a knowledge base file"), field.text(), "SQLite (*.sqlite *.db);;*")
        if name:
            field.setText(name)
            self.refresh()

    def _section_title(self, table: str, change: str, count: int) -> str:
        tables = {
            "articles": self.tr("Articles"),
            "outcomes": self.tr("Trial results"),
            "centers": self.tr("Centres"),
            "therapies": self.tr("Products"),
            "trials": self.tr("Trials"),
            "rules": self.tr("Rules"),
            "sources": self.tr("Sources"),
            "glossary": self.tr("Glossary"),
        }
        changes = {"added": self.tr("added"), "removed": self.tr("removed"), "edited": self.tr("edited"), "value-changed": self.tr("values changed")}
        return f"{tables.get(table, table)}: {changes.get(change, change)} ({count})"

    def _add_corrections(self, corrections: list[dict[str, Any]], title: str) -> None:
        """One section: each correction (date and what changed) with its reason beneath it."""
        if not corrections:
            return
        parent = QTreeWidgetItem([title.replace("%1", str(len(corrections))), "", "", ""])
        parent.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(parent)
        for c in corrections:
            what = in_language(self._lang, c["what_en"], c["what_zh"])
            reason = in_language(self._lang, c["reason_en"], c["reason_zh"])
            item = QTreeWidgetItem([f"{c['date']} · {what}", "", "", ", ".join(c["source_ids"])])
            item.setToolTip(0, what)
            link = next((r for r in c["refs"] if r.split(":", 1)[0] in _LINK_KIND.values()), "")
            if link:
                item.setData(0, Qt.ItemDataRole.UserRole, link)
            why = QTreeWidgetItem([self.tr("Why: %1").replace("%1", reason), "", "", ""])
            why.setFirstColumnSpanned(True)
            why.setToolTip(0, reason)
            item.addChild(why)
            parent.addChild(item)

    def refresh(self) -> None:
        self.tree.clear()
        self.changelog.setPlainText(applied_changelog(self._lang) or self.tr("No update notes are stored for the content in use."))
        old, new = Path(self.old_path.text().strip()), Path(self.new_path.text().strip())
        if not old.is_file() or not new.is_file():
            self.diff = None
            self.summary.setText(self.tr("Nothing to compare yet: the earlier content is kept only after a content update has been applied."))
            recorded = [c._asdict() | {"refs": list(c.refs), "source_ids": list(c.source_ids)} for c in self._kb.corrections()]
            self._add_corrections(recorded, self.tr("Corrections recorded in this knowledge base, with the reason (%1)"))
            self.tree.expandAll()
            return
        try:
            result = diff_kbs(old, new)
        except CartrefError as exc:
            self.diff = None
            self.summary.setText(str(exc))
            return
        self.diff = result
        om, nm = result.old_meta, result.new_meta
        self.summary.setText(
            self.tr("From version %1 (%2) to version %3 (%4).")
            .replace("%1", om.get("kb_version", "?"))
            .replace("%2", om.get("content_date", "?"))
            .replace("%3", nm.get("kb_version", "?"))
            .replace("%4", nm.get("content_date", "?"))
            + ("" if not result.is_empty else " " + self.tr("No differences."))
        )
        self._add_corrections(result.corrections, self.tr("Corrections since the earlier content, with the reason (%1)"))
        if result.meta_changes:
            meta = QTreeWidgetItem([self.tr("Version information"), "", "", ""])
            self.tree.addTopLevelItem(meta)
            for key, (a, b) in sorted(result.meta_changes.items()):
                meta.addChild(QTreeWidgetItem([key, a[:12] if len(a) == 64 else a, b[:12] if len(b) == 64 else b, ""]))
        for table in SECTIONS:
            for change in ("value-changed", "added", "removed", "edited"):
                items = result.of(table, change)
                if not items:
                    continue
                parent = QTreeWidgetItem([self._section_title(table, change, len(items)), "", "", ""])
                parent.setFirstColumnSpanned(True)
                self.tree.addTopLevelItem(parent)
                for c in items:
                    if change == "value-changed":
                        old_text = ", ".join(f"{k}={c.old.get(k)}" for k in c.fields if k in ("value", "ci_low", "ci_high", "numerator", "denominator"))
                        new_text = ", ".join(f"{k}={c.new.get(k)}" for k in c.fields if k in ("value", "ci_low", "ci_high", "numerator", "denominator"))
                        sources = f"{', '.join(c.old_sources)} → {', '.join(c.new_sources)}"
                    elif change == "edited":
                        old_text, new_text = ", ".join(c.fields), ""
                        sources = ", ".join(c.new_sources)
                    else:
                        old_text = new_text = ""
                        sources = ", ".join(c.new_sources or c.old_sources)
                    child = QTreeWidgetItem([f"{c.title} · {c.key}" if c.title != c.key else c.key, old_text, new_text, sources])
                    kind = _LINK_KIND.get(table)
                    if kind and change != "removed":
                        child.setData(0, Qt.ItemDataRole.UserRole, f"{kind}:{c.key.split('/')[0] if table == 'articles' else c.key}")
                    parent.addChild(child)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 360)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        link = item.data(0, Qt.ItemDataRole.UserRole)
        if link:
            self.openRequested.emit(str(link))
