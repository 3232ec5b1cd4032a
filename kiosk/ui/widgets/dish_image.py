"""Dish pictures from ``assets/images``, cropped to fill, greyed when sold out, and a drawn
placeholder (an empty plate) when the file is missing or unreadable."""

from __future__ import annotations

import logging
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.fonts import ASSETS

log = logging.getLogger(__name__)
IMAGES = ASSETS / "images"


@lru_cache(maxsize=64)
def load_image(name: str) -> QImage | None:
    """The image file ``name`` (e.g. ``pad_thai.png``), or None when missing/unreadable."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = IMAGES / name
    if not path.is_file():
        return None
    img = QImage(str(path))
    if img.isNull():
        log.warning("unreadable dish image %s", name)
        return None
    return img


@lru_cache(maxsize=64)
def greyscale(name: str) -> QImage | None:
    img = load_image(name)
    if img is None:
        return None
    grey = img.convertToFormat(QImage.Format.Format_Grayscale8)
    return grey.convertToFormat(QImage.Format.Format_ARGB32)


def paint_placeholder(p: QPainter, rect: QRectF) -> None:
    p.fillRect(rect, theme.color("cream-dark"))
    c = rect.center()
    r = min(rect.width(), rect.height()) * 0.32
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(theme.color("card"))
    p.drawEllipse(c, r, r * 0.9)
    p.setBrush(theme.color("line"))
    p.drawEllipse(c, r * 0.62, r * 0.55)
    p.setBrush(theme.color("cream"))
    p.drawEllipse(c, r * 0.5, r * 0.44)
    # a sprig of herbs: the restaurant's mark
    p.setBrush(theme.color("green-500"))
    leaf = QPainterPath(QPointF(c.x() - r * 0.15, c.y() + r * 0.15))
    leaf.cubicTo(
        c.x() - r * 0.2, c.y() - r * 0.2, c.x() + r * 0.1, c.y() - r * 0.3, c.x() + r * 0.3, c.y()
    )
    leaf.cubicTo(
        c.x() + r * 0.1,
        c.y() + r * 0.05,
        c.x(),
        c.y() + r * 0.15,
        c.x() - r * 0.15,
        c.y() + r * 0.15,
    )
    p.drawPath(leaf)


class DishPicture(QWidget):
    """Paints a dish image with rounded top corners, like the top of a card."""

    def __init__(self, parent: QWidget | None = None, radius: float = 22, ratio: float = 0.75):
        super().__init__(parent)
        self.image_name = ""
        self.sold_out = False
        self.radius = radius
        self.ratio = ratio
        self.round_bottom = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_image(self, name: str, sold_out: bool = False) -> None:
        self.image_name = name
        self.sold_out = sold_out
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, int(320 * self.ratio))

    def paintEvent(self, event: QPaintEvent) -> None:
        # the rounded, cropped, smooth-scaled picture is drawn once per size and kept:
        # a repaint (a tap, a scroll, the cart changing) is one blit, not a rescale
        dpr = self.devicePixelRatioF()
        key = (
            self.image_name,
            self.sold_out,
            self.width(),
            self.height(),
            self.radius,
            self.round_bottom,
            dpr,
        )
        p = QPainter(self)
        p.drawPixmap(0, 0, _render(*key))
        p.end()


RENDERED_MAX = 256  # pictures kept drawn (the demo menu at three sizes is ~60)


@lru_cache(maxsize=RENDERED_MAX)
def _render(
    name: str,
    sold_out: bool,
    width: int,
    height: int,
    radius: float,
    round_bottom: bool,
    dpr: float,
) -> QPixmap:
    """The picture ``name`` at ``width`` x ``height``: cover-cropped, its top (and with
    ``round_bottom`` its bottom) corners rounded, greyed and veiled when ``sold_out``."""
    px = QPixmap(max(1, round(width * dpr)), max(1, round(height * dpr)))
    px.setDevicePixelRatio(dpr)
    px.fill(Qt.GlobalColor.transparent)
    p = QPainter(px)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    rect = QRectF(0, 0, width, height)
    path = QPainterPath()
    r = radius
    if round_bottom:
        path.addRoundedRect(rect, r, r)
    else:
        path.moveTo(rect.left(), rect.bottom())
        path.lineTo(rect.left(), rect.top() + r)
        path.quadTo(rect.left(), rect.top(), rect.left() + r, rect.top())
        path.lineTo(rect.right() - r, rect.top())
        path.quadTo(rect.right(), rect.top(), rect.right(), rect.top() + r)
        path.lineTo(rect.right(), rect.bottom())
        path.closeSubpath()
    p.setClipPath(path)
    img = greyscale(name) if sold_out else load_image(name)
    if img is None:
        paint_placeholder(p, rect)
    else:
        # cover: scale to fill, crop the overflow evenly
        scale = max(rect.width() / img.width(), rect.height() / img.height())
        w, h = img.width() * scale, img.height() * scale
        target = QRectF(rect.center().x() - w / 2, rect.center().y() - h / 2, w, h)
        p.drawImage(target, img)
    if sold_out:
        p.fillRect(rect, theme.color("cream", 110))
    p.end()
    return px


def dish_pixmap(name: str, size: QSize) -> QPixmap:
    """The picture (or placeholder) as a pixmap, for places that are not a DishPicture."""
    px = QPixmap(size)
    px.fill(Qt.GlobalColor.transparent)
    p = QPainter(px)
    img = load_image(name)
    if img is None:
        paint_placeholder(p, QRectF(px.rect()))
    else:
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(px.rect()), img)
    p.end()
    return px
