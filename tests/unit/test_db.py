"""Database: migrations match the models, round-trip, refuse wrong schemas; SQLite set-up;
exact money; unit of work."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from kiosk.db import Database, DatabaseError, SchemaError
from kiosk.db.migrate import check_schema, current_revision, downgrade, head_revision, upgrade
from kiosk.db.models import Base, Category, MenuItem


def _diff(db: Database) -> list:  # type: ignore[type-arg]
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def test_upgrade_from_empty_matches_the_models(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    assert current_revision(db) == head_revision()
    assert _diff(db) == []
    check_schema(db)


def test_downgrade_and_upgrade_round_trip(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    downgrade(db, "base")
    assert current_revision(db) is None
    with db.engine.connect() as conn:
        tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).all()
    assert [t for (t,) in tables if t != "alembic_version"] == []
    upgrade(db)
    assert _diff(db) == []


def test_head_read_from_the_files_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from kiosk.db.migrate import MIGRATIONS_DIR, revisions

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    assert head_revision() == script.get_current_head()
    assert revisions() == {rev.revision: rev.down_revision for rev in script.walk_revisions()}


def test_schema_check_is_one_query_on_a_migrated_database(db_url: str) -> None:
    from sqlalchemy import event

    db = Database(db_url)
    upgrade(db)
    seen: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: seen.append(a[2]))
    check_schema(db)
    assert [sql for sql in seen if not sql.startswith("BEGIN")] == [
        "SELECT version_num FROM alembic_version"
    ]


def test_a_database_with_other_tables_but_no_version_is_refused(db_url: str) -> None:
    db = Database(db_url)
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE spreadsheet (x INTEGER)"))
    with pytest.raises(SchemaError, match="has tables but no migration record"):
        check_schema(db)


def test_refuses_unmigrated_database(db_url: str) -> None:
    db = Database(db_url)
    with pytest.raises(SchemaError, match="kiosk db upgrade"):
        check_schema(db)


def test_refuses_newer_schema(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaError, match="newer than this version"):
        check_schema(db)
    with pytest.raises(SchemaError, match="newer"):
        upgrade(db)


def test_not_a_sqlite_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "orders.db"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not an SQLite database"):
        Database(f"sqlite:///{path}")
    assert path.read_bytes() == before


def test_unsupported_and_malformed_urls() -> None:
    with pytest.raises(DatabaseError, match="not valid"):
        Database("this is not a url")
    with pytest.raises(DatabaseError, match="does not support"):
        Database("mysql://root@localhost/test")


def test_sqlite_pragmas_on_every_connection(db_url: str) -> None:
    db = Database(db_url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_write_units_take_the_write_lock_at_begin(db_url: str) -> None:
    """BEGIN IMMEDIATE: a second writer waits at BEGIN instead of failing mid-transaction."""
    db = Database(db_url)
    upgrade(db)
    path = db_url.removeprefix("sqlite:///")
    with db.uow() as uow:
        uow.session.execute(select(1))  # transaction has begun
        other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()
    with db.read() as s:  # readers begin deferred and do not block writers
        s.execute(select(1))
        other = sqlite3.connect(path, timeout=0.1, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        other.close()


def test_money_is_exact_decimal_and_sums_exactly(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    with db.uow() as uow:
        cat = Category(name_en="c", name_th="ค")
        uow.session.add(cat)
        for _ in range(1000):
            uow.session.add(MenuItem(category=cat, name_en="x", name_th="x", price=Decimal("0.10")))
        uow.commit()
    with db.read() as s:
        total = s.scalar(select(func.sum(MenuItem.price)))
        first = s.scalar(select(MenuItem.price).limit(1))
    assert total == Decimal("100.00") and isinstance(total, Decimal)
    assert first == Decimal("0.10")
    with db.uow() as uow, pytest.raises(Exception, match="never float"):
        uow.session.add(MenuItem(category_id=1, name_en="f", name_th="f", price=0.1))
        uow.flush()


def test_unit_of_work_rolls_back_unless_committed_and_publishes_after_commit(db_url: str) -> None:
    db = Database(db_url)
    upgrade(db)
    seen: list[str] = []
    with db.uow() as uow:
        uow.session.add(Category(name_en="gone", name_th="x"))
        uow.after_commit(lambda: seen.append("no"))
    with pytest.raises(RuntimeError), db.uow() as uow:
        uow.session.add(Category(name_en="gone too", name_th="x"))
        uow.after_commit(lambda: seen.append("no"))
        raise RuntimeError("boom")
    with db.uow() as uow:
        uow.session.add(Category(name_en="kept", name_th="x"))
        uow.after_commit(lambda: seen.append("yes"))
        uow.commit()
    with db.read() as s:
        assert s.scalars(select(Category.name_en)).all() == ["kept"]
    assert seen == ["yes"]


def test_timestamps_come_back_aware_utc(db_url: str) -> None:
    from kiosk.db.models import AuditLog

    db = Database(db_url)
    upgrade(db)
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    with db.uow() as uow:
        uow.session.add(AuditLog(staff="s", action="a", created_at=moment))
        uow.commit()
    with db.read() as s:
        assert s.scalar(select(AuditLog.created_at)) == moment


def test_concurrent_writers_on_one_file_do_not_fail(db_url: str) -> None:
    """Two kiosks (two engines) writing the same SQLite file at once."""
    from tests.helpers import make_store

    a = make_store(db_url)
    b = make_store(db_url, demo=False)
    errors: list[BaseException] = []
    numbers: list[str] = []

    def work(store, n: int) -> None:  # type: ignore[no-untyped-def]
        try:
            for i in range(n):
                o = store.orders.create([{"item_id": 2, "quantity": 1}])
                numbers.append(o.number)
                store.payments.process_payment(o.id, "cash", {}, f"{id(store)}-{i}")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(s, 15)) for s in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(numbers) == len(set(numbers)) == 30
    a.close()
    b.close()


def test_payment_status_constraint_allows_refunding_after_0002(db_url: str) -> None:
    from sqlalchemy.exc import IntegrityError

    db = Database(db_url)
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO categories (id, name_en, name_th, position, active) "
                "VALUES (1, 'c', 'c', 0, 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO orders (id, number, business_date, kiosk_id, mode, status, "
                "customer_name, customer_phone, subtotal, discount, total, vat, points_redeemed, "
                "points_earned, note, created_at, updated_at) VALUES (1, 'A001', '2026-01-01', "
                "'k', 'dine_in', 'pending', '', '', 0, 0, 0, 0, 0, 0, '', '2026-01-01', "
                "'2026-01-01')"
            )
        )
    insert = (
        "INSERT INTO payments (order_id, method, amount, status, message, card_brand, "
        "card_last4, promptpay_id, idempotency_key, kiosk_id, at_counter, staff, created_at, "
        "updated_at) VALUES (1, 'cash', 0, :status, '', '', '', '', :key, '', 0, '', "
        "'2026-01-01', '2026-01-01')"
    )
    with db.engine.begin() as conn:
        conn.execute(text(insert), {"status": "refunding", "key": "a"})
    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(text(insert), {"status": "bogus", "key": "b"})
    downgrade(db, "0001")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM payments")).scalar() == "succeeded"
