"""The menu's rules: name, price, spice and allergen limits, option-group ranges, and
the checks that keep an item's price covering its options."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kiosk.db.models import MenuItem, Option, OptionGroup
from kiosk.services.errors import (
    InvalidAmount,
    InvalidInput,
)
from kiosk.services.money import ZERO, format_thb, to_money
from kiosk.services.validation import (
    ID,
    MAX_PRICE,
    POSITION,
    PRICE,
    Checked,
    Choices,
    Fields,
    Flag,
    ImageName,
    Int,
    Money,
    Text,
)

NAME_MAX = 100
#: The allergens a dish can be marked with: the one list the admin panel's check boxes,
#: the dish cards and the options sheet all follow (the major food allergens of Thai
#: cooking; stored as these codes, comma-separated, in this order).
ALLERGENS: tuple[str, ...] = (
    "peanut",
    "tree_nut",
    "shellfish",
    "fish",
    "egg",
    "milk",
    "gluten",
    "soy",
    "sesame",
)
SPICE_MAX = 3  # 0 not spicy, 1 mild, 2 hot, 3 very hot
SPICE_LEVEL = Int(
    0,
    SPICE_MAX,
    label="Spice level",
    message=f"Spice level must be from 0 (not spicy) to {SPICE_MAX} (very hot).",
)
ALLERGEN_CODES = Choices(ALLERGENS, label="Allergens")
#: category names that mean "drinks" (the upsell strip then asks "Add a drink?")
DRINK_WORDS = ("drink", "beverage", "juice", "coffee", "tea", "smoothie", "shake", "เครื่องดื่ม")
EN_MISSING = "Enter the English name."
TH_MISSING = "Enter the Thai name."
SELECT_MAX = 20
GROUP_FIELDS = frozenset({"name_en", "name_th", "min_select", "max_select"})
OPTION_FIELDS = frozenset({"name_en", "name_th", "price_delta", "is_default", "available"})
NAME_TOO_LONG = f"A name can have at most {NAME_MAX} characters."
NAME_TEXT = Text(NAME_MAX, too_long=NAME_TOO_LONG)  # _name says which name is missing
DESCRIPTION = Text(2000, multiline=True)
PRICE_DELTA = Money(-MAX_PRICE, MAX_PRICE, label="Price change")
ITEM_FIELDS = Fields(
    {
        "name_en": Text(NAME_MAX, required=True, missing=EN_MISSING, too_long=NAME_TOO_LONG),
        "name_th": Text(NAME_MAX, required=True, missing=TH_MISSING, too_long=NAME_TOO_LONG),
        "description_en": DESCRIPTION,
        "description_th": DESCRIPTION,
        "image": ImageName(),
        "price": PRICE,
        "available": Flag(),
        "position": POSITION,
        "category_id": ID,
        "spice_level": SPICE_LEVEL,
        "allergens": ALLERGEN_CODES,
        "upsell": Flag(label="Suggest with orders"),
    }
)
GROUP_RULES = Fields(
    {"name_en": NAME_TEXT, "name_th": NAME_TEXT, "min_select": Checked(), "max_select": Checked()}
)
OPTION_RULES = Fields(
    {
        "name_en": NAME_TEXT,
        "name_th": NAME_TEXT,
        "price_delta": PRICE_DELTA,
        "is_default": Flag(),
        "available": Flag(),
    }
)


def encode_allergens(codes: object) -> str:
    """Allergen codes as stored: checked against :data:`ALLERGENS`, in its order,
    comma-separated (``"peanut,shellfish"``); raises :class:`InvalidInput` otherwise."""
    return ",".join(ALLERGEN_CODES.check(codes, "allergens"))


def decode_allergens(stored: str | None) -> tuple[str, ...]:
    """The stored text back as codes; a code the list no longer has is left out."""
    found = set((stored or "").split(","))
    return tuple(code for code in ALLERGENS if code in found)


def _name(value: object, missing: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise InvalidInput(missing)
    if len(text) > NAME_MAX:
        raise InvalidInput(f"A name can have at most {NAME_MAX} characters.")
    return text


def _whole(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidInput("How many to choose must be a whole number.")
    try:
        return int(value)
    except ValueError:
        raise InvalidInput("How many to choose must be a whole number.") from None


def check_select_range(min_select: object, max_select: object) -> tuple[int, int]:
    """``0 <= min_select <= max_select`` and ``max_select >= 1`` (at most 20)."""
    lo, hi = _whole(min_select), _whole(max_select)
    if hi < 1:
        raise InvalidInput("Customers must be able to choose at least one option.")
    if hi > SELECT_MAX:
        raise InvalidInput(f"Customers can choose at most {SELECT_MAX} options of a group.")
    if lo < 0:
        raise InvalidInput("The minimum cannot be below zero.")
    if lo > hi:
        raise InvalidInput("The minimum cannot be more than the maximum.")
    return lo, hi


def _price_delta(value: object, item: MenuItem) -> Decimal:
    delta = to_money(value)  # type: ignore[arg-type]
    if delta < -item.price:
        raise InvalidAmount(
            f"An option can take at most {format_thb(item.price)} off, the price of the dish."
        )
    return delta


def _flag(value: object) -> bool:
    if not isinstance(value, bool | int):
        raise InvalidInput("Default and available are yes or no.")
    return bool(value)


def _item_query():  # type: ignore[no-untyped-def]
    return select(MenuItem).options(
        selectinload(MenuItem.category),
        selectinload(MenuItem.option_groups).selectinload(OptionGroup.options),
    )


def _plain(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def _make_default(group: OptionGroup, option: Option) -> None:
    """Mark ``option`` as chosen by default. A choose-one group keeps a single default;
    a choose-several group refuses more defaults than customers may choose."""
    others = [o for o in group.options if o.is_default and o is not option]
    if group.max_select == 1:
        for other in others:
            other.is_default = False
    elif len(others) + 1 > group.max_select:
        raise InvalidInput(
            f"At most {group.max_select} options of this group can be chosen by default."
        )
    option.is_default = True


def lowest_price(item: MenuItem, price: Decimal | None = None) -> Decimal:
    """The least a customer can pay for one of ``item``: its price plus, in every group,
    the most that group's allowed choices can take off together."""
    total = item.price if price is None else price
    for group in item.option_groups:
        discounts = sorted(o.price_delta for o in group.options if o.price_delta < 0)
        total += sum(discounts[: group.max_select], ZERO)
    return total


def _check_price_covers_options(item: MenuItem, price: Decimal | None = None) -> None:
    """No combination of options may bring a dish below ฿0: a negative line would lower
    the price of everything else in the cart."""
    lowest = lowest_price(item, price)
    if lowest < 0:
        shown = item.price if price is None else price
        raise InvalidAmount(
            f"With these options a customer could pay {format_thb(lowest)} for a dish priced "
            f"{format_thb(shown)}: the dish's price must be at least what its options can take "
            "off together."
        )
