"""Themes: follow the system (light or dark), or our own dark and high-contrast palettes.

"System" reads the platform's own palette, which Qt makes dark when the desktop is in dark
mode (macOS, KDE, GNOME, the Windows 11 style). Asking `QStyleHints.colorScheme()` instead
would build PySide6's whole `Qt` namespace at start-up (see main_window); it is asked only on
Windows, where the older style keeps a light palette in dark mode.

The dark and high-contrast themes are palettes on the Fusion style, not `* {color: ...}` style
sheets: a sheet that sets every widget's colours makes Qt draw check boxes, radio buttons and
spin boxes itself and it loses their indicators and frames (review D14). Fusion draws its
frames and indicators a shade darker than the window, which vanishes on a dark window, so a
small proxy style (`ThemeStyle`) draws check and radio indicators and the frames of inputs in
the palette's own border colour (`Mid`, at least 3:1 against the background) and text colour.
A light theme (and "system" when light) wraps the platform's own style in the same proxy, once
the first frame is on screen (`after_first_frame`).
Every colour the widgets use comes from these palettes: nothing in ui/ names a fixed grey.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QStyle

THEMES = ("system", "light", "dark", "high-contrast")


# (role name, active colour, disabled colour or None); the disabled state is a visibly different
# grey. Role names, not enum members: PySide builds an enum class on first touch, a start-up cost.
_DARK: tuple[tuple[str, str, str | None], ...] = (
    ("Window", "#2d2d2d", None), ("WindowText", "#e6e6e6", "#8c8c8c"),
    ("Base", "#1e1e1e", "#262626"), ("AlternateBase", "#262626", None),
    ("Text", "#e6e6e6", "#8c8c8c"), ("Button", "#3a3a3a", "#2d2d2d"),
    ("ButtonText", "#e6e6e6", "#8c8c8c"), ("ToolTipBase", "#3c3c3c", None),
    ("ToolTipText", "#f0f0f0", None), ("Highlight", "#2f6fb7", "#3a3a3a"),
    ("HighlightedText", "#ffffff", "#8c8c8c"), ("Link", "#8cc2ff", None),
    ("LinkVisited", "#c9a6ff", None), ("PlaceholderText", "#a6a6a6", None),
    ("BrightText", "#ffffff", None),
    # Fusion's frames, bevels and the border colour ThemeStyle draws with (>= 3:1 on Base).
    ("Mid", "#8a8a8a", "#5a5a5a"), ("Light", "#5a5a5a", None), ("Midlight", "#4a4a4a", None),
    ("Dark", "#1a1a1a", None), ("Shadow", "#000000", None),
)

_HIGH_CONTRAST: tuple[tuple[str, str, str | None], ...] = (
    ("Window", "#000000", None), ("WindowText", "#ffffff", "#a0a0a0"),
    ("Base", "#000000", None), ("AlternateBase", "#141414", None),
    ("Text", "#ffffff", "#a0a0a0"), ("Button", "#000000", None),
    ("ButtonText", "#ffffff", "#a0a0a0"), ("ToolTipBase", "#ffff00", None),
    ("ToolTipText", "#000000", None), ("Highlight", "#ffff00", "#a0a0a0"),
    ("HighlightedText", "#000000", None), ("Link", "#ffff00", None),
    ("LinkVisited", "#ffc800", None), ("PlaceholderText", "#d0d0d0", None),
    ("BrightText", "#ffffff", None),
    ("Mid", "#ffffff", "#a0a0a0"), ("Light", "#ffffff", None), ("Midlight", "#ffffff", None),
    ("Dark", "#ffffff", None), ("Shadow", "#ffffff", None),
)


def _palette(spec: tuple[tuple[str, str, str | None], ...]) -> QPalette:
    p = QPalette()
    roles, disabled_group = QPalette.ColorRole, QPalette.ColorGroup.Disabled
    for name, colour, disabled in spec:
        role = getattr(roles, name)
        p.setColor(role, QColor(colour))
        if disabled is not None:
            p.setColor(disabled_group, role, QColor(disabled))
    return p


def _dark_palette() -> QPalette:
    return _palette(_DARK)


def _high_contrast_palette() -> QPalette:
    return _palette(_HIGH_CONTRAST)


# Accent colours for messages (errors, warnings) per theme, chosen for >= 4.5:1 on the window.
_TONES = {
    "light": {"error": "#b00020", "warning": "#8a5300", "ok": "#1b6e20"},
    "dark": {"error": "#ff8a80", "warning": "#ffcc66", "ok": "#8fd694"},
    "high-contrast": {"error": "#ff9e9e", "warning": "#ffff00", "ok": "#7dff7d"},
}
_effective = "light"


def tone(name: str) -> str:
    """The colour for a message tone ("error", "warning", "ok") in the theme in use."""
    return _TONES.get(_effective, _TONES["light"]).get(name, "")


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2.2 contrast ratio of two colours (1 to 21)."""
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    return QColor(*[round(share * x + (1 - share) * y)
                    for x, y in zip((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()), strict=True)])


def border(pal: QPalette, group: QPalette.ColorGroup | None = None) -> QColor:
    """The frame colour of inputs: the palette's Mid when it stands 3:1 from Base, else a
    text/base mix that does (WCAG 1.4.11 non-text contrast)."""
    r = QPalette.ColorRole
    group = QPalette.ColorGroup.Active if group is None else group
    base, mid = pal.color(group, r.Base), pal.color(group, r.Mid)
    if contrast(mid, base) >= 3.0:
        return mid
    return _mix(pal.color(group, r.Text), base, 0.6)


def muted(palette: QPalette | None = None) -> str:
    """A secondary-text colour from the palette: three parts text to one part window.

    Replaces fixed greys (#444, #555), which vanish on a dark window (review D25); the mix keeps
    more than 4.5:1 on the window in the light, dark and high-contrast palettes."""
    pal = palette if palette is not None else QGuiApplication.palette()
    r = QPalette.ColorRole
    return _mix(pal.color(r.WindowText), pal.color(r.Window), 0.75).name()


def _tone_sheet(effective: str) -> str:
    """Labels marked `tone` (setProperty("tone", "error"), "muted") follow the theme."""
    tones = {**_TONES[effective], "muted": muted(_dark_palette() if effective == "dark" else
                                                 _high_contrast_palette() if effective == "high-contrast" else None)}
    return "\n".join(f'QLabel[tone="{k}"] {{ color: {v}; }}' for k, v in tones.items())


def _qss(name: str) -> str:
    path = resource_path("qss", name)
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def system_is_dark() -> bool:
    """Whether the desktop is in dark mode. Call it while the platform's palette is in use."""
    if is_dark(QGuiApplication.palette()):
        return True
    return sys.platform == "win32" and _color_scheme_is_dark()


def _color_scheme_is_dark() -> bool:
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def _theme_style(base: str) -> QStyle:
    """Fusion, with indicators and input frames drawn in the palette's text and border colours.

    Built on first use: QProxyStyle and QPainter are not needed for a light start-up."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QPainter, QPen
    from PySide6.QtWidgets import (
        QProxyStyle,
        QStyle,
        QStyleFactory,
        QStyleOption,
        QStyleOptionComplex,
        QWidget,
    )

    pe, cc, st = QStyle.PrimitiveElement, QStyle.ComplexControl, QStyle.StateFlag
    _R, _G = QPalette.ColorRole, QPalette.ColorGroup

    class ThemeStyle(QProxyStyle):
        def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                          widget: QWidget | None = None) -> None:
            if element in (pe.PE_IndicatorCheckBox, pe.PE_IndicatorItemViewItemCheck):
                self._check(option, painter)
            elif element == pe.PE_IndicatorRadioButton:
                self._radio(option, painter)
            elif element == pe.PE_FrameLineEdit:
                self._frame(option, painter)
            else:
                super().drawPrimitive(element, option, painter, widget)

        def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                               painter: QPainter, widget: QWidget | None = None) -> None:
            super().drawComplexControl(control, option, painter, widget)
            if control in (cc.CC_SpinBox, cc.CC_ComboBox) and getattr(option, "frame", True):
                self._frame(option, painter)

        @staticmethod
        def _group(option: QStyleOption) -> QPalette.ColorGroup:
            return _G.Active if option.state & st.State_Enabled else _G.Disabled

        def _frame(self, option: QStyleOption, painter: QPainter) -> None:
            pal, group = option.palette, self._group(option)
            focused = bool(option.state & st.State_HasFocus)
            colour = pal.color(group, _R.Highlight) if focused else border(pal, group)
            width = 2.0 if focused else 1.0
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(colour, width))
            painter.setBrush(QColor(0, 0, 0, 0))
            r = QRectF(option.rect).adjusted(width / 2, width / 2, -width / 2, -width / 2)
            painter.drawRect(r)
            painter.restore()

        def _box(self, option: QStyleOption) -> QRectF:
            r = QRectF(option.rect)
            side = min(r.width(), r.height()) - 1
            return QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side)

        def _outline(self, option: QStyleOption, painter: QPainter, *, round_: bool) -> tuple[QColor, QRectF]:
            """An indicator's frame in the palette's text colour on its base: (ink, box) for the mark."""
            pal, group = option.palette, self._group(option)
            ink = pal.color(group, _R.Text)
            box = self._box(option)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(ink, 1.6))
            painter.setBrush(pal.color(group, _R.Base))
            frame = box.adjusted(0.8, 0.8, -0.8, -0.8)
            if round_:
                painter.drawEllipse(frame)
            else:
                painter.drawRect(frame)
            return ink, box

        def _check(self, option: QStyleOption, painter: QPainter) -> None:
            painter.save()
            ink, box = self._outline(option, painter, round_=False)
            s = box.width()
            if option.state & st.State_On:
                pen = QPen(ink, max(2.0, s / 7))
                painter.setPen(pen)
                painter.drawPolyline([QPointF(box.left() + s * 0.22, box.top() + s * 0.52),
                                      QPointF(box.left() + s * 0.42, box.top() + s * 0.72),
                                      QPointF(box.left() + s * 0.78, box.top() + s * 0.28)])
            elif option.state & st.State_NoChange:
                painter.fillRect(box.adjusted(s * 0.25, s * 0.42, -s * 0.25, -s * 0.42), ink)
            painter.restore()

        def _radio(self, option: QStyleOption, painter: QPainter) -> None:
            painter.save()
            ink, box = self._outline(option, painter, round_=True)
            if option.state & st.State_On:
                painter.setPen(QPen(QColor(0, 0, 0, 0)))
                painter.setBrush(ink)
                inset = box.width() * 0.28
                painter.drawEllipse(box.adjusted(inset, inset, -inset, -inset))
            painter.restore()

    style = ThemeStyle(QStyleFactory.create(base))
    style.setObjectName("cartref-theme")
    return style


_default_style: str | None = None


def _learn_default_style(app: QApplication) -> str:
    """The platform's style, learnt before our first change, to go back to it. Only then:
    touching app.style() from Python loads QStyle, ~15 ms of start-up on a light theme.
    A style sheet wraps the style (the wrapper has no name), so it comes off first."""
    global _default_style
    if _default_style is None:
        _set_sheet(app, "")
        _default_style = app.style().name()
    return _default_style


_kept: dict[str, QStyle] = {}  # the Python side of each proxy style must outlive its use
_ours_on: str | None = None  # the base style our proxy wraps now, None when it is not in use


def after_first_frame(app: QApplication) -> None:
    """On a light theme, the platform's style with our indicators and input frames (Fusion's
    are 1.7:1 on a light window, under the 3:1 WCAG asks of a control's boundary).

    app.py calls this once the window has been shown: the proxy re-polishes every widget and
    draws in Python (~55 M instructions), which has no place before the first frame."""
    if _effective != "light":
        return
    sheet = app.styleSheet()
    _set_theme_style(app, _learn_default_style(app))
    _set_sheet(app, sheet)


def _set_plain_style(app: QApplication, name: str) -> None:
    """The platform's own style back (leaving a dark theme); re-polishes, so only on a change."""
    global _ours_on
    if _ours_on is not None or app.style().name().lower() != name.lower():
        app.setStyle(name)
        _ours_on = None


def _set_theme_style(app: QApplication, base: str) -> None:
    """Our proxy around `base` (Fusion, under the dark and high-contrast palettes)."""
    global _ours_on
    import shiboken6

    style = _kept.get(base)
    if _ours_on == base and style is not None and shiboken6.isValid(style):
        return
    if style is None or not shiboken6.isValid(style):  # the application may delete a style it drops
        style = _kept[base] = _theme_style(base)
    app.setStyle(style)
    _ours_on = base


def _set_sheet(app: QApplication, sheet: str) -> None:
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)


def apply_theme(app: QApplication, name: str) -> str:
    """Apply a theme by name (unknown names mean "system"); returns the effective one."""
    global _effective
    if name not in THEMES:
        name = "system"
    if _default_style is not None and name in ("system", "light"):
        # A dark or high-contrast theme was applied: back to the platform's style, and to its
        # palette ("system" reads that one and keeps following it) or the style's light one.
        _set_plain_style(app, _default_style)
        app.setPalette(QPalette() if name == "system" else app.style().standardPalette())
    effective = name
    if name == "system":
        effective = "dark" if system_is_dark() else "light"
    _effective = effective if effective in _TONES else "light"
    from PySide6.QtWidgets import QApplication as _App

    if effective in ("dark", "high-contrast"):
        _learn_default_style(app)
        _set_theme_style(app, "Fusion")
        app.setPalette(_dark_palette() if effective == "dark" else _high_contrast_palette())
        extra = _qss("high-contrast.qss") if effective == "high-contrast" else ""
        _set_sheet(app, "\n".join((_qss("base.qss"), extra, _tone_sheet(effective))))
    else:
        _set_sheet(app, _qss("base.qss") + "\n" + _tone_sheet("light"))
        if _App.topLevelWidgets():  # a switch at run time; at start-up after_first_frame does it
            after_first_frame(app)
    if _App.topLevelWidgets():
        _relink_labels()
    return effective


def _relink_labels() -> None:
    """Rich-text labels keep the link colour of the palette they were first laid out with;
    laying their text out again gives links the new theme's colour (dark blue on a dark
    window otherwise)."""
    from PySide6.QtWidgets import QApplication as _App
    from PySide6.QtWidgets import QLabel

    for label in _App.allWidgets():
        if isinstance(label, QLabel) and "<a " in (text := label.text()):
            label.clear()
            label.setText(text)


def is_dark(widget_palette: QPalette) -> bool:
    """Whether text on this palette is light (used to pick page colours for HTML)."""
    return widget_palette.color(QPalette.ColorRole.Base).lightness() < 128
