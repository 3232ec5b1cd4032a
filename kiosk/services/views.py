"""Plain, frozen values the services hand out. Never live ORM objects."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

#: a table or pager number has at most this many digits (checked by
#: :func:`kiosk.services.orders.clean_table_number`; the welcome screen's keypad stops there)
TABLE_NUMBER_DIGITS = 4


class View:
    """Read like an object (``view.total``) or like the seed's JSON (``view["total"]``)."""

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@dataclass(frozen=True)
class OptionView(View):
    id: int
    name_en: str
    name_th: str
    price_delta: Decimal
    is_default: bool = False
    available: bool = True


@dataclass(frozen=True)
class OptionGroupView(View):
    id: int
    name_en: str
    name_th: str
    min_select: int
    max_select: int
    options: tuple[OptionView, ...] = ()

    @property
    def required(self) -> bool:
        return self.min_select > 0


@dataclass(frozen=True)
class CategoryView(View):
    id: int
    name_en: str
    name_th: str
    position: int = 0


@dataclass(frozen=True)
class MenuItemView(View):
    id: int
    name_en: str
    name_th: str
    price: Decimal
    category: str
    category_id: int
    category_th: str = ""
    description_en: str = ""
    description_th: str = ""
    available: bool = True
    image: str = ""
    option_groups: tuple[OptionGroupView, ...] = ()
    # False when a required option group has nothing left on sale: show it as sold out.
    orderable: bool = True
    spice_level: int = 0  # 0 not spicy .. 3 very hot
    allergens: tuple[str, ...] = ()  # codes from kiosk.services.menu.ALLERGENS, in its order
    upsell: bool = False  # suggested in the cart's "Add a drink?" strip

    @property
    def on_sale(self) -> bool:
        """What the kiosk shows: available and its required choices can be made."""
        return self.available and self.orderable

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en

    def default_options(self) -> tuple[int, ...]:
        """The options a dish starts with: in each group the available ones flagged as
        default, up to the group's minimum when it is required (the order service fills a
        required group the same way), else up to one choice or the group's maximum."""
        chosen: list[int] = []
        for group in self.option_groups:
            single = group.max_select == 1
            limit = group.min_select if group.required else (1 if single else group.max_select)
            defaults = [o.id for o in group.options if o.is_default and o.available]
            chosen.extend(defaults[:limit])
        return tuple(chosen)

    @property
    def needs_choice(self) -> bool:
        """A required group its defaults do not fill: the customer must choose before the
        dish can go into the cart. Any other dish goes in with one tap, with its defaults."""
        defaults = set(self.default_options())
        return any(
            sum(o.id in defaults for o in g.options) < g.min_select for g in self.option_groups
        )


@dataclass(frozen=True)
class MemberView(View):
    id: int
    phone: str
    first_name: str
    last_name: str
    full_name: str
    masked_name: str
    points: int
    lifetime_points: int
    tier: str
    points_to_next_tier: int | None
    next_tier: str | None
    total_spent: Decimal
    visits_count: int
    last_visit: datetime | None
    email: str = ""
    sms_marketing: bool = False
    email_marketing: bool = False
    created_at: datetime | None = None
    marketing_consent_at: datetime | None = None  # when consent was last given or withdrawn
    marketing_policy_version: str = ""  # the privacy policy in force at that moment
    erased: bool = False  # personal data erased (PDPA); the row stays for the accounts


@dataclass(frozen=True)
class OrderLineView(View):
    id: int
    item_id: int | None
    name_en: str
    name_th: str
    quantity: int
    unit_price: Decimal
    line_total: Decimal
    options: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class PaymentView(View):
    id: int
    order_id: int
    method: str
    amount: Decimal
    status: str
    transaction_id: str | None
    message: str
    card_brand: str
    card_last4: str
    created_at: datetime
    settled_at: datetime | None = None


@dataclass(frozen=True)
class OrderView(View):
    id: int
    number: str
    status: str
    mode: str
    kiosk_id: str
    subtotal: Decimal
    discount: Decimal
    total: Decimal
    vat: Decimal
    points_to_earn: int
    points_redeemed: int
    points_earned: int
    customer_id: int | None
    customer_name: str
    customer_phone: str
    created_at: datetime
    paid_at: datetime | None
    lines: tuple[OrderLineView, ...] = ()
    payments: tuple[PaymentView, ...] = field(default=())
    service_charge: Decimal = Decimal("0.00")  # VAT included, part of ``total``
    service_charge_rate: Decimal = Decimal("0")  # percent
    table_number: str = ""  # dine-in table or pager number; "" when none


@dataclass(frozen=True)
class QuoteView(View):
    """Totals for a cart that is not an order yet (menu and review screens)."""

    subtotal: Decimal
    discount: Decimal
    total: Decimal
    vat: Decimal
    points_to_earn: int
    lines: tuple[OrderLineView, ...] = ()
    service_charge: Decimal = Decimal("0.00")  # VAT included, part of ``total``
    service_charge_rate: Decimal = Decimal("0")  # percent


@dataclass(frozen=True)
class LoyaltyTxView(View):
    id: int
    type: str
    points: int
    balance_after: int
    reason: str
    order_id: int | None
    order_number: str | None
    staff: str
    created_at: datetime

    @property
    def order(self) -> int | None:
        """The order this transaction belongs to (its id), if any."""
        return self.order_id


# -- the rows of the admin tables (kiosk.services.listings) -------------------------------


@dataclass(frozen=True)
class OrderRow:
    id: int
    number: str
    business_date: date
    created_at: datetime
    status: str
    mode: str
    kiosk_id: str
    customer_id: int | None
    customer_name: str
    customer_phone: str  # masked: 081-***-5678
    items: int
    total: Decimal
    points_redeemed: int
    points_earned: int
    payment_method: str
    payment_status: str
    at_counter: bool
    table_number: str = ""  # dine-in table or pager number; "" when none


@dataclass(frozen=True)
class MemberRow:
    id: int
    phone: str  # national format, e.g. 081-234-5678
    first_name: str
    last_name: str
    tier: str
    points: int
    lifetime_points: int
    total_spent: Decimal
    visits: int
    last_visit: datetime | None
    created_at: datetime
    sms_marketing: bool
    email_marketing: bool

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class AuditRow:
    id: int
    created_at: datetime
    staff: str
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True)
class LoyaltyRow:
    id: int
    created_at: datetime
    type: str
    points: int
    balance_after: int
    reason: str
    order_number: str
    staff: str
