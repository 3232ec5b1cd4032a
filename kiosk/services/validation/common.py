"""The rules most service methods share: ids, paging, staff names, reasons, prices."""

from __future__ import annotations

from kiosk.services.validation.limits import MAX_LIMIT, MAX_OFFSET
from kiosk.services.validation.rules import IdRule, Int, Money, Text

ID = IdRule()
LIMIT = Int(0, MAX_LIMIT, label="Limit")
OFFSET = Int(0, MAX_OFFSET, label="Offset")
STAFF_TOO_LONG = "A staff name can have at most 64 characters."
STAFF = Text(64, label="Staff name", too_long=STAFF_TOO_LONG)  # AuditLog.staff, Payment.staff
REASON = Text(200, label="Reason")  # fits "Refund: " + reason in Payment.message (255)
PHONE_TEXT = Text(40, nfkc=True, label="Phone number")
PRICE = Money()
POSITION = Int(0, 100_000, label="Position")
NAME = Text(100)  # menu and member names: String(100)
