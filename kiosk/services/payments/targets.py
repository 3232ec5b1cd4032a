"""Whom a PromptPay QR pays: the shop's target, the example and the demo numbers the
kiosk refuses or marks, and the crash points the kill tests stop a payment at."""

from __future__ import annotations

import logging
import os
import signal

from kiosk.services.errors import (
    InvalidPromptPayTarget,
)
from kiosk.services.promptpay import PromptPayTarget, normalize_target

log = logging.getLogger("kiosk.services.payments")

#: the example PromptPay number of the sample configuration (also a demo member's phone):
#: a QR for it would pay whoever owns that number, so the kiosk refuses it
EXAMPLE_PROMPTPAY_ID = "0812345678"
#: the demo's PromptPay target: an e-wallet ID no bank issues, so a scanned demo QR can
#: never pay anybody ("demo, no money moves" on screen)
DEMO_PROMPTPAY_ID = "000000000000000"

#: names a step of a payment at which the process kills itself (the crash tests):
#: ``"after_charge"`` or ``"after_charge:3"`` (the third time it gets there)
CRASH_ENV = "KIOSK_TEST_CRASH_AT"
CRASH_STEPS = (
    "before_pending",
    "after_pending",
    "after_charge",
    "after_txn",
    "in_settle",
    "after_settle",
    "after_refund_claim",
    "after_provider_refund",
)
_crash_counts: dict[str, int] = {}


def _crash_point(step: str) -> None:
    """A no-op unless :data:`CRASH_ENV` names ``step``: then ``SIGKILL`` this process, as a
    power cut would, so the tests can prove recovery at every step of a payment."""
    spec = os.environ.get(CRASH_ENV)
    if not spec:
        return
    name, _, nth = spec.partition(":")
    if name != step:
        return
    _crash_counts[step] = _crash_counts.get(step, 0) + 1
    if _crash_counts[step] >= int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)


def promptpay_target_problem(target: str) -> str | None:
    """Why ``target`` cannot receive customers' PromptPay payments, or ``None`` if it can:
    unset, not a PromptPay ID, or the example number of the sample configuration."""
    if not (target or "").strip():
        return (
            "PromptPay is off: no PromptPay ID is set. Set [store] promptpay_id (or "
            "KIOSK_PROMPTPAY_ID, or Settings in the admin panel) to the shop's own PromptPay ID."
        )
    try:
        parsed = normalize_target(target)
    except InvalidPromptPayTarget as exc:
        return f"PromptPay is off: the PromptPay ID is not valid ({exc})"
    if parsed == normalize_target(EXAMPLE_PROMPTPAY_ID):
        return (
            f"PromptPay is off: the PromptPay ID is the example number {EXAMPLE_PROMPTPAY_ID}, "
            "and customers would pay whoever owns it. Set [store] promptpay_id (or "
            "KIOSK_PROMPTPAY_ID, or Settings in the admin panel) to the shop's own PromptPay ID."
        )
    return None


def promptpay_target(target: str) -> PromptPayTarget | None:
    """The shop's PromptPay target if customers may pay it, else ``None``."""
    return None if promptpay_target_problem(target) else normalize_target(target)


def is_demo_target(target: str) -> bool:
    try:
        return normalize_target(target) == normalize_target(DEMO_PROMPTPAY_ID)
    except InvalidPromptPayTarget:
        return False


# The payment services open in this process: owner id → ids of the payments it is
# working on right now (in this process we know exactly, not just "alive").
