"""Every view in the light, dark and high-contrast themes: text meets WCAG 2.2 AA (4.5:1) and
check box / radio indicators stand out from their background (3:1), measured on renderings.

Two measures per widget: the palette roles it draws with (foreground role against background
role), and the rendering itself (the pixel that stands out most from the most common colour,
see tests/helpers/contrast.py). Colours written into rich text (`color:#555`) are measured
against the label's rendered background too: that is where fixed greys hid (review D14, D25).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.kb.store import KnowledgeBase, OpenedKB
from desktop.ui.shell import theme
from desktop.ui.shell.i18n import Translations
from desktop.ui.shell.main_window import MainWindow
from desktop.userdata.db import open_user_db
from tests.helpers.contrast import colour_counts, html_colours, ink_contrast, ratio

R = QPalette.ColorRole
TEXT_AA = 4.5
INDICATOR = 3.0


@pytest.fixture
def window(qtbot: QtBot, real_kb: Path) -> Iterator[MainWindow]:
    conn: sqlite3.Connection = open_user_db()
    tr = Translations()
    w = MainWindow(OpenedKB(KnowledgeBase(real_kb), None), conn, translations=tr)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    yield w
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "light")
    w.close()
    tr.set_language("en")
    conn.close()


def _shown(view: QWidget, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in view.findChildren(kind) if w.isVisible() and w.isEnabled() and w.width() > 4 and w.height() > 4]


def _roles(w: QWidget) -> tuple[R, R]:
    if isinstance(w, (QLineEdit, QAbstractItemView, QAbstractSpinBox, QTextEdit, QPlainTextEdit)) or (isinstance(w, QComboBox) and w.isEditable()):
        return R.Text, R.Base
    if isinstance(w, (QComboBox, QAbstractButton)) and not isinstance(w, (QCheckBox, QRadioButton)):
        return R.ButtonText, R.Button
    return R.WindowText, R.Window


def _problems(view: QWidget, where: str) -> list[str]:
    out: list[str] = []
    texty = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QTextEdit, QPlainTextEdit)
    for w in (w for w in _shown(view, QWidget) if isinstance(w, texty)):
        fg, bg = _roles(w)
        pal = w.palette()
        if ratio(pal.color(fg), pal.color(bg)) < TEXT_AA:
            out.append(f"{where}: {type(w).__name__} {w.objectName()!r} palette {fg.name} on {bg.name}")
    for label in _shown(view, QLabel):
        assert isinstance(label, QLabel)
        if not label.text().strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        r, bg, ink = ink_contrast(label.grab().toImage())
        if r < TEXT_AA:
            out.append(f"{where}: label {label.text()[:40]!r} renders {ink.name()} on {bg.name()} ({r:.2f}:1)")
        out.extend(f"{where}: label {label.text()[:40]!r} writes {c.name()} on {bg.name()} ({ratio(c, bg):.2f}:1)"
                   for c in html_colours(label.text()) if ratio(c, bg) < TEXT_AA)
        if "<a " in label.text():
            # links are drawn in the palette's Link colour (not one left from an earlier theme)
            link = label.palette().color(R.Link)
            counts = colour_counts(label.grab().toImage())
            if ratio(link, bg) < TEXT_AA or link.rgb() & 0xFFFFFF not in counts:
                out.append(f"{where}: label {label.text()[:40]!r} links not in {link.name()} on {bg.name()}")
    for button in _shown(view, QAbstractButton):
        assert isinstance(button, QAbstractButton)
        if not button.text().strip():
            continue
        r, bg, ink = ink_contrast(button.grab().toImage())
        if r < TEXT_AA:
            out.append(f"{where}: button {button.text()!r} renders {ink.name()} on {bg.name()} ({r:.2f}:1)")
    for items in _shown(view, QAbstractItemView):
        assert isinstance(items, QAbstractItemView)
        model = items.model()
        if model is None or model.rowCount() == 0:
            continue
        r, bg, ink = ink_contrast(items.viewport().grab().toImage())
        if r < TEXT_AA:
            out.append(f"{where}: {type(items).__name__} {items.objectName()!r} renders {ink.name()} on {bg.name()} ({r:.2f}:1)")
    for box in _shown(view, QCheckBox) + _shown(view, QRadioButton):
        out.extend(f"{where}: {p}" for p in _indicator_problems(box))
    return out


def _indicator_problems(box: QWidget) -> list[str]:
    """The indicator region of a check box or radio button differs from its background by 3:1."""
    assert isinstance(box, (QCheckBox, QRadioButton))
    opt = QStyleOptionButton()
    box.initStyleOption(opt)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if isinstance(box, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = box.style().subElementRect(element, opt, box)
    image = box.grab().toImage()
    bg = box.palette().color(R.Window)
    region = image.copy(rect)
    _r, _bg, ink = ink_contrast(region)
    strongest = max(ratio(ink, bg), ratio(_bg, bg))
    if strongest < INDICATOR:
        return [f"{type(box).__name__} {box.text()!r}: indicator {ink.name()} on {bg.name()} ({strongest:.2f}:1)"]
    return []


def test_every_view_meets_wcag_aa_in_each_theme(window: MainWindow, qtbot: QtBot) -> None:
    """One window switched light -> dark -> high contrast -> light, as a user does: views built
    in one theme must follow the next (links drawn in an earlier theme's blue did not)."""
    problems: list[str] = []
    for name in ("light", "dark", "high-contrast", "light"):
        window.set_theme(name)
        for key in window.nav_keys:
            window.navigate(f"view:{key}")
            qtbot.wait(1)
            problems += _problems(window.stack.currentWidget(), f"{name}/{key}")
        problems += _problems(window.nav.parentWidget() or window, f"{name}/window")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_check_boxes_and_radio_buttons_are_visible_checked_or_not(qtbot: QtBot, name: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, name)
    theme.after_first_frame(app)  # as app.py does once the window is up
    try:
        host = QWidget()
        qtbot.addWidget(host)
        boxes: list[QWidget] = []
        for checked in (False, True):
            c, r = QCheckBox("Large print", host), QRadioButton("known", host)
            c.setChecked(checked)
            r.setChecked(checked)
            c.move(0, 30 * len(boxes))
            r.move(0, 30 * len(boxes) + 15)
            boxes += [c, r]
        host.resize(200, 140)
        host.show()
        assert [p for b in boxes for p in _indicator_problems(b)] == []
        on, off = boxes[2], boxes[0]
        assert on.grab().toImage() != off.grab().toImage()  # checked and unchecked look different
    finally:
        theme.apply_theme(app, "light")


@pytest.mark.parametrize("name", ["dark", "high-contrast"])
def test_disabled_controls_look_disabled(qtbot: QtBot, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, name)
    try:
        on, off = QPushButton("Copy details"), QPushButton("Copy details")
        off.setEnabled(False)
        for b in (on, off):
            qtbot.addWidget(b)
            b.resize(140, 32)
            b.show()
        inside = on.rect().adjusted(8, 6, -8, -6)  # the caption, clear of the border
        _r1, _bg1, ink_on = ink_contrast(on.grab(inside).toImage())
        _r2, _bg2, ink_off = ink_contrast(off.grab(inside).toImage())
        assert ratio(ink_on, ink_off) >= 1.5, (ink_on.name(), ink_off.name())
    finally:
        theme.apply_theme(app, "light")


def test_no_fixed_greys_in_the_window_code() -> None:
    """Secondary text takes its colour from the palette (theme.muted), never #444/#555-style greys.

    Mid greys (#333 to #bbb) are the ones that vanish on one of the light or dark windows;
    near-black text on the calendar's fixed pastel cells is not one of them."""
    import re

    root = Path(__file__).resolve().parents[3] / "desktop" / "ui"
    grey = re.compile(r"#([3-9a-bA-B])\1\1(?:\1\1\1)?\b")
    found = []
    for path in root.rglob("*.py"):
        if path.name == "theme.py" or path.name == "map_widget.py":  # the palettes; the map draws its own light surface
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in grey.finditer(line):
                found.append(f"{path.relative_to(root)}:{n}: {m.group(0)}")
    assert found == []


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_inputs_have_a_visible_border(qtbot: QtBot, name: str) -> None:
    """Review D14: QDoubleSpinBox and QDateEdit had no border in high contrast."""
    from PySide6.QtWidgets import QDateEdit, QDoubleSpinBox, QVBoxLayout

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    combo = QComboBox()
    combo.addItem("None")
    fields: list[QWidget] = [QDoubleSpinBox(), QDateEdit(), QLineEdit("39.0"), combo]
    for f in fields:
        layout.addWidget(f)
    host.resize(240, 200)
    host.show()
    theme.apply_theme(app, name)
    try:
        problems = []
        for f in fields:
            image = f.grab().toImage()
            window = host.palette().color(R.Window)
            y = image.height() // 2
            edge = max((image.pixelColor(x, y) for x in range(0, 3)), key=lambda c: ratio(c, window))
            if ratio(edge, window) < INDICATOR:
                problems.append(f"{name}: {type(f).__name__} border {edge.name()} on {window.name()} ({ratio(edge, window):.2f}:1)")
        assert problems == []
    finally:
        theme.apply_theme(app, "light")


def test_a_light_start_gets_its_indicators_after_the_first_frame(qtbot: QtBot) -> None:
    """At start-up (no window yet) the light theme leaves the first frame to the platform's
    style; app.py calls after_first_frame once the window is up, and the indicators follow."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not QApplication.topLevelWidgets() or all(not w.isVisible() for w in QApplication.topLevelWidgets())
    theme.apply_theme(app, "light")
    box = QCheckBox("Large print")
    qtbot.addWidget(box)
    box.show()
    theme.after_first_frame(app)
    assert _indicator_problems(box) == []
