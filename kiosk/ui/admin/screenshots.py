"""Screenshots of every admin screen in each language (docs, review; the customer
screens' screenshot command calls :func:`take_admin_screenshots`).

With ``demo_data=True`` (the default, meant for a demo database) the store gets what
makes the screens worth looking at when it lacks it: three staff accounts (random PINs)
and a day of paid orders spread over the opening hours, so the chart has bars.
"""

from __future__ import annotations

import random
import secrets
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.phone import format_national
from kiosk.services.staff import StaffView
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.dialogs import Dialogs
from kiosk.ui.admin.format import language, set_language
from kiosk.ui.admin.login import LoginDialog
from kiosk.ui.admin.theme import TOKENS
from kiosk.ui.admin.window import AdminWindow
from kiosk.ui.fonts import register_fonts, ui_font
from kiosk.ui.png import save_png
from kiosk.ui.qt_events import QtEvents

if TYPE_CHECKING:
    from kiosk.app import Store

SCREENS = ("dashboard", "orders", "members", "menu", "menu_dish", "settings", "staff", "audit")
# pseudo screens: another state of a screen (the menu's dish tab: names, price, marks)
SCREEN_OF = {"menu_dish": "menu"}
DEMO_STAFF = (("Ploy", "owner"), ("Malee", "manager"), ("Nok", "cashier"))
# Orders per opening hour: a lunch and a dinner rush.
RUSH = {10: 2, 11: 5, 12: 8, 13: 6, 14: 3, 15: 2, 16: 2, 17: 4, 18: 7, 19: 8, 20: 5, 21: 2}


class _FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def sleep(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


class _SilentDialogs(Dialogs):
    def confirm(self, parent: Any, title: str, text: str) -> bool:
        return False

    def info(self, parent: Any, title: str, text: str) -> None:
        return None

    def error(self, parent: Any, title: str, text: str) -> None:
        return None

    def ask_text(self, *args: Any, **kwargs: Any) -> str | None:
        return None


def _size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def _owner(store: Store, demo_data: bool) -> StaffView:
    users = store.staff.list(include_inactive=False)
    if not users and demo_data:
        for name, role in DEMO_STAFF:
            store.staff.create(name, role, f"{secrets.randbelow(10**6):06d}", by="screenshots")
        users = store.staff.list(include_inactive=False)
    owners = [u for u in users if u.role == "owner"]
    if owners:
        return owners[0]
    return StaffView(id=0, name="Owner", role="owner", active=True)


def _sales_day(store: Store) -> date:
    tz = ZoneInfo(store.current_settings().store.timezone)
    now = store.clock.now().astimezone(tz)
    return now.date() if now.hour >= 13 else now.date() - timedelta(days=1)


def add_demo_sales(store: Store, day: date, staff_name: str = "Nok", seed: int = 7) -> int:
    """Paid orders over ``day``'s opening hours (cash, card, PromptPay; some members),
    a few still in the kitchen and two waiting for payment. Returns how many."""
    rng = random.Random(seed)
    settings = store.current_settings()
    tz = ZoneInfo(settings.store.timezone)
    now = store.clock.now()
    items = [i for i in store.menu.items() if i.available]
    if not items:
        return 0
    phones = [m.phone for m in store.customers.search("", limit=20)]
    payments, gateway = store.payments, store.gateway
    saved = (payments.clock, getattr(gateway, "clock", None))
    made: list[int] = []
    try:
        for hour, count in RUSH.items():
            for _ in range(count):
                when = datetime(
                    day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=tz
                ).astimezone(UTC)
                if when > now - timedelta(minutes=5):
                    continue
                lines = [
                    {"item_id": rng.choice(items).id, "quantity": rng.choice((1, 1, 2))}
                    for _ in range(rng.choice((1, 2, 2, 3)))
                ]
                phone = rng.choice(phones) if phones and rng.random() < 0.5 else None
                order = store.orders.create(lines, customer_phone=phone, now=when)
                clock = _FixedClock(when + timedelta(minutes=2))
                payments.clock = clock
                if saved[1] is not None:
                    gateway.clock = clock
                method = rng.choice(("cash", "cash", "card", "promptpay"))
                if method == "promptpay":
                    payments.mark_paid(order.id, "promptpay", staff_name)
                else:
                    details = (
                        {"card_number": "4242 4242 4242 4242", "expiry": "12/39", "cvv": "123"}
                        if method == "card"
                        else {}
                    )
                    payments.process_payment(order.id, method, details, f"demo-{order.id}")
                    if method == "cash" and store.orders.get(order.id).status == "pending":
                        payments.mark_paid(order.id, "cash", staff_name)
                made.append(order.id)
    finally:
        payments.clock = saved[0]
        if saved[1] is not None:
            gateway.clock = saved[1]
    for order_id in made[:-6]:
        for status in ("ready", "completed"):
            store.orders.set_status(order_id, status, staff_name)
    for order_id in made[-6:-4]:
        store.orders.set_status(order_id, "ready", staff_name)
    item = items[0].id
    for _ in range(2):
        store.orders.create([{"item_id": item, "quantity": 1}], now=now - timedelta(minutes=3))
    return len(made)


def _settle(widget: QWidget) -> None:
    app = QApplication.instance()
    for _ in range(3):
        if app is not None:
            app.processEvents()
    widget.repaint()


def _login_shot(store: Store, w: int, h: int) -> QPixmap:
    login = LoginDialog(store.staff, store.current_settings().store.name)
    login.setFont(ui_font(10))
    login.resize(min(780, w - 80), min(580, h - 80))
    login.show()
    _settle(login)
    dialog = login.grab()
    login.close()
    login.deleteLater()
    canvas = QPixmap(w, h)
    canvas.fill(QColor(TOKENS["nav_bg"]))
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(TOKENS["nav_text"]))
    painter.setFont(ui_font(22, bold=True))
    painter.drawText(
        canvas.rect().adjusted(0, 40, 0, 0),
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        "OrderUp",
    )
    painter.drawPixmap(QPoint((w - dialog.width()) // 2, (h - dialog.height()) // 2), dialog)
    painter.end()
    return canvas


def _prepare(window: AdminWindow, key: str, day: date | None, store: Store) -> None:
    screen: Any = window.show_screen(SCREEN_OF.get(key, key))
    if key == "dashboard":
        screen.show_day(day)
    elif key == "orders":
        screen.set_filter("today" if day == window.ctx.today() else "all")
        rows = [screen.model.row(r) for r in range(min(40, screen.model.rowCount()))]
        paid_member = [
            i
            for i, r in enumerate(rows)
            if r and r.customer_id and r.payment_status == "succeeded" and r.status == "preparing"
        ]
        if rows:
            screen.table.selectRow(paid_member[0] if paid_member else 0)
    elif key == "members":
        members = store.customers.search("", limit=50)

        def score(m: Any) -> tuple[bool, int]:
            history = len(store.loyalty.transactions_for(m.id, limit=50))
            thai = any("\u0e00" <= c <= "\u0e7f" for c in m.full_name)
            return thai and history >= 3, history

        target = max(members, key=score, default=None)
        if target is not None:
            region = store.current_settings().store.phone_region
            screen.search.setText(format_national(target.phone, region))
            screen.apply_search()
            screen.table.selectRow(0)
    elif key == "audit" and screen.model.rowCount():
        screen.table.selectRow(0)
    elif key == "menu":
        screen.select_item("Pad Thai with Prawns")
        tree = screen.option_editor.tree
        if tree.topLevelItemCount() > 1:  # the Size group: its form under the tree
            screen.editor_tabs.setCurrentIndex(1)
            tree.setCurrentItem(tree.topLevelItem(1))
    elif key == "menu_dish":  # its spice level, allergens and upsell switch
        screen.select_item("Pad Thai with Prawns")
        screen.editor_tabs.setCurrentIndex(0)


def take_admin_screenshots(
    store: Store,
    out_dir: Path,
    sizes: list[str],
    demo_data: bool = True,
    langs: list[str] | None = None,
) -> list[Path]:
    """Render login, dashboard, orders, members (with a history open), menu (with an
    option group open), settings (with the test QR), staff and audit in each of ``langs``
    (``["en"]`` unless given; ``"th"``, ``"en"``) at each size (``"1920x1080"``) to
    ``admin_<screen>_<lang>_<WxH>.png``; returns the paths."""
    langs = list(langs or ["en"])
    app = QApplication.instance() or QApplication([])
    assert app is not None
    register_fonts()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    owner = _owner(store, demo_data)
    day: date | None = None
    if demo_data:
        day = _sales_day(store)
        if store.reports.summary(day).orders < 5:
            add_demo_sales(store, day)
    events = QtEvents(store.events)
    actions = store.actions
    paths: list[Path] = []
    was = language()
    try:
        for size in sizes:
            w, h = _size(size)
            for lang in langs:
                set_language(lang)
                path = out_dir / f"admin_login_{lang}_{size}.png"
                save_png(_login_shot(store, w, h), path)
                paths.append(path)
                ctx = AdminContext(store, actions, owner, events, _SilentDialogs())
                window = AdminWindow(ctx, language=lang)
                window.setFont(ui_font(10))
                window.resize(w, h)
                window.show()
                _settle(window)
                for key in SCREENS:
                    _prepare(window, key, day, store)
                    _settle(window)
                    path = out_dir / f"admin_{key}_{lang}_{size}.png"
                    save_png(window.grab(), path)
                    paths.append(path)
                window.discard()
                window.deleteLater()
    finally:
        set_language(was)
        events.close()
        app.processEvents()
    return paths


__all__ = ["add_demo_sales", "take_admin_screenshots"]
