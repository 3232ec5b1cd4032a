"""The menu screen: sold out, prices, pictures."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui.admin.menu import MenuScreen
from tests.admin.conftest import FakeDialogs


def _show(qtbot: QtBot, widget: Any) -> Any:
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def test_sold_out_toggle_and_price_edit(
    qtbot: QtBot, store: Store, make_ctx: Any, staff: dict[str, StaffView]
) -> None:
    cashier = _show(qtbot, MenuScreen(make_ctx(staff["Nok"])))
    assert cashier.model.rowCount() == 17
    assert not cashier.price.isEnabled() and cashier.available.isEnabled()
    row = next(r for r in range(17) if cashier.model.item(r).name_en == "Massaman Beef")  # type: ignore[union-attr]
    index = cashier.model.index(row, 5)
    assert cashier.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    cashier.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    massaman = next(i for i in store.menu.items() if i.name_en == "Massaman Beef")
    assert massaman.available
    assert cashier.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    cashier.categories.setCurrentRow(4)  # Drinks
    assert cashier.model.rowCount() == 3
    manager = _show(qtbot, MenuScreen(make_ctx(staff["Malee"])))
    manager.select_item("Pad Thai with Prawns")
    assert manager.item is not None and manager.item.name_th == "ผัดไทยกุ้งสด"
    assert manager.options.topLevelItemCount() == 3
    manager.price.setText("135.50")
    manager.name_en.setText("Pad Thai with River Prawns")
    qtbot.mouseClick(manager.save, Qt.MouseButton.LeftButton)
    assert manager.message.text() == "Saved."
    pad_thai = store.menu.item(manager.item.id)
    assert (pad_thai.price, pad_thai.name_en) == (Decimal("135.50"), "Pad Thai with River Prawns")
    manager.name_th.setText("")
    qtbot.mouseClick(manager.save, Qt.MouseButton.LeftButton)
    assert "Both names" in manager.message.text()
    qtbot.waitUntil(lambda: cashier.model.rowCount() == 3)  # live via menu_changed


def test_menu_picture(
    qtbot: QtBot,
    store: Store,
    make_ctx: Any,
    staff: dict[str, StaffView],
    dialogs: FakeDialogs,
    tmp_path: Any,
) -> None:
    from PySide6.QtGui import QColor, QImage

    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    source = tmp_path / "tom_yum.png"
    image.save(str(source))
    dialogs.image = source
    screen = _show(qtbot, MenuScreen(make_ctx(staff["Malee"])))
    screen.select_item("Tom Yum Goong")
    qtbot.mouseClick(screen.change_image, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.save, Qt.MouseButton.LeftButton)
    item = next(i for i in store.menu.items() if i.name_en == "Tom Yum Goong")
    assert item.image.endswith(f"item_{item.id}.png")
    assert screen.picture.pixmap().toImage().pixelColor(70, 70) == QColor("orange")
