"""The PromptPay QR on screen must scan back to the exact payload for the order's amount."""

from __future__ import annotations

import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QImage

from kiosk.services.promptpay import parse_payload
from kiosk.ui.flow import Timing
from kiosk.ui.widgets.qr_view import QRView
from tests.ui.conftest import NEVER


def decode(image: QImage) -> list[str]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    import io

    pil = Image.open(io.BytesIO(bytes(buffer.data()))).convert("L")
    return [r.text for r in zxingcpp.read_barcodes(pil)]


def test_promptpay_qr_pixels_decode_to_the_order_payload(make_kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    kiosk.start()
    kiosk.add("Pad Thai with Prawns", "Large", "Extra prawns")  # 120 + 20 + 40
    kiosk.add("Thai Iced Tea")  # 55
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    qr = kiosk.w("promptpay_qr")
    assert isinstance(qr, QRView)
    # Big and crisp on a 1080-wide portrait screen: the dark symbol itself (without the
    # 4-module quiet zone on each side) is at least 600 px, at a whole pixel per module.
    symbol_modules = len(qr._matrix) - 8
    assert qr.module_size() * symbol_modules >= 600 and qr.module_size() >= 10
    decoded = decode(qr.grab().toImage())
    assert decoded == [kiosk.flow.pending.payload]  # type: ignore[union-attr]
    parsed = parse_payload(decoded[0])
    order = kiosk.order()
    assert parsed.amount == order.total == kiosk.flow.pending.amount  # type: ignore[union-attr]


def test_qr_modules_are_whole_pixels(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = QRView()
    qtbot.addWidget(view)
    view.resize(613, 640)
    view.set_payload("00020101021129370016A000000677010111011300668123456785802TH53037645802")
    n = len(view._matrix)
    assert view.module_size() == 613 // n
    rect = view.symbol_rect()
    assert rect.width() == view.module_size() * n
    image = view.grab().toImage()
    # every module is a solid square: sample the centre and a corner of the top-left finder
    m = view.module_size()
    x0, y0 = rect.x() + 4 * m, rect.y() + 4 * m  # after the quiet zone
    assert image.pixelColor(x0, y0).black() == 255
    assert image.pixelColor(x0 + m - 1, y0 + m - 1).black() == 255
    assert image.pixelColor(rect.x(), rect.y()).black() == 0  # quiet zone is light
