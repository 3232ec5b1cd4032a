"""The menu: categories, dishes, option groups and options."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.db.models.base import ZERO, Base
from kiosk.db.types import Money

# --- menu -----------------------------------------------------------------------------


def _owned_by(parent_id: str) -> Mapped[int]:
    """The key to the row this one belongs to; deleting the parent deletes it."""
    return mapped_column(ForeignKey(parent_id, ondelete="CASCADE"), index=True)


def _owns(back_populates: str, order_by: str) -> Mapped[list]:
    """The rows that belong to this one, in ``order_by`` order, deleted with it."""
    return relationship(
        back_populates=back_populates, order_by=order_by, cascade="all, delete-orphan"
    )


class Category(Base):
    __tablename__ = "categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    items: Mapped[list[MenuItem]] = relationship(
        back_populates="category", order_by="MenuItem.position"
    )


class MenuItem(Base):
    __tablename__ = "menu_items"
    __table_args__ = (CheckConstraint("price >= 0", name="price_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), index=True)
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_th: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[Decimal] = mapped_column(Money())
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    image: Mapped[str] = mapped_column(String(255), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # 0 not spicy .. 3 very hot: the chilli marks on the dish card
    spice_level: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # allergen codes (``kiosk.services.menu.ALLERGENS``), comma-separated, in that order
    allergens: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # "suggest with orders": offered in the cart's upsell strip
    upsell: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    category: Mapped[Category] = relationship(back_populates="items")
    option_groups: Mapped[list[OptionGroup]] = _owns("item", "OptionGroup.position")


class OptionGroup(Base):
    """Size, spice level, extras...: ``min_select``/``max_select`` say how many to pick."""

    __tablename__ = "option_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = _owned_by("menu_items.id")
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    min_select: Mapped[int] = mapped_column(Integer, default=0)
    max_select: Mapped[int] = mapped_column(Integer, default=1)
    position: Mapped[int] = mapped_column(Integer, default=0)

    item: Mapped[MenuItem] = relationship(back_populates="option_groups")
    options: Mapped[list[Option]] = _owns("group", "Option.position")


class Option(Base):
    __tablename__ = "options"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = _owned_by("option_groups.id")
    name_en: Mapped[str] = mapped_column(String(100))
    name_th: Mapped[str] = mapped_column(String(100))
    price_delta: Mapped[Decimal] = mapped_column(Money(), default=ZERO)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    group: Mapped[OptionGroup] = relationship(back_populates="options")
