"""The two-line row painter shared by search results, section lists and bookmarks.

Its own module because QStyle, which painting needs, costs ~15 ms to load in PySide6: the
window's start-up does not pay for it until the first list is drawn.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.reader.roles import HEADER_ROLE, SNIPPET_ROLE, TITLE_ROLE

TITLE_SCALE = 120
_RUN = re.compile(r"<b>(.*?)</b>", re.S)


def _runs(snippet_html: str) -> list[tuple[bool, str]]:
    """`a <b>b</b> c` -> [(False, "a "), (True, "b"), (False, " c")], entities decoded."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in _RUN.finditer(snippet_html):
        if m.start() > pos:
            out.append((False, html.unescape(snippet_html[pos:m.start()])))
        out.append((True, html.unescape(m.group(1))))
        pos = m.end()
    if pos < len(snippet_html):
        out.append((False, html.unescape(snippet_html[pos:])))
    return [(b, t.replace("\n", " ")) for b, t in out if t]


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a result: the title in a larger font, then the snippet with its <b> matches bold.

    Drawn with plain text runs instead of a QTextDocument per row: laying out rich text for
    every visible row cost more than the search itself.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = index.data(TITLE_ROLE)
        if title is None:
            super().paint(painter, option, index)
            return
        widget = opt.widget
        style = widget.style() if widget is not None else None
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(6, 4, -6, -4)
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setPen(opt.palette.color(QPalette.ColorGroup.Active, role))
        header = bool(index.data(HEADER_ROLE))
        tfont = QFont(opt.font)
        if header:
            tfont.setBold(True)
        else:
            tfont.setPointSizeF(tfont.pointSizeF() * TITLE_SCALE / 100)
        tfm = QFontMetrics(tfont)
        painter.setFont(tfont)
        line_top = rect.top() if not header else rect.bottom() - tfm.height()
        painter.drawText(rect.left(), line_top + tfm.ascent(), tfm.elidedText(str(title), Qt.TextElideMode.ElideRight, rect.width()))
        snippet = index.data(SNIPPET_ROLE)
        if snippet and not header:
            x = float(rect.left())
            y = line_top + tfm.height() + QFontMetrics(opt.font).ascent()
            bold = QFont(opt.font)
            bold.setBold(True)
            text_colour = opt.palette.color(QPalette.ColorGroup.Active, role)
            muted = QColor(text_colour)
            if not selected:
                muted.setAlpha(175)  # context words quieter than the matches
            for is_bold, text in _runs(str(snippet)):
                font = bold if is_bold else opt.font
                painter.setPen(text_colour if is_bold else muted)
                fm = QFontMetrics(font)
                room = rect.right() - x
                if room <= fm.averageCharWidth():
                    break
                shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(room))
                painter.setFont(font)
                painter.drawText(int(x), int(y), shown)
                x += fm.horizontalAdvance(shown)
                if shown != text:
                    break
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Two lines (title in a larger font + snippet): computed from font metrics, no layout."""
        title = QFont(option.font)
        title.setPointSizeF(title.pointSizeF() * TITLE_SCALE / 100)
        height = QFontMetrics(title).height() + QFontMetrics(option.font).height() + 10
        return QSize(200, height)
