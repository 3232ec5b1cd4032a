"""Money rules in one place: exact THB amounts, VAT included in prices, points maths."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from kiosk.services.errors import InvalidAmount

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def to_money(value: Decimal | int | str) -> Decimal:
    """A Decimal with exactly two places; floats are refused (they cannot hold satang)."""
    if isinstance(value, float | bool):
        raise InvalidAmount("Amounts must be given as Decimal, int or text, never float.")
    try:
        amount = Decimal(value)
    except (InvalidOperation, ValueError, TypeError):
        raise InvalidAmount(f"{value!r} is not an amount of money.") from None
    if not amount.is_finite():
        raise InvalidAmount("An amount of money must be a finite number.")
    if amount != amount.quantize(CENT, rounding=ROUND_DOWN):
        raise InvalidAmount(f"{value} has more than two decimal places.")
    return amount.quantize(CENT)


def vat_included(total: Decimal, rate_percent: Decimal) -> Decimal:
    """The VAT part of a VAT-inclusive ``total`` (7% → total × 7/107), rounded half up."""
    if rate_percent == 0:
        return ZERO
    return (total * rate_percent / (Decimal(100) + rate_percent)).quantize(
        CENT, rounding=ROUND_HALF_UP
    )


def service_charge_for(food: Decimal, percent: Decimal) -> Decimal:
    """The service charge on ``food`` (VAT-inclusive prices), VAT included, half up.

    The charge is ``percent`` of the food's price before VAT, and VAT is due on food plus
    charge; with one VAT rate that equals ``percent`` of the VAT-inclusive price:
    food ฿1,070 (฿1,000 + 7%) → charge ฿100 + ฿7 VAT = ฿107 → total ฿1,177, VAT ฿77."""
    if percent <= 0 or food <= 0:
        return ZERO
    return (food * percent / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)


def after_discount(
    subtotal: Decimal, discount: Decimal, service_charge_percent: Decimal
) -> tuple[Decimal, Decimal]:
    """The service charge and the total once the points' ``discount`` is taken off the
    food: the charge is on the food after the discount (the one rule the order, the
    member screen and the review all price by)."""
    food = max(ZERO, subtotal - discount)
    charge = service_charge_for(food, service_charge_percent)
    return charge, food + charge


def points_for(amount_paid: Decimal, baht_per_point: Decimal) -> int:
    """Points earned: floor(amount paid / rate). Never negative."""
    if amount_paid <= 0:
        return 0
    return int((amount_paid / baht_per_point).to_integral_value(rounding=ROUND_DOWN))


def discount_for(points: int, points_per_baht: int) -> Decimal:
    """THB discount ``points`` buy: 10 points = 1 THB by default, satang rounded down."""
    return (Decimal(points) / Decimal(points_per_baht)).quantize(CENT, rounding=ROUND_DOWN)


def max_redeemable(total: Decimal, balance: int, points_per_baht: int) -> int:
    """The most points that can go towards ``total``: never more than the total, or the balance."""
    by_total = int((total * points_per_baht).to_integral_value(rounding=ROUND_DOWN))
    return max(0, min(balance, by_total))


def format_thb(amount: Decimal) -> str:
    """``฿1,234.50``: for receipts and screens."""
    return f"฿{amount.quantize(CENT):,.2f}"


def format_delta(amount: Decimal | str, symbol: bool = True) -> str:
    """An option's price change with its sign: ``+฿20.00``, ``−฿10.00`` (``""`` for zero).

    ``symbol=False`` gives ``+20.00`` / ``−10.00`` for receipts."""
    value = Decimal(amount).quantize(CENT)
    if not value:
        return ""
    sign = "+" if value > 0 else "−"
    return sign + (format_thb(abs(value)) if symbol else f"{abs(value):,.2f}")
