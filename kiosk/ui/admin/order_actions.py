"""What staff do with the order shown in the Orders screen's detail: change its status,
take a cash or PromptPay payment, refund, reprint the receipt or the kitchen ticket, issue
a full tax invoice. Each asks first where it should, goes through the staff actions (the
services check the permission again) and shows the result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kiosk.services.documents import PrintDocument
from kiosk.services.staff import Permission, StaffView
from kiosk.services.views import OrderView
from kiosk.ui.admin.context import AdminContext
from kiosk.ui.admin.format import method_label, money, tr
from kiosk.ui.admin.order_detail import OrderDetail


class OrderActions:
    """Mixed into :class:`kiosk.ui.admin.orders.OrdersScreen`: the handlers of
    :class:`OrderDetail`'s requests. The screen provides ``ctx``, ``detail``,
    ``last_receipt`` (the last PDF written) and ``_after_change`` (show the changed order);
    the screen itself is the parent of the questions asked."""

    ctx: AdminContext
    detail: OrderDetail
    last_receipt: Path | None

    def _after_change(self, order: OrderView | None) -> None:
        raise NotImplementedError

    def _on_detail_status_requested(self, status: str) -> None:
        order = self.detail.order
        if order is None:
            return
        if status == "cancelled" and not self.ctx.dialogs.confirm(
            self,
            tr("Cancel order"),
            tr("Cancel order {number}? Redeemed points go back to the member.").format(
                number=order.number
            ),
        ):
            return
        result = self.ctx.attempt(
            self,
            tr("Change status"),
            lambda: self.ctx.actions.set_status(self.ctx.staff, order.id, status),
        )
        if result is not None:
            self._after_change(result)

    def _on_detail_paid_requested(self, method: str) -> None:
        order = self.detail.order
        if order is None:
            return
        if not self.ctx.dialogs.confirm(
            self,
            tr("Payment received"),
            tr("{method} of {amount} received for order {number}?").format(
                method=method_label(method), amount=money(order.total), number=order.number
            ),
        ):
            return
        result = self.ctx.attempt(
            self,
            tr("Payment received"),
            lambda: self.ctx.actions.mark_paid(self.ctx.staff, order.id, method),
        )
        if result is not None:
            self._after_change(self.ctx.store.orders.get(order.id))

    def _on_detail_refund_requested(self) -> None:
        order = self.detail.order
        txn = self.detail.succeeded_payment()
        if order is None or txn is None:
            return
        reason = self.ctx.dialogs.ask_text(
            self,
            tr("Refund order {number}").format(number=order.number),
            tr("Refund {amount}. Reason (required):").format(amount=money(order.total)),
        )
        if reason is None:
            return
        result = self.ctx.attempt(
            self,
            tr("Refund"),
            lambda: self.ctx.actions.refund(self.ctx.staff, txn, reason),
        )
        if result is not None:
            self.ctx.dialogs.info(
                self,
                tr("Refund"),
                tr("Refunded {amount} for order {number}.").format(
                    amount=money(result.amount), number=order.number
                ),
            )
            self._after_change(self.ctx.store.orders.get(order.id))

    def _on_detail_reprint_kitchen_requested(self) -> None:
        order = self.detail.order
        if order is None:
            return
        user = self._reprint_user(tr("Reprint kitchen ticket"))
        if user is None:
            return
        job = self.ctx.attempt(
            self,
            tr("Reprint kitchen ticket"),
            lambda: self.ctx.store.print_jobs.reprint(order.id, "kitchen", staff=user.name),
        )
        if job is None:
            return
        self.detail.show_order(order)
        self.ctx.dialogs.info(
            self,
            tr("Reprint kitchen ticket"),
            tr("A copy marked REPRINT is queued for the kitchen printer."),
        )

    def _on_detail_tax_invoice_requested(self) -> None:
        """Ask for the buyer's details, issue the invoice (audited), save it as PDF."""
        from kiosk.services.taxinvoice import check_buyer

        order = self.detail.order
        if order is None:
            return
        title = tr("Full tax invoice")
        user = self._reprint_user(title)
        if user is None:
            return
        answers: list[str] = []
        for prompt, default in (
            (tr("Buyer's name (company or person)"), ""),
            (tr("Buyer's address"), ""),
            (tr("Buyer's 13-digit tax ID"), ""),
            (tr("Branch (00000 = head office)"), "00000"),
        ):
            answer = self.ctx.dialogs.ask_text(self, title, prompt, default)
            if answer is None:
                return
            answers.append(answer)
        buyer = self.ctx.attempt(self, title, lambda: check_buyer(*answers))
        if buyer is None:
            return
        invoice = self.ctx.attempt(
            self,
            title,
            lambda: self.ctx.store.tax_invoices.issue(order.id, buyer, staff=user.name),
        )
        if invoice is None:
            return
        path = self.ctx.settings().receipts_dir / f"tax_invoice_{invoice.number}.pdf"
        if not self._save_pdf(
            title,
            lambda: self.ctx.store.tax_invoices.document(order.id, copy=not invoice.new),
            path,
        ):
            return
        note = "" if invoice.new else " " + tr("(issued before: this is a copy)")
        self.ctx.dialogs.info(
            self,
            title,
            tr("Tax invoice {number} saved to {path}").format(number=invoice.number, path=path)
            + note,
        )

    def _on_detail_reprint_requested(self) -> None:
        order = self.detail.order
        if order is None:
            return
        user = self._reprint_user(tr("Reprint receipt"))
        if user is None:
            return
        settings = self.ctx.settings()
        stamp = datetime.now().strftime("%H%M%S")
        path = (
            settings.receipts_dir / f"{order.created_at:%Y%m%d}_{order.number}_reprint_{stamp}.pdf"
        )
        if not self._save_pdf(
            tr("Reprint receipt"),
            lambda: self.ctx.store.receipts.receipt(order.id, copy=True),
            path,
        ):
            return
        if settings.printers.receipt.enabled:  # and a COPY on the receipt printer
            self.ctx.attempt(
                self,
                tr("Reprint receipt"),
                lambda: self.ctx.store.print_jobs.reprint(order.id, "receipt", staff=user.name),
            )
        self.ctx.attempt(
            self,
            tr("Reprint receipt"),
            lambda: self.ctx.actions.staff.record(
                user, "order.reprint", "order", str(order.id), {"file": path.name}
            ),
        )
        self.ctx.dialogs.info(
            self, tr("Reprint receipt"), tr("Receipt saved to {path}").format(path=path)
        )

    def _reprint_user(self, title: str) -> StaffView | None:
        """The signed-in account if it may reprint. It may have been disabled since signing
        in, so the service is asked (a refusal is shown under ``title``)."""
        return self.ctx.attempt(
            self, title, lambda: self.ctx.actions.require(self.ctx.staff, Permission.REPRINT)
        )

    def _save_pdf(self, title: str, document: Callable[[], PrintDocument], path: Path) -> bool:
        """``document()`` written as PDF to ``path``, then the screen's ``last_receipt``; a
        disk error is shown under ``title`` and gives False."""
        from kiosk.ui.receipt import write_document_pdf

        try:
            write_document_pdf(document(), path)
        except OSError as exc:
            self.ctx.dialogs.error(self, title, str(exc))
            return False
        self.last_receipt = path
        return True
