"""Service messages in the admin panel's language.

The services raise errors carrying an English sentence fit to show a person. The panel
shows ``tr(message)``: the sentences staff meet most are listed below (``QT_TR_NOOP``
puts them in the catalogue), so they read in Thai too; a sentence with numbers or names
in it stays in English, except the sign-in failures, which carry their numbers
(:class:`~kiosk.services.errors.AuthenticationFailed`, ``LockedOut``) and get sentences
of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from kiosk.services.errors import AuthenticationFailed, LockedOut, ServiceError
from kiosk.ui.admin.format import tr

SERVICE_MESSAGES = (
    # staff and roles (kiosk/services/staff/)
    QT_TR_NOOP("Only a manager or the owner can refund."),
    QT_TR_NOOP("Only a manager or the owner can adjust points."),
    QT_TR_NOOP("Only a manager or the owner can change settings."),
    QT_TR_NOOP("Only the owner can change the PromptPay ID."),
    QT_TR_NOOP("Only a manager or the owner can manage staff."),
    QT_TR_NOOP("Only an owner can manage owner accounts."),
    QT_TR_NOOP("Only a manager or the owner can edit the menu."),
    QT_TR_NOOP("Only a manager or the owner can see the audit log."),
    QT_TR_NOOP("Only a manager or the owner can export data."),
    QT_TR_NOOP("Only a manager or the owner can leave kiosk mode."),
    # PDPA (kiosk/services/privacy.py)
    QT_TR_NOOP("Only a manager or the owner can export a member's data."),
    QT_TR_NOOP("Only a manager or the owner can erase a member."),
    QT_TR_NOOP("Give a reason for erasing the member, e.g. 'asked by e-mail'."),
    QT_TR_NOOP("This member's personal data was already erased."),
    QT_TR_NOOP("This member's personal data was erased; it cannot be edited."),
    QT_TR_NOOP("You are not allowed to do that."),
    QT_TR_NOOP("This staff account is disabled. Sign in again."),
    QT_TR_NOOP("Wrong name or PIN."),
    QT_TR_NOOP("A PIN is 4 to 8 digits."),
    QT_TR_NOOP("Enter the staff member's name."),
    QT_TR_NOOP("A staff name can have at most 64 characters."),
    QT_TR_NOOP("The last owner cannot be demoted or disabled."),
    QT_TR_NOOP("That staff account does not exist."),
    # menu, option groups and options (kiosk/services/menu/)
    QT_TR_NOOP("Enter the English name."),
    QT_TR_NOOP("Enter the Thai name."),
    QT_TR_NOOP("A name can have at most 100 characters."),
    QT_TR_NOOP("How many to choose must be a whole number."),
    QT_TR_NOOP("Customers must be able to choose at least one option."),
    QT_TR_NOOP("Customers can choose at most 20 options of a group."),
    QT_TR_NOOP("The minimum cannot be below zero."),
    QT_TR_NOOP("The minimum cannot be more than the maximum."),
    # members and points (kiosk/services/customers.py, loyalty.py)
    QT_TR_NOOP("Please enter a first name."),
    QT_TR_NOOP("That name is too long."),
    QT_TR_NOOP("That member does not exist."),
    QT_TR_NOOP("Birth date must look like 1990-04-13."),
    QT_TR_NOOP("Another member already has that phone number."),
    QT_TR_NOOP("No member has that phone number."),
    QT_TR_NOOP("A reason is required to adjust points."),
    QT_TR_NOOP("Enter a whole number of points other than zero."),
    # payments (kiosk/services/payments/)
    QT_TR_NOOP("A reason is required for a refund."),
    QT_TR_NOOP("This payment was refunded already."),
    QT_TR_NOOP("Only cash or PromptPay can be marked as received."),
    # PromptPay ID in the settings (kiosk/services/promptpay.py)
    QT_TR_NOOP("A PromptPay ID is made of digits only."),
    QT_TR_NOOP("A national ID or tax ID has 13 digits."),
    QT_TR_NOOP("An e-wallet ID has 15 digits."),
    QT_TR_NOOP("A Thai mobile number starts with 06, 08 or 09. Please check the number."),
    QT_TR_NOOP(
        "A PromptPay ID may contain only digits, spaces and dashes (and a + before a country code)."
    ),
    QT_TR_NOOP("A Thai mobile number has 9 digits after +66 (for example +66 81 234 5678)."),
    QT_TR_NOOP("Only Thai mobile numbers (+66) can receive PromptPay."),
    QT_TR_NOOP(
        "This national ID or tax ID is not valid: its check digit does not match. "
        "Please check the number for a typo."
    ),
    QT_TR_NOOP(
        "This looks like a landline number. PromptPay needs a mobile number "
        "(10 digits, for example 081-234-5678)."
    ),
    # money (kiosk/services/money.py)
    QT_TR_NOOP("Amounts must be given as Decimal, int or text, never float."),
    QT_TR_NOOP("An amount of money must be a finite number."),
)


def duration(seconds: int) -> str:
    """``30 seconds``, ``2 minutes``, ``3 hours`` (the same rounding as the service)."""
    if seconds < 90:
        return tr("{n} seconds").format(n=seconds)
    if seconds < 5400:
        return tr("{n} minutes").format(n=round(seconds / 60))
    return tr("{n} hours").format(n=round(seconds / 3600))


def service_message(exc: ServiceError) -> str:
    """The sentence for a person, in the admin's language where we have it."""
    if isinstance(exc, LockedOut) and exc.name:
        text = (
            tr("Too many wrong PINs. {name} is locked for {duration}.")
            if exc.just_locked
            else tr("Too many wrong PINs. {name} is locked for {duration} more.")
        )
        return text.format(name=exc.name, duration=duration(exc.seconds))
    if isinstance(exc, AuthenticationFailed) and exc.tries_left is not None:
        if exc.tries_left == 1:
            return tr("Wrong PIN. 1 try left before a lock-out.")
        return tr("Wrong PIN. {n} tries left before a lock-out.").format(n=exc.tries_left)
    if exc.code == "reason_required":
        return tr("Please give a reason.")
    return tr(exc.message)
