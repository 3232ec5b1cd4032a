"""Reprinted receipts as PDF: the order's receipt from ``kiosk.services.receipts`` (the
model the printer and ``kiosk receipt --text`` use too), marked สำเนา / COPY."""

from __future__ import annotations

from pathlib import Path

from kiosk.services.documents import PrintDocument
from kiosk.ui.receipt import write_document_pdf


def write_receipt_pdf(doc: PrintDocument, path: Path) -> Path:
    return write_document_pdf(doc, path)


__all__ = ["write_receipt_pdf"]
