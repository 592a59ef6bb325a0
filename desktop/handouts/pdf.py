"""Lay handout HTML out on A4/Letter with Qt and write PDF, print, or preview images.

The only Qt module in `desktop.handouts` (QtGui + QtPrintSupport, never QtWidgets), so the
CLI can print headless. Every page gets the same header (logo, title, patient) and footer
(notice, content date, KB version and hash, source ids (in large print at the end of the body
only, so the 16 pt footer stays short), "Page n of m"); the body is a
QTextDocument paginated at the body height, so large print reflows onto more pages instead
of being clipped. Layout units are 96-dpi pixels; painters are scaled to the device.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

from desktop import paths
from desktop.errors import UserInputError
from desktop.fileio import write_bytes_atomic
from desktop.handouts.render import (
    CUT_MARGIN_MM,
    PX_PER_MM,
    Options,
    Personal,
    RenderedHandout,
    render_handout,
)
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import Plan

LAYOUT_DPI = 96.0
MARGIN_MM = 12.0
GAP_PX = 8.0
PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}

_app: QGuiApplication | None = None
_family: str | None = None


def ensure_gui_app() -> QGuiApplication:
    """A QGuiApplication for fonts and painting; offscreen when there is no display."""
    global _app
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "cartref"])
    return _app


def cjk_family() -> str:
    """Load the bundled fonts once; the family name of WenQuanYi Micro Hei (Latin and Chinese glyphs).

    DejaVu Sans is loaded with it and set first (`font_families`): WenQuanYi maps the pinyin
    tone letters ǎ ǐ ǒ ǔ ǖ ǘ ǚ ǜ to empty glyphs, so Qt would never fall back for them (D03);
    DejaVu has no CJK, so Chinese falls through to WenQuanYi.
    """
    global _family
    if _family is None:
        ensure_gui_app()
        font_id = QFontDatabase.addApplicationFont(str(paths.resource_path("fonts", "wqy-microhei.ttc")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError("the bundled CJK font resources/fonts/wqy-microhei.ttc could not be loaded")
        for name in LATIN_FONT_FILES:
            QFontDatabase.addApplicationFont(str(paths.resource_path("fonts", name)))
        _family = families[0]
    return _family


LATIN_FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
LATIN_FAMILY = "DejaVu Sans"


def font_families() -> list[str]:
    """The families every handout is set in, in fallback order: Latin first, then CJK."""
    return [LATIN_FAMILY, cjk_family()]


def _font(size_pt: float) -> QFont:
    font = QFont()
    font.setFamilies(font_families())
    font.setPointSizeF(size_pt)
    return font


def uncovered(text: str) -> list[str]:
    """The characters of `text` that no embedded font draws, by Unicode name (warned before printing)."""
    from PySide6.QtGui import QFontMetrics

    metrics = [QFontMetrics(QFont(family)) for family in font_families()]
    missing: list[str] = []
    for ch in dict.fromkeys(text):
        if ch.isspace() or unicodedata.category(ch).startswith("C"):
            continue
        if not any(m.inFontUcs4(ord(ch)) for m in metrics):
            missing.append(f"{ch} U+{ord(ch):04X} {unicodedata.name(ch, '')}".rstrip())
    return missing


def _page_size_px(paper: str) -> QSizeF:
    size = QPageSize(PAGE_SIZES[paper]).size(QPageSize.Unit.Inch)
    return QSizeF(size.width() * LAYOUT_DPI, size.height() * LAYOUT_DPI)


def _text_doc(html: str, size_pt: float, width: float, images: dict[str, bytes] | None = None) -> QTextDocument:
    doc = QTextDocument()
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(_font(size_pt))
    for name, data in (images or {}).items():
        image = QImage.fromData(data)
        if not image.isNull():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    spacer = QImage(1, 1, QImage.Format.Format_ARGB32)
    spacer.fill(Qt.GlobalColor.transparent)
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("spacer.png"), spacer)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def _draw_doc(painter: QPainter, doc: QTextDocument, clip: QRectF | None = None) -> None:
    ctx = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#111111"))
    ctx.palette = palette
    if clip is not None:
        # The layout draws every line that touches its clip; a line starting exactly on the page
        # break would be drawn (invisibly, but in the PDF's text) on the page before it too: a
        # heading or a phone number printed twice, cut in the text layer (D31). Half a pixel in.
        ctx.clip = clip.adjusted(0, 0.5, 0, -0.5)
        painter.setClipRect(clip)
    doc.documentLayout().draw(painter, ctx)


@dataclass
class PageGeometry:
    width: float
    height: float
    margin: float
    header_h: float
    footer_h: float

    @property
    def body_width(self) -> float:
        return self.width - 2 * self.margin

    @property
    def body_top(self) -> float:
        return self.margin + self.header_h + GAP_PX

    @property
    def body_height(self) -> float:
        return self.height - 2 * self.margin - self.header_h - self.footer_h - 2 * GAP_PX


class HandoutDocument:
    """A rendered handout laid out on paper: page count, page painting, PDF and printing."""

    def __init__(self, rendered: RenderedHandout) -> None:
        self.rendered = rendered
        self.uncovered: list[str] = []
        """Characters typed in the personal fields that no embedded font draws (by name)."""
        sizes = rendered.sizes
        page = _page_size_px(rendered.options.paper)
        margin = MARGIN_MM * PX_PER_MM
        body_w = page.width() - 2 * margin
        self.header = _text_doc(rendered.header_html, sizes.footer + 1, body_w, rendered.images)
        self.body = _text_doc(rendered.html, sizes.body, body_w, rendered.images)
        # The footer's height is measured with the widest page label, then fixed for all pages.
        probe = self._footer_doc(88, 88, body_w)
        self.geometry = PageGeometry(page.width(), page.height(), margin, self.header.size().height(), probe.size().height())
        self.body.setPageSize(QSizeF(body_w, self.geometry.body_height))
        if rendered.spec.keep_tables_whole:
            self._keep_tables_whole()
        self.page_count = max(1, self.body.pageCount())
        self._card_docs = [(self._card_doc(c.front_html), self._card_doc(c.back_html)) for c in rendered.cards]

    def _keep_tables_whole(self) -> None:
        """Start each top-level table that fits on one page but would cross a page break on a new page.

        Qt's pagination only moves rows; a month grid or the care-team box cut in half reads
        badly on paper, so such a table gets a page break before it (one at a time, relaid).
        """
        page_h = self.geometry.body_height
        # Calendar handouts keep every box whole (month grids); the others boxes up to 80 % of a
        # page (the care-team box with its QR codes: Qt would cut a row's line in half at the
        # break, its QR on the next page), so only a really long table runs on.
        largest = 0.9 if self.rendered.spec.calendar else 0.8
        layout = self.body.documentLayout()
        for _ in range(64):
            moved = False
            for frame in self.body.rootFrame().childFrames():
                if not isinstance(frame, QTextTable) or frame.format().headerRowCount() > 0:
                    continue  # a table with a repeated header row (a log sheet) may run on
                rect = layout.frameBoundingRect(frame)
                if rect.height() >= page_h * largest:
                    continue
                fmt = frame.format()
                if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    continue
                if int(rect.top() // page_h) != int((rect.bottom() - 1) // page_h):
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    frame.setFormat(fmt)
                    moved = True
                    break
            if not moved:
                return

    def _footer_doc(self, page: int, pages: int, width: float) -> QTextDocument:
        html = self.rendered.footer_html.replace("__PAGE__", str(page)).replace("__PAGES__", str(pages))
        return _text_doc(html, self.rendered.sizes.footer, width)

    def _card_doc(self, html: str) -> QTextDocument:
        """A card panel wraps at word boundaries only: a number never breaks inside a digit group;
        a line too wide shrinks the panel instead (`_fit`)."""
        doc = _text_doc(html, 7.0, 100.0, self.rendered.images)
        option = doc.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(option)
        return doc

    # -- painting ---------------------------------------------------------------------
    def paint_page(self, painter: QPainter, index: int) -> None:
        """Paint page `index` (0-based) with the painter in 96-dpi layout pixels at the paper's corner."""
        g = self.geometry
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        # header
        painter.save()
        painter.translate(g.margin, g.margin)
        _draw_doc(painter, self.header)
        painter.restore()
        line_pen = QPen(QColor("#123c69"))
        line_pen.setWidthF(0.8)
        painter.setPen(line_pen)
        y = g.margin + g.header_h + GAP_PX / 2
        painter.drawLine(QPointF(g.margin, y), QPointF(g.width - g.margin, y))
        # body slice
        painter.save()
        painter.translate(g.margin, g.body_top - index * g.body_height)
        _draw_doc(painter, self.body, QRectF(0, index * g.body_height, g.body_width, g.body_height))
        painter.restore()
        if index == 0 and self._card_docs:
            painter.save()
            painter.translate(g.margin, g.body_top)
            self._paint_cards(painter)
            painter.restore()
        # footer
        fy = g.height - g.margin - g.footer_h
        painter.setPen(line_pen)
        painter.drawLine(QPointF(g.margin, fy - GAP_PX / 2), QPointF(g.width - g.margin, fy - GAP_PX / 2))
        painter.save()
        painter.translate(g.margin, fy)
        _draw_doc(painter, self._footer_doc(index + 1, self.page_count, g.body_width))
        painter.restore()
        painter.restore()

    def _paint_cards(self, painter: QPainter) -> None:
        """Front and back of the wallet card side by side (fold line between), with cut marks."""
        card = self.rendered.cards[0]
        w, h = card.width_mm * PX_PER_MM, card.height_mm * PX_PER_MM
        m = CUT_MARGIN_MM * PX_PER_MM
        outer = QRectF(m, m, 2 * w, h)
        thin = QPen(QColor("#c8c8c8"))
        thin.setWidthF(0.5)
        painter.setPen(thin)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(outer)
        fold = QPen(QColor("#555555"))
        fold.setWidthF(0.6)
        fold.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(fold)
        painter.drawLine(QPointF(m + w, m), QPointF(m + w, m + h))
        cut = QPen(QColor("#000000"))
        cut.setWidthF(0.7)
        painter.setPen(cut)
        tick = m * 0.8
        for x in (outer.left(), outer.right()):
            for yy in (outer.top(), outer.bottom()):
                dx = -1 if x == outer.left() else 1
                dy = -1 if yy == outer.top() else 1
                painter.drawLine(QPointF(x + dx * 2, yy), QPointF(x + dx * (2 + tick), yy))
                painter.drawLine(QPointF(x, yy + dy * 2), QPointF(x, yy + dy * (2 + tick)))
        for yy in (outer.top(), outer.bottom()):  # fold marks outside the card
            dy = -1 if yy == outer.top() else 1
            painter.drawLine(QPointF(m + w, yy + dy * 2), QPointF(m + w, yy + dy * (2 + tick)))
        front, back = self._card_docs[0]
        pad = 2.2 * PX_PER_MM
        for i, doc in enumerate((front, back)):
            rect = QRectF(m + i * w + pad, m + pad, w - 2 * pad, h - 2 * pad)
            scale = _fit(doc, rect.width(), rect.height())
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(scale, scale)
            _draw_doc(painter, doc, QRectF(0, 0, rect.width() / scale, rect.height() / scale))
            painter.restore()

    # -- outputs ----------------------------------------------------------------------
    def _page_layout(self) -> QPageLayout:
        return QPageLayout(QPageSize(PAGE_SIZES[self.rendered.options.paper]), QPageLayout.Orientation.Portrait,
                           QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)

    def _paint_all(self, painter: QPainter, device: QPagedPaintDevice, resolution: float, pages: list[int] | None = None) -> None:
        scale = resolution / LAYOUT_DPI
        wanted = pages if pages is not None else list(range(self.page_count))
        for n, index in enumerate(wanted):
            if n:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            self.paint_page(painter, index)
            painter.restore()

    def write_pdf(self, path: Path) -> Path:
        """Write the PDF atomically and completely, or not at all.

        Qt paints into memory (QPdfWriter reports no write errors, and it would mangle a file name
        that is not UTF-8: F14, F21); the bytes are checked to be a whole PDF, written beside the
        target, flushed and renamed (a full disk raises there), and the result is checked again.
        A device, folder or pipe is never written over (F15).
        """
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from desktop.outputs import check_output_file, check_written

        path = check_output_file(path)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setPageLayout(self._page_layout())
        writer.setResolution(300)
        writer.setTitle(self.rendered.title)
        writer.setCreator("CAR-T Reference")
        painter = QPainter()
        if not painter.begin(writer):
            raise UserInputError(f"cannot write {path}")
        try:
            self._paint_all(painter, writer, writer.resolution())
        finally:
            painter.end()
        del writer
        buffer.close()
        pdf = bytes(data.data())
        if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-64:]:
            raise UserInputError(f"cannot write {path}: the PDF came out incomplete")
        try:
            write_bytes_atomic(path, pdf, mode=0o644)
        except OSError as exc:  # missing folder, no permission, disk full: nothing is left behind
            raise UserInputError(f"cannot write {path}: {exc.strerror or exc}") from None
        check_written(path, len(pdf))
        return path

    def print_to(self, printer: object, copies: int = 1) -> None:
        """Print on a QPrinter (or the print-preview's printer); imported lazily, no QtWidgets."""
        from PySide6.QtPrintSupport import QPrinter

        assert isinstance(printer, QPrinter)
        printer.setPageLayout(self._page_layout())
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            raise UserInputError("the printer could not be opened")
        try:
            for copy in range(max(1, copies)):
                if copy:
                    printer.newPage()
                self._paint_all(painter, printer, float(printer.resolution()))
        finally:
            painter.end()

    def page_image(self, index: int, dpi: float = 72.0) -> QImage:
        """One page as an image (live preview, thumbnails)."""
        scale = dpi / LAYOUT_DPI
        g = self.geometry
        image = QImage(max(1, round(g.width * scale)), max(1, round(g.height * scale)), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        self.paint_page(painter, index)
        painter.end()
        return image


def _fit(doc: QTextDocument, width: float, height: float, largest: float = 1.8) -> float:
    """Largest scale (<= `largest`) at which the document fits the box: lay out at width/scale,
    paint scaled, so small cards fill their space and long text shrinks instead of clipping.
    A line that cannot wrap (a phone number beside its QR) must fit the width too."""

    def fits(scale: float) -> bool:
        doc.setTextWidth(width / scale)
        return doc.size().height() * scale <= height + 0.5 and doc.idealWidth() <= width / scale + 1.5

    lo, hi = 0.2, largest
    if fits(hi):
        return hi
    for _ in range(12):
        mid = (lo + hi) / 2
        if fits(mid):
            lo = mid
        else:
            hi = mid
    fits(lo)
    return lo


@dataclass
class PdfResult:
    path: Path
    pages: int
    rendered: RenderedHandout


SHRINK_STEPS = (1.0, 0.93, 0.86, 0.8)


def layout(kb: KnowledgeBase, name: str, plan: Plan, options: Options | None = None,
           personal: Personal | None = None) -> HandoutDocument:
    """Render and lay out; a one-page clinician summary shrinks its type (to 80 %) to stay on one page."""
    ensure_gui_app()
    options = options or Options()
    doc = HandoutDocument(render_handout(kb, name, plan, options, personal))
    if personal is not None:
        typed = " ".join([personal.patient, personal.note, *(c.label for c in personal.contacts)])
        doc.uncovered = uncovered(typed)
    spec = doc.rendered.spec
    if spec.audience == "clinician" and not options.large_print:
        for factor in SHRINK_STEPS[1:]:
            if doc.page_count <= spec.max_pages:
                break
            uncovered_chars = doc.uncovered
            doc = HandoutDocument(render_handout(kb, name, plan, options, personal, shrink=factor))
            doc.uncovered = uncovered_chars
    return doc


def render_pdf(kb: KnowledgeBase, name: str, out: Path, plan: Plan, options: Options | None = None,
               personal: Personal | None = None) -> PdfResult:
    """Render handout `name` for `plan` to `out` (PDF) and report its page count."""
    doc = layout(kb, name, plan, options, personal)
    doc.write_pdf(out)
    return PdfResult(Path(out), doc.page_count, doc.rendered)
