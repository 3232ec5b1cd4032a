"""Full tax invoices (ใบกำกับภาษีเต็มรูป) on request, from the admin panel's order view.

A business customer asks for one with their name, address, 13-digit tax ID (check digit
verified) and branch (00000 = head office). It gets its own store-wide running number
(``TI-000001``), taken like receipt numbers under the counter row's lock in the
transaction that records it, and is audited. Asking again for the same order gives the
same invoice back (printed as a copy): one order never has two invoices.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import FullTaxInvoice
from kiosk.services.audit import audit_row
from kiosk.services.documents import PrintDocument, PrintLine
from kiosk.services.errors import InvalidInput
from kiosk.services.gateway import Clock
from kiosk.services.orders import load_order, order_view
from kiosk.services.receipts import (
    HEAD_OFFICE,
    build_receipt,
    next_receipt_seq,
    receipt_facts,
)
from kiosk.services.taxid import format_tax_id, normalize_tax_id

COUNTER = "*tax-invoice*"  # the store-wide counter row in receipt_counters


@dataclass(frozen=True)
class Buyer:
    name: str
    address: str
    tax_id: str
    branch: str = HEAD_OFFICE


def check_buyer(name: str, address: str, tax_id: str, branch: str = HEAD_OFFICE) -> Buyer:
    """Validate what staff typed; raises :class:`InvalidInput` with what to fix."""
    name, address = (name or "").strip(), (address or "").strip()
    if not name:
        raise InvalidInput("The buyer's name is required for a full tax invoice.")
    if len(name) > 200:
        raise InvalidInput("The buyer's name is too long (200 characters at most).")
    if not address:
        raise InvalidInput("The buyer's address is required for a full tax invoice.")
    try:
        digits = normalize_tax_id(tax_id or "")
    except ValueError as exc:
        raise InvalidInput(f"The buyer's tax ID is not valid: {exc}.") from None
    branch = (branch or HEAD_OFFICE).strip()
    if not (branch.isdigit() and len(branch) <= 5):
        raise InvalidInput("The branch is up to 5 digits (00000 = head office).")
    return Buyer(name, address, digits, branch.zfill(5))


def format_invoice_no(seq: int) -> str:
    return f"TI-{seq:06d}"


@dataclass(frozen=True)
class InvoiceView:
    order_id: int
    number: str
    buyer: Buyer
    issued_at: datetime
    new: bool  # False when the order already had this invoice


class TaxInvoiceService:
    def __init__(self, db: Database, settings: Callable[[], Settings], clock: Clock) -> None:
        self._db = db
        self._settings = settings
        self.clock = clock

    def issue(self, order_id: int, buyer: Buyer, staff: str) -> InvoiceView:
        if not staff:
            raise InvalidInput("The staff member must be named.")
        settings = self._settings()
        if not settings.store.vat_registered:
            raise InvalidInput(
                "This store is not VAT-registered ([store] vat_registered), so it cannot "
                "issue tax invoices."
            )
        now = self.clock.now()
        with self._db.uow() as uow:
            s = uow.session
            order = load_order(s, order_id, for_update=True)
            existing = s.scalars(
                select(FullTaxInvoice).where(FullTaxInvoice.order_id == order_id)
            ).first()
            if existing is not None:
                return _view(existing, new=False)
            if order.paid_at is None or order.status in ("cancelled", "refunded"):
                raise InvalidInput(
                    f"Order {order.number} is {order.status}: only a paid order gets a tax invoice."
                )
            invoice = FullTaxInvoice(
                order_id=order.id,
                seq=next_receipt_seq(s, COUNTER),
                buyer_name=buyer.name,
                buyer_address=buyer.address,
                buyer_tax_id=buyer.tax_id,
                buyer_branch=buyer.branch,
                staff=staff[:64],
                issued_at=now,
            )
            s.add(invoice)
            s.add(
                audit_row(
                    self.clock,
                    staff=staff,
                    action="order.tax_invoice",
                    entity="order",
                    entity_id=str(order.id),
                    after={
                        "invoice": format_invoice_no(invoice.seq),
                        "buyer": buyer.name,
                        "tax_id": buyer.tax_id,
                        "branch": buyer.branch,
                    },
                )
            )
            uow.flush()
            view = _view(invoice, new=True)
            uow.commit()
        return view

    def document(self, order_id: int, copy: bool = False) -> PrintDocument:
        """The invoice as lines: the receipt's content under a full tax invoice heading,
        with the buyer's details."""
        settings = self._settings()
        with self._db.read() as s:
            order = load_order(s, order_id)
            invoice = s.scalars(
                select(FullTaxInvoice).where(FullTaxInvoice.order_id == order_id)
            ).first()
            if invoice is None:
                raise InvalidInput(f"Order {order.number} has no full tax invoice.")
            facts = receipt_facts(s, order)
            view = order_view(order, settings)
            number = format_invoice_no(invoice.seq)
            buyer_lines = _buyer_lines(invoice)
        base = build_receipt(view, facts, settings, copy=copy)
        lines: list[PrintLine] = []
        for line in base.lines:
            if line.style == "heading" and "TAX INVOICE (ABB)" in line.left:
                lines.append(PrintLine("heading", "ใบกำกับภาษี / TAX INVOICE"))
                lines.append(PrintLine("text", "เลขที่ / Invoice No.", number))
                if facts.receipt_no:
                    lines.append(PrintLine("small", f"อ้างอิงใบเสร็จ / Receipt {facts.receipt_no}"))
                lines.append(PrintLine("rule"))
                lines.extend(buyer_lines)
                lines.append(PrintLine("rule"))
            elif line.style == "text" and line.left == "เลขที่ / No.":
                continue  # the receipt number is shown as a reference above
            else:
                lines.append(line)
        fields = base.fields | {"kind": "tax_invoice", "invoice_no": number}
        return PrintDocument("tax_invoice", f"Tax invoice {number}", tuple(lines), fields)


def _buyer_lines(invoice: FullTaxInvoice) -> list[PrintLine]:
    branch = (
        "สำนักงานใหญ่ / Head office"
        if invoice.buyer_branch == HEAD_OFFICE
        else f"สาขาที่ {invoice.buyer_branch} / Branch {invoice.buyer_branch}"
    )
    lines = [PrintLine("text", "ผู้ซื้อ / Buyer"), PrintLine("text", invoice.buyer_name)]
    lines += [PrintLine("small", part) for part in invoice.buyer_address.splitlines() if part]
    lines.append(
        PrintLine("small", f"เลขประจำตัวผู้เสียภาษี / Tax ID {format_tax_id(invoice.buyer_tax_id)}")
    )
    lines.append(PrintLine("small", branch))
    return lines


def _view(invoice: FullTaxInvoice, new: bool) -> InvoiceView:
    return InvoiceView(
        order_id=invoice.order_id,
        number=format_invoice_no(invoice.seq),
        buyer=Buyer(
            invoice.buyer_name, invoice.buyer_address, invoice.buyer_tax_id, invoice.buyer_branch
        ),
        issued_at=invoice.issued_at,
        new=new,
    )


__all__ = ["Buyer", "InvoiceView", "TaxInvoiceService", "check_buyer", "format_invoice_no"]
