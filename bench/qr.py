"""The PromptPay QR as PNG bytes (``kiosk.services.qr.render_png``) against
``qrcode.make`` of the same payload saved as PNG."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from bench.common import interleaved, per_op


def run(rounds: int, per_round: int = 30) -> dict[str, Any]:
    import qrcode

    from kiosk.services.promptpay import build_payload
    from kiosk.services.qr import render_png

    payload = build_payload("0812345678", Decimal("245.00"))

    def bare() -> None:
        buffer = io.BytesIO()
        qrcode.make(payload).save(buffer, format="PNG")

    s, b, sr, br = interleaved(
        lambda: per_op(lambda: render_png(payload), per_round),
        lambda: per_op(bare, per_round),
        rounds,
    )
    return {"subject": s, "baseline": b, "subject_rounds": sr, "baseline_rounds": br}
