"""Pricing a cart: the lines checked and priced from the menu as it stands, options
chosen within their groups' limits, the table number cleaned."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kiosk.db.models import (
    MenuItem,
    Option,
    OptionGroup,
    OrderItem,
)
from kiosk.services.errors import (
    InvalidOrder,
    ItemUnavailable,
)
from kiosk.services.money import ZERO
from kiosk.services.validation import (
    MAX_ID,
    MAX_ORDER_TOTAL,
    ascii_digits,
)
from kiosk.services.views import (
    TABLE_NUMBER_DIGITS,
)

MAX_QUANTITY = 99
MAX_LINES = 50


def _as_int(value: Any, what: str) -> int:
    """A whole number (an int, or text of ASCII digits); ids are bounded to BIGINT."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and len(value) <= 20 and value.strip().isascii():
            text = value.strip()
            if text.isdigit():
                value = int(text)
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidOrder(f"{what} must be a whole number.", what)
    if not 0 <= value <= MAX_ID:
        raise InvalidOrder(f"{what} is out of range.", what)
    return value


def clean_table_number(value: Any) -> str:
    """A table or pager number as stored: ASCII digits, leading zeros dropped, at most
    :data:`TABLE_NUMBER_DIGITS`; "" for none. Anything else is an :class:`InvalidOrder`."""
    if value is None or value == "":
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise InvalidOrder("The table number must be digits.", "table_number")
    text = ascii_digits(str(value).strip())  # Thai (๑๒) and full-width digits too
    if not text or len(text) > TABLE_NUMBER_DIGITS or not (text.isascii() and text.isdigit()):
        raise InvalidOrder(
            f"The table number must be 1 to {TABLE_NUMBER_DIGITS} digits.", "table_number"
        )
    number = int(text)
    if number == 0:
        raise InvalidOrder("There is no table 0.", "table_number")
    return str(number)


def _check_lines(lines: Any) -> None:
    """The cart's shape: a list of at most MAX_LINES mappings, each with at most a few
    dozen options (the menu decides which are valid)."""
    if not lines:
        raise InvalidOrder("The order is empty: add at least one item.", "lines")
    if isinstance(lines, str | bytes | Mapping) or not isinstance(lines, Sequence):
        raise InvalidOrder("The order lines must be a list of items.", "lines")
    if len(lines) > MAX_LINES:
        raise InvalidOrder(f"An order can have at most {MAX_LINES} lines.", "lines")
    for line in lines:
        if not isinstance(line, Mapping):
            raise InvalidOrder("Each order line must name an item and a quantity.", "lines")
        options = line.get("options")
        if options is not None and (
            isinstance(options, str | bytes | Mapping)
            or not isinstance(options, Sequence | set | frozenset)
            or len(options) > 100
        ):
            raise InvalidOrder("The options of a line must be a short list of ids.", "options")


def price_lines(s: Session, lines: Sequence[Mapping[str, Any]]) -> list[OrderItem]:
    """Validate cart lines against the menu and snapshot their names and prices."""
    _check_lines(lines)
    item_ids = {_as_int(line.get("item_id"), "item_id") for line in lines}
    items = {
        i.id: i
        for i in s.scalars(
            select(MenuItem)
            .options(selectinload(MenuItem.option_groups).selectinload(OptionGroup.options))
            .where(MenuItem.id.in_(item_ids))
        )
    }
    priced: list[OrderItem] = []
    for line in lines:
        item = items.get(_as_int(line.get("item_id"), "item_id"))
        if item is None or not item.active:
            raise InvalidOrder("An item in the cart is no longer on the menu.")
        if not item.available:
            raise ItemUnavailable(f"Sorry, {item.name_en} is sold out.")
        qty = _as_int(line.get("quantity", 1), "quantity")
        if not 1 <= qty <= MAX_QUANTITY:
            raise InvalidOrder(f"Quantity must be between 1 and {MAX_QUANTITY}.")
        chosen = _choose_options(item, [_as_int(o, "option") for o in line.get("options") or ()])
        unit = item.price + sum((o.price_delta for o in chosen), ZERO)
        if unit < 0:  # the menu service prevents it; never let a line lower the others
            raise InvalidOrder(f"The options chosen for {item.name_en} cost less than nothing.")
        priced.append(
            OrderItem(
                menu_item_id=item.id,
                name_en=item.name_en,
                name_th=item.name_th,
                quantity=qty,
                unit_price=unit,
                line_total=unit * qty,
                options=[
                    {
                        "id": o.id,
                        "group_en": o.group.name_en,
                        "group_th": o.group.name_th,
                        "name_en": o.name_en,
                        "name_th": o.name_th,
                        "price_delta": str(o.price_delta),
                    }
                    for o in chosen
                ],
            )
        )
    if sum((i.line_total for i in priced), ZERO) > MAX_ORDER_TOTAL:
        raise InvalidOrder("This order is too large for one payment. Please split it.", "lines")
    return priced


def _choose_options(item: MenuItem, option_ids: Iterable[int]) -> list[Option]:
    wanted = list(dict.fromkeys(option_ids))
    by_id = {o.id: o for g in item.option_groups for o in g.options}
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise InvalidOrder(f"An option chosen for {item.name_en} does not belong to it.")
    chosen: list[Option] = []
    for group in item.option_groups:
        picked = [by_id[i] for i in wanted if by_id[i].group_id == group.id]
        if not picked and group.min_select > 0:
            picked = [o for o in group.options if o.is_default][: group.min_select]
        if len(picked) < group.min_select:
            raise InvalidOrder(f"Please choose {group.name_en} for {item.name_en}.")
        if len(picked) > group.max_select:
            raise InvalidOrder(
                f"Choose at most {group.max_select} for {group.name_en} ({item.name_en})."
            )
        if any(not o.available for o in picked):
            raise ItemUnavailable(f"Sorry, an option for {item.name_en} is not available.")
        chosen += picked
    return chosen
