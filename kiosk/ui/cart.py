"""The customer's cart: plain Python, no Qt, priced by ``store.orders.quote``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kiosk.services.orders import MAX_LINES  # the order service refuses more lines
from kiosk.services.views import MenuItemView

__all__ = ["MAX_LINES", "MAX_QUANTITY", "Cart", "CartLine", "default_choices"]

MAX_QUANTITY = 20


@dataclass
class CartLine:
    item_id: int
    quantity: int = 1
    options: tuple[int, ...] = ()

    def as_order_line(self) -> dict[str, Any]:
        return {"item_id": self.item_id, "quantity": self.quantity, "options": list(self.options)}


@dataclass
class Cart:
    lines: list[CartLine] = field(default_factory=list)

    def add(self, item_id: int, options: Iterable[int] = (), quantity: int = 1) -> int:
        """Add to an identical line if there is one; returns the line's index, or -1 when
        the cart already has :data:`MAX_LINES` lines and this would be a new one."""
        opts = tuple(sorted(options))
        for i, line in enumerate(self.lines):
            if line.item_id == item_id and line.options == opts:
                line.quantity = min(MAX_QUANTITY, line.quantity + quantity)
                return i
        if len(self.lines) >= MAX_LINES:
            return -1
        self.lines.append(CartLine(item_id, min(MAX_QUANTITY, quantity), opts))
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: int) -> None:
        if not 0 <= index < len(self.lines):
            return
        if quantity <= 0:
            del self.lines[index]
        else:
            self.lines[index].quantity = min(MAX_QUANTITY, quantity)

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            del self.lines[index]

    def remove_item(self, item_id: int) -> None:
        self.lines = [line for line in self.lines if line.item_id != item_id]

    def clear(self) -> None:
        self.lines.clear()

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def order_lines(self) -> list[dict[str, Any]]:
        return [line.as_order_line() for line in self.lines]


def default_choices(item: MenuItemView) -> tuple[int, ...] | None:
    """The options the options sheet starts ``item`` on (its defaults that are on sale: a
    required group up to its minimum, a choose-one group one, a choose-several group up to
    its maximum), or ``None`` when a required group cannot be filled that way: the dish
    then needs the sheet and cannot be added with a single tap."""
    chosen: list[int] = []
    for group in item.option_groups:
        if group.required:
            limit = group.min_select
        else:
            limit = 1 if group.max_select == 1 else group.max_select
        picked = [o.id for o in group.options if o.is_default and o.available][:limit]
        if len(picked) < group.min_select:
            return None
        chosen += picked
    return tuple(chosen)
