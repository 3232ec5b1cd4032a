"""Paged, sortable listings for the admin tables (no Qt: the table models sit on top).

A listing is an immutable description of "these rows, in this order": filters plus a sort
key. It answers two questions cheaply at any size:

- :meth:`Listing.count` — ``SELECT count(*)`` with the filters (an index scan);
- :meth:`Listing.page` — one page of rows at an offset, in two steps: the ids of the
  page from an index that covers the ``ORDER BY`` (``SELECT id ... ORDER BY col, id
  LIMIT n OFFSET k``), then the full rows for just those ids. A page past the middle is
  read from the other end (reversed order, smaller offset), so the last page of a million
  rows costs what the first does.

Only columns with an index can be sorted on (:attr:`Listing.sort_keys`); the filters use
indexes too (phone search hits the unique phone index; name search is a prefix range on
the name indexes; order-number search probes the (business_date, number) index for the
last :data:`NUMBER_SEARCH_DAYS` days).

The row values (:class:`~kiosk.services.views.OrderRow` ...) are in
:mod:`kiosk.services.views`; the generic part is :mod:`.base`, each table's listing has its
module (:mod:`.orders`, :mod:`.members` with the loyalty transactions, :mod:`.audit`).
"""

from __future__ import annotations

from kiosk.services.listings.audit import AuditListing
from kiosk.services.listings.base import Listing
from kiosk.services.listings.base import clean_search as clean_search
from kiosk.services.listings.members import LoyaltyListing, MemberListing
from kiosk.services.listings.orders import NUMBER_SEARCH_DAYS, OrderListing
from kiosk.services.phone import phone_prefix
from kiosk.services.views import AuditRow, LoyaltyRow, MemberRow, OrderRow

__all__ = [
    "NUMBER_SEARCH_DAYS",
    "AuditListing",
    "AuditRow",
    "Listing",
    "LoyaltyListing",
    "LoyaltyRow",
    "MemberListing",
    "MemberRow",
    "OrderListing",
    "OrderRow",
    "phone_prefix",
]
