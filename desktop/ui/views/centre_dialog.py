"""The form to add or edit a centre of the site's own list (issue 22).

Checked by the same code as `cartref centers add|edit` (desktop.userdata.site_centres with the
handouts' phone parsing); an error is shown beside its field and nothing is saved until every
field is right. A full disk or a lock is one line under the form, and nothing changes.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import CartrefError
from desktop.geo.gazetteer import Gazetteer
from desktop.userdata import db, site_centres

FIELDS = ("name_en", "name_zh", "city", "coordinates", "country", "phones", "products", "notes")


class CentreDialog(QDialog):
    """Add (old is None) or edit a site centre; `saved` is the stored centre after OK."""

    def __init__(self, gazetteer: Gazetteer, conn: sqlite3.Connection, lang: str,
                 old: site_centres.SiteCentre | None = None, parent: QWidget | None = None,
                 product_id: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.gazetteer, self.conn, self.lang, self.old = gazetteer, conn, lang, old
        self.product_id = product_id
        self.saved: site_centres.SiteCentre | None = None
        self.setWindowTitle(self.tr("Edit centre") if old else self.tr("Add a centre to this site's list"))
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        labels = {
            "name_en": self.tr("Name (English):"), "name_zh": self.tr("Name (Chinese):"),
            "city": self.tr("City:"), "coordinates": self.tr("Coordinates (LAT,LON):"),
            "country": self.tr("Country:"), "phones": self.tr("Phones (LABEL=NUMBER, one a line):"),
            "products": self.tr("Products (comma-separated):"), "notes": self.tr("Notes:"),
        }
        for name in FIELDS:
            widget: QLineEdit | QPlainTextEdit
            if name in ("phones", "notes"):
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit()
            self.inputs[name] = widget
            error = QLabel()
            error.setObjectName("fieldError")
            error.setStyleSheet("color:#b03a2e")
            error.setWordWrap(True)
            error.hide()
            self.errors[name] = error
            box = QWidget()
            row = QVBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget)
            row.addWidget(error)
            label = QLabel(labels[name])
            label.setBuddy(widget)
            form.addRow(label, box)
        self.inputs["phones"].setPlaceholderText(self.tr("ward=+86 871 0000 0000"))
        self.inputs["city"].setPlaceholderText(self.tr("Kunming, 昆明"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#b03a2e")
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if old is not None:
            self._fill(old)
        self.resize(520, self.sizeHint().height())

    def _fill(self, c: site_centres.SiteCentre) -> None:
        values = {
            "name_en": c.name_en, "name_zh": c.name_zh, "city": c.city, "country": c.country,
            "coordinates": "" if c.coord_precision == "city" and c.city else f"{c.lat}, {c.lon}",
            "phones": "\n".join(p.as_text() for p in c.phones), "products": ", ".join(c.products),
            "notes": c.notes,
        }
        for name, value in values.items():
            self.set_text(name, value)

    def set_text(self, name: str, value: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            widget.setText(value)

    def text(self, name: str) -> str:
        widget = self.inputs[name]
        return widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()

    def raw(self) -> dict[str, Any]:
        lat, sep, lon = self.text("coordinates").replace("，", ",").partition(",")
        if not sep and lat.strip():
            lon = ""
        return {
            "name_en": self.text("name_en"), "name_zh": self.text("name_zh"), "city": self.text("city"),
            "country": self.text("country"), "lat": lat.strip(), "lon": lon.strip(),
            "phones": [line for line in self.text("phones").splitlines() if line.strip()],
            "products": [self._product(p) for p in re.split(r"[;,，；]", self.text("products")) if p.strip()],
            "notes": self.text("notes"),
        }

    def _product(self, text: str) -> str:
        """A product typed as a name, brand or code (FUCASO, CT103A) kept as its therapy id when known."""
        if self.product_id is not None:
            try:
                return self.product_id(text)
            except CartrefError:
                pass
        return text.strip()

    def show_error(self, field: str, message: str) -> None:
        name = "coordinates" if field in ("lat", "lon") else field
        if name not in self.errors:
            name = "name_en"
        self.errors[name].setText(message)
        self.errors[name].show()
        self.inputs[name].setFocus()

    def save(self) -> None:
        """Check every field (errors beside them), then save in one transaction."""
        from desktop.handouts.centre_tools import tools

        for error in self.errors.values():
            error.hide()
        self.problem.hide()
        try:
            centre = site_centres.validate(self.raw(), tools(self.gazetteer),
                                           centre_id=self.old.id if self.old else "",
                                           origin=self.old.origin if self.old else "")
            self.saved = site_centres.update(self.conn, centre) if self.old else site_centres.add(self.conn, centre)
        except site_centres.CentreFieldError as exc:
            self.show_error(exc.field, exc.text(self.lang))
            return
        except (sqlite3.Error, OSError) as exc:
            self.problem.setText(db.not_saved_message(db.write_problem(self.conn, exc)))
            self.problem.show()
            return
        self.accept()
