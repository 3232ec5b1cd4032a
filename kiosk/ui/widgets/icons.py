"""Icons painted with QPainter in theme colours: crisp at any size, no emoji font needed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from kiosk.ui import theme

Painter = Callable[[QPainter, float, QColor], None]


def _pen(c: QColor, s: float, w: float = 0.07) -> QPen:
    pen = QPen(c, s * w)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _polyline(s: float, *points: tuple[float, float], close: bool = False) -> QPainterPath:
    """A path through ``points`` (fractions of the icon's size ``s``), closed if asked."""
    (x0, y0), *rest = points
    path = QPainterPath(QPointF(s * x0, s * y0))
    for x, y in rest:
        path.lineTo(s * x, s * y)
    if close:
        path.closeSubpath()
    return path


def _filled(p: QPainter, c: QColor, path: QPainterPath) -> None:
    """``path`` filled with ``c``, no outline."""
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c)
    p.drawPath(path)


def _x_mark(p: QPainter, s: float, left: float, top: float, right: float, bottom: float) -> None:
    """Two crossed strokes spanning the box (fractions of ``s``)."""
    p.drawLine(QPointF(s * left, s * top), QPointF(s * right, s * bottom))
    p.drawLine(QPointF(s * right, s * top), QPointF(s * left, s * bottom))


def _cash(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(s * 0.08, s * 0.26, s * 0.84, s * 0.48), s * 0.06, s * 0.06)
    p.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.12, s * 0.12)
    p.drawLine(QPointF(s * 0.2, s * 0.38), QPointF(s * 0.2, s * 0.38))
    p.drawLine(QPointF(s * 0.8, s * 0.62), QPointF(s * 0.8, s * 0.62))


def _card(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QRectF(s * 0.08, s * 0.22, s * 0.84, s * 0.56), s * 0.07, s * 0.07)
    p.setPen(_pen(c, s, 0.11))
    p.drawLine(QPointF(s * 0.1, s * 0.38), QPointF(s * 0.9, s * 0.38))
    p.setPen(_pen(c, s))
    p.drawLine(QPointF(s * 0.2, s * 0.62), QPointF(s * 0.42, s * 0.62))


def _qr(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s, 0.06))
    p.setBrush(Qt.BrushStyle.NoBrush)
    for x, y in ((0.1, 0.1), (0.58, 0.1), (0.1, 0.58)):
        p.drawRect(QRectF(s * x, s * y, s * 0.32, s * 0.32))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c)
    for x, y in ((0.19, 0.19), (0.67, 0.19), (0.19, 0.67)):
        p.drawRect(QRectF(s * x, s * y, s * 0.14, s * 0.14))
    for x, y in ((0.6, 0.6), (0.78, 0.6), (0.69, 0.72), (0.6, 0.8), (0.8, 0.8)):
        p.drawRect(QRectF(s * x, s * y, s * 0.11, s * 0.11))


def _dine_in(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QPointF(s * 0.5, s * 0.52), s * 0.24, s * 0.24)
    p.drawEllipse(QPointF(s * 0.5, s * 0.52), s * 0.14, s * 0.14)
    # fork
    p.drawLine(QPointF(s * 0.12, s * 0.2), QPointF(s * 0.12, s * 0.85))
    p.drawLine(QPointF(s * 0.06, s * 0.2), QPointF(s * 0.06, s * 0.36))
    p.drawLine(QPointF(s * 0.18, s * 0.2), QPointF(s * 0.18, s * 0.36))
    p.drawArc(QRectF(s * 0.06, s * 0.28, s * 0.12, s * 0.14), 180 * 16, 180 * 16)
    # knife
    path = QPainterPath(QPointF(s * 0.88, s * 0.85))
    path.lineTo(s * 0.88, s * 0.18)
    path.quadTo(s * 0.97, s * 0.3, s * 0.95, s * 0.52)
    path.lineTo(s * 0.88, s * 0.52)
    p.drawPath(path)


def _take_away(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(_polyline(s, (0.18, 0.34), (0.82, 0.34), (0.76, 0.9), (0.24, 0.9), close=True))
    p.drawArc(QRectF(s * 0.34, s * 0.12, s * 0.32, s * 0.4), 0, 180 * 16)


def _check(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s, 0.12))
    p.drawPath(_polyline(s, (0.2, 0.52), (0.42, 0.74), (0.82, 0.28)))


def _cross(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s, 0.12))
    _x_mark(p, s, 0.26, 0.26, 0.74, 0.74)


def _back(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s, 0.1))
    p.drawPath(_polyline(s, (0.6, 0.2), (0.3, 0.5), (0.6, 0.8)))


def _forward(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s, 0.1))
    p.drawPath(_polyline(s, (0.4, 0.2), (0.7, 0.5), (0.4, 0.8)))


def _backspace(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s, 0.07))
    outline = ((0.08, 0.5), (0.32, 0.24), (0.9, 0.24), (0.9, 0.76), (0.32, 0.76))
    p.drawPath(_polyline(s, *outline, close=True))
    _x_mark(p, s, 0.47, 0.38, 0.71, 0.62)


def _star(p: QPainter, s: float, c: QColor) -> None:
    import math

    path = QPainterPath()
    for i in range(10):
        r = s * (0.46 if i % 2 == 0 else 0.2)
        a = -math.pi / 2 + i * math.pi / 5
        pt = QPointF(s * 0.5 + r * math.cos(a), s * 0.52 + r * math.sin(a))
        if i == 0:
            path.moveTo(pt)
        else:
            path.lineTo(pt)
    path.closeSubpath()
    _filled(p, c, path)


def _cart(p: QPainter, s: float, c: QColor) -> None:
    p.setPen(_pen(c, s))
    p.setBrush(Qt.BrushStyle.NoBrush)
    trolley = ((0.06, 0.2), (0.2, 0.2), (0.3, 0.64), (0.82, 0.64), (0.92, 0.32), (0.24, 0.32))
    p.drawPath(_polyline(s, *trolley))
    p.setBrush(c)
    p.drawEllipse(QPointF(s * 0.36, s * 0.8), s * 0.06, s * 0.06)
    p.drawEllipse(QPointF(s * 0.76, s * 0.8), s * 0.06, s * 0.06)


def _leaf(p: QPainter, s: float, c: QColor) -> None:
    path = QPainterPath(QPointF(s * 0.15, s * 0.85))
    path.cubicTo(s * 0.1, s * 0.35, s * 0.45, s * 0.1, s * 0.9, s * 0.1)
    path.cubicTo(s * 0.9, s * 0.55, s * 0.6, s * 0.9, s * 0.15, s * 0.85)
    _filled(p, c, path)
    p.setPen(_pen(theme.color("green-900"), s, 0.05))
    p.drawLine(QPointF(s * 0.2, s * 0.8), QPointF(s * 0.7, s * 0.3))


def _chilli(p: QPainter, s: float, c: QColor) -> None:
    """A red chilli lying on its side, its green stalk at the top left."""
    body = QPainterPath(QPointF(s * 0.3, s * 0.2))
    body.cubicTo(s * 0.72, s * 0.16, s * 0.98, s * 0.5, s * 0.88, s * 0.96)
    body.cubicTo(s * 0.7, s * 0.7, s * 0.36, s * 0.64, s * 0.17, s * 0.46)
    body.cubicTo(s * 0.08, s * 0.36, s * 0.16, s * 0.22, s * 0.3, s * 0.2)
    _filled(p, c, body)
    p.setPen(_pen(theme.color("green-700"), s, 0.11))
    p.setBrush(Qt.BrushStyle.NoBrush)
    stalk = QPainterPath(QPointF(s * 0.24, s * 0.3))
    stalk.quadTo(s * 0.1, s * 0.16, s * 0.26, s * 0.04)
    p.drawPath(stalk)


PAINTERS: dict[str, Painter] = {
    "cash": _cash,
    "card": _card,
    "qr": _qr,
    "dine_in": _dine_in,
    "take_away": _take_away,
    "check": _check,
    "cross": _cross,
    "back": _back,
    "forward": _forward,
    "backspace": _backspace,
    "star": _star,
    "cart": _cart,
    "leaf": _leaf,
    "chilli": _chilli,
}


def icon_pixmap(name: str, size: int, colour: str = "ink", ratio: float = 2.0) -> QPixmap:
    px = QPixmap(int(size * ratio), int(size * ratio))
    px.fill(Qt.GlobalColor.transparent)
    p = QPainter(px)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    PAINTERS[name](p, size * ratio, theme.color(colour))
    p.end()
    px.setDevicePixelRatio(ratio)
    return px


def icon(name: str, size: int = 48, colour: str = "ink") -> QIcon:
    return QIcon(icon_pixmap(name, size, colour))
