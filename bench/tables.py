"""The admin orders table on the big database, painted for real (``QWidget.grab()``
renders the view offscreen), against raw ``sqlite3`` ``LIMIT 50`` into a
``QStandardItemModel`` in the same ``QTableView``, painted the same way.

- open + first page: make the model (the real one: listing, count, column formatting with
  the panel's timezone and today), put it in the view, paint;
- scroll to the last row: the table open at the top, scroll to the bottom, paint;
- search a phone: the order listing filtered by a member's typed phone number, paint.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from bench.common import interleaved

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ORDER_COLUMNS = (
    "id, number, business_date, created_at, status, mode, kiosk_id, customer_id, "
    "customer_name, customer_phone, total, points_redeemed, points_earned"
)
PHONE = "090-000-0042"
PHONE_E164 = "+66900000042"


def run(path: str, rounds: int) -> dict[str, Any]:
    import time

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

    from kiosk.app import open_store
    from kiosk.services.listings import OrderListing
    from kiosk.ui.admin.models import PagedTableModel, order_columns
    from kiosk.ui.fonts import register_fonts

    app = QApplication.instance() or QApplication([])
    register_fonts()
    store = open_store(f"sqlite:///{path}")
    raw = sqlite3.connect(path)
    view = QTableView()
    view.resize(1400, 900)
    # as the panel sets its tables up (kiosk.ui.admin.orders.configure_table)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(32)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.show()
    app.processEvents()
    ncols = len(order_columns(lambda: "UTC", store.reports.today))

    def tz() -> str:  # what the panel does: ctx.tz reads the (held) settings
        return store.current_settings().store.timezone

    def real_model(**filters: Any) -> Any:
        listing = OrderListing(store.db, store.current_settings, today=store.reports.today())
        if filters:
            listing = listing.with_filters(**filters)
        return PagedTableModel(listing, order_columns(tz, store.reports.today))

    def raw_model(sql: str, args: tuple[Any, ...] = ()) -> QStandardItemModel:
        rows = raw.execute(sql, args).fetchall()
        model = QStandardItemModel(len(rows), ncols)
        for r, row in enumerate(rows):
            for c in range(ncols):
                model.setItem(r, c, QStandardItem(str(row[c % len(row)])))
        return model

    def paint() -> None:
        view.grab()

    def timed(fn: Any) -> float:
        t0 = time.perf_counter()
        fn()
        return time.perf_counter() - t0

    first_sql = f"SELECT {ORDER_COLUMNS} FROM orders ORDER BY created_at DESC, id DESC LIMIT 50"
    last_sql = f"SELECT {ORDER_COLUMNS} FROM orders ORDER BY created_at ASC, id ASC LIMIT 50"
    search_sql = (
        f"SELECT {ORDER_COLUMNS} FROM orders WHERE customer_id = "
        "(SELECT id FROM customers WHERE phone = ?) ORDER BY created_at DESC, id DESC LIMIT 50"
    )
    keep: list[Any] = []

    def open_subject() -> float:
        def go() -> None:
            m = real_model()
            view.setModel(m)
            paint()
            keep[:] = [m]

        return timed(go)

    def open_baseline() -> float:
        def go() -> None:
            m = raw_model(first_sql)
            view.setModel(m)
            paint()
            keep[:] = [m]

        return timed(go)

    def scroll_subject() -> float:
        m = real_model()
        view.setModel(m)
        paint()
        keep[:] = [m]
        return timed(lambda: (view.scrollToBottom(), paint()))

    def scroll_baseline() -> float:
        m = raw_model(first_sql)
        view.setModel(m)
        paint()
        keep[:] = [m]

        def go() -> None:
            last = raw_model(last_sql)
            view.setModel(last)
            view.scrollToBottom()
            paint()
            keep[:] = [m, last]

        return timed(go)

    base_model: list[Any] = []

    def search_subject() -> float:
        m = real_model()
        view.setModel(m)
        paint()
        keep[:] = [m]
        return timed(lambda: (m.set_listing(m.listing.with_filters(search=PHONE)), paint()))

    def search_baseline() -> float:
        m = raw_model(first_sql)
        view.setModel(m)
        paint()
        keep[:] = [m]

        def go() -> None:
            found = raw_model(search_sql, (PHONE_E164,))
            view.setModel(found)
            paint()
            base_model[:] = [found]

        return timed(go)

    out: dict[str, Any] = {}
    for name, subj, base in (
        ("open", open_subject, open_baseline),
        ("scroll", scroll_subject, scroll_baseline),
        ("search", search_subject, search_baseline),
    ):
        s, b, sr, br = interleaved(subj, base, rounds)
        out[name] = {"subject": s, "baseline": b, "subject_rounds": sr, "baseline_rounds": br}

    # what opening runs: statements, and the row count it shows
    from sqlalchemy import event

    statements: list[str] = []

    def count(_c: Any, _cur: Any, stmt: str, *_a: Any) -> None:
        statements.append(stmt.split(None, 1)[0])

    event.listen(store.db.engine, "before_cursor_execute", count)
    m = real_model()
    view.setModel(m)
    paint()
    event.remove(store.db.engine, "before_cursor_execute", count)
    out["open_statements"] = len(statements)
    out["rows_shown"] = m.rowCount()
    out["count_is_estimate"] = m.listing.count_is_estimate
    out["searched_rows"] = real_model(search=PHONE).rowCount()
    view.setModel(None)
    keep.clear()
    view.close()
    raw.close()
    store.close()
    return out
