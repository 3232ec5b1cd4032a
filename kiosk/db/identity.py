"""The name a database goes by at the payment provider (the mock's books): kept in the
database itself, so a file moved or restored to another path (or host) between a crash
and the recovery still finds the charges the provider holds. Named when the schema is
brought to head (:func:`kiosk.db.migrate.upgrade`); a database upgraded before there was
a name gets one at its first charge."""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kiosk.db.engine import Database
from kiosk.db.faults import sqlite_path
from kiosk.db.models import Setting

log = logging.getLogger(__name__)

#: the settings row that names this store's books at the mock provider (not a setting
#: staff can change: the config ignores keys outside its editable list)
MERCHANT_KEY = "system.mock_merchant"


def in_memory(db: Database) -> bool:
    return db.is_sqlite and sqlite_path(db.engine.url) is None


def database_address(db: Database) -> str:
    """One database, however its URL is written (an SQLite file by its absolute path,
    also when the URL is an SQLite URI)."""
    url = db.engine.url
    path = sqlite_path(url) if db.is_sqlite else None
    if path is not None:
        return f"sqlite:{path.resolve()}"
    return url.set(password=None, query={}).render_as_string(hide_password=True)


def stored_merchant(db: Database) -> str | None:
    """The name :func:`merchant_id` keeps, if the database has one yet (an in-memory
    database, which dies with its ledger, goes by its address)."""
    if in_memory(db):
        return database_address(db)
    try:
        with db.read() as s:
            found = s.scalar(select(Setting.value).where(Setting.key == MERCHANT_KEY))
    except ValueError:  # edited by hand into something that is not JSON: the address
        log.warning("the stored name at the payment provider is not readable; not used")
        return None
    return str(found) if found else None


def merchant_id(db: Database) -> str:
    """Which store's books the mock provider keeps, as a real provider knows a merchant
    by its account, not by where its database lies; named now if it has no name yet. The
    first name is the database's address, which is what earlier versions used, so books
    kept before there was a name still match."""
    found = stored_merchant(db)
    if found:
        return found
    address = database_address(db)
    try:
        with db.uow() as uow:
            uow.session.add(Setting(key=MERCHANT_KEY, value=address, updated_by="system"))
            uow.commit()
    except IntegrityError:  # another kiosk on this database named it first
        return stored_merchant(db) or address
    return address
