"""Messages already on screen (payment notice, payment failure) follow a language switch."""

from __future__ import annotations

from typing import Any

from kiosk.ui.flow import Timing
from kiosk.ui.messages import card_error_text
from tests.ui.conftest import NEVER, Kiosk


def test_payment_notice_follows_a_language_switch(make_kiosk: Any) -> None:
    kiosk = make_kiosk(timing=Timing(idle_ms=NEVER, result_ms=NEVER, poll_ms=NEVER))
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.skip_member()
    kiosk.store.settings.update({"payments.promptpay_delay_seconds": 600}, staff="test")
    kiosk.tap("pay_promptpay")
    kiosk.wait_screen("promptpay")
    kiosk.tap("promptpay_cancel")
    kiosk.wait_screen("payment")
    english = kiosk.text("payment_notice")
    assert english.startswith("PromptPay was cancelled")
    kiosk.window.set_language("th")
    assert kiosk.text("payment_notice") not in ("", english)


def test_a_failure_on_the_result_screen_follows_a_language_switch(kiosk: Kiosk) -> None:
    kiosk.flow._show_failure(lambda: card_error_text("PromptPay payment timed out."))
    assert kiosk.text("result_message") == "PromptPay payment timed out."
    kiosk.window.set_language("th")
    assert kiosk.text("result_message") != "PromptPay payment timed out."
