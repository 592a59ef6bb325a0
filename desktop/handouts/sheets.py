"""Clinical sheets (bedside flow sheet, emergency handover, infection plan) as one-page PDFs.

The window and the CLI both print through here, so `cartref handover --out` and the window's
"Save" give the same page: Qt's text layout on an A4 landscape page, set in the bundled fonts
(DejaVu Sans, then WenQuanYi for Chinese) and shrunk from the largest size that keeps it on one
page. QtGui only, like desktop.handouts.pdf, so the CLI prints headless.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.handouts.pdf import _font, ensure_gui_app

if TYPE_CHECKING:
    from desktop.clinical.handover import Handover
    from desktop.clinical.infections import InfectionPlan

PAGE_MARKER = b"/Type /Page\n"


def pdf_bytes(html: str, point_size: float, images: dict[str, bytes] | None = None, *,
              landscape: bool = True) -> bytes:
    """One rendering of `html` at `point_size` (may run over several pages)."""
    ensure_gui_app()
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    doc = QTextDocument()
    doc.setDefaultFont(_font(point_size))
    for name, png in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
    doc.setHtml(html)
    doc.print_(writer)
    del writer
    buffer.close()
    return bytes(out.data())


def one_page_pdf(html: str, sizes: Sequence[float], images: dict[str, bytes] | None = None, *,
                 landscape: bool = True) -> bytes:
    """The largest of `sizes` (points, descending) that keeps the sheet on one page; else the smallest."""
    data = b""
    for size in sizes:
        data = pdf_bytes(html, size, images, landscape=landscape)
        if data.count(PAGE_MARKER) <= 1:
            break
    return data


def qr_png(text: str) -> bytes:
    """A QR code (error level M) as PNG bytes, for the centre's `tel:` link."""
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=6, border=4)
    return buf.getvalue()


HANDOVER_SIZES = (8.0, 7.0, 6.0)
PLAN_SIZES = (8.0, 7.5, 7.0, 6.5, 6.0)


def handover_pdf(h: Handover) -> bytes:
    """The emergency handover sheet, with a QR of the treating centre's number when one is given."""
    from desktop.clinical.handover import handover_html

    images = {"qr.png": qr_png(f"tel:{h.phone}")} if h.phone else {}
    return one_page_pdf(handover_html(h), HANDOVER_SIZES, images)


def infection_plan_pdf(plan: InfectionPlan, lang: str, edition: str) -> bytes:
    """The infection prophylaxis plan in one edition (clinician or patient)."""
    from desktop.clinical.infections import plan_html

    return one_page_pdf(plan_html(plan, lang, edition), PLAN_SIZES)
