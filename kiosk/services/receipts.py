"""Customer receipts and kitchen tickets as :class:`PrintDocument` values.

A VAT-registered store (``[store] vat_registered = true``) gives an abbreviated tax
invoice (ใบกำกับภาษีอย่างย่อ, Revenue Code section 86/6): seller name, address, tax ID and
branch, the POS registration number, a running receipt number per kiosk, date and time,
the lines, the total with "VAT included" and the VAT amount. Other stores give a plain
receipt (ใบเสร็จรับเงิน) without the tax lines. Reprints say สำเนา / COPY.

The receipt number is assigned by :func:`issue_receipt` inside the transaction that
settles the payment (``kiosk.services.printjobs.record_paid_order``): an upsert of the
kiosk's counter row holds its lock until commit, so numbers are unique and gap-free per
kiosk (a rolled-back payment rolls its number back too).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import Order, Payment, PaymentStatus, ReceiptCounter, TaxReceipt
from kiosk.services.documents import PrintDocument, PrintLine
from kiosk.services.errors import OrderNotFound, OrderNotPaid
from kiosk.services.money import format_delta, format_thb
from kiosk.services.orders import load_order, order_view
from kiosk.services.phone import mask_phone
from kiosk.services.taxid import format_tax_id
from kiosk.services.views import OrderView

HEAD_OFFICE = "00000"
METHODS = {
    "cash": ("เงินสด", "Cash"),
    "card": ("บัตร", "Card"),
    "promptpay": ("พร้อมเพย์", "PromptPay"),
}
MODES = {"dine_in": ("ทานที่ร้าน", "DINE IN"), "take_away": ("กลับบ้าน", "TAKE AWAY")}
#: what the dine-in number is called, by ``[kiosk] table_numbers``
TABLE_WORDS = {"table": ("โต๊ะ", "TABLE"), "pager": ("เพจเจอร์", "PAGER")}


def table_words(settings: Settings) -> tuple[str, str]:
    """(Thai, English) for the order's number: a pager when the shop hands out pagers."""
    return TABLE_WORDS["pager" if settings.kiosk.table_numbers == "pager" else "table"]


# -- numbering ----------------------------------------------------------------------------


def _counter_upsert(insert_: Any) -> Any:
    return (
        insert_(ReceiptCounter)
        .values(kiosk_id=bindparam("kiosk"), last_value=1)
        .on_conflict_do_update(
            index_elements=[ReceiptCounter.kiosk_id],
            set_={"last_value": ReceiptCounter.last_value + 1},
        )
        .returning(ReceiptCounter.last_value)
    )


#: the counter upsert of each dialect, built once
_NEXT_SEQ = {
    "postgresql": _counter_upsert(postgresql.insert),
    "sqlite": _counter_upsert(sqlite.insert),
}


def next_receipt_seq(s: Session, kiosk_id: str) -> int:
    """Take the kiosk's next receipt number: one upsert with RETURNING, whose row lock is
    held until the surrounding transaction ends (SQLite: the ``BEGIN IMMEDIATE`` lock)."""
    conn = s.connection()
    return int(conn.execute(_NEXT_SEQ[conn.dialect.name], {"kiosk": kiosk_id}).scalar_one())


def format_receipt_no(kiosk_id: str, seq: int) -> str:
    return f"{kiosk_id}-{seq:06d}"


def issue_receipt(
    s: Session, order_id: int, settings: Settings, now: datetime, *, look_up: bool = True
) -> None:
    """Number the order's receipt now (once: a second call leaves the first). Core
    statements in the caller's transaction. ``look_up=False`` when the caller has just seen,
    under the order's lock, that the order has none (the settling transaction)."""
    conn = s.connection()
    if look_up and conn.execute(_RECEIPT_OF_ORDER, {"order_id_": order_id}).first() is not None:
        return
    store = settings.store
    conn.execute(
        _INSERT_RECEIPT,
        {
            "order_id": order_id,
            "kiosk_id": store.kiosk_id,
            "seq": next_receipt_seq(s, store.kiosk_id),
            "pos_id": store.pos_id,
            "tax_invoice": store.vat_registered,
            "issued_at": now,
        },
    )


_RECEIPT_OF_ORDER = select(TaxReceipt.__table__.c.id).where(
    TaxReceipt.__table__.c.order_id == bindparam("order_id_")
)
_INSERT_RECEIPT = insert(TaxReceipt.__table__)


# -- content ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReceiptFacts:
    """What a receipt says beyond the order itself."""

    receipt_no: str = ""
    issued_at: datetime | None = None
    pos_id: str = ""
    tax_invoice: bool = False
    method: str = ""
    amount: Decimal | None = None
    card: str = ""  # "Visa ****4242"
    transaction_id: str = ""
    points_balance: int | None = None
    refunded: bool = False


def _local(moment: datetime, tz: str) -> datetime:
    try:
        return moment.astimezone(ZoneInfo(tz))
    except (ValueError, KeyError):
        return moment


def build_receipt(
    order: OrderView, facts: ReceiptFacts, settings: Settings, copy: bool = False
) -> PrintDocument:
    """The customer receipt: an ABB tax invoice when ``facts.tax_invoice``, else plain."""
    store = settings.store
    lines: list[PrintLine] = [PrintLine("title", store.name_th), PrintLine("center", store.name)]
    for address in (store.address_th, store.address):
        if address:
            lines.append(PrintLine("small", address))
    if facts.tax_invoice:
        lines.append(
            PrintLine("small", f"เลขประจำตัวผู้เสียภาษี / Tax ID {format_tax_id(store.tax_id)}")
        )
        branch = (
            "สำนักงานใหญ่ / Head office"
            if store.branch == HEAD_OFFICE
            else f"สาขาที่ {store.branch} / Branch {store.branch}"
        )
        lines.append(PrintLine("small", branch))
        if facts.pos_id:
            lines.append(PrintLine("small", f"POS No. / หมายเลขเครื่อง {facts.pos_id}"))
    lines.append(PrintLine("rule"))
    lines.append(
        PrintLine(
            "heading",
            "ใบกำกับภาษีอย่างย่อ / TAX INVOICE (ABB)" if facts.tax_invoice else "ใบเสร็จรับเงิน / RECEIPT",
        )
    )
    if copy:
        lines.append(PrintLine("heading", "สำเนา / COPY"))
    if facts.refunded:
        lines.append(PrintLine("heading", "คืนเงินแล้ว / REFUNDED"))
    when = _local(facts.issued_at or order.paid_at or order.created_at, store.timezone)
    if facts.receipt_no:
        lines.append(PrintLine("text", "เลขที่ / No.", facts.receipt_no))
    lines.append(PrintLine("text", "วันที่ / Date", when.strftime("%d/%m/%Y %H:%M")))
    lines.append(PrintLine("small", "คำสั่งซื้อ / Order"))
    lines.append(PrintLine("big", order.number))
    th, en = MODES.get(order.mode, (order.mode, order.mode))
    lines.append(PrintLine("center", f"{th} / {en}"))
    if order.table_number:
        word_th, word_en = table_words(settings)
        lines.append(PrintLine("center", f"{word_th} / {word_en} {order.table_number}"))
    lines.append(PrintLine("rule"))
    for line in order.lines:
        lines.append(
            PrintLine("text", f"{line.quantity} × {line.name_th}", format_thb(line.line_total))
        )
        lines.append(PrintLine("small", f"    {line.name_en}"))
        for opt in line.options:
            delta = format_delta(str(opt.get("price_delta", "0")), symbol=False)
            extra = f"  {delta}" if delta else ""
            lines.append(
                PrintLine(
                    "small", f"    · {opt.get('name_th', '')} / {opt.get('name_en', '')}{extra}"
                )
            )
    lines.append(PrintLine("rule"))
    lines.append(PrintLine("text", "รวม / Subtotal", format_thb(order.subtotal)))
    if order.discount:
        lines.append(
            PrintLine(
                "text",
                f"ส่วนลดแต้ม / Points {order.points_redeemed:,}",
                "−" + format_thb(order.discount),
            )
        )
    if order.service_charge:
        rate = f"{order.service_charge_rate.normalize():f}" if order.service_charge_rate else ""
        label = f"ค่าบริการ / Service charge {rate}%" if rate else "ค่าบริการ / Service charge"
        lines.append(PrintLine("text", label, format_thb(order.service_charge)))
    lines.append(PrintLine("bold", "ยอดสุทธิ / Total", format_thb(order.total)))
    if facts.tax_invoice:
        rate = f"{store.vat_rate.normalize():f}"
        lines.append(PrintLine("small", "ราคารวมภาษีมูลค่าเพิ่มแล้ว / VAT included"))
        lines.append(PrintLine("text", f"ภาษีมูลค่าเพิ่ม / VAT {rate}%", format_thb(order.vat)))
        lines.append(
            PrintLine("text", "มูลค่าก่อนภาษี / Before VAT", format_thb(order.total - order.vat))
        )
    lines.append(PrintLine("rule"))
    if facts.method:
        th, en = METHODS.get(facts.method, (facts.method, facts.method))
        amount = facts.amount if facts.amount is not None else order.total
        lines.append(PrintLine("text", f"{th} / {en}", format_thb(amount)))
        if facts.card:
            lines.append(PrintLine("small", f"    {facts.card}"))
        if facts.transaction_id:
            lines.append(PrintLine("small", f"    {facts.transaction_id}"))
    if order.customer_id:
        lines.append(PrintLine("rule"))
        lines.append(
            PrintLine(
                "text", "สมาชิก / Member", mask_phone(order.customer_phone, store.phone_region)
            )
        )
        lines.append(PrintLine("text", "แต้มที่ได้รับ / Points earned", f"+{order.points_earned:,}"))
        if facts.points_balance is not None:
            lines.append(PrintLine("text", "แต้มคงเหลือ / Balance", f"{facts.points_balance:,}"))
    lines.append(PrintLine("rule"))
    lines.append(PrintLine("title", "ขอบคุณ / Thank you"))
    fields = {
        "kind": "abb" if facts.tax_invoice else "receipt",
        "order": order.number,
        "receipt_no": facts.receipt_no,
        "copy": "yes" if copy else "no",
        "method": facts.method,
    }
    return PrintDocument("receipt", f"Receipt {order.number}", tuple(lines), fields)


def build_kitchen_ticket(
    order: OrderView,
    settings: Settings,
    language: str = "th",
    reprint: bool = False,
    uncertain: bool = False,
    note: str = "",
) -> PrintDocument:
    """The kitchen's copy: big order number, dine-in or take-away, lines with options."""
    th = language == "th"
    lines: list[PrintLine] = []
    if reprint:
        lines.append(PrintLine("heading", "*** พิมพ์ซ้ำ / REPRINT ***"))
    elif uncertain:
        # A worker died, or the printer stalled, after the bytes went out: this copy may
        # be the second one. Say so, so the kitchen bins a duplicate instead of cooking it.
        lines.append(PrintLine("heading", "*** อาจซ้ำ / REPRINT? CHECK ***"))
    lines.append(PrintLine("big", order.number))
    mode_th, mode_en = MODES.get(order.mode, (order.mode, order.mode))
    lines.append(PrintLine("heading", mode_th if th else mode_en))
    if order.table_number:
        word_th, word_en = table_words(settings)
        lines.append(PrintLine("big", f"{word_th if th else word_en} {order.table_number}"))
    when = _local(order.paid_at or order.created_at, settings.store.timezone)
    lines.append(PrintLine("center", when.strftime("%H:%M  %d/%m/%Y")))
    lines.append(PrintLine("rule"))
    for line in order.lines:
        name = line.name_th if th else line.name_en
        lines.append(PrintLine("bold", f"{line.quantity} × {name}"))
        for opt in line.options:
            lines.append(PrintLine("text", f"    + {opt.get('name_th' if th else 'name_en', '')}"))
    if note:
        lines.append(PrintLine("text", f"{'หมายเหตุ' if th else 'Note'}: {note}"))
    lines.append(PrintLine("rule"))
    lines.append(PrintLine("small", order.kiosk_id, f"#{order.id}"))
    fields = {"kind": "kitchen", "order": order.number, "reprint": "yes" if reprint else "no"}
    return PrintDocument("kitchen", f"Kitchen {order.number}", tuple(lines), fields)


# -- the service --------------------------------------------------------------------------


def receipt_facts(s: Session, order: Order) -> ReceiptFacts:
    """The receipt row and the settled payment of ``order`` as :class:`ReceiptFacts`."""
    receipt = s.scalars(select(TaxReceipt).where(TaxReceipt.order_id == order.id)).first()
    paid = [
        p
        for p in order.payments
        if p.status in (PaymentStatus.SUCCEEDED.value, PaymentStatus.REFUNDED.value)
    ]
    p: Payment | None = paid[-1] if paid else None
    result: dict[str, Any] = (p.result or {}) if p is not None else {}
    if p is not None and "refunded_from" in result:
        result = result["refunded_from"] or {}
    balance = result.get("points_balance")
    return ReceiptFacts(
        receipt_no=format_receipt_no(receipt.kiosk_id, receipt.seq) if receipt else "",
        issued_at=receipt.issued_at if receipt else None,
        pos_id=receipt.pos_id if receipt else "",
        tax_invoice=receipt.tax_invoice if receipt else False,
        method=p.method if p else "",
        amount=p.amount if p else None,
        card=f"{p.card_brand} ****{p.card_last4}" if p and p.card_last4 else "",
        transaction_id=(p.transaction_id or "") if p else "",
        points_balance=int(balance) if balance is not None else None,
        refunded=bool(p and p.status == PaymentStatus.REFUNDED.value),
    )


class ReceiptService:
    """Receipts of paid orders, for the printer worker, the PDF and the CLI."""

    def __init__(self, db: Database, settings: Any) -> None:
        self._db = db
        self._settings = settings

    def find(self, number: str, day: date | None = None) -> int:
        """The id of the order numbered ``number`` (the latest one unless ``day`` is given)."""
        number = number.strip().upper()
        with self._db.read() as s:
            q = select(Order.id).where(Order.number == number)
            if day is not None:
                q = q.where(Order.business_date == day)
            order_id = s.scalar(q.order_by(Order.business_date.desc(), Order.id.desc()).limit(1))
        if order_id is None:
            when = f" on {day.isoformat()}" if day else ""
            raise OrderNotFound(f"No order numbered {number}{when}.")
        return int(order_id)

    def receipt(self, order_id: int, copy: bool = False) -> PrintDocument:
        """The order's receipt. Raises :class:`OrderNotPaid` for an order never paid (a
        receipt says money changed hands)."""
        settings = self._settings()
        with self._db.read() as s:
            order = load_order(s, order_id)
            if order.paid_at is None:
                state = "cancelled" if order.status == "cancelled" else "not paid"
                raise OrderNotPaid(f"Order {order.number} is {state}: it has no receipt.")
            return build_receipt(
                order_view(order, settings), receipt_facts(s, order), settings, copy
            )

    def kitchen_ticket(
        self, order_id: int, reprint: bool = False, uncertain: bool = False
    ) -> PrintDocument:
        settings = self._settings()
        with self._db.read() as s:
            order = load_order(s, order_id)
            view, note = order_view(order, settings), order.note
        return build_kitchen_ticket(
            view, settings, settings.printers.kitchen.language, reprint, uncertain, note
        )

    def receipt_number(self, order_id: int) -> str:
        with self._db.read() as s:
            r = s.scalars(select(TaxReceipt).where(TaxReceipt.order_id == order_id)).first()
            return format_receipt_no(r.kiosk_id, r.seq) if r else ""


__all__ = [
    "ReceiptFacts",
    "ReceiptService",
    "build_kitchen_ticket",
    "build_receipt",
    "format_receipt_no",
    "issue_receipt",
    "next_receipt_seq",
]
