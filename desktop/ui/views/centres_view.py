"""The "Centres" view: where can this patient get treated, and how far is it?

A place field (city in English or Chinese, pinyin, "City, Country" or LAT,LON), filters by
therapy, kind and country, a result table nearest first, the offline map and a card for the
chosen centre. All lookups go through desktop.geo (no SQL here); distances are straight-line.

The list says what it is: trial sites and centres named in sources, plus the site's own
referral list (Add / Edit / Remove, kept in the user database through desktop.userdata),
marked "added at this site" in the table, on the card and on the map (issue 22).
"""

from __future__ import annotations

import html
import sqlite3
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import CartrefError, NotFoundError
from desktop.geo.gazetteer import CN_PROVINCE_ZH, Origin
from desktop.geo.nearest import CentreFinder, CentreHit, SiteEntry
from desktop.i18n import gettext
from desktop.kb.records import Center
from desktop.kb.store import KnowledgeBase
from desktop.ui.shell import theme
from desktop.ui.shell.i18n import COUNTRY_ZH, error_text, keep_phrases_whole
from desktop.ui.views.map_widget import MapWidget, Pin

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
NEAREST_LINKS = 3


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


class CentresModel(QAbstractTableModel):
    """Rows: centres (nearest first as found). Columns: distance, centre, city, kind, therapies."""

    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[CentreHit] = []
        self.lang = "en"
        self.therapy_names: dict[str, str] = {}
        self.kind_labels: dict[str, str] = {}
        self.headers: list[str] = [""] * self.COLUMNS

    def set_hits(self, hits: list[CentreHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def relabel(self, lang: str, therapy_names: dict[str, str], kind_labels: dict[str, str], headers: list[str]) -> None:
        self.beginResetModel()
        self.lang, self.therapy_names, self.kind_labels, self.headers = lang, therapy_names, kind_labels, headers
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def hit(self, row: int) -> CentreHit | None:
        return self.hits[row] if 0 <= row < len(self.hits) else None

    def row_of(self, center_id: str) -> int:
        return next((i for i, h in enumerate(self.hits) if h.center.id == center_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row())
        if hit is None:
            return None
        c, col = hit.center, index.column()
        if role == ID_ROLE:
            return c.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return f"{c.name_en}\n{c.name_zh}" if c.name_zh else c.name_en
        if role == SORT_ROLE:
            if col == 0:
                return hit.distance_km if hit.distance_km is not None else -1.0
            return str(self.data(index, Qt.ItemDataRole.DisplayRole) or "").casefold()
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return "" if hit.distance_km is None else f"{hit.distance_km:,.0f}"
        if col == 1:
            return c.name(self.lang)
        if col == 2:
            return (c.city_zh or c.city) if _zh(self.lang) else c.city
        if col == 3:  # a short label: wrapped at its bracket, never inside a word (已治疗患者 / （据来源）)
            return keep_phrases_whole(self.kind_labels.get(c.kind, c.kind))
        if col == 4:
            return ", ".join(self.therapy_names.get(t, t) for t in c.therapies)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None


class CentresView(QWidget):
    """Nearest-centre finder with the offline map and a centre card."""

    openRequested = Signal(str)
    useInHandout = Signal(str)

    def __init__(self, kb: KnowledgeBase, parent: QWidget | None = None, user_db: Any = None) -> None:
        super().__init__(parent)
        self.user_db = user_db
        try:
            from desktop.ui.shell.fonts import ensure_cjk_font

            ensure_cjk_font()
        except ImportError:  # the main window may not ship fonts.py in a trimmed build
            pass
        self.kb = kb
        self.lang = "en"
        self.finder = CentreFinder(kb, self._site_entries())
        self.origin: Origin | None = None
        self._last_origin: tuple[float, float] | None = None
        self.current: CentreHit | None = None
        self._error = ""
        self._suggestions: list[str] = []
        self._build()
        self.retranslate()
        self._fill_filters()
        self.refresh(fit=True)

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("viewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)

        self.place_label = QLabel()
        self.place = QLineEdit()
        self.place.setClearButtonEnabled(True)
        self.place.setMinimumWidth(220)
        self.place_label.setBuddy(self.place)
        self.find_button = QPushButton()
        self.therapy_label = QLabel()
        self.therapy = QComboBox()
        self.therapy_label.setBuddy(self.therapy)
        self.kind_label = QLabel()
        self.kind = QComboBox()
        self.kind_label.setBuddy(self.kind)
        self.country_label = QLabel()
        self.country = QComboBox()
        self.country_label.setBuddy(self.country)
        self.note = QLabel()
        self.note.setObjectName("centresNote")
        self.note.setWordWrap(True)

        controls = QHBoxLayout()
        controls.addWidget(self.place_label)
        controls.addWidget(self.place, 2)
        controls.addWidget(self.find_button)
        filters = QHBoxLayout()  # a row of its own: one row was wider than a 1024 px screen (D16)
        for label, combo in ((self.therapy_label, self.therapy), (self.kind_label, self.kind), (self.country_label, self.country)):
            filters.addWidget(label)
            filters.addWidget(combo, 1)
            # the longest choice must not set the view's width: 1024 px screens, 200 % text (D16)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setOpenExternalLinks(False)
        self.status.linkActivated.connect(self._status_link)

        self.model = CentresModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # long names wrap instead of being cut (D26)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        for col in (2, 3, 4):  # sized to their contents up to a cap (_fit_rows): the name keeps the room
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.viewport().installEventFilter(self)

        self.map = MapWidget()
        self.zoom_in = QToolButton()
        self.zoom_in.setText("+")
        self.zoom_out = QToolButton()
        self.zoom_out.setText("−")
        self.fit_button = QToolButton()
        map_tools = QHBoxLayout()
        map_tools.setContentsMargins(0, 0, 0, 0)
        self.map_caption = QLabel()
        self.map_caption.setWordWrap(True)
        map_tools.addWidget(self.map_caption, 1)
        for b in (self.zoom_in, self.zoom_out, self.fit_button):
            map_tools.addWidget(b)
        map_box = QWidget()
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addLayout(map_tools)
        map_layout.addWidget(self.map, 1)

        self.card = QFrame()
        self.card.setObjectName("centreCard")
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card_text = QLabel()
        self.card_text.setWordWrap(True)
        self.card_text.setTextFormat(Qt.TextFormat.RichText)
        self.card_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.card_text.setOpenExternalLinks(False)
        self.card_text.linkActivated.connect(self.openRequested.emit)
        self.card_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.copy_button = QPushButton()
        self.handout_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.handout_button)
        buttons.addStretch(1)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.remove_button = QPushButton()
        site_buttons = QHBoxLayout()
        self.site_label = QLabel()
        site_buttons.addWidget(self.site_label)
        for button in (self.add_button, self.edit_button, self.remove_button):
            site_buttons.addWidget(button)
        site_buttons.addStretch(1)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.card_text, 1)
        card_layout.addLayout(buttons)
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setWidget(self.card)
        self.card_scroll.setMinimumHeight(150)

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.table, 1)
        table_layout.addLayout(site_buttons)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(table_box)
        left.addWidget(self.card_scroll)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 1)
        left.setSizes([300, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(map_box)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 740])

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(controls)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(lambda: self.refresh(fit=True, quiet=True))
        self.place.textEdited.connect(lambda _t: self._typing.start())
        self.place.returnPressed.connect(lambda: self.refresh(fit=True))
        self.find_button.clicked.connect(lambda: self.refresh(fit=True))
        for combo in (self.therapy, self.kind, self.country):
            combo.currentIndexChanged.connect(lambda _i: self.refresh(fit=True))
        self.map.pinClicked.connect(self.select_center)
        self.zoom_in.clicked.connect(lambda: self.map.zoom_by(1.25))
        self.zoom_out.clicked.connect(lambda: self.map.zoom_by(1 / 1.25))
        self.fit_button.clicked.connect(lambda: self.map.fit())
        self.copy_button.clicked.connect(self.copy_details)
        self.handout_button.clicked.connect(self._use_in_handout)
        self.add_button.clicked.connect(self.add_centre)
        self.edit_button.clicked.connect(self.edit_centre)
        self.remove_button.clicked.connect(self.remove_centre)
        self._show_card(None)

    # -- contract -------------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.finder = CentreFinder(kb, self._site_entries())
        self._fill_filters()
        self.refresh(fit=True)

    def set_language(self, lang: str) -> None:
        self.lang = "zh-Hans" if _zh(lang) else "en"
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._show_card(self.current)  # the card's secondary text takes its colour from the palette
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Treatment centres"))
        self.note.setText(self.tr("Trial sites and centres named in sources, and centres added at this site; "
                                  "ask your team which centre will treat you."))
        self.site_label.setText(self.tr("This site's list:"))
        self.add_button.setText(self.tr("&Add centre…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.map.note = self.tr("Trial sites and centres named in sources; ask your team which centre will treat you.")
        self.place_label.setText(self.tr("&Place:"))
        self.place.setPlaceholderText(self.tr("City (Wuhan, 武汉, wuhan) or LAT,LON"))
        self.find_button.setText(self.tr("F&ind"))
        self.therapy_label.setText(self.tr("&Therapy:"))
        self.kind_label.setText(self.tr("&Kind:"))
        self.country_label.setText(self.tr("C&ountry:"))
        self.zoom_in.setToolTip(self.tr("Zoom in (+)"))
        self.zoom_out.setToolTip(self.tr("Zoom out (−)"))
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show all pins (0)"))
        self.copy_button.setText(self.tr("&Copy details"))
        self.handout_button.setText(self.tr("&Use this centre in a handout"))
        self.map_caption.setText(self.tr("Drag or use the arrow keys to pan; wheel or +/− to zoom; click a pin for its card."))
        self.map.hint = self.tr("Straight-line distances")
        self.map.attribution = self.tr("Outlines: Natural Earth")
        self.map.setAccessibleName(self.tr("Map of treatment centres"))
        self.table.setAccessibleName(self.tr("Centres, nearest first"))
        self._relabel_filters()
        self.model.relabel(
            self.lang,
            {t.id: t.name(self.lang) for t in self.kb.therapies()},
            self._kind_labels(),
            [self.tr("km"), self.tr("Centre"), self.tr("City"), self.tr("Kind"), self.tr("Therapies")],
        )
        self._fit_rows()
        self._update_map()
        self._update_status()
        self._show_card(self.current)

    def _kind_labels(self) -> dict[str, str]:
        return {"trial": self.tr("Trial site"), "treating": self.tr("Treated patients (source says)"),
                "certified": self.tr("Certified (source says)"), "site": self.tr("Added at this site")}

    def _filter_labels(self) -> dict[str, str]:
        return {"trial": self.tr("Trial sites"),
                "treating": self.tr("Treated patients with a commercial product (source says)"),
                "certified": self.tr("Certified by a named body (source says)"),
                "site": self.tr("Added at this site")}

    # -- filters --------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        for combo in (self.therapy, self.kind, self.country):
            combo.blockSignals(True)
        keep = (self.therapy.currentData(), self.kind.currentData(), self.country.currentData())
        self.therapy.clear()
        self.therapy.addItem("", None)
        used = {t for c in self.finder.centers for t in c.therapies}
        for t in self.kb.therapies():
            if t.id in used:
                self.therapy.addItem(t.name(self.lang), t.id)
        self.kind.clear()
        self.kind.addItem("", None)
        # only kinds the data has (an empty "certified" filter promised what is not there, D07);
        # "added at this site" is always offered: it is where the site's own list is found
        present = {c.kind for c in self.finder.centers}
        for kind in ("trial", "treating", "certified", "site"):
            if kind in present or kind == "site":
                self.kind.addItem("", kind)
        self.country.clear()
        self.country.addItem("", None)
        for name in sorted({c.country for c in self.finder.centers}):
            self.country.addItem(name, name)
        for combo, value in zip((self.therapy, self.kind, self.country), keep, strict=True):
            i = combo.findData(value)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)
        self._relabel_filters()

    def _relabel_filters(self) -> None:
        self.therapy.setItemText(0, self.tr("All therapies"))
        names = {t.id: t.name(self.lang) for t in self.kb.therapies()}
        for i in range(1, self.therapy.count()):
            self.therapy.setItemText(i, names.get(self.therapy.itemData(i), str(self.therapy.itemData(i))))
        self.kind.setItemText(0, self.tr("All kinds"))
        labels = self._filter_labels()
        for i in range(1, self.kind.count()):
            self.kind.setItemText(i, labels.get(str(self.kind.itemData(i)), str(self.kind.itemData(i))))
        self.country.setItemText(0, self.tr("All countries"))
        zh_names = {c.country: c.country for c in self.finder.centers}
        zh_names.update(COUNTRY_ZH if _zh(self.lang) else {})
        for i in range(1, self.country.count()):
            value = str(self.country.itemData(i))
            self.country.setItemText(i, zh_names.get(value, value))

    # -- search ---------------------------------------------------------------------------
    def search(self, text: str) -> None:
        """Put `text` in the place field and look it up now (used by tests and links)."""
        self.place.setText(text)
        self.refresh(fit=True)

    def refresh(self, fit: bool = False, quiet: bool = False) -> None:
        """Run the query for the current place and filters; `quiet` keeps half-typed errors mild."""
        text = self.place.text().strip()
        self._error, self._suggestions = "", []
        origin: Origin | None = None
        if text:
            try:
                origin = self.finder.gazetteer.resolve(text)
            except NotFoundError:
                self._error = self.tr("No place called “%1”.").replace("%1", text if len(text) <= 60 else text[:60] + "…")
                self._suggestions = self.finder.gazetteer.suggestions(text)
                if quiet and not self._suggestions:
                    self._error = ""
            except CartrefError as exc:
                self._error = error_text(exc, self.lang) if not quiet else ""
                del exc
        self.origin = origin
        try:
            result = self.finder.find(
                origin=origin,
                therapy=self.therapy.currentData(),
                kind=self.kind.currentData(),
                country=self.country.currentData(),
            )
            hits = result.hits
        except CartrefError as exc:
            self._error, hits = error_text(exc, self.lang), []
        # a new place: the card and the row follow the new nearest centre (D06); a filter change
        # at the same place keeps the centre being read
        where = (origin.lat, origin.lon) if origin is not None else None
        moved = where != self._last_origin
        self._last_origin = where
        keep = self.current.center.id if self.current and not (moved and origin is not None) else None
        self.model.set_hits(hits)
        self._fit_rows()
        self.proxy.sort(0 if origin else 2, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSortIndicator(0 if origin else 2, Qt.SortOrder.AscendingOrder)
        self._update_map(fit=fit)
        self._update_status()
        if keep and self.model.row_of(keep) >= 0:
            self.select_center(keep)
        elif origin is not None and hits:
            self.select_center(hits[0].center.id)
        else:
            self._show_card(None)

    def _update_status(self) -> None:
        parts: list[str] = []
        if self._error:
            parts.append(f"<span style='color:#b03a2e'>{html.escape(self._error)}</span>")
            if self._suggestions:
                links = ", ".join(f"<a href='place:{html.escape(s)}'>{html.escape(s)}</a>" for s in self._suggestions)
                parts.append(self.tr("Did you mean: %1?").replace("%1", links))
        elif self.origin is not None:
            label = html.escape(self.origin.label(self.lang))
            parts.append(self.tr("Nearest to <b>%1</b> (straight-line distance, not travel time).").replace("%1", label))
            if self.origin.ambiguous:
                others = ", ".join(
                    f"<a href='place:{html.escape(p.label('en'))}'>{html.escape(p.label(self.lang))}</a>"
                    for p in self.origin.alternatives[:4]
                )
                parts.append(self.tr("Most populous place of that name; others: %1.").replace("%1", others))
        n = self.model.rowCount()
        parts.append(self.tr("%n centre(s) shown.", "", n))
        if not self.finder.centers:
            parts.append(self.tr("This knowledge base lists no centres."))
        self.status.setText(" ".join(parts))

    def _status_link(self, link: str) -> None:
        if link.startswith("place:"):
            self.search(link[len("place:"):])

    # -- map ------------------------------------------------------------------------------
    def _pin_label(self, c: Center) -> str:
        return (c.city_zh or c.city) if _zh(self.lang) else c.city

    def _update_map(self, fit: bool = False) -> None:
        hits = self.model.hits
        self.map.set_pins([Pin(h.center.id, h.center.lat, h.center.lon, self._pin_label(h.center), h.center.kind) for h in hits])
        if self.origin is not None:
            self.map.set_origin(self.origin.lat, self.origin.lon, self.origin.label(self.lang).split("，")[0].split(",")[0])
            nearest = [h for h in hits if h.distance_km is not None][:NEAREST_LINKS]
            self.map.set_links([(h.center.id, self._km(h.distance_km)) for h in nearest])
            if fit:
                points = [(self.origin.lat, self.origin.lon)] + [(h.center.lat, h.center.lon) for h in nearest]
                self.map.fit(points)
        else:
            self.map.set_origin(None, None)
            self.map.set_links([])
            if fit:
                self.map.fit()

    def _km(self, km: float | None) -> str:
        if km is None:
            return ""
        return self.tr("%1 km").replace("%1", f"{km:,.0f}")

    # -- selection and card ---------------------------------------------------------------
    def select_center(self, center_id: str) -> None:
        """Show a centre's card, select its row and its pin."""
        row = self.model.row_of(center_id)
        if row < 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        selection = self.table.selectionModel()
        if self.table.currentIndex().row() != proxy_index.row():
            selection.setCurrentIndex(
                proxy_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.table.scrollTo(proxy_index)
        self.map.set_selected(center_id)
        self._show_card(self.model.hit(row))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        cid = self.proxy.data(current, ID_ROLE)
        if cid and (self.current is None or self.current.center.id != cid):
            self.select_center(str(cid))

    def _where(self, c: Center) -> str:
        """"Wuhan, Hubei, China" or "武汉，湖北，中国"."""
        if _zh(self.lang):
            country = COUNTRY_ZH.get(c.country, c.country)
            province = CN_PROVINCE_ZH.get(c.province, c.province) if c.country == "China" else c.province
            parts = [c.city_zh or c.city, province, country]
            return "，".join(dict.fromkeys(x for x in parts if x))
        return ", ".join(dict.fromkeys(x for x in (c.city, c.province, c.country) if x))

    def _where_to_find(self, c: Center, what: str) -> str:
        """Where to find a phone or address the sources do not give (D07), not just "not listed"."""
        if what == "phone":
            if c.trials:
                return self.tr("not in the sources: the trial's registry record (see Sources) names a contact; "
                               "or call the hospital's switchboard")
            return self.tr("not in the sources: call the hospital's switchboard (its own website lists it)")
        return self.tr("not in the sources: the hospital's own website, or the registry record in Sources")

    def _not_listed(self, value: str, c: Center | None = None, what: str = "phone") -> str:
        if value:
            return html.escape(value)
        text = self._where_to_find(c, what) if c is not None else self.tr("not listed")
        return "<i>" + html.escape(text) + "</i>"

    def _phones_html(self, hit: CentreHit) -> str:
        if not hit.phones:
            return self._not_listed(hit.center.phone, hit.center, "phone")
        e = html.escape
        return "<br>".join(
            (f"{e(p['label'])}: " if p.get("label") else "") + f"<a href='tel:{e(p['number'])}'>{e(p['display'])}</a>"
            for p in hit.phones)

    def _show_card(self, hit: CentreHit | None) -> None:
        self.current = hit
        self.copy_button.setEnabled(hit is not None)
        self.handout_button.setEnabled(hit is not None)
        own = hit is not None and hit.added is not None
        self.edit_button.setEnabled(own and self._writable())
        self.remove_button.setEnabled(own and self._writable())
        self.add_button.setEnabled(self._writable())
        if hit is None:
            hint = self.tr("Click a pin or a row to see the centre.")
            self.card_text.setText("<i>" + html.escape(hint) + "</i>")
            return
        c = hit.center
        e = html.escape
        zh = _zh(self.lang)
        title = e(c.name_zh) if zh and c.name_zh else e(c.name_en)
        other = e(c.name_en) if zh and c.name_zh else e(c.name_zh)
        city = self._where(c)
        therapy_names = {t.id: t.name(self.lang) for t in self.kb.therapies()}
        therapies = ", ".join(f"<a href='therapy:{e(t)}'>{e(therapy_names.get(t, t))}</a>" for t in c.therapies)
        trials = ", ".join(
            f"<a href='trial:{e(t)}'>{e(tr.name if (tr := self.kb.trial(t)) else t)}</a>" for t in c.trials
        )
        sources = "<br>".join(
            f"<a href='source:{e(s.id)}'>[{e(s.id)}]</a> {e(s.citation)}" for s in self.kb.sources_for(list(c.source_ids))
        )
        role = c.role_zh if zh and c.role_zh else c.role_en
        if hit.added is not None:
            self.card_text.setText(self._site_card(hit, title, other, city, therapies))
            return
        rows = [
            (self.tr("City"), e(city)),
            (self.tr("Kind"), e(self._kind_labels().get(c.kind, c.kind))),
            (self.tr("Therapies"), therapies or "—"),
            (self.tr("Trials"), trials or "—"),
            (self.tr("Role"), e(role) if role else "—"),
            (self.tr("Distance"), e(self._km(hit.distance_km)) + (" " + e(self.tr("(straight line)")) if hit.distance_km is not None else "")
             if hit.distance_km is not None else e(self.tr("enter a place to measure"))),
            (self.tr("Location"), e(self.tr("city centre (approximate)") if c.coord_precision == "city" else self.tr("site"))),
            (self.tr("Phone"), self._not_listed(c.phone, c, "phone")),
            (self.tr("Address"), self._not_listed(c.address, c, "address")),
            (self.tr("Sources"), sources or "—"),
            (self.tr("Reviewed"), e(c.reviewed_on)),
        ]
        body = "".join(
            f"<tr><td style='color:{theme.muted(self.palette())};padding-right:8px;vertical-align:top'>{e(k)}</td><td>{v}</td></tr>" for k, v in rows
        )
        sub = f"<div style='color:{theme.muted(self.palette())}'>{other}</div>" if other else ""
        self.card_text.setText(f"<div style='font-size:larger'><b>{title}</b></div>{sub}<table>{body}</table>")

    def details_text(self) -> str:
        """The card as plain text, in the current language (what "Copy details" copies)."""
        hit = self.current
        if hit is None:
            return ""
        c = hit.center
        zh = _zh(self.lang)
        therapy_names = {t.id: t.name(self.lang) for t in self.kb.therapies()}
        lines = [c.name_zh if zh and c.name_zh else c.name_en]
        other = c.name_en if zh and c.name_zh else c.name_zh
        if other:
            lines.append(other)
        city = self._where(c)
        not_listed = self.tr("not listed")
        trials = ", ".join((tr.name if (tr := self.kb.trial(t)) else t) for t in c.trials)
        fields = [
            (self.tr("City"), city),
            (self.tr("Kind"), self._kind_labels().get(c.kind, c.kind)),
            (self.tr("Therapies"), ", ".join(therapy_names.get(t, t) for t in c.therapies) or "—"),
            (self.tr("Trials"), trials or "—"),
        ]
        if hit.distance_km is not None and self.origin is not None:
            fields.append((self.tr("Distance"), self.tr("%1 (straight line) from %2")
                           .replace("%1", self._km(hit.distance_km)).replace("%2", self.origin.label(self.lang))))
        if hit.added is not None:
            not_listed = self.tr("not listed")
        fields += [
            (self.tr("Phone"), c.phone or (not_listed if hit.added is not None else self._where_to_find(c, "phone"))),
            (self.tr("Address"), c.address or (not_listed if hit.added is not None else self._where_to_find(c, "address"))),
            (self.tr("Sources"), "; ".join(s.citation for s in self.kb.sources_for(list(c.source_ids)))),
            (self.tr("Reviewed"), c.reviewed_on),
        ]
        _ = gettext(self.lang)
        sep = _(": ")
        lines += [f"{k}{sep}{v}" for k, v in fields]
        return "\n".join(lines)

    def copy_details(self) -> None:
        text = self.details_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def _use_in_handout(self) -> None:
        if self.current is not None:
            self.useInHandout.emit(self.current.center.id)

    # -- the site's own list --------------------------------------------------------------
    def _added_by(self, hit: CentreHit) -> str:
        if not hit.added:
            return self.tr("Added at this site")
        return self.tr("Added at %1 (from a pack)").replace("%1", hit.added)

    def _site_card(self, hit: CentreHit, title: str, other: str, city: str, therapies: str) -> str:
        c, e = hit.center, html.escape
        distance = (e(self._km(hit.distance_km)) + " " + e(self.tr("(straight line)"))
                    if hit.distance_km is not None else e(self.tr("enter a place to measure")))
        rows = [
            (self.tr("Kind"), "<b>" + e(self._added_by(hit)) + "</b>"),
            (self.tr("City"), e(city) or "—"),
            (self.tr("Phone"), self._phones_html(hit)),
            (self.tr("Products"), therapies or "—"),
            (self.tr("Notes"), e(c.role_en).replace("\n", "<br>") if c.role_en else "—"),
            (self.tr("Distance"), distance),
            (self.tr("Location"), e(self.tr("city centre (approximate)") if c.coord_precision == "city" else self.tr("site"))),
            (self.tr("Saved"), e(c.reviewed_on)),
        ]
        body = "".join(
            f"<tr><td style='color:{theme.muted(self.palette())};padding-right:8px;vertical-align:top'>{e(k)}</td><td>{v}</td></tr>" for k, v in rows
        )
        sub = f"<div style='color:{theme.muted(self.palette())}'>{other}</div>" if other else ""
        caution = e(self.tr("Not from a source: kept by the staff of this site."))
        return (f"<div style='font-size:larger'><b>{title}</b></div>{sub}<table>{body}</table>"
                f"<div style='color:{theme.muted(self.palette())}'><i>{caution}</i></div>")

    def _site_entries(self) -> list[SiteEntry]:
        if self.user_db is None:
            return []
        from desktop.userdata import site_centres

        try:
            found = site_centres.list_all(self.user_db)
        except sqlite3.Error:  # an unreadable user database: the sourced centres are still shown
            return []
        return [SiteEntry(c.as_center(), c.origin,
                          tuple({"label": p.label, "number": p.number, "display": p.display} for p in c.phones))
                for c in found]

    def _writable(self) -> bool:
        return self.user_db is not None and getattr(self.user_db, "read_only_reason", None) is None

    def reload_site(self, select: str | None = None) -> None:
        """Read the site's list again (after a change here or a pack import) and show `select`."""
        self.finder.set_site(self._site_entries())
        self._fill_filters()
        self.refresh()
        if select:
            self.select_center(select)

    def _fit_rows(self) -> None:
        """Short columns sized to their contents up to a cap, so the name column keeps the room;
        rows as tall as their wrapped names (D26); a long list keeps one line per row (speed)."""
        self._fit_columns()
        if self.model.rowCount() <= 300:
            self.table.resizeRowsToContents()

    def _fit_columns(self) -> None:
        """Each short column gets at most its share of the table's width as well as a cap in
        characters: at 200 % text in a narrow pane the name column was squeezed to one character."""
        metrics = self.table.fontMetrics()
        width = self.table.viewport().width()
        for col, cap, share in ((2, 10, 0.16), (3, 14, 0.18), (4, 16, 0.18)):
            self.table.resizeColumnToContents(col)
            limit = min(metrics.averageCharWidth() * cap + 16, max(48, int(width * share)))
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), limit))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def add_centre(self) -> None:
        self._edit_dialog(None)

    def edit_centre(self) -> None:
        if self.current is not None and self.current.added is not None:
            self._edit_dialog(self.current.center.id)

    def _edit_dialog(self, centre_id: str | None) -> None:
        from desktop.ui.views.centre_dialog import CentreDialog
        from desktop.userdata import site_centres

        if self.user_db is None:
            return
        old = site_centres.get(self.user_db, centre_id) if centre_id else None
        dialog = CentreDialog(self.finder.gazetteer, self.user_db, self.lang, old, self, product_id=self.finder.therapy_id)
        if dialog.exec() and dialog.saved is not None:
            self.reload_site(select=dialog.saved.id)

    def remove_centre(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.userdata import db, site_centres

        hit = self.current
        if hit is None or hit.added is None or self.user_db is None:
            return
        asked = QMessageBox.question(self, self.tr("Remove centre"),
                                     self.tr("Remove %1 from this site's list?").replace("%1", hit.center.name(self.lang)))
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            site_centres.remove(self.user_db, hit.center.id)
        except (sqlite3.Error, OSError, CartrefError) as exc:  # a full disk, a lock, a read-only database
            QMessageBox.warning(self, self.tr("Remove centre"), db.not_saved_message(exc))
            return
        self.current = None
        self.reload_site()
