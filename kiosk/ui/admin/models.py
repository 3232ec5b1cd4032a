"""Passive table models for the admin panel (Anki's DataModel idea), in one place:

* :mod:`kiosk.ui.admin.table_model`: :class:`PagedTableModel` over a listing, fetched a
  page at a time, and its :class:`Column`;
* :mod:`kiosk.ui.admin.columns`: the columns of the orders, members, loyalty history and
  audit tables;
* :mod:`kiosk.ui.admin.list_models`: the small tables holding all their rows (menu items,
  staff).
"""

from __future__ import annotations

from kiosk.ui.admin.columns import audit_columns, loyalty_columns, member_columns, order_columns
from kiosk.ui.admin.list_models import ListTableModel, MenuTableModel, StaffTableModel
from kiosk.ui.admin.table_model import ROW_ID_ROLE, ROW_ROLE, Column, PagedTableModel

__all__ = [
    "ROW_ID_ROLE",
    "ROW_ROLE",
    "Column",
    "ListTableModel",
    "MenuTableModel",
    "PagedTableModel",
    "StaffTableModel",
    "audit_columns",
    "loyalty_columns",
    "member_columns",
    "order_columns",
]
