"""The offline map: country outlines drawn with QPainter, centre pins, the searched place.

No tiles and no network: the outlines are the bundled Natural Earth file, projected once to
Mercator units (desktop.geo.outlines) and kept as one QPainterPath per country. Each frame
fills only the countries whose bounds meet the view, so panning and zooming stay well above
30 frames per second even offscreen. Pins keep their pixel size at every zoom.

Interaction: wheel or +/- zooms (around the cursor for the wheel), dragging or the arrow keys
pan, 0 or Home fits the pins, a click on a pin emits `pinClicked(center_id)`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import (
    QByteArray,
    QDataStream,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.geo.outlines import X_SCALE, load_outline_records, project, unproject


def _badge(p: QPainter, box: QRectF, text: str, colour: QColor, opacity: int) -> None:
    """A label on a translucent white rounded box, readable over land, sea and lines."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255, opacity))
    p.drawRoundedRect(box, 3, 3)
    p.setPen(colour)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


SEA = QColor("#dbe9f4")
LAND = QColor("#f6f3ea")
BORDER = QColor("#b9b3a3")
TRIAL_PIN = QColor("#1f5fa8")
CERTIFIED_PIN = QColor("#2e8b57")
ORIGIN = QColor("#c0392b")
LINK = QColor("#c0392b")
MIN_SCALE = 1.5      # pixels per projected degree (whole world in ~540 px)
MAX_SCALE = 4000.0   # about a city block
FIT_MAX_SCALE = 80.0  # a fit never zooms closer than ~9° across: keep coasts and borders for context
PIN_RADIUS = 6.0
HIT_RADIUS = 10.0
SITE_PIN = QColor("#8e44ad")
CLUSTER = QColor("#1f5fa8")
CLUSTER_CELL = 44.0  # pixels: pins closer than a grid cell are drawn as one counted circle
CLUSTER_MIN = 60     # fewer visible pins than this are always drawn one by one


@dataclass(frozen=True)
class Pin:
    """A centre on the map."""

    id: str
    lat: float
    lon: float
    label: str
    kind: str = "trial"


@dataclass
class _Country:
    path: QPainterPath
    bounds: QRectF


_COUNTRIES: list[_Country] | None = None


def _cluster_radius(n: int) -> float:
    return min(PIN_RADIUS + 4 + 6 * math.log10(n), CLUSTER_CELL / 2 - 2)


def _merge_overlapping(raw: list[tuple[float, float, int]]) -> list[tuple[float, float, int, float]]:
    """Clusters of neighbouring grid cells whose circles would overlap become one (largest first,
    a weighted mean position), so counts never sit on top of each other."""
    accepted: list[list[float]] = []  # [x, y, n]
    grid: dict[tuple[int, int], list[int]] = {}
    for x, y, n in sorted(raw, key=lambda c: -c[2]):
        cx, cy = int(x // CLUSTER_CELL), int(y // CLUSTER_CELL)
        into = None
        for gx in (cx - 1, cx, cx + 1):
            for gy in (cy - 1, cy, cy + 1):
                for i in grid.get((gx, gy), ()):
                    ax, ay, an = accepted[i]
                    if math.hypot(ax - x, ay - y) < _cluster_radius(int(an)) + _cluster_radius(n) + 2:
                        into = i
                        break
                if into is not None:
                    break
            if into is not None:
                break
        if into is None:
            grid.setdefault((cx, cy), []).append(len(accepted))
            accepted.append([x, y, float(n)])
        else:
            ax, ay, an = accepted[into]
            total = an + n
            accepted[into] = [(ax * an + x * n) / total, (ay * an + y * n) / total, total]
    return [(x, y, int(n), _cluster_radius(int(n))) for x, y, n in accepted]


def _ring_polygon(ring: bytes) -> QPolygonF:
    """A stored ring (uint32 LE count + float32 LE lon/lat pairs) as a QPolygonF.

    That layout is what QDataStream reads a QPolygonF from (little-endian, single precision),
    so Qt decodes the bytes directly: no per-point Python, a few milliseconds for the world.
    """
    data = QByteArray(ring)
    stream = QDataStream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    stream.setFloatingPointPrecision(QDataStream.FloatingPointPrecision.SinglePrecision)
    polygon = QPolygonF()
    stream >> polygon  # QDataStream operator>> fills `polygon`
    return polygon


def _countries() -> list[_Country]:
    """Outlines as projected painter paths, built once per process."""
    global _COUNTRIES
    if _COUNTRIES is None:
        built: list[_Country] = []
        try:
            outlines = load_outline_records()
        except (OSError, ValueError):
            outlines = []
        for o in outlines:
            path = QPainterPath()  # in lon/lat: the painter's transform does the projecting
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for ring in o.rings:
                path.addPolygon(_ring_polygon(ring))
                path.closeSubpath()
            built.append(_Country(path, path.boundingRect()))
        _COUNTRIES = built
    return _COUNTRIES


class MapWidget(QWidget):
    """A pannable, zoomable map of pins over the bundled country outlines."""

    pinClicked = Signal(str)
    viewChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.pins: list[Pin] = []
        self.origin: tuple[float, float, str] | None = None
        self.links: list[tuple[str, str]] = []  # (centre id, distance text)
        self.selected: str | None = None
        self.attribution = "Natural Earth"
        self.hint = ""
        # view state: the projected point at the widget centre, and pixels per projected unit
        self.cx, self.cy = project(30.0, 110.0)
        self.scale = 8.0
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragged = False
        self._hover: str | None = None
        self._pin_pos: dict[str, QPointF] = {}
        # the last fit request is re-applied on resize until the user moves the map
        self._fit_points: list[tuple[float, float]] | None = None
        self._land: QPixmap | None = None
        self._land_key: tuple[float, int, int, float] | None = None
        self._land_origin = (0.0, 0.0)
        self._auto_fit = False
        self._projected: list[tuple[Pin, float, float]] = []
        self._clusters: list[tuple[QPointF, int, float]] = []  # (screen centre, count, radius)
        self._layout_key: tuple[object, ...] | None = None
        self._layout_cache: tuple[list[tuple[str, float, float]], list[tuple[float, float, int, float]]] | None = None
        self.note = ""
        """One line drawn at the top of the map: what the pins are (issue 22)."""

    def sizeHint(self) -> QSize:
        return QSize(640, 420)

    # -- content --------------------------------------------------------------------------
    def set_pins(self, pins: list[Pin]) -> None:
        self.pins = list(pins)
        # projected once here, not at every frame: a frame then costs a multiply-add per pin
        self._projected = [(pin, *project(pin.lat, pin.lon)) for pin in self.pins]
        if self.selected not in {p.id for p in self.pins}:
            self.selected = None
        self.update()

    def set_origin(self, lat: float | None, lon: float | None, label: str = "") -> None:
        self.origin = None if lat is None or lon is None else (lat, lon, label)
        self.update()

    def set_links(self, links: list[tuple[str, str]]) -> None:
        """Lines from the origin to these centres, each labelled with its distance text."""
        self.links = list(links)
        self.update()

    def set_selected(self, center_id: str | None) -> None:
        self.selected = center_id
        self.update()

    # -- view -----------------------------------------------------------------------------
    def to_screen(self, lat: float, lon: float) -> QPointF:
        x, y = project(lat, lon)
        return QPointF((x - self.cx) * self.scale + self.width() / 2, (y - self.cy) * self.scale + self.height() / 2)

    def to_geo(self, point: QPointF) -> tuple[float, float]:
        x = (point.x() - self.width() / 2) / self.scale + self.cx
        y = (point.y() - self.height() / 2) / self.scale + self.cy
        return unproject(x, y)

    def _clamp(self) -> None:
        self.scale = max(MIN_SCALE, min(MAX_SCALE, self.scale))
        self.cx = max(-200.0, min(200.0, self.cx))
        top, bottom = project(85.0, 0)[1], project(-85.0, 0)[1]
        self.cy = max(top, min(bottom, self.cy))

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom by `factor`, keeping the point under `anchor` (default: the centre) still."""
        if anchor is None:
            anchor = QPointF(self.width() / 2, self.height() / 2)
        ax = (anchor.x() - self.width() / 2) / self.scale + self.cx
        ay = (anchor.y() - self.height() / 2) / self.scale + self.cy
        self._auto_fit = False
        self.scale *= factor
        self._clamp()
        self.cx = ax - (anchor.x() - self.width() / 2) / self.scale
        self.cy = ay - (anchor.y() - self.height() / 2) / self.scale
        self._clamp()
        self.update()
        self.viewChanged.emit()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map content by (dx, dy) pixels."""
        self._auto_fit = False
        self.cx -= dx / self.scale
        self.cy -= dy / self.scale
        self._clamp()
        self.update()
        self.viewChanged.emit()

    def center_on(self, lat: float, lon: float) -> None:
        self.cx, self.cy = project(lat, lon)
        self._clamp()
        self.update()
        self.viewChanged.emit()

    def fit(self, points: list[tuple[float, float]] | None = None, margin: float = 48.0) -> None:
        """Show all `points` (default: the pins and the origin) with a margin in pixels."""
        if points is None:
            points = [(p.lat, p.lon) for p in self.pins]
            if self.origin is not None:
                points.append((self.origin[0], self.origin[1]))
        self._fit_points, self._auto_fit = list(points), True
        self._apply_fit(points, margin)
        self.viewChanged.emit()

    def _apply_fit(self, points: list[tuple[float, float]], margin: float = 48.0) -> None:
        if not points:
            self.cx, self.cy = project(30.0, 110.0)
            self.scale = 8.0
        else:
            xy = [project(lat, lon) for lat, lon in points]
            xs, ys = [p[0] for p in xy], [p[1] for p in xy]
            w = max(max(xs) - min(xs), 2.0)
            h = max(max(ys) - min(ys), 2.0)
            self.cx, self.cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
            avail_w = max(self.width() - 2 * margin, 50.0)
            avail_h = max(self.height() - 2 * margin, 50.0)
            self.scale = min(avail_w / w, avail_h / h, FIT_MAX_SCALE)
        self._clamp()
        self.update()

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            self._paint(p)
        finally:
            p.end()

    def _paint(self, p: QPainter) -> None:
        w, h = self.width(), self.height()
        key = (self.scale, w, h, self.devicePixelRatioF())
        same_zoom = self._land_key == key
        self._land_key = key
        drawn = False
        if same_zoom:
            # a pan (or a repaint) at an unchanged zoom: blit the cached land layer, building it
            # once per zoom level and again when the view leaves its margins
            offset = self._land_offset(w, h)
            if offset is None:
                self._land = self._render_land(key)
                offset = self._land_offset(w, h)
            if self._land is not None and offset is not None:
                p.drawPixmap(offset, self._land)
                drawn = True
        else:
            self._land = None  # a zoom frame paints directly; caching waits for the next frame
        if not drawn:
            self._paint_land(p, w, h, self.cx, self.cy)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._pin_pos = self._place_pins()
        self._paint_links(p)
        self._paint_clusters(p)
        self._paint_pins(p)
        self._paint_origin(p)
        self._paint_note(p)
        self._paint_footer(p)

    def _paint_land(self, p: QPainter, w: float, h: float, cx: float, cy: float) -> None:
        """Sea and land for a w×h pixel area centred on projected (cx, cy)."""
        p.fillRect(QRectF(0, 0, w, h), SEA)
        # the visible area in lon/lat (the paths' own coordinates; see desktop.geo.outlines.project)
        half_w, half_h = w / 2 / self.scale, h / 2 / self.scale
        view = QRectF((cx - half_w) / X_SCALE, -(cy + half_h), 2 * half_w / X_SCALE, 2 * half_h)
        transform = QTransform()
        transform.translate(w / 2, h / 2)
        transform.scale(self.scale, self.scale)
        transform.translate(-cx, -cy)
        transform.scale(X_SCALE, -1.0)  # lon/lat -> map units
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.scale > 3.0)
        p.setTransform(transform)
        pen = QPen(BORDER)
        pen.setCosmetic(True)
        pen.setWidthF(0.8)
        p.setPen(pen)
        p.setBrush(QBrush(LAND))
        for country in _countries():
            if country.bounds.intersects(view):
                p.drawPath(country.path)
        p.restore()

    def _land_offset(self, w: int, h: int) -> QPointF | None:
        """Where the cached land layer goes, or None when there is none or it does not cover the view."""
        if self._land is None:
            return None
        x0, y0 = self._land_origin
        dx = (x0 - self.cx) * self.scale + w / 2
        dy = (y0 - self.cy) * self.scale + h / 2
        size = self._land.deviceIndependentSize()
        if dx <= 0 and dy <= 0 and dx + size.width() >= w and dy + size.height() >= h:
            return QPointF(dx, dy)
        return None

    def _render_land(self, key: tuple[float, int, int, float]) -> QPixmap | None:
        """The land layer with half a viewport of margin on every side, for blitting pans."""
        scale, w, h, dpr = key
        pw, ph = 2 * w, 2 * h
        if pw * ph * dpr * dpr > 40_000_000:  # very large windows: paint directly instead
            return None
        pixmap = QPixmap(int(pw * dpr), int(ph * dpr))
        pixmap.setDevicePixelRatio(dpr)
        painter = QPainter(pixmap)
        try:
            self._paint_land(painter, pw, ph, self.cx, self.cy)
        finally:
            painter.end()
        # projected coordinates of the pixmap's top-left corner
        self._land_origin = (self.cx - pw / 2 / scale, self.cy - ph / 2 / scale)
        return pixmap

    def _layout(self) -> tuple[list[tuple[str, float, float]], list[tuple[float, float, int, float]]]:
        """Pins and clusters in zoom-level pixels (projected units times the scale), computed
        once per zoom level, pin set, selection and links: a pan only shifts them.

        Pins sharing a city are fanned out so each is clickable. With many pins, pins sharing a
        grid cell anchored to the map (so clusters do not change while panning) become one
        counted cluster, except the selected and linked ones, which stay pins."""
        key = (self.scale, id(self._projected), self.selected, tuple(cid for cid, _ in self.links))
        if self._layout_key == key and self._layout_cache is not None:
            return self._layout_cache
        k = self.scale
        singles: list[tuple[Pin, float, float]] = []
        clusters: list[tuple[float, float, int, float]] = []
        if len(self._projected) >= CLUSTER_MIN:
            keep = {self.selected, *(cid for cid, _ in self.links)}
            cells: dict[tuple[int, int], list[tuple[Pin, float, float]]] = {}
            for pin, x, y in self._projected:
                item = (pin, x * k, y * k)
                if pin.id in keep:
                    singles.append(item)
                else:
                    cells.setdefault((int(item[1] // CLUSTER_CELL), int(item[2] // CLUSTER_CELL)), []).append(item)
            raw: list[tuple[float, float, int]] = []
            for members in cells.values():
                if len(members) == 1:
                    singles.append(members[0])
                    continue
                n = len(members)
                raw.append((sum(m[1] for m in members) / n, sum(m[2] for m in members) / n, n))
            clusters = _merge_overlapping(raw)
        else:
            singles = [(pin, x * k, y * k) for pin, x, y in self._projected]
        groups: dict[tuple[float, float], list[tuple[Pin, float, float]]] = {}
        for item in singles:
            groups.setdefault((round(item[0].lat, 4), round(item[0].lon, 4)), []).append(item)
        placed: list[tuple[str, float, float]] = []
        for members in groups.values():
            if len(members) == 1:
                placed.append((members[0][0].id, members[0][1], members[0][2]))
                continue
            spread = PIN_RADIUS * 1.8
            for i, (pin, px, py) in enumerate(sorted(members, key=lambda m: m[0].id)):
                angle = 2 * math.pi * i / len(members) - math.pi / 2
                placed.append((pin.id, px + spread * math.cos(angle), py + spread * math.sin(angle)))
        self._layout_key, self._layout_cache = key, (placed, clusters)
        return placed, clusters

    def _place_pins(self) -> dict[str, QPointF]:
        """Screen position of every pin drawn one by one (near the view); sets `_clusters`."""
        w, h = self.width(), self.height()
        ox, oy = w / 2 - self.cx * self.scale, h / 2 - self.cy * self.scale
        placed, clusters = self._layout()
        margin = 24.0
        left, top, right, bottom = -margin - ox, -margin - oy, w + margin - ox, h + margin - oy
        self._clusters = [(QPointF(x + ox, y + oy), n, r) for x, y, n, r in clusters
                          if left <= x <= right and top <= y <= bottom]
        return {cid: QPointF(x + ox, y + oy) for cid, x, y in placed if left <= x <= right and top <= y <= bottom}

    def cluster_at(self, pos: QPointF) -> QPointF | None:
        """The centre of the cluster under a screen position, if any."""
        for centre, _count, radius in self._clusters:
            if math.hypot(centre.x() - pos.x(), centre.y() - pos.y()) <= radius:
                return centre
        return None

    def _paint_clusters(self, p: QPainter) -> None:
        if not self._clusters:
            return
        font = QFont(self.font())
        font.setBold(True)
        small = QFont(font)
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
        fill = QColor(CLUSTER)
        fill.setAlpha(210)
        for centre, count, radius in self._clusters:
            p.setPen(QPen(QColor("white"), 2))
            p.setBrush(fill)
            p.drawEllipse(centre, radius, radius)
            p.setPen(QColor("white"))
            box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
            p.setFont(small if count >= 1000 else font)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(count) if count < 10_000 else "9999+")

    def _paint_note(self, p: QPainter) -> None:
        """What the pins are, on the map itself (a screenshot of the map still says it)."""
        if not self.note:
            return
        metrics = QFontMetrics(self.font())
        p.setFont(self.font())
        text = metrics.elidedText(self.note, Qt.TextElideMode.ElideRight, max(40, self.width() - 16))
        box = QRectF(metrics.boundingRect(text)).adjusted(-5, -2, 5, 2)
        box.moveTopLeft(QPointF(4, 4))
        _badge(p, box, text, QColor("#333"), 225)

    def _paint_links(self, p: QPainter) -> None:
        if self.origin is None or not self.links:
            return
        start = self.to_screen(self.origin[0], self.origin[1])
        pen = QPen(LINK)
        pen.setWidthF(1.6)
        pen.setStyle(Qt.PenStyle.DashLine)
        font = QFont(self.font())
        font.setPointSizeF(max(7.5, font.pointSizeF() * 0.9))
        p.setFont(font)
        metrics = QFontMetrics(font)
        for i, (center_id, text) in enumerate(self.links):
            end = self._pin_pos.get(center_id)
            if end is None:
                continue
            if abs(end.x() - start.x()) + abs(end.y() - start.y()) < 16:
                continue  # the centre is at the searched place: no line, no "0 km" label on the marker
            p.setPen(pen)
            p.drawLine(start, end)
            if text:
                # labels at different fractions of their lines, so lines to one city stay readable
                f = 0.4 + 0.1 * (i % 3)
                mid = QPointF(start.x() + (end.x() - start.x()) * f, start.y() + (end.y() - start.y()) * f)
                box = QRectF(metrics.boundingRect(text)).adjusted(-3, -1, 3, 1)
                box.moveCenter(mid)
                _badge(p, box, text, LINK.darker(130), 220)

    def _paint_pins(self, p: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        p.setFont(self.font())
        labelled = {self.selected, self._hover, *(cid for cid, _ in self.links)}
        by_id = {pin.id: pin for pin, _x, _y in self._projected} if len(self._pin_pos) < len(self.pins) else None
        shown = [by_id[cid] for cid in self._pin_pos if cid in by_id] if by_id is not None else self.pins
        order = sorted(shown, key=lambda pin: (pin.id == self.selected, pin.id == self._hover))
        for pin in order:
            pos = self._pin_pos.get(pin.id)
            if pos is None or not self.rect().adjusted(-20, -20, 20, 20).contains(pos.toPoint()):
                continue
            colour = {"certified": CERTIFIED_PIN, "treating": CERTIFIED_PIN, "site": SITE_PIN}.get(pin.kind, TRIAL_PIN)
            r = PIN_RADIUS + (2 if pin.id in (self.selected, self._hover) else 0)
            p.setPen(QPen(QColor("white"), 2))
            p.setBrush(colour)
            if pin.kind in ("certified", "treating"):
                p.drawRect(QRectF(pos.x() - r, pos.y() - r, 2 * r, 2 * r))
            elif pin.kind == "site":  # added at this site: a diamond
                p.drawPolygon(QPolygonF([QPointF(pos.x(), pos.y() - r - 1), QPointF(pos.x() + r + 1, pos.y()),
                                         QPointF(pos.x(), pos.y() + r + 1), QPointF(pos.x() - r - 1, pos.y())]))
            else:
                p.drawEllipse(pos, r, r)
            if pin.id == self.selected:
                p.setPen(QPen(QColor("#f39c12"), 3))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(pos, r + 4, r + 4)
            at_origin = self.origin is not None and pin.label == self.origin[2] and (
                pos - self.to_screen(self.origin[0], self.origin[1])).manhattanLength() < 24
            if pin.id in labelled and pin.label and not at_origin:
                box = QRectF(metrics.boundingRect(pin.label)).adjusted(-4, -2, 4, 2)
                box.moveTopLeft(QPointF(pos.x() + r + 4, pos.y() - box.height() / 2))
                if box.right() > self.width() - 2:  # near the right edge: the label goes left of the pin
                    box.moveTopRight(QPointF(pos.x() - r - 4, box.top()))
                _badge(p, box, pin.label, QColor("#222"), 230)

    def _paint_origin(self, p: QPainter) -> None:
        if self.origin is None:
            return
        lat, lon, label = self.origin
        pos = self.to_screen(lat, lon)
        p.setPen(QPen(QColor("white"), 2))
        p.setBrush(ORIGIN)
        points = []
        for i in range(10):
            r = 10.0 if i % 2 == 0 else 4.2
            a = math.pi / 5 * i - math.pi / 2
            points.append(QPointF(pos.x() + r * math.cos(a), pos.y() + r * math.sin(a)))
        p.drawPolygon(QPolygonF(points))
        if label:
            metrics = QFontMetrics(self.font())
            box = QRectF(metrics.boundingRect(label)).adjusted(-4, -2, 4, 2)
            box.moveBottomRight(QPointF(pos.x() - 8, pos.y() - 6))
            # never clipped at an edge (D26): flip to the other side of the star, then clamp
            if box.left() < 2:
                box.moveBottomLeft(QPointF(pos.x() + 8, pos.y() - 6))
            if box.top() < 2:
                box.moveTop(pos.y() + 8)
            box.moveLeft(max(2.0, min(box.left(), self.width() - box.width() - 2)))
            _badge(p, box, label, ORIGIN.darker(140), 235)

    def _paint_footer(self, p: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        p.setFont(font)
        metrics = QFontMetrics(font)
        text = "  ·  ".join(t for t in (self.hint, self.attribution) if t)
        box = QRectF(metrics.boundingRect(text)).adjusted(-4, -1, 4, 1)
        box.moveBottomRight(QPointF(self.width() - 4, self.height() - 4))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(255, 255, 255, 200))
        p.drawRect(box)
        p.setPen(QColor("#555"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        self._paint_scale_bar(p, metrics)

    def _paint_scale_bar(self, p: QPainter, metrics: QFontMetrics) -> None:
        """A scale bar for north-south distances (one map unit is one degree of latitude)."""
        km_per_px = 111.2 / self.scale
        target = km_per_px * 100
        if target <= 0:
            return
        step = 10 ** math.floor(math.log10(target))
        km = next(m * step for m in (5, 2, 1) if m * step <= target)
        px = km / km_per_px
        x0, y0 = 10.0, self.height() - 12.0
        p.setPen(QPen(QColor("#333"), 2))
        p.drawLine(QPointF(x0, y0), QPointF(x0 + px, y0))
        p.drawLine(QPointF(x0, y0 - 4), QPointF(x0, y0))
        p.drawLine(QPointF(x0 + px, y0 - 4), QPointF(x0 + px, y0))
        text = f"{km:,.0f} km" if km >= 1 else f"{km * 1000:,.0f} m"
        p.drawText(QPointF(x0 + 2, y0 - 5), text)

    # -- interaction ----------------------------------------------------------------------
    def pin_at(self, pos: QPointF) -> str | None:
        """The pin under a screen position (the nearest within the hit radius)."""
        if not self._pin_pos:
            self._pin_pos = self._place_pins()
        best: tuple[float, str] | None = None
        for cid, at in self._pin_pos.items():
            d = math.hypot(at.x() - pos.x(), at.y() - pos.y())
            if d <= HIT_RADIUS and (best is None or d < best[0]):
                best = (d, cid)
        return best[1] if best else None

    def pin_position(self, center_id: str) -> QPointF | None:
        self._pin_pos = self._place_pins()
        return self._pin_pos.get(center_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._last = event.position()
            self._dragged = False
            self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if (pos - self._press).manhattanLength() > 3:
                self._dragged = True
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragged:
                delta = pos - self._last
                self._last = pos
                self.pan_by(delta.x(), delta.y())
            return
        hover = self.pin_at(pos)
        if hover != self._hover:
            self._hover = hover
            self.setCursor(Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                hit = self.pin_at(event.position())
                cluster = self.cluster_at(event.position()) if hit is None else None
                if hit is not None:
                    self.selected = hit
                    self.update()
                    self.pinClicked.emit(hit)
                elif cluster is not None:  # a counted cluster opens up: zoom in around it
                    self.zoom_by(2.0, cluster)
            self._press = self._last = None
            self._dragged = False
            self.setCursor(Qt.CursorShape.ArrowCursor)
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25 ** steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = 60.0
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / 1.25)
        elif key == Qt.Key.Key_Left:
            self.pan_by(step, 0)
        elif key == Qt.Key.Key_Right:
            self.pan_by(-step, 0)
        elif key == Qt.Key.Key_Up:
            self.pan_by(0, step)
        elif key == Qt.Key.Key_Down:
            self.pan_by(0, -step)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit and self._fit_points is not None:
            self._apply_fit(self._fit_points)
        self.update()

    def leaveEvent(self, event: QEvent) -> None:
        if self._hover is not None:
            self._hover = None
            self.update()
        super().leaveEvent(event)
