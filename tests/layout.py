"""A layout checker for live Qt windows: walks the visible widget tree and reports what a
customer would trip over.

``check_layout(window)`` returns a list of :class:`Problem` (empty when the screen is
fine). It looks at what is really on screen, after layout and style sheet:

- **clipped**: a visible button, field or label sticks out of an ancestor (scroll areas
  excepted: their content scrolls) or out of the window, or its text does not fit in it;
- **overlap**: two interactive widgets (neither inside the other) share pixels;
- **covered**: the widget found at a control's centre (``QWidget.childAt``, what a tap
  reaches) is neither the control nor one of its children;
- **small**: a customer touch target under ``touch`` × ``touch`` px (64);
- **unnamed**: an interactive widget with no accessible name (nor a text that says what
  it does);
- **contrast**: a text's colour against the background actually painted behind it is under
  WCAG AA (4.5:1, or 3:1 for large text: 24 px, or 18.7 px bold).

Only the top layer is checked: when an overlay (a widget named ``*_overlay``) is open, the
widgets under it are meant to be unreachable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QFontMetrics, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
    QStackedLayout,
    QStyle,
    QStyleOptionButton,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractSlider,
    QTextEdit,
    QPlainTextEdit,
)
TOUCH = 64
AA_NORMAL = 4.5
AA_LARGE = 3.0


@dataclass(frozen=True)
class Problem:
    kind: str  # clipped | overlap | covered | small | contrast
    widget: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.widget}: {self.detail}"


# -- colour ---------------------------------------------------------------------------------
def _channel(c: float) -> float:
    c /= 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(c: QColor) -> float:
    return 0.2126 * _channel(c.red()) + 0.7152 * _channel(c.green()) + 0.0722 * _channel(c.blue())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def is_large_text(font: QFont) -> bool:
    px = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * 96 / 72
    bold = font.weight() >= QFont.Weight.DemiBold
    return px >= 24 or (bold and px >= 18.66)


# -- naming -----------------------------------------------------------------------------------
def describe(w: QWidget) -> str:
    parts = []
    node: QWidget | None = w
    while node is not None and len(parts) < 3:
        name = node.objectName() or type(node).__name__
        parts.append(name)
        if node.objectName():
            break
        node = node.parentWidget()
    text = ""
    if isinstance(w, QLabel | QAbstractButton) and w.text():
        text = f" {w.text()[:30]!r}"
    return "/".join(reversed(parts)) + text


# -- geometry ---------------------------------------------------------------------------------
def window_rect(w: QWidget, window: QWidget) -> QRect:
    return QRect(w.mapTo(window, QPoint(0, 0)), w.size())


def visible_rect(w: QWidget, window: QWidget) -> QRect:
    """The part of ``w`` actually on screen: its rect cut by every ancestor and the window."""
    r = window_rect(w, window)
    node = w.parentWidget()
    while node is not None and node is not window:
        r = r.intersected(window_rect(node, window))
        node = node.parentWidget()
    return r.intersected(window.rect())


def _in_scroll_area(w: QWidget, stop: QWidget) -> QWidget | None:
    """The viewport of the nearest scroll area ``w`` lives in (None if none)."""
    node = w.parentWidget()
    while node is not None and node is not stop:
        parent = node.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is node:
            return node
        node = parent
    return None


def _ancestors(w: QWidget, stop: QWidget) -> list[QWidget]:
    out = []
    node = w.parentWidget()
    while node is not None and node is not stop:
        out.append(node)
        node = node.parentWidget()
    return out


def _is_ancestor(a: QWidget, b: QWidget) -> bool:
    node = b.parentWidget()
    while node is not None:
        if node is a:
            return True
        node = node.parentWidget()
    return False


# -- text fit ---------------------------------------------------------------------------------
TEXT_UNDER_ICON = Qt.ToolButtonStyle.ToolButtonTextUnderIcon


def _text_overflow(w: QWidget) -> str:
    """Why the text of a label or button does not fit in it ("" if it does)."""
    if isinstance(w, QLabel):
        text = QLabel.text(w)  # what it paints (an eliding label's text() is the whole)
        if not text or (w.pixmap() is not None and not w.pixmap().isNull()):
            return ""
        cr = w.contentsRect()
        m = w.margin() * 2 + 2 * max(0, w.indent())
        fm = QFontMetrics(w.font())
        if w.wordWrap():
            need = w.heightForWidth(w.width())
            if need > w.height() + 2:
                return f"wrapped text needs {need}px of height, has {w.height()}"
            # (Thai has no spaces between words: Qt breaks it by dictionary)
            words = [] if any("\u0e00" <= ch <= "\u0e7f" for ch in text) else text.split()
            longest = max((fm.horizontalAdvance(word) for word in words), default=0)
            if longest > cr.width() - m + 2:
                return f"a word needs {longest}px, has {cr.width()}"
            return ""
        lines = text.split("\n")
        need_w = max(fm.horizontalAdvance(line) for line in lines)
        need_h = fm.height() * len(lines)
        if need_w > cr.width() - m + 2:
            return f"text needs {need_w}px, has {cr.width() - m}"
        if need_h > cr.height() + 4:
            return f"text needs {need_h}px of height, has {cr.height()}"
        return ""
    if isinstance(w, QAbstractButton):
        text = w.text().replace("&&", "&")
        if not text:
            return ""
        fm = QFontMetrics(w.font())
        icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
        lines = text.split("\n")
        need_w = max(fm.horizontalAdvance(line) for line in lines) + icon
        from PySide6.QtWidgets import QToolButton

        room = w.width() - 4
        if isinstance(w, QToolButton):
            need_w = max(fm.horizontalAdvance(line) for line in lines)
        elif isinstance(w, QPushButton):
            # the style sheet's padding and border are not room for the text
            opt = QStyleOptionButton()
            opt.initFrom(w)
            opt.text = w.text()
            opt.icon = w.icon()
            opt.iconSize = w.iconSize()
            room = w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, w).width()
        if need_w > room + 4:  # (a few pixels into the padding do not cut a letter)
            return f"text needs {need_w}px, has {room} inside the button ({w.width()} wide)"
        if fm.height() * len(lines) > w.height():
            return f"text needs {fm.height() * len(lines)}px of height, button is {w.height()}"
        if isinstance(w, QToolButton) and w.toolButtonStyle() == TEXT_UNDER_ICON:
            # the words under the icon: the style's own measure (icon, text and padding)
            need_h = w.sizeHint().height()
            if w.height() < need_h - 4:
                return f"icon and text need {need_h}px of height, button is {w.height()}"
    return ""


def accessible_name(w: QWidget) -> str:
    """What a screen reader announces (Qt's accessible interface: the accessible name, a
    button's text, a field's label); a bare "−", "▶" or an icon says nothing."""
    iface = QAccessible.queryAccessibleInterface(w)
    name = iface.text(QAccessible.Text.Name).strip() if iface is not None else ""
    name = name or w.accessibleName().strip()
    # letters, digits, or a Thai vowel or tone mark (a key of the Thai keyboard)
    said = any(ch.isalnum() or unicodedata.category(ch).startswith("M") for ch in name)
    return name if said else ""


# -- the check --------------------------------------------------------------------------------
def top_layer(window: QWidget) -> QWidget:
    """The open overlay (the last raised) if any, else the window."""
    overlays = [
        w
        for w in window.findChildren(QWidget)
        if w.objectName().endswith("_overlay") and w.isVisible()
    ]
    if not overlays:
        return window
    parent = overlays[0].parentWidget()
    order = parent.children() if parent is not None else []
    return max(overlays, key=lambda o: order.index(o) if o in order else -1)


def visible_widgets(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if w.isVisible() and not w.isWindow()]


def _is_target(w: QWidget) -> bool:
    """A control of its own (not a scroll bar, nor the line edit inside a spin box)."""
    if not isinstance(w, INTERACTIVE) or isinstance(w, QScrollBar):
        return False
    parent = w.parentWidget()
    return not isinstance(parent, QAbstractSpinBox | QComboBox)


def _pil(image: QImage) -> Image.Image:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    return Image.frombuffer(
        "RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
        rgb.bytesPerLine(), 1,
    )  # fmt: skip


def _text_colour(w: QWidget) -> QColor:
    """The colour the style means the text to have (the palette after polish)."""
    role = QPalette.ColorRole.ButtonText if isinstance(w, QAbstractButton) else w.foregroundRole()
    return w.palette().color(QPalette.ColorGroup.Active, role)


def painted_colours(
    image: Image.Image, rect: QRect, intended: QColor | None = None
) -> tuple[QColor, QColor] | None:
    """(text, background) as painted in ``rect``: the background is the most common colour,
    the text the colour that stands out most from it among those painted often enough (the
    solid cores of the glyphs; anti-aliased edges are rarer and in between)."""
    rect = rect.intersected(QRect(0, 0, image.width, image.height))
    if rect.width() < 2 or rect.height() < 2:
        return None
    box = (rect.left(), rect.top(), rect.right() + 1, rect.bottom() + 1)
    crop = image.crop(box)
    colours = crop.getcolors(crop.width * crop.height)
    if not colours:
        return None
    colours.sort(reverse=True)
    bg_rgb = colours[0][1]
    bg = QColor(*bg_rgb)
    others = sum(c for c, _ in colours[1:])
    if others == 0:
        return None
    if intended is not None:
        want = (intended.red(), intended.green(), intended.blue())
        if any(rgb == want for _, rgb in colours[1:]):
            return intended, bg  # the style's colour is there: small text has few such pixels
    floor = max(3, int(others * 0.02))
    best: tuple[float, QColor] | None = None
    for count, rgb in colours[1:]:
        if count < floor:
            break
        c = QColor(*rgb)
        ratio = contrast(c, bg)
        if best is None or ratio > best[0]:
            best = (ratio, c)
    if best is None:
        return None
    if intended is not None and _is_blend(best[1], bg, intended):
        return intended, bg  # anti-aliased small text: no pixel is fully covered
    return best[1], bg


def _is_blend(seen: QColor, bg: QColor, ink: QColor) -> bool:
    """Whether ``seen`` is ``ink`` laid over ``bg`` at some coverage (what anti-aliasing
    paints), rather than another colour."""
    ts = []
    for s_, b, i in (
        (seen.red(), bg.red(), ink.red()),
        (seen.green(), bg.green(), ink.green()),
        (seen.blue(), bg.blue(), ink.blue()),
    ):
        if abs(i - b) >= 24:
            ts.append((s_ - b) / (i - b))
    return bool(ts) and min(ts) >= 0.3 and max(ts) <= 1.05 and max(ts) - min(ts) <= 0.05


def _text_rect(w: QWidget, shown: QRect, window: QWidget) -> QRect:
    """Where a widget's text is painted (a QLabel's contents, a button's inside)."""
    if isinstance(w, QLabel):
        cr = w.contentsRect()
        if not w.wordWrap():
            size = QFontMetrics(w.font()).size(0, w.text())
            cr = QStyle.alignedRect(w.layoutDirection(), w.alignment(), size, cr)
        r = QRect(w.mapTo(window, cr.topLeft()), cr.size())
        return r.intersected(shown)
    return shown.adjusted(4, 4, -4, -4)


def check_layout(
    window: QWidget,
    *,
    touch: int | None = TOUCH,
    check_contrast: bool = True,
    names: bool = True,
    ignore: tuple[str, ...] = (),
) -> list[Problem]:
    """Everything wrong with what ``window`` shows now (see the module docstring).

    ``touch=None`` skips the touch-target size (the staff panel is used with a mouse),
    ``names=False`` the accessible names;
    ``ignore`` lists objectNames not to check."""
    problems: list[Problem] = []
    layer = top_layer(window)
    widgets = [
        w
        for w in visible_widgets(layer)
        if w.objectName() not in ignore
        and not any(a.objectName() in ignore for a in _ancestors(w, layer))
    ]
    image = _pil(window.grab().toImage()) if check_contrast else None

    targets: list[tuple[QWidget, QRect]] = []
    for w in widgets:
        interesting = _is_target(w) or isinstance(w, QLabel)
        if not interesting:
            continue
        if isinstance(w, QLabel) and not w.text() and (w.pixmap() is None or w.pixmap().isNull()):
            continue
        full = window_rect(w, window)
        shown = visible_rect(w, window)
        viewport = _in_scroll_area(w, window)
        if viewport is not None:
            # inside a scroll area: cut by its own ancestors up to the viewport only
            inner = window_rect(w, window)
            for a in _ancestors(w, viewport):
                inner = inner.intersected(window_rect(a, window))
            if shown.isEmpty():
                continue  # scrolled away: fine
            if inner != full:
                problems.append(
                    Problem("clipped", describe(w), f"{full} cut to {inner} inside the scroll area")
                )
            area = viewport.parentWidget()
            if area is not None and visible_rect(area, window) != window_rect(area, window):
                problems.append(
                    Problem("clipped", describe(area), "scroll area cut by its ancestors")
                )
        elif shown != full:
            problems.append(Problem("clipped", describe(w), f"{full} shows only {shown}"))
        overflow = _text_overflow(w)
        if overflow:
            problems.append(Problem("clipped", describe(w), overflow))
        if _is_target(w) and w.isEnabled() and not shown.isEmpty():
            targets.append((w, shown))
        if names and _is_target(w) and not accessible_name(w):
            problems.append(Problem("unnamed", describe(w), "no accessible name"))
        # contrast of the text against what is painted behind it (disabled controls are
        # exempt in WCAG)
        # (a control scrolled half out of view is checked once it is in view)
        if image is not None and w.isEnabled() and shown == visible_rect(w, window) == full:
            text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
            if text.strip():
                pair = painted_colours(image, _text_rect(w, shown, window), _text_colour(w))
                if pair is not None:
                    fg, bg = pair
                    ratio = contrast(fg, bg)
                    need = AA_LARGE if is_large_text(w.font()) else AA_NORMAL
                    if ratio < need - 0.005:
                        problems.append(
                            Problem(
                                "contrast",
                                describe(w),
                                f"{fg.name()} on {bg.name()} is {ratio:.2f}:1, needs {need}:1",
                            )
                        )

    problems += _overlapping_siblings(widgets)
    for w, shown in targets:
        too_small = touch is not None and (w.width() < touch or w.height() < touch)
        if too_small and not isinstance(w, QAbstractSlider):
            problems.append(
                Problem("small", describe(w), f"{w.width()}x{w.height()} < {touch}x{touch}")
            )
        centre = shown.center()
        hit = window.childAt(centre)
        if hit is not None and hit is not w and not _is_ancestor(w, hit):
            problems.append(
                Problem("covered", describe(w), f"a tap at its centre reaches {describe(hit)}")
            )
    for i, (a, ra) in enumerate(targets):
        for b, rb in targets[i + 1 :]:
            if _is_ancestor(a, b) or _is_ancestor(b, a):
                continue
            inter = ra.intersected(rb)
            if inter.width() > 1 and inter.height() > 1:
                problems.append(
                    Problem("overlap", describe(a), f"overlaps {describe(b)} by {inter}")
                )
    return problems


def _laid_out(layout: QLayout) -> list[QWidget]:
    """The widgets a layout places, through its nested layouts."""
    found: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(_laid_out(item.layout()))
    return found


def _overlapping_siblings(widgets: list[QWidget]) -> list[Problem]:
    """Widgets one layout placed on top of each other: the layout had less room than its
    contents need (Qt then squeezes them into the same pixels)."""
    problems = []
    for w in widgets:
        layout = w.layout()
        if layout is None or isinstance(layout, QStackedLayout):
            continue
        placed = [c for c in _laid_out(layout) if c.isVisible()]
        for i, a in enumerate(placed):
            for b in placed[i + 1 :]:
                inter = a.geometry().intersected(b.geometry())
                if inter.width() > 1 and inter.height() > 1:
                    problems.append(
                        Problem("overlap", describe(a), f"laid over {describe(b)} by {inter}")
                    )
    return problems


__all__ = ["Problem", "check_layout", "contrast", "is_large_text", "luminance"]
