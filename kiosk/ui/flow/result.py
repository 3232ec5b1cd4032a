"""The Result screen's controller (paid, waiting at the counter, or failed) and the
receipt's (written as a PDF on the thread pool once the order is paid)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kiosk.services.payments import PaymentResult
from kiosk.services.views import OrderView
from kiosk.ui.flow.session import CurrentSettings, Go, Session, SessionTasks, Timeouts
from kiosk.ui.messages import Text, render
from kiosk.ui.receipt import receipt_path, write_order_receipt

if TYPE_CHECKING:
    from kiosk.services.orders import OrderService
    from kiosk.services.receipts import ReceiptService
    from kiosk.ui.screens.result import ResultScreen

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class ReceiptController(QObject):
    """Writes the paid order's receipt (``session.receipt``) and says so on the Result
    screen."""

    receipt_saved = Signal(object)  # Path

    def __init__(
        self,
        session: Session,
        tasks: SessionTasks,
        receipts: ReceiptService,
        settings: CurrentSettings,
        *,
        result: ResultScreen,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.receipts = receipts
        self.settings = settings
        self.screen = result

    def save(self, order: OrderView) -> None:
        path = receipt_path(self.settings().receipts_dir, order)
        self.tasks.submit(
            write_order_receipt,  # the receipt model, with its running number
            self.receipts,
            order.id,
            path,
            on_done=self._on_receipt_done,
            on_failed=self._on_receipt_failed,
        )

    def _on_receipt_done(self, path: Path) -> None:
        self.session.receipt = path
        self.screen.set_receipt(lambda: translate("KioskFlow", "Your receipt has been saved."))
        self.receipt_saved.emit(path)

    def _on_receipt_failed(self, exc: BaseException) -> None:
        log.error("could not write the receipt", exc_info=exc)
        self.screen.set_receipt(
            lambda: translate(
                "KioskFlow", "The receipt could not be saved. Please ask staff for a copy."
            )
        )


class ResultController(QObject):
    """Shows how the payment ended (``session.last_result``) and where the customer goes
    from there: Done (or the timeout) for the next customer, Retry, or Cancel order."""

    order_paid = Signal(object)  # PaymentResult
    payment_failed = Signal(str)
    #: Done, or the screen timed out: on to the next customer
    finished = Signal()
    #: Try again: back to the payment choices (a new attempt)
    retry_requested = Signal()
    #: Cancel order: the customer leaves
    cancel_requested = Signal()

    def __init__(
        self,
        session: Session,
        orders: OrderService,
        timeouts: Timeouts,
        receipt: ReceiptController,
        *,
        result: ResultScreen,
        go: Go,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.orders = orders
        self.timeouts = timeouts
        self.receipt = receipt
        self.screen = result
        self.go = go
        result.done_clicked.connect(self.finished)
        result.timed_out.connect(self.finished)
        result.retry_clicked.connect(self.retry_requested)
        result.cancel_clicked.connect(self.cancel_requested)

    def stop(self) -> None:
        """The screen's countdown to the next customer stops."""
        self.screen.stop()

    def show_success(self, result: PaymentResult) -> None:
        self.session.last_result = result
        order = self.orders.get(result.order_id)
        self.session.order = order
        at_counter = result.status == "awaiting_counter"
        self.screen.show_success(
            order.number,
            order.mode,
            result.points_earned,
            result.points_balance,
            result.tier,
            result.tier_upgraded,
            self.timeouts.result_ms(),
            at_counter=at_counter,
            amount_due=result.amount if at_counter else None,
        )
        self.screen.set_receipt("")
        self.go("result")
        if result.success:
            log.info("order %s paid by %s", order.number, result.payment_method)
            self.order_paid.emit(result)
            self.receipt.save(order)

    def show_failure(self, reason: Text) -> None:
        self.screen.show_failure(reason)
        self.go("result")
        self.payment_failed.emit(render(reason))
