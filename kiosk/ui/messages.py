"""Translated words shared by several screens: service errors, tiers, payment methods."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from kiosk.db.faults import FaultKind, classify
from kiosk.services.errors import ServiceError

translate = QCoreApplication.translate

#: a message shown on a screen: plain text, or a function that renders it in the current
#: language (called again when the customer switches language)
Text = str | Callable[[], str]


def render(text: Text | None) -> str:
    if text is None:
        return ""
    return text if isinstance(text, str) else text()


def error_text(exc: BaseException) -> str:
    """A friendly, translated sentence for a service error; the service's own English
    message when there is no translation for its code."""
    code = getattr(exc, "code", "")
    texts = {
        "invalid_phone": translate(
            "Errors", "That is not a phone number. Please check it, e.g. 081-234-5678."
        ),
        "invalid_card": None,  # the gateway's reasons are specific; see card_error_text
        "card_declined": translate("Errors", "The card was declined by the bank."),
        "insufficient_points": translate("Errors", "You do not have enough points for that."),
        "order_not_payable": translate("Errors", "This order cannot be paid any more."),
        "member_exists": translate("Errors", "This phone number is already a member."),
        "item_unavailable": translate("Errors", "Sorry, an item in your order just sold out."),
        "invalid_order": translate("Errors", "Something in the order is not right."),
        "customer_not_found": translate("Errors", "No member has this phone number."),
        "payment_failed": translate("Errors", "The payment did not go through."),
        "idempotency_conflict": translate("Errors", "This payment was already started."),
    }
    text = texts.get(code)
    if text:
        return text
    if code == "invalid_card":
        return card_error_text(getattr(exc, "message", str(exc)))
    if isinstance(exc, ServiceError):
        return exc.message
    return translate("Errors", "Something went wrong. Please ask staff for help.")


def busy_text() -> str:
    """The database was busy (locked) for a moment: nothing was lost, try again."""
    return translate("Errors", "The kiosk is busy for a moment. Please try again.")


def fault_text(exc: BaseException, url: str = "") -> str:
    """For staff, on the calm error screen: what is wrong with the kiosk's database and
    what to do. Customers only need the "please ask staff" above it."""
    kind = classify(exc, url)
    texts = {
        FaultKind.DISK_FULL: translate(
            "Errors",
            "For staff: the kiosk's disk is full, so the order could not be saved. Nothing "
            "saved before is lost. Free some space, then tap the button below.",
        ),
        FaultKind.READ_ONLY: translate(
            "Errors",
            "For staff: the kiosk's database is read-only, so the order could not be saved. "
            "Make the database file and its folder writable, then tap the button below.",
        ),
        FaultKind.DAMAGED: translate(
            "Errors",
            "For staff: the kiosk's database file is damaged or was replaced, so the kiosk "
            "stopped saving. Put the right file back (from a backup), then tap the button "
            "below.",
        ),
        FaultKind.DISK_ERROR: translate(
            "Errors",
            "For staff: the kiosk's disk could not be written (full, removed or failing). "
            "Check the disk, then tap the button below.",
        ),
        FaultKind.CANNOT_OPEN: translate(
            "Errors",
            "For staff: the kiosk cannot open its database file. Check the file and its "
            "folder, then tap the button below.",
        ),
        FaultKind.SERVER: translate(
            "Errors",
            "For staff: the kiosk cannot reach the database server. Check the server and "
            "the network, then tap the button below.",
        ),
        FaultKind.LOCKED: translate(
            "Errors",
            "For staff: another program is holding the kiosk's database. Close it, then tap "
            "the button below.",
        ),
    }
    return texts.get(kind, "")


def cart_full_text() -> str:
    return translate(
        "Errors",
        "Your order cannot have more different dishes. "
        "Change a quantity or finish this order first.",
    )


def quantity_cap_text() -> str:
    return translate(
        "Errors",
        "You can order at most 20 of one dish here. Please ask staff for a bigger order.",
    )


def price_changed_text(total: str) -> str:
    """Staff changed a price of something in the order: ``total`` is the new one."""
    return translate(
        "Errors", "A price in your order has just changed. Your total is now %1."
    ).replace("%1", total)


def card_error_text(message: str) -> str:
    """Translate the card validator's and gateway's known sentences, keep unknown ones."""
    known = {
        "Please enter the card number.": translate("Errors", "Please enter the card number."),
        "The card number can only contain digits.": translate(
            "Errors", "The card number can only contain digits."
        ),
        "The card number must have 13 to 19 digits.": translate(
            "Errors", "The card number must have 13 to 19 digits."
        ),
        "The card number is not valid. Please check it.": translate(
            "Errors", "The card number is not valid. Please check it."
        ),
        "The expiry date must look like MM/YY, for example 08/29.": translate(
            "Errors", "The expiry date must look like MM/YY, for example 08/29."
        ),
        "This card has expired.": translate("Errors", "This card has expired."),
        "The security code (CVV) must be 3 or 4 digits.": translate(
            "Errors", "The security code (CVV) must be 3 or 4 digits."
        ),
        "Card declined by the issuing bank.": translate(
            "Errors", "Card declined by the issuing bank."
        ),
        "PromptPay payment was not confirmed by the bank.": translate(
            "Errors", "PromptPay payment was not confirmed by the bank."
        ),
        "Cancelled before payment was confirmed.": translate(
            "Errors", "Cancelled before payment was confirmed."
        ),
        "PromptPay payment timed out.": translate("Errors", "PromptPay payment timed out."),
    }
    return known.get(message, message)


def tier_name(tier: str | None) -> str:
    names = {
        "bronze": translate("Tiers", "Bronze"),
        "silver": translate("Tiers", "Silver"),
        "gold": translate("Tiers", "Gold"),
        "platinum": translate("Tiers", "Platinum"),
    }
    if not tier:
        return ""
    return names.get(tier, tier.title())


def method_name(method: str) -> str:
    names = {
        "cash": translate("Methods", "Cash"),
        "card": translate("Methods", "Card"),
        "promptpay": translate("Methods", "PromptPay"),
    }
    return names.get(method, method)


def mode_name(mode: str) -> str:
    return translate("Modes", "Take away") if mode == "take_away" else translate("Modes", "Dine in")


def points_text(points: int) -> str:
    return translate("Points", "%1 points").replace("%1", f"{points:,}")
