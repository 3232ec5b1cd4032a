"""Payments: the three crash-safe steps of :class:`PaymentService` (``service``, ``settle``),
staff operations and recovery (``staff_ops``), results, PromptPay targets, the presence
locks and the hot path's statements."""

from kiosk.services.payments.results import SEED_KEYS, PaymentResult, PendingPromptPay
from kiosk.services.payments.service import PaymentService
from kiosk.services.payments.targets import (
    CRASH_ENV,
    CRASH_STEPS,
    DEMO_PROMPTPAY_ID,
    EXAMPLE_PROMPTPAY_ID,
    is_demo_target,
    promptpay_target,
    promptpay_target_problem,
)

__all__ = [
    "CRASH_ENV",
    "CRASH_STEPS",
    "DEMO_PROMPTPAY_ID",
    "EXAMPLE_PROMPTPAY_ID",
    "SEED_KEYS",
    "PaymentResult",
    "PaymentService",
    "PendingPromptPay",
    "is_demo_target",
    "promptpay_target",
    "promptpay_target_problem",
]
