"""Exceptions the services raise. Each message is fit to show a person (in English);
the UI maps ``code`` to translated text and falls back to the message."""

from __future__ import annotations

from kiosk.db.engine import DatabaseBusy, DatabaseError

# the db layer's errors, for the UI (which never imports SQLAlchemy): DatabaseError, "the
# database cannot do this", and its DatabaseBusy, "locked / busy, nothing saved"
__all__ = ["DatabaseBusy", "DatabaseError"]


class ServiceError(Exception):
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ServiceError):
    """Bad input. ``field`` names the argument or field at fault ("" when not one field)."""

    code = "invalid_input"

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class WrongType(InvalidInput):
    """A value of the wrong kind: text where a number belongs, a number for a yes/no..."""

    code = "wrong_type"


class Required(InvalidInput):
    code = "required"


class TooLong(InvalidInput):
    """Text longer than its column; ``limit`` is the most characters allowed."""

    code = "too_long"

    def __init__(self, message: str, field: str = "", limit: int = 0) -> None:
        super().__init__(message, field)
        self.limit = limit


class OutOfRange(InvalidInput):
    """A number (id, count, points, price) outside what the kiosk accepts or stores."""

    code = "out_of_range"


class InvalidText(InvalidInput):
    """Text with a character that cannot be stored: NUL, another control character, or a
    lone surrogate (half of a broken emoji)."""

    code = "invalid_text"


class UnknownField(InvalidInput):
    code = "unknown_field"


class InvalidFileName(InvalidInput):
    code = "invalid_file_name"


class InvalidPhoneNumber(InvalidInput):
    code = "invalid_phone"


class InvalidPromptPayTarget(InvalidInput):
    code = "invalid_promptpay_target"


class InvalidAmount(InvalidInput):
    code = "invalid_amount"


class InvalidPayload(InvalidInput):
    """A PromptPay / EMVCo QR payload that is malformed or fails its checksum."""

    code = "invalid_payload"


class InvalidCard(InvalidInput):
    code = "invalid_card"


class ReasonRequired(InvalidInput):
    code = "reason_required"


class NotFound(ServiceError):
    code = "not_found"


class CustomerNotFound(NotFound):
    code = "customer_not_found"


class OrderNotFound(NotFound):
    code = "order_not_found"


class PaymentNotFound(NotFound):
    code = "payment_not_found"


class MenuItemNotFound(NotFound):
    code = "menu_item_not_found"


class OptionGroupNotFound(NotFound):
    code = "option_group_not_found"


class OptionNotFound(NotFound):
    code = "option_not_found"


class MemberExists(ServiceError):
    code = "member_exists"


class ItemUnavailable(ServiceError):
    code = "item_unavailable"


class InvalidOrder(InvalidInput):
    code = "invalid_order"


class OrderNotPayable(ServiceError):
    code = "order_not_payable"


class OrderNotPaid(ServiceError):
    """A receipt was asked for an order nobody paid (pending or cancelled)."""

    code = "order_not_paid"


class InsufficientPoints(ServiceError):
    code = "insufficient_points"


class CardDeclined(ServiceError):
    code = "card_declined"


class PaymentFailed(ServiceError):
    code = "payment_failed"


class ProviderUnavailable(ServiceError):
    """The payment provider (the mock's ledger file) cannot be reached or read."""

    code = "provider_unavailable"


class IdempotencyConflict(ServiceError):
    code = "idempotency_conflict"


class RefundNotAllowed(ServiceError):
    code = "refund_not_allowed"


class InvalidStatusChange(ServiceError):
    code = "invalid_status_change"


class AuthenticationFailed(ServiceError):
    """``tries_left``: wrong PINs still allowed before a lock-out (None: unknown name)."""

    code = "authentication_failed"

    def __init__(self, message: str, tries_left: int | None = None) -> None:
        super().__init__(message)
        self.tries_left = tries_left


class LockedOut(AuthenticationFailed):
    """``seconds`` of lock left for ``name``; ``just_locked``: this attempt caused it."""

    code = "locked_out"

    def __init__(
        self, message: str, name: str = "", seconds: int = 0, just_locked: bool = False
    ) -> None:
        super().__init__(message, tries_left=0)
        self.name = name
        self.seconds = seconds
        self.just_locked = just_locked


class PermissionDenied(ServiceError):
    code = "permission_denied"
