"""The real modal dialogs (everything else uses a fake): answers come back, and the
buttons speak the panel's language (Qt has no Thai of its own for Yes/No/OK/Cancel)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.admin.dialogs import Dialogs
from kiosk.ui.admin.format import set_language


def answer(act: Callable[[QWidget], None], seen: list[list[str]]) -> None:
    """Once the modal dialog is up: note its button texts, then ``act`` on it."""

    def check() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, check)
            return
        seen.append(sorted(b.text() for b in modal.findChildren(QAbstractButton)))
        act(modal)

    QTimer.singleShot(0, check)


def click(text: str) -> Callable[[QWidget], None]:
    def act(modal: QWidget) -> None:
        next(b for b in modal.findChildren(QAbstractButton) if b.text() == text).click()

    return act


def test_questions_in_thai(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs = Dialogs()
    seen: list[list[str]] = []
    set_language("th")
    answer(click("ใช่"), seen)
    assert dialogs.confirm(parent, "ยกเลิกคำสั่งซื้อ", "แน่ใจไหม?") is True
    answer(click("ไม่ใช่"), seen)
    assert dialogs.confirm(parent, "ยกเลิกคำสั่งซื้อ", "แน่ใจไหม?") is False
    answer(click("ตกลง"), seen)
    dialogs.info(parent, "คืนเงิน", "เรียบร้อย")

    def type_reason(modal: QWidget) -> None:
        field = modal.findChild(QLineEdit)
        assert field is not None
        field.setText("อาหารผิด")
        click("ตกลง")(modal)

    answer(type_reason, seen)
    assert dialogs.ask_text(parent, "คืนเงิน", "เหตุผล:") == "อาหารผิด"
    answer(click("ยกเลิก"), seen)
    assert dialogs.ask_text(parent, "คืนเงิน", "เหตุผล:") is None
    assert seen[:3] == [["ใช่", "ไม่ใช่"], ["ใช่", "ไม่ใช่"], ["ตกลง"]]
    assert seen[3] == ["ตกลง", "ยกเลิก"]


def test_questions_in_english(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []
    set_language("en")
    answer(click("No"), seen)
    assert Dialogs().confirm(parent, "Cancel order", "Sure?") is False
    answer(click("OK"), seen)
    Dialogs().error(parent, "Refund", "Refused.")
    assert seen == [["No", "Yes"], ["OK"]]
