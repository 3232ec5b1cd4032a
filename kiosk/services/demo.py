"""Demo data: a believable Thai menu, members in every tier, and fast bulk generation.

``seed_demo`` gives a kiosk something to sell; ``bulk_members`` and ``bulk_orders``
fill a database with a million rows in seconds (Core ``executemany``, one transaction)
for the admin panel's benchmarks.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import (
    Category,
    Customer,
    LoyaltyTransaction,
    Membership,
    MenuItem,
    Option,
    OptionGroup,
    Order,
    OrderCounter,
    OrderItem,
    Payment,
    tier_for,
)
from kiosk.services.menu import encode_allergens
from kiosk.services.money import vat_included
from kiosk.services.orders import format_order_number

D = Decimal

SPICE = (
    "Spice level",
    "ระดับความเผ็ด",
    1,
    1,
    [
        ("Not spicy", "ไม่เผ็ด", "0", False),
        ("Mild", "เผ็ดน้อย", "0", False),
        ("Medium", "เผ็ดกลาง", "0", True),
        ("Thai hot", "เผ็ดมาก", "0", False),
    ],
)
SIZE = (
    "Size",
    "ขนาด",
    1,
    1,
    [("Regular", "ธรรมดา", "0", True), ("Large", "พิเศษ", "20", False)],
)
EXTRAS = (
    "Extras",
    "เพิ่มเติม",
    0,
    3,
    [
        ("Fried egg", "ไข่ดาว", "10", False),
        ("Extra chicken", "เพิ่มไก่", "25", False),
        ("Extra prawns", "เพิ่มกุ้ง", "40", False),
    ],
)
SWEET = (
    "Sweetness",
    "ความหวาน",
    1,
    1,
    [
        ("Less sweet", "หวานน้อย", "0", False),
        ("Normal", "หวานปกติ", "0", True),
        ("Extra sweet", "หวานมาก", "0", False),
    ],
)
DRINK_SIZE = (
    "Size",
    "ขนาด",
    1,
    1,
    [("Medium", "กลาง", "0", True), ("Large", "ใหญ่", "15", False)],
)

MENU: list[tuple[str, str, list[tuple[str, str, str, str, str, str, list]]]] = [
    (
        "Rice & Noodles",
        "ข้าวและเส้น",
        [
            (
                "Pad Thai with Prawns",
                "ผัดไทยกุ้งสด",
                "120",
                "pad_thai",
                "Rice noodles stir-fried with tamarind, prawns and peanuts",
                "เส้นจันท์ผัดซอสมะขาม กุ้งสด ถั่วลิสง",
                [SPICE, SIZE, EXTRAS],
            ),
            (
                "Basil Chicken on Rice",
                "ข้าวกะเพราไก่",
                "80",
                "kaprao",
                "Holy basil stir-fry with minced chicken",
                "ผัดกะเพราไก่สับ เสิร์ฟพร้อมข้าวสวย",
                [SPICE, SIZE, EXTRAS],
            ),
            (
                "Pineapple Fried Rice",
                "ข้าวผัดสับปะรด",
                "110",
                "fried_rice",
                "Fried rice with pineapple, cashews and raisins",
                "ข้าวผัดสับปะรด เม็ดมะม่วงหิมพานต์",
                [SIZE, EXTRAS],
            ),
            (
                "Pad See Ew",
                "ผัดซีอิ๊ว",
                "90",
                "pad_see_ew",
                "Wide noodles with soy sauce, egg and kale",
                "เส้นใหญ่ผัดซีอิ๊ว ไข่ คะน้า",
                [SIZE, EXTRAS],
            ),
            (
                "Khao Soi Chicken",
                "ข้าวซอยไก่",
                "130",
                "khao_soi",
                "Northern curry noodle soup with crispy noodles",
                "ข้าวซอยไก่ เส้นกรอบ สูตรเหนือ",
                [SPICE, SIZE],
            ),
        ],
    ),
    (
        "Curries & Soups",
        "แกงและต้มยำ",
        [
            (
                "Green Curry Chicken",
                "แกงเขียวหวานไก่",
                "140",
                "green_curry",
                "Coconut green curry with Thai eggplant",
                "แกงเขียวหวานไก่ มะเขือเปราะ",
                [SPICE, SIZE],
            ),
            (
                "Tom Yum Goong",
                "ต้มยำกุ้ง",
                "160",
                "tom_yum",
                "Hot and sour prawn soup with lemongrass",
                "ต้มยำกุ้งน้ำข้น ตะไคร้ ใบมะกรูด",
                [SPICE, SIZE],
            ),
            (
                "Massaman Beef",
                "แกงมัสมั่นเนื้อ",
                "170",
                "massaman",
                "Mild curry with beef, potato and peanuts",
                "แกงมัสมั่นเนื้อ มันฝรั่ง ถั่วลิสง",
                [SIZE],
            ),
            (
                "Tom Kha Chicken",
                "ต้มข่าไก่",
                "130",
                "tom_kha",
                "Coconut galangal soup with chicken",
                "ต้มข่าไก่ กะทิ ข่าอ่อน",
                [SPICE, SIZE],
            ),
        ],
    ),
    (
        "Salads",
        "ยำและส้มตำ",
        [
            (
                "Green Papaya Salad",
                "ส้มตำไทย",
                "70",
                "som_tam",
                "Pounded papaya with lime, peanuts and dried shrimp",
                "ส้มตำไทย ถั่วลิสง กุ้งแห้ง",
                [SPICE],
            ),
            (
                "Larb Moo",
                "ลาบหมู",
                "90",
                "larb",
                "Spicy minced pork salad with toasted rice",
                "ลาบหมู ข้าวคั่ว สมุนไพร",
                [SPICE],
            ),
            (
                "Glass Noodle Salad",
                "ยำวุ้นเส้น",
                "100",
                "yum_woon_sen",
                "Glass noodles with prawns and minced pork",
                "ยำวุ้นเส้นกุ้ง หมูสับ",
                [SPICE],
            ),
        ],
    ),
    (
        "Drinks",
        "เครื่องดื่ม",
        [
            (
                "Thai Iced Tea",
                "ชาไทยเย็น",
                "55",
                "thai_tea",
                "Sweet tea with milk over ice",
                "ชาไทยใส่นม หอมหวาน",
                [SWEET, DRINK_SIZE],
            ),
            (
                "Fresh Coconut",
                "มะพร้าวน้ำหอม",
                "65",
                "coconut",
                "Young coconut, chilled",
                "มะพร้าวน้ำหอมเย็นๆ",
                [],
            ),
            (
                "Lemongrass Juice",
                "น้ำตะไคร้",
                "45",
                "lemongrass",
                "House-made, lightly sweet",
                "น้ำตะไคร้ทำเอง หวานน้อย",
                [SWEET],
            ),
        ],
    ),
    (
        "Desserts",
        "ของหวาน",
        [
            (
                "Mango Sticky Rice",
                "ข้าวเหนียวมะม่วง",
                "120",
                "mango_sticky_rice",
                "Sweet sticky rice, ripe mango, coconut cream",
                "ข้าวเหนียวมูน มะม่วงน้ำดอกไม้",
                [],
            ),
            (
                "Coconut Ice Cream",
                "ไอศกรีมกะทิ",
                "60",
                "coconut_ice_cream",
                "With peanuts and sticky rice",
                "ไอศกรีมกะทิ ถั่ว ข้าวเหนียว",
                [],
            ),
        ],
    ),
]

# Sold out in the demo so every screen shows what that looks like.
SOLD_OUT = {"Massaman Beef"}

# How hot each dish is (0 not spicy .. 3 very hot) and what it contains, as printed on a
# Thai menu; dishes not listed are mild and free of the listed allergens.
MARKS: dict[str, tuple[int, tuple[str, ...]]] = {
    "Pad Thai with Prawns": (1, ("peanut", "shellfish", "egg", "fish", "soy")),
    "Basil Chicken on Rice": (2, ("fish", "soy")),
    "Pineapple Fried Rice": (0, ("tree_nut", "egg", "soy")),
    "Pad See Ew": (0, ("egg", "gluten", "soy")),
    "Khao Soi Chicken": (2, ("milk", "gluten", "egg", "fish")),
    "Green Curry Chicken": (2, ("fish",)),
    "Tom Yum Goong": (3, ("shellfish", "fish")),
    "Massaman Beef": (1, ("peanut", "fish")),
    "Tom Kha Chicken": (1, ("fish",)),
    "Green Papaya Salad": (3, ("peanut", "shellfish", "fish")),
    "Larb Moo": (3, ("fish",)),
    "Glass Noodle Salad": (2, ("shellfish", "fish")),
    "Thai Iced Tea": (0, ("milk",)),
    "Coconut Ice Cream": (0, ("peanut", "milk")),
}
# Suggested with orders (the cart's "Add a drink?" strip)
UPSELL = {"Thai Iced Tea", "Fresh Coconut", "Lemongrass Juice"}

DEMO_MEMBERS = [
    # phone, first, last, lifetime points, balance
    ("081-234-5678", "Somchai", "Srisuk", 120, 120),
    ("082-345-6789", "Malee", "Chaiyaporn", 40, 40),
    ("083-456-7890", "Nattapong", "Wongsawat", 260, 180),
    ("084-567-8901", "Pimchanok", "Rattana", 380, 380),
    ("085-678-9012", "Anong", "Kittikhun", 640, 520),
    ("086-789-0123", "Kittisak", "Boonmee", 880, 300),
    ("087-890-1234", "Siriporn", "Thongdee", 1500, 1250),
    ("089-012-3456", "Chaiwat", "Saetang", 2400, 900),
    ("091-234-5678", "สมหญิง", "ใจดี", 195, 195),
]

FIRST_NAMES = [
    "Somchai",
    "Somsak",
    "Malee",
    "Nok",
    "Ploy",
    "Anan",
    "Kanya",
    "Niran",
    "Pim",
    "Arthit",
    "Suda",
    "Wichai",
    "Siriwan",
    "Chai",
    "Lek",
    "Noi",
    "สมชาย",
    "สุดา",
    "ปิยะ",
    "วิไล",
    "อนันต์",
    "กานดา",
]
LAST_NAMES = [
    "Srisuk",
    "Wongsawat",
    "Boonmee",
    "Saetang",
    "Thongdee",
    "Rattana",
    "Chaiyaporn",
    "Kittikhun",
    "ใจดี",
    "รักไทย",
    "แสงทอง",
    "ศรีสุข",
]


def seed_demo(db: Database, settings: Settings, now: datetime | None = None) -> bool:
    """Seed the demo menu and members unless the menu has items. Returns True if seeded."""
    now = now or datetime.now(UTC)
    tiers = settings.loyalty.tiers
    with db.uow() as uow:
        s = uow.session
        if s.scalar(select(func.count(MenuItem.id))):
            return False
        for cpos, (cat_en, cat_th, items) in enumerate(MENU):
            cat = Category(name_en=cat_en, name_th=cat_th, position=cpos, active=True)
            s.add(cat)
            for ipos, (en, th, price, image, desc_en, desc_th, groups) in enumerate(items):
                item = MenuItem(
                    category=cat,
                    name_en=en,
                    name_th=th,
                    price=D(price),
                    image=f"{image}.png",
                    description_en=desc_en,
                    description_th=desc_th,
                    position=ipos,
                    available=en not in SOLD_OUT,
                    active=True,
                    spice_level=MARKS.get(en, (0, ()))[0],
                    allergens=encode_allergens(MARKS.get(en, (0, ()))[1]),
                    upsell=en in UPSELL,
                )
                for gpos, (g_en, g_th, lo, hi, options) in enumerate(groups):
                    group = OptionGroup(
                        name_en=g_en, name_th=g_th, min_select=lo, max_select=hi, position=gpos
                    )
                    group.options = [
                        Option(
                            name_en=o_en,
                            name_th=o_th,
                            price_delta=D(delta),
                            is_default=default,
                            position=opos,
                            available=True,
                        )
                        for opos, (o_en, o_th, delta, default) in enumerate(options)
                    ]
                    item.option_groups.append(group)
                s.add(item)
        from kiosk.services.phone import normalize_phone

        for i, (phone, first, last, lifetime, balance) in enumerate(DEMO_MEMBERS):
            customer = Customer(
                phone=normalize_phone(phone, settings.store.phone_region),
                first_name=first,
                last_name=last,
                created_at=now - timedelta(days=200 - i),
            )
            m = Membership(
                points=balance,
                lifetime_points=lifetime,
                tier=tier_for(lifetime, tiers),
                total_spent=D(lifetime * 10),
                visits_count=max(1, lifetime // 40),
            )
            customer.membership = m
            customer.last_visit = now - timedelta(days=i + 1)
            s.add(customer)
            s.flush()
            s.add(
                LoyaltyTransaction(
                    customer_id=customer.id,
                    type="earned",
                    points=lifetime,
                    balance_after=lifetime,
                    reason="Purchases before the demo",
                    created_at=now - timedelta(days=30 + i),
                )
            )
            if lifetime > balance:
                s.add(
                    LoyaltyTransaction(
                        customer_id=customer.id,
                        type="redeemed",
                        points=balance - lifetime,
                        balance_after=balance,
                        reason="Discounts before the demo",
                        created_at=now - timedelta(days=10 + i),
                    )
                )
        uow.commit()
    return True


class _BulkWriter:
    """Inserts pre-built rows as fast as the backend allows.

    On SQLite the rows go straight to the driver's ``executemany`` in the storage format
    the column types use (satang integers, naive UTC text); elsewhere through Core.
    """

    def __init__(self, s: Session) -> None:
        self.conn = s.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"

    def money(self, satang: int) -> int | Decimal:
        return satang if self.sqlite else Decimal(satang).scaleb(-2)

    def ts(self, moment: datetime | None) -> str | datetime | None:
        if moment is None or not self.sqlite:
            return moment
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    def day(self, d: date) -> str | date:
        return d.isoformat() if self.sqlite else d

    def insert(self, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        if self.sqlite:
            marks = ", ".join("?" * len(columns))
            cursor = self.conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            cursor.executemany(
                f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows
            )
            cursor.close()
        else:
            self.conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])


def _chunks(n: int, size: int) -> list[tuple[int, int]]:
    return [(i, min(n, i + size)) for i in range(0, n, size)]


CUSTOMER_COLS = (
    "id",
    "phone",
    "first_name",
    "last_name",
    "email",
    "gender",
    "address",
    "email_marketing",
    "sms_marketing",
    "created_at",
    "updated_at",
    "last_visit",
)
MEMBERSHIP_COLS = (
    "customer_id",
    "points",
    "lifetime_points",
    "tier",
    "total_spent",
    "visits_count",
    "created_at",
    "updated_at",
)
TX_COLS = ("customer_id", "type", "points", "balance_after", "reason", "staff", "created_at")


def bulk_members(
    db: Database,
    settings: Settings,
    count: int,
    seed: int = 7,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert ``count`` members (customer, membership, their transactions) in one
    transaction. Phones are +6690xxxxxxx, continuing after earlier bulk runs."""
    rng = random.Random(seed)
    tiers = settings.loyalty.tiers
    now = datetime.now(UTC)
    with db.uow() as uow:
        s = uow.session
        w = _BulkWriter(s)
        start = s.scalar(select(func.count(Customer.id)).where(Customer.phone.like("+6690%"))) or 0
        first_id = (s.scalar(select(func.max(Customer.id))) or 0) + 1
        tier_cache = {p: tier_for(p, tiers) for p in range(0, 2501)}
        for lo, hi in _chunks(count, 100_000):
            customers, memberships, txs = [], [], []
            for i in range(lo, hi):
                cid = first_id + i
                roll = rng.random()
                lifetime = 0 if roll < 0.3 else rng.randrange(0, 200 if roll < 0.6 else 2500)
                spent = rng.randrange(0, lifetime + 1) if lifetime and rng.random() < 0.4 else 0
                balance = lifetime - spent
                created = now - timedelta(seconds=rng.randrange(700 * 86400))
                c_ts = w.ts(created)
                customers.append(
                    (
                        cid,
                        f"+6690{start + i:07d}",
                        FIRST_NAMES[i % len(FIRST_NAMES)],
                        LAST_NAMES[(i * 7) % len(LAST_NAMES)],
                        "",
                        "",
                        "",
                        False,
                        roll < 0.2,
                        c_ts,
                        c_ts,
                        c_ts if lifetime else None,
                    )
                )
                memberships.append(
                    (
                        cid,
                        balance,
                        lifetime,
                        tier_cache[lifetime],
                        w.money(lifetime * 1000),
                        lifetime // 40,
                        c_ts,
                        c_ts,
                    )
                )
                if lifetime:
                    txs.append((cid, "earned", lifetime, lifetime, "Demo history", "", c_ts))
                if spent:
                    txs.append(
                        (
                            cid,
                            "redeemed",
                            -spent,
                            balance,
                            "Demo history",
                            "",
                            w.ts(created + timedelta(days=1)),
                        )
                    )
            w.insert(Customer.__table__, CUSTOMER_COLS, customers)
            w.insert(Membership.__table__, MEMBERSHIP_COLS, memberships)
            w.insert(LoyaltyTransaction.__table__, TX_COLS, txs)
            if progress:
                progress(hi)
        uow.commit()
    return count


ORDER_COLS = (
    "id",
    "number",
    "business_date",
    "kiosk_id",
    "mode",
    "status",
    "customer_id",
    "customer_name",
    "customer_phone",
    "subtotal",
    "discount",
    "total",
    "vat",
    "points_redeemed",
    "points_earned",
    "paid_at",
    "note",
    "created_at",
    "updated_at",
)
LINE_COLS = (
    "order_id",
    "menu_item_id",
    "name_en",
    "name_th",
    "quantity",
    "unit_price",
    "line_total",
    "options",
)
PAYMENT_COLS = (
    "id",
    "order_id",
    "method",
    "amount",
    "status",
    "transaction_id",
    "message",
    "card_brand",
    "card_last4",
    "promptpay_id",
    "idempotency_key",
    "kiosk_id",
    "at_counter",
    "staff",
    "settled_at",
    "created_at",
    "updated_at",
)


def bulk_orders(
    db: Database,
    settings: Settings,
    count: int,
    days: int = 90,
    seed: int = 11,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert ``count`` paid, completed orders spread over the last ``days`` days, each
    with one to three lines and a succeeded payment. Numbers stay unique per day."""
    rng = random.Random(seed)
    tz = ZoneInfo(settings.store.timezone)
    now = datetime.now(UTC)
    vat_rate = settings.store.vat_rate
    with db.uow() as uow:
        s = uow.session
        w = _BulkWriter(s)
        items = [
            (mid, en, th, int(price * 100))
            for mid, en, th, price in s.execute(
                select(MenuItem.id, MenuItem.name_en, MenuItem.name_th, MenuItem.price)
            )
        ]
        if not items:
            raise RuntimeError("no menu: seed the demo menu first")
        max_customer = s.scalar(select(func.max(Customer.id))) or 0
        first_order = (s.scalar(select(func.max(Order.id))) or 0) + 1
        first_payment = (s.scalar(select(func.max(Payment.id))) or 0) + 1
        counters: dict[date, int] = {
            d: v for d, v in s.execute(select(OrderCounter.business_date, OrderCounter.last_value))
        }
        methods = ("cash", "card", "promptpay")
        modes = ("dine_in", "take_away")
        day_cache: dict[int, date] = {}
        for lo, hi in _chunks(count, 50_000):
            orders, lines, payments = [], [], []
            for i in range(lo, hi):
                oid = first_order + i
                offset = rng.randrange(days * 86400)
                created = now - timedelta(seconds=offset)
                hour_key = offset // 3600
                day = day_cache.get(hour_key)
                if day is None:
                    day = day_cache[hour_key] = created.astimezone(tz).date()
                counters[day] = counters.get(day, 0) + 1
                subtotal = 0
                for _ in range(1 + (i % 3)):
                    mid, en, th, price = items[rng.randrange(len(items))]
                    qty = 1 + (rng.random() < 0.3)
                    lines.append(
                        (
                            oid,
                            mid,
                            en,
                            th,
                            qty,
                            w.money(price),
                            w.money(price * qty),
                            "[]" if w.sqlite else [],
                        )
                    )
                    subtotal += price * qty
                customer = (
                    rng.randint(1, max_customer) if max_customer and rng.random() < 0.6 else None
                )
                total = Decimal(subtotal).scaleb(-2)
                ts = w.ts(created)
                orders.append(
                    (
                        oid,
                        format_order_number(counters[day]),
                        w.day(day),
                        f"kiosk-{1 + i % 3}",
                        modes[i % 2],
                        "completed",
                        customer,
                        "",
                        "",
                        w.money(subtotal),
                        w.money(0),
                        w.money(subtotal),
                        w.money(int(vat_included(total, vat_rate) * 100)),
                        0,
                        0,  # demo history: members' balances come from bulk_members
                        ts,
                        "",
                        ts,
                        ts,
                    )
                )
                pid = first_payment + i
                method = methods[rng.randrange(3)]
                payments.append(
                    (
                        pid,
                        oid,
                        method,
                        w.money(subtotal),
                        "succeeded",
                        f"DEMO_{pid:08d}",
                        "Payment processed successfully",
                        "Visa" if method == "card" else "",
                        "4242" if method == "card" else "",
                        "",
                        f"demo-{pid}",
                        "",
                        False,
                        "",
                        ts,
                        ts,
                        ts,
                    )
                )
            w.insert(Order.__table__, ORDER_COLS, orders)
            w.insert(OrderItem.__table__, LINE_COLS, lines)
            w.insert(Payment.__table__, PAYMENT_COLS, payments)
            if progress:
                progress(hi)
        # Keep the daily counters ahead of the numbers used, so live orders never collide.
        for day, value in counters.items():
            row = s.get(OrderCounter, day)
            if row is None:
                s.add(OrderCounter(business_date=day, last_value=value))
            else:
                row.last_value = max(row.last_value, value)
        uow.commit()
    return count


#: the demo's staff account, so a newcomer reaches the staff panel without reading code
DEMO_OWNER_NAME = "Demo owner"
DEMO_OWNER_PIN = "2580"


def ensure_demo_owner(staff: Any) -> Any | None:
    """Add the demo owner when the store has no staff at all; returns that account (the
    one added now or earlier), or None when the shop has its own staff."""
    if staff.count() == 0:
        return staff.create(DEMO_OWNER_NAME, "owner", DEMO_OWNER_PIN, by="demo")
    return next((u for u in staff.list() if u.name == DEMO_OWNER_NAME and u.active), None)


def demo_banner(owner: Any | None) -> str:
    """What ``make run`` prints: a windowed demo, how to leave, how to reach the panel."""
    lines = [
        "OrderUp Kiosk: the windowed demo. No money moves: cash, card and PromptPay are",
        "simulated, and the PromptPay QR pays nobody.",
        "Leave: close the window (or Ctrl+C here).",
        "Staff panel: tap the top-left corner of the kiosk five times within 3 seconds,",
    ]
    if owner is not None:
        lines.append(
            f"then staff number {owner.id} and PIN {DEMO_OWNER_PIN} ({owner.name}, owner)."
        )
        lines.append(f"Or run: kiosk admin  (name {owner.name!r}, PIN {DEMO_OWNER_PIN}).")
    else:
        lines.append(
            "then your staff number and PIN (the demo owner is not added: you have staff)."
        )
    return "\n".join(lines)
