"""The admin panel in Thai: the ไทย/EN switch retranslates every screen live, keeps what
staff typed, starts in the kiosk's language and leaves the customer screens' language alone."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app import Store
from kiosk.services.staff import StaffView
from kiosk.ui import i18n
from kiosk.ui.admin.format import language
from kiosk.ui.admin.messages import SERVICE_MESSAGES
from kiosk.ui.admin.window import AdminWindow
from tests.admin.conftest import FakeDialogs, OrderMaker, local

THAI = re.compile(r"[\u0E01-\u0E5B]")


def catalogue() -> dict[str, str]:
    root = ET.parse(i18n.ADMIN.ts("th")).getroot()
    return {
        m.findtext("source") or "": m.findtext("translation") or "" for m in root.iter("message")
    }


def texts(root: QWidget) -> dict[str, str]:
    """Every text a person can see under ``root``: labels, buttons, titles, placeholders,
    tabs, combo entries, list and tree rows, table headers, spin box suffixes."""
    out: dict[str, str] = {}

    def add(key: str, text: str) -> None:
        if text and text.strip():
            out[key] = text

    for i, w in enumerate(root.findChildren(QWidget)):
        if not w.isVisible():
            continue
        key = f"{w.objectName() or type(w).__name__}#{i}"
        if isinstance(w, QLabel | QAbstractButton):
            add(key, w.text())
            add(key + ":tip", w.toolTip())
        if isinstance(w, QGroupBox):
            add(key, w.title())
        if isinstance(w, QLineEdit):
            add(key + ":hint", w.placeholderText())
        if isinstance(w, QSpinBox | QDoubleSpinBox):
            add(key + ":suffix", w.suffix())
        if isinstance(w, QTabWidget):
            for t in range(w.count()):
                add(f"{key}:tab{t}", w.tabText(t))
        if isinstance(w, QComboBox):
            for t in range(w.count()):
                add(f"{key}:item{t}", w.itemText(t))
        if isinstance(w, QListWidget):
            for t in range(w.count()):
                add(f"{key}:row{t}", w.item(t).text())  # type: ignore[union-attr]
        if isinstance(w, QTreeWidget):
            header = w.headerItem()
            for c in range(w.columnCount()):
                add(f"{key}:head{c}", header.text(c))
            for t in range(w.topLevelItemCount()):
                add(f"{key}:top{t}", w.topLevelItem(t).text(0))  # type: ignore[union-attr]
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            for c in range(model.columnCount()):
                add(f"{key}:head{c}", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
            for r in range(min(model.rowCount(), 3)):
                for c in range(model.columnCount()):
                    add(f"{key}:cell{r}.{c}", str(model.index(r, c).data() or ""))
    return out


def english_left(text: str, sources: dict[str, str]) -> str | None:
    """The English catalogue sentence still visible in ``text`` (after the switch to
    Thai), if any: a whole source, or the fixed start of a sentence with {fields}."""
    for source, thai in sources.items():
        if source == thai or source.strip() in ("", "PIN", "PromptPay", "ID", "VAT"):
            continue
        if text == source:
            return source
        fixed = source.split("{", 1)[0]
        if "{" in source and len(fixed.strip()) >= 8 and fixed in text:
            return source
        if len(source) >= 20 and "{" not in source and source in text:
            return source
    return None


ALWAYS_LATIN = {
    # names, codes and formats that read the same in a Thai panel
    "OrderUp", "VAT", "PIN", "PINs", "CSV", "QR", "UTF", "BOM", "Excel", "PDPA", "SMS",
    "argon2id", "PromptPay", "Asia", "Bangkok", "kiosk", "Visa", "Mastercard", "TXN",
    "csv", "png", "jpg", "jpeg", "webp", "THB", "xxx", "xxxx", "argon",
}  # fmt: skip
DATA_VIEWS = ("AuditTable", "AuditDetail")  # the audit log shows codes such as staff.login


def data_words(store: Store) -> set[str]:
    """English words that come from the data (dish names, members, staff, the store)."""
    texts = [store.current_settings().store.name]
    for item in store.menu.items():
        texts += [item.name_en, item.category, item.description_en]
        for group in item.option_groups:
            texts += [group.name_en] + [o.name_en for o in group.options]
    for member in store.customers.search("", limit=1000):
        texts.append(member.full_name)
    texts += [u.name for u in store.staff.list()]
    return {w for t in texts for w in re.findall(r"[A-Za-z]+", t)}


def english_words(text: str, allowed: set[str]) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w not in allowed]


def _prepare(window: AdminWindow, key: str, store: Store) -> None:
    screen: Any = window.show_screen(key)
    if key == "orders":
        screen.set_filter("all")
        screen.table.selectRow(0)
    elif key == "members":
        screen.search.setText("081-234-5678")
        screen.apply_search()
        screen.table.selectRow(0)
        screen.detail.tabs.setCurrentIndex(1)
    elif key == "menu":
        screen.select_item("Pad Thai with Prawns")
        ed = screen.option_editor
        ed.tree.setCurrentItem(ed.tree.topLevelItem(1))  # Size: the group form
    elif key == "audit":
        screen.table.selectRow(0)


@pytest.mark.parametrize(
    "key", ["dashboard", "orders", "members", "menu", "settings", "staff", "audit"]
)
def test_every_admin_string_switches_live(
    qtbot: QtBot,
    open_window: Any,
    staff: dict[str, StaffView],
    store: Store,
    make_order: OrderMaker,
    key: str,
) -> None:
    make_order(local(1, 10), phone="081-234-5678")
    make_order(local(1, 11), "Tom Yum Goong", method=None)
    window = open_window(staff["Ploy"])
    _prepare(window, key, store)
    qtbot.wait(1)
    before = texts(window)
    sources = catalogue()
    static = {k: v for k, v in before.items() if v in sources}
    assert len(static) >= 8, before

    qtbot.mouseClick(window.languages.buttons["th"], Qt.MouseButton.LeftButton)
    assert language() == "th" and window.language == "th"
    qtbot.wait(1)
    after = texts(window)
    for k, english in static.items():
        assert after.get(k) == sources[english], (k, english, after.get(k))
    left = {k: (v, english_left(v, sources)) for k, v in after.items() if english_left(v, sources)}
    assert left == {}
    allowed = ALWAYS_LATIN | data_words(store)
    words = {k: english_words(v, allowed) for k, v in after.items() if not k.startswith(DATA_VIEWS)}
    assert {k: v for k, v in words.items() if v} == {}
    assert THAI.search(window.windowTitle()) or "ผู้ดูแล" in window.windowTitle()

    qtbot.mouseClick(window.languages.buttons["en"], Qt.MouseButton.LeftButton)
    assert texts(window) == before


def test_switching_keeps_what_staff_typed(
    qtbot: QtBot, open_window: Any, staff: dict[str, StaffView]
) -> None:
    window = open_window(staff["Malee"])
    settings: Any = window.show_screen("settings")
    settings.store_name.setText("Half-typed name")
    settings.idle.setValue(77)
    menu: Any = window.show_screen("menu")
    menu.select_item("Pad Thai with Prawns")
    menu.name_en.setText("Pad Thai (new recipe)")
    ed = menu.option_editor
    ed.tree.setCurrentItem(ed.tree.topLevelItem(2))  # Extras
    ed.group_name_en.setText("Toppings")
    window.set_language("th")
    assert settings.store_name.text() == "Half-typed name"
    assert settings.idle.value() == 77 and settings.idle.suffix() == " วินาที"
    assert menu.name_en.text() == "Pad Thai (new recipe)"
    assert ed.group_name_en.text() == "Toppings"
    assert ed.save_group.text() == "บันทึกกลุ่ม"
    assert ed.tree.currentItem() is ed.tree.topLevelItem(2)


def test_messages_follow_the_language(
    qtbot: QtBot, open_window: Any, staff: dict[str, StaffView], dialogs: FakeDialogs
) -> None:
    window = open_window(staff["Malee"])
    menu: Any = window.show_screen("menu")
    menu.select_item("Pad Thai with Prawns")
    menu.name_th.setText("")
    menu.save.click()
    assert menu.message.text() == "Both names are needed (Thai and English)."
    window.set_language("th")
    assert menu.message.text() == "ต้องมีชื่อทั้งสองภาษา (ไทยและอังกฤษ)"
    # a refusal from the services, in Thai
    cashier = open_window(staff["Nok"], kiosk_mode=True)
    cashier.set_language("th")
    cashier._on_exit_kiosk_clicked()
    assert dialogs.errors[-1] == (
        "ออกจากโหมดคีออสก์",
        "เฉพาะผู้จัดการหรือเจ้าของร้านเท่านั้นที่ออกจากโหมดคีออสก์ได้",
    )


def test_panel_starts_in_the_kiosk_language_and_leaves_the_kiosk_alone(
    qtbot: QtBot,
    store: Store,
    staff: dict[str, StaffView],
    make_ctx: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    i18n.set_language("en")  # the customer screens
    thai = store.current_settings().merged({"kiosk": {"language": "th"}})
    monkeypatch.setattr(store.settings, "current", lambda: thai)
    window = AdminWindow(make_ctx(staff["Nok"]))
    qtbot.addWidget(window)
    try:
        assert window.language == "th" and language() == "th"
        assert window.languages.buttons["th"].isChecked()
        assert window.lock.text() == "ล็อก"
        assert i18n.current_language() == "en"
        assert QCoreApplication.translate("WelcomeScreen", "Eat here") == "Eat here"
        i18n.set_language("th")  # the kiosk switches; the panel stays Thai, and so on
        assert language() == "th"
        window.set_language("en")
        assert i18n.current_language() == "th"
        assert QCoreApplication.translate("WelcomeScreen", "Eat here") == "ทานที่ร้าน"
        assert window.lock.text() == "Lock"
    finally:
        window.idle.stop()
        i18n.set_language("en")


def test_sign_in_dialog_switches_and_the_panel_follows(
    qtbot: QtBot, store: Store, staff: dict[str, StaffView], dialogs: FakeDialogs
) -> None:
    from kiosk.ui.admin.app import AdminSession

    session = AdminSession(store, dialogs=dialogs, quit_app=lambda: None)
    login = session.start()  # deletes itself when closed: not given to qtbot
    assert login.title.text() == "Staff sign-in"
    login.select("Nok")
    login.pin.setText("0000")
    login.sign_in.click()
    assert login.message.text() == "Wrong PIN. 4 tries left before a lock-out."
    qtbot.mouseClick(login.languages.buttons["th"], Qt.MouseButton.LeftButton)
    assert login.title.text() == "เข้าสู่ระบบพนักงาน"
    assert login.sign_in.text() == "เข้าสู่ระบบ"
    assert login.message.text() == "รหัส PIN ไม่ถูกต้อง ลองได้อีก 4 ครั้งก่อนถูกล็อก"
    login.pin.setText("1111")
    login.sign_in.click()
    window = session.window
    assert window is not None and window.language == "th"
    assert window.lock.text() == "ล็อก"
    with qtbot.waitSignal(window.logged_out):
        window.lock.click()
    assert session.login is not None and session.login.title.text() == "เข้าสู่ระบบพนักงาน"
    with qtbot.waitSignal(session.finished):
        session.login.reject()


def test_known_service_messages_are_the_services_own() -> None:
    """The sentences marked for translation are word for word what the services raise."""
    services = Path(__file__).resolve().parents[2] / "kiosk" / "services"
    code = " ".join(p.read_text(encoding="utf-8") for p in sorted(services.rglob("*.py")))
    code = re.sub(r'"\s+f?"', "", code)  # join implicitly concatenated literals
    code = code.replace("{NAME_MAX}", "100").replace("{SELECT_MAX}", "20")
    missing = [m for m in SERVICE_MESSAGES if m not in code]
    assert missing == []
