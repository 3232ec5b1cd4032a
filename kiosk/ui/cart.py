"""The customer's cart: plain Python, no Qt, priced by ``store.orders.quote``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kiosk.services.orders import MAX_LINES  # the order service refuses more lines

__all__ = ["MAX_LINES", "MAX_QUANTITY", "Cart", "CartLine"]

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
        i = self.find(item_id, opts)
        if i >= 0:
            self.lines[i].quantity = min(MAX_QUANTITY, self.lines[i].quantity + quantity)
            return i
        if len(self.lines) >= MAX_LINES:
            return -1
        self.lines.append(CartLine(item_id, min(MAX_QUANTITY, quantity), opts))
        return len(self.lines) - 1

    def find(self, item_id: int, options: Iterable[int] = ()) -> int:
        """The index of the line of ``item_id`` with exactly ``options``, or -1."""
        key = (item_id, tuple(sorted(options)))
        return next((i for i, c in enumerate(self.lines) if (c.item_id, c.options) == key), -1)

    def set_quantity(self, index: int, quantity: int) -> None:
        if not 0 <= index < len(self.lines):
            return
        if quantity <= 0:
            del self.lines[index]
        else:
            self.lines[index].quantity = min(MAX_QUANTITY, quantity)

    def replace(self, index: int, options: Iterable[int], quantity: int) -> int:
        """Change line ``index``'s choices and quantity (its dish changed from the cart).
        When another line already has those choices the two become one. Returns the index
        of the line that holds them now, or -1 when ``index`` is not a line."""
        if not 0 <= index < len(self.lines):
            return -1
        line = self.lines.pop(index)
        opts = tuple(sorted(options))
        i = self.find(line.item_id, opts)
        if i >= 0:
            self.lines[i].quantity = min(MAX_QUANTITY, self.lines[i].quantity + quantity)
            return i
        self.lines.insert(index, CartLine(line.item_id, min(MAX_QUANTITY, quantity), opts))
        return index

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
