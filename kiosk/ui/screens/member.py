"""Member: phone number on a big keypad; found → name, tier, balance, redeem; not found →
sign up; or skip."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QWidget,
)

from kiosk.services.money import after_discount, discount_for, format_thb, points_for
from kiosk.services.views import MemberView, QuoteView
from kiosk.ui import theme
from kiosk.ui.messages import Text, points_text, render, tier_name
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.member_pay import MemberPayBox
from kiosk.ui.screens.typed_phone import TypedPhone, format_typed_phone
from kiosk.ui.widgets.common import button, card, hbox, label, set_state, vbox
from kiosk.ui.widgets.keypad import NumericKeypad


def format_amount(value: Decimal) -> str:
    """10 → "10", 12.50 → "12.5": trailing zeros of the fraction only (``"10".rstrip("0")``
    made the ฿10 rule a ฿1 promise)."""
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class MemberScreen(Screen):
    screen_name = "member"
    step = "member"

    lookup_requested = Signal(str)
    skip_clicked = Signal()
    signup_clicked = Signal(str)
    redeem_changed = Signal(int)
    #: a payment method chosen beside the member's points: method, points to redeem
    pay_clicked = Signal(str, int)
    change_clicked = Signal()
    #: "See order": the order line by line, on the Review screen
    review_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.typed_phone = TypedPhone()
        self.member: MemberView | None = None
        self.points_per_baht = 10
        self.baht_per_point = Decimal(10)
        self.total = Decimal(0)
        self.subtotal = Decimal(0)
        self.service_charge_percent = Decimal(0)
        self.max_redeem = 0
        self.state = "intro"
        self._error: Text = ""
        self.pay_at_counter = False
        self.promptpay_available = True
        self.item_count = 0

        self.root = QGridLayout(self)
        self.root.setContentsMargins(40, 24, 40, 24)
        self.root.setHorizontalSpacing(32)
        self.root.setVerticalSpacing(24)

        # -- left: phone entry ----------------------------------------------------------------
        self.entry = card("member_entry", "panel")
        e = vbox(self.entry, spacing=14)
        e.setContentsMargins(32, 20, 32, 20)
        self.title = label("member_title", "title", wrap=True)
        self.see_order = button("member_see_order", "ghost", "forward", "green-800", 28)
        self.see_order.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.see_order.clicked.connect(self.review_clicked)
        self.subtitle = label("member_subtitle", "muted", wrap=True)
        self.phone = label("member_phone", "display", align=Qt.AlignmentFlag.AlignCenter)
        self.error = label("member_error", "error", wrap=True)
        self.error.hide()
        self.keypad = NumericKeypad("member_keypad")
        self.keypad.digit_pressed.connect(self._on_keypad_digit_pressed)
        self.keypad.backspace_pressed.connect(self._on_keypad_backspace_pressed)
        self.keypad.clear_pressed.connect(self._on_keypad_clear_pressed)
        self.lookup = button("member_lookup", "dark")
        self.lookup.setProperty("size", "lg")
        self.lookup.clicked.connect(self._on_lookup_clicked)
        self.skip = button("member_skip", "ghost")
        self.skip.clicked.connect(self.skip_clicked)
        head = hbox(spacing=12)
        head.addWidget(self.title, 1)
        head.addWidget(self.see_order, 0, Qt.AlignmentFlag.AlignTop)
        e.addLayout(head)
        for w in (self.subtitle, self.phone, self.error):
            e.addWidget(w)
        e.addWidget(self.keypad, 1)
        actions = hbox(spacing=16)
        actions.addWidget(self.skip, 2)
        actions.addWidget(self.lookup, 3)
        e.addLayout(actions)

        # -- right: what we know ----------------------------------------------------------
        self.info = card("member_info", "panel")
        i_lay = vbox(self.info)
        i_lay.setContentsMargins(36, 24, 36, 24)
        self._info_lay = i_lay
        self._entry_lay = e
        self.pages = QStackedWidget()
        # in large text a member's page may be taller than the panel: it scrolls, never cuts
        self.info_scroll = QScrollArea()
        self.info_scroll.setObjectName("member_info_scroll")
        self.info_scroll.setWidgetResizable(True)
        self.info_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.info_scroll.setWidget(self.pages)
        i_lay.addWidget(self.info_scroll, 1)
        self.pay_box = self._pay_box()
        i_lay.addWidget(self.pay_box)
        self.pages.addWidget(self._intro_page())
        self.pages.addWidget(self._found_page())
        self.pages.addWidget(self._not_found_page())
        self.set_portrait(False)
        self.show_state("intro")
        self.retranslate_ui()

    # -- pages ------------------------------------------------------------------------------
    def _intro_page(self) -> QWidget:
        page = QWidget()
        lay = vbox(page, spacing=18)
        self.intro_title = label("member_intro_title", "subtitle", wrap=True)
        lay.addWidget(self.intro_title)
        self.benefits = []
        for n in range(3):
            lab = label(f"member_benefit_{n}", "body", wrap=True)
            self.benefits.append(lab)
            lay.addWidget(lab)
        self.tiers_note = label("member_tiers_note", "muted", wrap=True)
        lay.addWidget(self.tiers_note)
        lay.addStretch(1)
        return page

    def _found_page(self) -> QWidget:
        page = QWidget()
        lay = vbox(page, spacing=14)
        self.welcome_back = label("member_welcome_back", "muted", wrap=True)
        self.change = button("member_change", "ghost")
        self.change.clicked.connect(self.change_clicked)
        top = hbox(spacing=12)
        top.addWidget(self.welcome_back, 1)
        top.addWidget(self.change)
        lay.addLayout(top)
        row = hbox(spacing=16)
        self.name = label("member_name", "title", elide=True)
        self.tier = label("member_tier", "tier")
        row.addWidget(self.name)
        row.addWidget(self.tier)
        row.addStretch(1)
        lay.addLayout(row)
        self.balance = label("member_points", "points-big")
        lay.addWidget(self.balance)
        self.next_tier = label("member_next_tier", "muted", wrap=True)
        self.progress = QProgressBar()
        self.progress.setObjectName("member_progress")
        self.progress.setTextVisible(False)
        lay.addWidget(self.next_tier)
        lay.addWidget(self.progress)

        self.redeem_box = card("member_redeem_box", "soft")
        r = vbox(self.redeem_box, spacing=10)
        r.setContentsMargins(24, 20, 24, 20)
        self.redeem_title = label("member_redeem_title", "subtitle")
        self.redeem_max = button("redeem_max", "ghost")
        self.redeem_max.clicked.connect(lambda: self.slider.setValue(self.slider.maximum()))
        trow = hbox(spacing=12)
        trow.addWidget(self.redeem_title, 1)
        trow.addWidget(self.redeem_max)
        r.addLayout(trow)
        srow = hbox(spacing=14)
        self.redeem_minus = button("redeem_minus", "stepper")
        self.redeem_minus.setText("−")
        self.redeem_minus.clicked.connect(lambda: self._nudge(-1))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("redeem_points")
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.redeem_plus = button("redeem_plus", "stepper")
        self.redeem_plus.setText("+")
        self.redeem_plus.clicked.connect(lambda: self._nudge(1))
        srow.addWidget(self.redeem_minus)
        srow.addWidget(self.slider, 1)
        srow.addWidget(self.redeem_plus)
        r.addLayout(srow)
        self.redeem_value = label("redeem_value", "body", wrap=True)
        r.addWidget(self.redeem_value)
        lay.addWidget(self.redeem_box)
        lay.addStretch(1)
        return page

    def _pay_box(self) -> MemberPayBox:
        """How to pay, right here (:class:`MemberPayBox`); its parts keep their names on
        the screen."""
        box = MemberPayBox()
        box.chosen.connect(lambda method: self.pay_clicked.emit(method, self.redeem))
        self.new_total, self.earn, self.pay_caption = box.new_total, box.earn, box.pay_caption
        self.methods, self.method_buttons = box.methods, box.method_buttons
        self.confirm_free = box.confirm_free
        return box

    def _not_found_page(self) -> QWidget:
        page = QWidget()
        lay = vbox(page, spacing=20)
        self.nf_title = label("member_not_found", "subtitle", wrap=True)
        self.nf_body = label("member_not_found_body", "body", wrap=True)
        lay.addWidget(self.nf_title)
        lay.addWidget(self.nf_body)
        self.signup = button("member_signup", "primary")
        self.signup.setProperty("size", "lg")
        self.signup.clicked.connect(lambda: self.signup_clicked.emit(self.digits))
        lay.addWidget(self.signup)
        self.nf_skip = button("member_not_found_skip", "secondary")
        self.nf_skip.clicked.connect(self.skip_clicked)
        lay.addWidget(self.nf_skip)
        lay.addStretch(1)
        return page

    # -- view API ----------------------------------------------------------------------------
    def set_rules(self, points_per_baht: int, baht_per_point: Decimal, quote: QuoteView) -> None:
        """The loyalty rules and the cart as quoted (the service charge is on the food
        after the points' discount)."""
        self.points_per_baht = points_per_baht
        self.baht_per_point = baht_per_point
        self.total, self.subtotal = quote.total, quote.subtotal
        self.service_charge_percent = quote.service_charge_rate
        self.retranslate_ui()

    def set_order(
        self, item_count: int, pay_at_counter: bool, promptpay_available: bool = True
    ) -> None:
        """What the order holds ("See order") and which payment choices the shop offers."""
        self.item_count = item_count
        self.pay_at_counter = pay_at_counter
        self.promptpay_available = promptpay_available
        self.method_buttons["promptpay"].setVisible(promptpay_available)
        self.retranslate_ui()

    def reset(self) -> None:
        self.typed_phone.clear()
        self.member = None
        self.max_redeem = 0
        self._error = ""
        self.show_state("intro")
        self._update_phone()

    @property
    def digits(self) -> str:
        """The number typed so far (with the given 0)."""
        return self.typed_phone.digits

    def set_phone(self, digits: str) -> None:
        self.typed_phone.set(digits)
        self._update_phone()

    def show_state(self, state: str) -> None:
        self.state = state
        index = {"intro": 0, "found": 1, "not_found": 2}[state]
        self.pages.setCurrentIndex(index)
        # the stack asks for the room of the page shown, not of its tallest page (the
        # member page's height pushed the keypad's bottom row off a portrait screen)
        for i in range(self.pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.pages.widget(i).setSizePolicy(policy, policy)
        self.pages.updateGeometry()
        self.pay_box.setVisible(state == "found")
        self.error.setVisible(bool(self._error))
        self._fit()

    def _fit(self) -> None:
        """A found member needs the room more than the keypad does ("Not you?" brings it
        back). In landscape the payment choices then take the keypad's place on the left,
        so the member's page has the whole right panel and needs no scrolling."""
        compact = self.state == "found"
        for w in (self.keypad, self.lookup, self.skip, self.subtitle):
            w.setVisible(not compact)
        beside = not self.portrait
        home = self._entry_lay if beside else self._info_lay
        if home.indexOf(self.pay_box) < 0:
            (self._info_lay if beside else self._entry_lay).removeWidget(self.pay_box)
            if beside:
                home.addWidget(self.pay_box, 1, Qt.AlignmentFlag.AlignBottom)
            else:
                home.addWidget(self.pay_box)
        if self.portrait:
            self.root.setRowStretch(0, 0 if compact else 3)
            self.root.setRowStretch(1, 1 if compact else 2)

    def show_member(self, member: MemberView, max_redeem: int, redeem: int = 0) -> None:
        self.member = member
        self.max_redeem = max_redeem
        self._error = ""
        self.slider.blockSignals(True)
        self.slider.setRange(0, max_redeem)
        self.slider.setSingleStep(self.points_per_baht)
        self.slider.setPageStep(self.points_per_baht * 10)
        self.slider.setValue(min(redeem, max_redeem))
        self.slider.blockSignals(False)
        self.tier.setProperty("tier", member.tier)
        theme.restyle(self.tier)
        self.show_state("found")
        self.retranslate_ui()

    def show_not_found(self) -> None:
        self.member = None
        self._error = ""
        self.show_state("not_found")
        self.retranslate_ui()

    def show_error(self, text: Text) -> None:
        """``text`` may be a function: it is rendered again on a language switch."""
        self._error = text
        self.error.setText(render(text))
        self.error.show()

    @property
    def redeem(self) -> int:
        return self.slider.value() if self.member and self.max_redeem else 0

    # -- slots -------------------------------------------------------------------------------
    def _on_keypad_digit_pressed(self, digit: str) -> None:
        before = self.digits
        self.typed_phone.press(digit)
        self._typed(before)
        if self.digits != before and self.complete():  # the last digit: look it up now
            self.lookup_requested.emit(self.digits)

    def _typed(self, before: str) -> None:
        """After a key: the message goes, and a "not a member yet" answer about the number
        that was there goes with it (its Join button would sign up the number now shown)."""
        self._clear_error()
        if self.state == "not_found" and self.digits != before:
            self.show_state("intro")
        self._update_phone()

    def complete(self) -> bool:
        """A whole mobile number (0 + 9 digits). A 9-digit landline needs "Find my points"."""
        return self.typed_phone.complete

    def _on_keypad_backspace_pressed(self) -> None:
        before = self.digits
        self.typed_phone.backspace()
        self._typed(before)

    def _on_keypad_clear_pressed(self) -> None:
        before = self.digits
        self.typed_phone.clear()
        self._typed(before)

    def _on_lookup_clicked(self) -> None:
        self.lookup_requested.emit(self.digits)

    def _on_slider_value_changed(self, value: int) -> None:
        self._update_redeem_texts()
        self.redeem_changed.emit(value)

    def _nudge(self, direction: int) -> None:
        step = self.points_per_baht * 5
        value = self.slider.value() + direction * step
        value = (value // step) * step if direction > 0 else -((-value) // step) * step
        self.slider.setValue(max(0, min(self.max_redeem, value)))

    def _clear_error(self) -> None:
        if self._error:
            self._error = ""
            self.error.hide()

    def _update_phone(self) -> None:
        set_state(self.phone, "active" if self.typed_phone.typed else "")
        self.phone.setText(self.typed_phone.shown())
        self.lookup.setEnabled(self.typed_phone.can_look_up)

    def _update_redeem_texts(self) -> None:
        value = self.slider.value()
        discount = discount_for(value, self.points_per_baht)
        self.redeem_value.setText(
            self.tr("Use %1 points  ·  −%2")
            .replace("%1", f"{value:,}")
            .replace("%2", format_thb(discount))
        )
        self.redeem_minus.setEnabled(value > 0)
        self.redeem_plus.setEnabled(value < self.max_redeem)
        _, new_total = after_discount(self.subtotal, discount, self.service_charge_percent)
        self.new_total.setText(self.tr("To pay: %1").replace("%1", format_thb(new_total)))
        earn = points_for(new_total, self.baht_per_point)
        self.earn.setText(
            self.tr("You will earn %1 points with this order.").replace("%1", f"{earn:,}")
        )
        free = new_total <= 0
        self.methods.setVisible(not free)
        self.confirm_free.setVisible(free)

    # -- layout, language --------------------------------------------------------------------
    def set_portrait(self, portrait: bool) -> None:
        super().set_portrait(portrait)
        self.root.removeWidget(self.entry)
        self.root.removeWidget(self.info)
        if portrait:
            self.root.addWidget(self.entry, 0, 0)
            self.root.addWidget(self.info, 1, 0)
            self.root.setColumnStretch(1, 0)
            self.root.setRowStretch(0, 3)
            self.root.setRowStretch(1, 2)
        else:
            self.root.addWidget(self.entry, 0, 0)
            self.root.addWidget(self.info, 0, 1)
            self.root.setColumnStretch(0, 1)
            self.root.setColumnStretch(1, 1)
            self.root.setRowStretch(0, 1)
            self.root.setRowStretch(1, 0)
        self._fit()

    def retranslate_ui(self) -> None:
        if self._error:
            self.error.setText(render(self._error))
        self.title.setText(self.tr("Collect points"))
        self.see_order.setText(self.tr("See order · %1").replace("%1", format_thb(self.total)))
        one = self.tr("See your order line by line: 1 item, %2")  # never "1 items"
        many = self.tr("See your order line by line: %1 items, %2")
        see = one if self.item_count == 1 else many
        self.see_order.setAccessibleName(
            see.replace("%1", str(self.item_count)).replace("%2", format_thb(self.total))
        )
        self.subtitle.setText(
            self.tr("Enter your mobile number to earn and use points. The 0 is already there.")
        )
        self.lookup.setText(self.tr("Find my points"))
        self.skip.setText(self.tr("Continue without points"))
        self.keypad.retranslate_ui()
        self.intro_title.setText(self.tr("Why join?"))
        baht = format_amount(self.baht_per_point)
        self.benefits[0].setText(self.tr("•  1 point for every ฿%1 you spend").replace("%1", baht))
        self.benefits[1].setText(
            self.tr("•  %1 points = ฿1 off your next order").replace(
                "%1", str(self.points_per_baht)
            )
        )
        self.benefits[2].setText(self.tr("•  Sign up here in seconds, no app needed"))
        self.tiers_note.setText(
            self.tr(
                "Bronze, Silver, Gold and Platinum members: the more you eat, the higher you go."
            )
        )
        m = self.member
        if m is not None:
            brand_new = m.visits_count == 0 and m.lifetime_points == 0
            self.welcome_back.setText(
                self.tr("Welcome! You are a member now.") if brand_new else self.tr("Welcome back")
            )
            self.name.setText(m.masked_name)
            self.tier.setText(tier_name(m.tier))
            self.balance.setText(points_text(m.points))
            if m.points_to_next_tier is None or m.next_tier is None:
                self.next_tier.setText(self.tr("You are at our top tier. Thank you!"))
                self.progress.setRange(0, 1)
                self.progress.setValue(1)
            else:
                self.next_tier.setText(
                    self.tr("%1 more points to reach %2")
                    .replace("%1", f"{m.points_to_next_tier:,}")
                    .replace("%2", tier_name(m.next_tier))
                )
                goal = m.lifetime_points + m.points_to_next_tier
                self.progress.setRange(0, goal)
                self.progress.setValue(m.lifetime_points)
            self.redeem_box.setVisible(self.max_redeem > 0)
            self.redeem_title.setText(self.tr("Use your points"))
            self.redeem_max.setText(self.tr("Use all"))
            self.redeem_minus.setAccessibleName(self.tr("Use fewer points"))
            self.redeem_plus.setAccessibleName(self.tr("Use more points"))
            self.slider.setAccessibleName(self.tr("Points to use"))
            self.pay_caption.setText(self.tr("Pay with"))
            self.method_buttons["cash"].setText(
                self.tr("Cash at counter") if self.pay_at_counter else self.tr("Cash")
            )
            self.method_buttons["card"].setText(self.tr("Card"))
            self.method_buttons["promptpay"].setText(self.tr("PromptPay"))
            self.confirm_free.setText(self.tr("Confirm order"))
            self.change.setText(self.tr("Not you? Change number"))
            self._update_redeem_texts()
        self.nf_title.setText(
            self.tr("%1 is not a member yet").replace("%1", format_typed_phone(self.digits))
        )
        self.nf_body.setText(
            self.tr("Join now and earn points on this order. We only need your first name.")
        )
        self.signup.setText(self.tr("Join and earn points"))
        self.nf_skip.setText(self.tr("Continue without points"))
        self._update_phone()
