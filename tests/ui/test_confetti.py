"""The tier-up confetti never lies across the words of the Result screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QAbstractButton, QFrame, QLabel, QWidget

from tests.ui.conftest import SOMYING, Kiosk


def words(kiosk: Kiosk) -> list[QWidget]:
    """Every visible label, card and button of the Result screen's text."""
    result = kiosk.window.result
    found = [
        w
        for w in result.body.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton | QFrame) and w.isVisible()
    ]
    assert result.tier_up in found and result.number in found and result.title in found
    return found


def painted(image: QImage, rect: QRect) -> bool:
    """Whether any piece shows inside ``rect`` (compared in C++: fast)."""
    part = image.copy(rect.intersected(image.rect()))
    blank = QImage(part.size(), part.format())
    blank.fill(Qt.GlobalColor.transparent)
    return part != blank


def pieces_only(confetti: QWidget) -> QImage:
    """The confetti alone on a transparent image: no window background."""
    image = QImage(confetti.size(), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    confetti.render(image, QPoint(), QRegion(), QWidget.RenderFlag(0))
    return image


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_confetti_keeps_out_of_the_words(make_kiosk, size) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(size=size)
    kiosk.start()
    kiosk.add("Tom Yum Goong")
    kiosk.to_member()
    kiosk.find_member(SOMYING)  # 5 points short of Silver: this order is a tier-up
    kiosk.tap("member_pay_cash")
    kiosk.wait_result()
    assert kiosk.visible("result_tier_up")
    confetti = kiosk.window.result.confetti
    assert confetti.isVisible()
    confetti.stop()
    boxes = {
        w.objectName() or type(w).__name__: QRect(
            confetti.mapFromGlobal(w.mapToGlobal(w.rect().topLeft())), w.size()
        )
        for w in words(kiosk)
    }
    for tenths in range(0, 61, 2):  # the whole six seconds of the animation
        confetti.t = tenths / 10
        image = pieces_only(confetti)
        assert painted(image, image.rect()), "the confetti still shows around the words"
        for name, box in boxes.items():
            assert not painted(image, box), f"confetti over {name} at t={confetti.t}"
