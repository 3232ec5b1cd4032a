"""The member's controller: the member screen (phone lookup, points to redeem, the
payment buttons beside them) and signing up."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.services.errors import MemberExists, ServiceError
from kiosk.services.money import max_redeemable
from kiosk.services.views import MemberView
from kiosk.ui import i18n
from kiosk.ui.flow.session import CurrentSettings, Go, Session, payment_choices
from kiosk.ui.messages import error_text

if TYPE_CHECKING:
    from kiosk.services.customers import CustomerService
    from kiosk.ui.flow.cart import CartController
    from kiosk.ui.screens.member import MemberScreen
    from kiosk.ui.screens.signup import SignupScreen

log = logging.getLogger(__name__)

#: places the order: (member's phone or None, points to redeem, payment method or "")
PlaceOrder = Callable[[str | None, int, str], None]


class MemberController(QObject):
    """Finds or signs up the member (``session.member``) and hands the order on."""

    member_found = Signal(object)  # MemberView
    member_not_found = Signal(str)
    member_registered = Signal(object)  # MemberView

    def __init__(
        self,
        session: Session,
        customers: CustomerService,
        settings: CurrentSettings,
        cart: CartController,
        *,
        member: MemberScreen,
        signup: SignupScreen,
        go: Go,
        place_order: PlaceOrder,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.customers = customers
        self.settings = settings
        self.cart = cart
        self.screen = member
        self.signup = signup
        self.go = go
        self.place_order = place_order
        member.lookup_requested.connect(self._on_member_lookup_requested)
        member.skip_clicked.connect(self._on_member_skip_clicked)
        member.signup_clicked.connect(self._on_member_signup_clicked)
        member.pay_clicked.connect(self._on_member_pay_clicked)
        member.review_clicked.connect(self._on_member_review_clicked)
        member.change_clicked.connect(self._on_member_change_clicked)
        signup.submitted.connect(self._on_signup_submitted)
        signup.back_clicked.connect(self._on_signup_back_clicked)

    def clear(self) -> None:
        """The member screen empty for the next customer."""
        self.screen.reset()

    def open(self) -> None:
        """On to points and paying, with the current quote."""
        self.update_rules()
        self.go("member")

    def update_rules(self) -> None:
        """The member screen's "To pay" and the redeem slider follow the current quote."""
        quote = self.cart.quote
        if quote is None:
            return
        s = self.settings()
        loyalty = s.loyalty
        self.screen.set_rules(loyalty.redeem_points_per_baht, loyalty.baht_per_point, quote)
        self.screen.set_order(self.cart.cart.count, *payment_choices(s))
        member = self.session.member
        if member is not None:
            self.screen.show_member(member, self._max_redeem(member), self.screen.redeem)

    def _max_redeem(self, member: MemberView) -> int:
        quote = self.cart.quote
        total = quote.total if quote else Decimal(0)
        per_baht = self.settings().loyalty.redeem_points_per_baht
        return max_redeemable(total, member.points, per_baht)

    def _on_member_lookup_requested(self, digits: str) -> None:
        try:
            member = self.customers.find_by_phone(digits)
        except ServiceError as exc:
            self.screen.show_error(lambda e=exc: error_text(e))
            return
        if member is None:
            self.session.member = None
            self.screen.show_not_found()
            self.member_not_found.emit(digits)
            return
        self.session.member = member
        self.screen.show_member(member, self._max_redeem(member))
        self.member_found.emit(member)

    def _on_member_change_clicked(self) -> None:
        self.session.member = None
        self.screen.reset()

    def _on_member_skip_clicked(self) -> None:
        self.session.member = None
        self.place_order(None, 0, "")

    def _on_member_pay_clicked(self, method: str, points: int) -> None:
        """A payment method chosen beside the member's points: the order is placed and
        paid the same way as from the payment screen, one screen sooner."""
        member = self.session.member
        if member is None:
            self.place_order(None, 0, method)
        else:
            self.place_order(member.phone, points, method)

    def _on_member_review_clicked(self) -> None:
        if self.cart.cart:
            self.cart.show_review(self.screen.redeem if self.session.member else 0)
            self.go("review")

    def _on_member_signup_clicked(self, digits: str) -> None:
        self.signup.reset(digits, i18n.current_language())
        self.go("signup")

    def _on_signup_submitted(self, digits: str, first_name: str, consent: bool) -> None:
        try:
            member = self.customers.register(digits, first_name, sms_marketing=consent)
        except MemberExists:
            member = self.customers.find_by_phone(digits)
            if member is None:  # pragma: no cover - raced with a delete
                return
        except ServiceError as exc:
            self.signup.show_error(lambda e=exc: error_text(e))
            return
        else:
            self.member_registered.emit(member)
        self.session.member = member
        self.screen.set_phone(digits)
        self.screen.show_member(member, self._max_redeem(member))
        self.go("member")

    def _on_signup_back_clicked(self) -> None:
        self.go("member")
