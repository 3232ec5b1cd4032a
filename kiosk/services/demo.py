"""Demo data: a believable Thai menu, members in every tier, and fast bulk generation.

``seed_demo`` gives a kiosk something to sell; ``bulk_members`` and ``bulk_orders``
fill a database with a million rows in seconds (Core ``executemany``, one transaction)
for the admin panel's benchmarks.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select

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
from kiosk.services.money import points_for, vat_included
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


@dataclass(frozen=True)
class BulkReport:
    members: int
    orders: int
    seconds: float


def _chunks(n: int, size: int) -> list[tuple[int, int]]:
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def bulk_members(
    db: Database,
    settings: Settings,
    count: int,
    seed: int = 7,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Insert ``count`` members (customer, membership, transactions) as fast as the
    database allows. Phones are +6690xxxxxxx, continuing after earlier bulk runs."""
    rng = random.Random(seed)
    tiers = settings.loyalty.tiers
    now = datetime.now(UTC)
    with db.uow() as uow:
        s = uow.session
        start = s.scalar(select(func.count(Customer.id)).where(Customer.phone.like("+6690%"))) or 0
        first_id = (s.scalar(select(func.max(Customer.id))) or 0) + 1
        for lo, hi in _chunks(count, 50_000):
            customers, memberships, txs = [], [], []
            for i in range(lo, hi):
                cid = first_id + i
                lifetime = rng.choice(
                    (0, 0, rng.randrange(0, 200), rng.randrange(0, 600), rng.randrange(0, 2500))
                )
                balance = lifetime - (
                    rng.randrange(0, lifetime + 1) if lifetime and rng.random() < 0.4 else 0
                )
                created = now - timedelta(days=rng.randrange(1, 700), seconds=rng.randrange(86400))
                customers.append(
                    {
                        "id": cid,
                        "phone": f"+6690{start + i:07d}",
                        "first_name": rng.choice(FIRST_NAMES),
                        "last_name": rng.choice(LAST_NAMES),
                        "email": "",
                        "gender": "",
                        "address": "",
                        "email_marketing": False,
                        "sms_marketing": rng.random() < 0.2,
                        "created_at": created,
                        "updated_at": created,
                        "last_visit": created if lifetime else None,
                    }
                )
                memberships.append(
                    {
                        "customer_id": cid,
                        "points": balance,
                        "lifetime_points": lifetime,
                        "tier": tier_for(lifetime, tiers),
                        "total_spent": Decimal(lifetime * 10),
                        "visits_count": lifetime // 40,
                        "created_at": created,
                        "updated_at": created,
                    }
                )
                if lifetime:
                    txs.append(
                        {
                            "customer_id": cid,
                            "order_id": None,
                            "type": "earned",
                            "points": lifetime,
                            "balance_after": lifetime,
                            "reason": "Demo history",
                            "staff": "",
                            "created_at": created,
                        }
                    )
                if balance != lifetime:
                    txs.append(
                        {
                            "customer_id": cid,
                            "order_id": None,
                            "type": "redeemed",
                            "points": balance - lifetime,
                            "balance_after": balance,
                            "reason": "Demo history",
                            "staff": "",
                            "created_at": created + timedelta(days=1),
                        }
                    )
            s.execute(insert(Customer), customers)
            s.execute(insert(Membership), memberships)
            if txs:
                s.execute(insert(LoyaltyTransaction), txs)
            if progress:
                progress(hi)
        uow.commit()
    return count


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
    with db.uow() as uow:
        s = uow.session
        items = s.execute(
            select(MenuItem.id, MenuItem.name_en, MenuItem.name_th, MenuItem.price)
        ).all()
        if not items:
            raise RuntimeError("no menu: seed the demo menu first")
        max_customer = s.scalar(select(func.max(Customer.id))) or 0
        first_order = (s.scalar(select(func.max(Order.id))) or 0) + 1
        first_item = (s.scalar(select(func.max(OrderItem.id))) or 0) + 1
        first_payment = (s.scalar(select(func.max(Payment.id))) or 0) + 1
        counters: dict[date, int] = {
            d: v for d, v in s.execute(select(OrderCounter.business_date, OrderCounter.last_value))
        }
        vat_rate = settings.store.vat_rate
        item_id = first_item
        methods = ("cash", "card", "promptpay")
        for lo, hi in _chunks(count, 25_000):
            orders, lines, payments = [], [], []
            for i in range(lo, hi):
                oid = first_order + i
                created = now - timedelta(seconds=rng.randrange(days * 86400))
                day = created.astimezone(tz).date()
                counters[day] = counters.get(day, 0) + 1
                subtotal = Decimal(0)
                for _ in range(rng.randint(1, 3)):
                    mid, en, th, price = items[rng.randrange(len(items))]
                    qty = rng.randint(1, 2)
                    lines.append(
                        {
                            "id": item_id,
                            "order_id": oid,
                            "menu_item_id": mid,
                            "name_en": en,
                            "name_th": th,
                            "quantity": qty,
                            "unit_price": price,
                            "line_total": price * qty,
                            "options": [],
                        }
                    )
                    item_id += 1
                    subtotal += price * qty
                customer = (
                    rng.randint(1, max_customer) if max_customer and rng.random() < 0.6 else None
                )
                method = methods[rng.randrange(3)]
                orders.append(
                    {
                        "id": oid,
                        "number": format_order_number(counters[day]),
                        "business_date": day,
                        "kiosk_id": f"kiosk-{rng.randint(1, 3)}",
                        "mode": rng.choice(("dine_in", "take_away")),
                        "status": "completed",
                        "customer_id": customer,
                        "customer_name": "",
                        "customer_phone": "",
                        "subtotal": subtotal,
                        "discount": Decimal(0),
                        "total": subtotal,
                        "vat": vat_included(subtotal, vat_rate),
                        "points_redeemed": 0,
                        "points_earned": points_for(subtotal, settings.loyalty.baht_per_point)
                        if customer
                        else 0,
                        "paid_at": created,
                        "note": "",
                        "created_at": created,
                        "updated_at": created,
                    }
                )
                pid = first_payment + i
                payments.append(
                    {
                        "id": pid,
                        "order_id": oid,
                        "method": method,
                        "amount": subtotal,
                        "status": "succeeded",
                        "transaction_id": f"DEMO_{pid:08d}",
                        "message": "Payment processed successfully",
                        "card_brand": "Visa" if method == "card" else "",
                        "card_last4": "4242" if method == "card" else "",
                        "promptpay_id": "",
                        "idempotency_key": f"demo-{pid}",
                        "kiosk_id": "",
                        "at_counter": False,
                        "staff": "",
                        "settled_at": created,
                        "refunded_at": None,
                        "result": None,
                        "created_at": created,
                        "updated_at": created,
                    }
                )
            s.execute(insert(Order), orders)
            s.execute(insert(OrderItem), lines)
            s.execute(insert(Payment), payments)
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
