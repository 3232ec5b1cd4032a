"""The kiosk's staff pad: staff number + PIN, one argon2 check per attempt, a lock on the
pad (growing delay, per kiosk, kept across restarts) and never on the accounts; every
attempt audited."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from kiosk.app import Store
from kiosk.db.models import AuditLog
from kiosk.services.errors import AuthenticationFailed
from kiosk.services.staff_pad import PadLocked, StaffPadService
from tests.helpers import FAST_HASHER, FakeClock, make_store
from tests.unit.test_staff import clock  # noqa: F401 - fixture

K1 = "kiosk-1"


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:  # noqa: F811
    s = make_store(db_url, demo=False, clock=clock, hasher=FAST_HASHER)
    yield s
    s.close()


@pytest.fixture
def pad(store: Store) -> StaffPadService:
    return store.staff_pad


def pad_audit(store: Store) -> list[tuple[str, str, str, Any]]:
    with store.db.read() as s:
        q = (
            select(AuditLog.action, AuditLog.staff, AuditLog.entity_id, AuditLog.after)
            .where(AuditLog.entity == "kiosk_pad")
            .order_by(AuditLog.id)
        )
        return [tuple(r) for r in s.execute(q).all()]  # type: ignore[misc]


def test_number_and_pin_sign_in(store: Store, pad: StaffPadService) -> None:
    nok = store.staff.create("Nok", "cashier", "2580")
    malee = store.staff.create("Malee", "manager", "2580")  # the same PIN is fine
    assert pad.sign_in(K1, str(nok.id), "2580").name == "Nok"
    assert pad.sign_in(K1, f"00{malee.id}", "2580").name == "Malee"
    assert pad.sign_in(K1, malee.id, "2580").role == "manager"
    actions = [a for a, *_ in pad_audit(store)]
    assert actions == ["staff.pad_login"] * 3
    with store.db.read() as s:
        logins = s.scalars(select(AuditLog.after).where(AuditLog.action == "staff.login")).all()
    assert [x["via"] for x in logins] == ["kiosk_pad"] * 3


def test_one_argon2_check_per_attempt_whatever_the_team(
    store: Store, pad: StaffPadService, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = [store.staff.create(f"S{i}", "cashier", f"{1000 + i}") for i in range(12)]
    calls: list[str] = []
    real = store.staff._verify
    monkeypatch.setattr(store.staff, "_verify", lambda h, p: calls.append(p) or real(h, p))
    assert pad.sign_in(K1, str(users[7].id), "1007").name == "S7"
    with pytest.raises(AuthenticationFailed):
        pad.sign_in(K1, str(users[3].id), "9999")
    with pytest.raises(AuthenticationFailed):
        pad.sign_in(K1, "999", "1003")  # no such number: a dummy check, same time
    assert len(calls) == 3


def test_wrong_attempts_lock_the_pad_not_the_accounts(
    store: Store,
    pad: StaffPadService,
    clock: FakeClock,  # noqa: F811
) -> None:
    nok = store.staff.create("Nok", "cashier", "2580")
    malee = store.staff.create("Malee", "manager", "1470")
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthenticationFailed) as info:
            pad.sign_in(K1, str(malee.id), "0000")
        assert info.value.tries_left == left and not isinstance(info.value, PadLocked)
        assert "Malee" not in info.value.message  # never a name
    with pytest.raises(PadLocked) as locked:
        pad.sign_in(K1, "77", "1234")
    assert locked.value.seconds == 30 and locked.value.just_locked
    # the right PIN is refused while the pad is locked, and not even checked
    with pytest.raises(PadLocked) as still:
        pad.sign_in(K1, str(nok.id), "2580")
    assert 0 < still.value.seconds <= 30 and not still.value.just_locked
    # the accounts are untouched
    for user in store.staff.list():
        assert user.failed_attempts == 0 and user.locked_until is None
    assert store.staff.authenticate("Malee", "1470").name == "Malee"  # the admin sign-in
    # another kiosk's pad is open
    assert pad.sign_in("kiosk-2", str(nok.id), "2580").name == "Nok"
    # growing delay: 30 s, then 60 s after the next wrong attempt
    clock.advance(31)
    with pytest.raises(PadLocked) as again:
        pad.sign_in(K1, str(nok.id), "1111")
    assert again.value.seconds == 60
    clock.advance(61)
    assert pad.state(K1).locked_seconds == 0
    assert pad.sign_in(K1, str(nok.id), "2580").name == "Nok"  # a right PIN resets
    assert pad.state(K1).failures == 0 and pad.state(K1).tries_left == 5

    actions = [a for a, *_ in pad_audit(store)]
    assert actions.count("staff.pad_failed") == 4
    assert actions.count("staff.pad_lockout") == 2
    assert actions.count("staff.pad_refused") == 1
    assert actions.count("staff.pad_login") == 2
    for action, who, kiosk, after in pad_audit(store):
        assert kiosk in (K1, "kiosk-2")
        assert "1470" not in str(after) and "0000" not in str(after)  # never a PIN
        if action != "staff.pad_login":
            assert who.startswith("#") or who == "?"


def test_the_lock_survives_a_restart(store: Store, clock: FakeClock) -> None:  # noqa: F811
    store.staff.create("Nok", "cashier", "2580")
    first = store.staff_pad
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            first.sign_in(K1, "1", "0000")
    with pytest.raises(PadLocked):
        first.sign_in(K1, "1", "0000")
    # a new process: a pad service of its own, which knows only what the audit log says
    restarted = StaffPadService(store.db, store.current_settings, store.staff, store.clock)
    assert restarted.state(K1).locked_seconds == 30
    with pytest.raises(PadLocked):
        restarted.sign_in(K1, "1", "2580")


def test_disabled_and_locked_accounts_and_hostile_input(
    store: Store,
    pad: StaffPadService,
    clock: FakeClock,  # noqa: F811
) -> None:
    nok = store.staff.create("Nok", "cashier", "2580")
    owner = store.staff.create("Ploy", "owner", "1357")
    store.staff.update(nok.id, owner, active=False)
    with pytest.raises(AuthenticationFailed):
        pad.sign_in(K1, str(nok.id), "2580")
    for number, pin in (
        ("", "2580"),
        ("๑", "2580"),
        ("1e3", "2580"),
        (None, None),
        (True, "2580"),
        ("9" * 40, "2580"),
        (str(owner.id), "๑๓๕๗"),
        (str(owner.id), 1357),
    ):
        clock.advance(2 * 86_400)  # past any lock: each one is refused as a wrong attempt
        with pytest.raises(AuthenticationFailed) as info:
            pad.sign_in(K1, number, pin)
        assert not isinstance(info.value, PadLocked) or info.value.just_locked
    clock.advance(2 * 86_400)
    assert pad.sign_in(K1, str(owner.id), "1357").name == "Ploy"


def test_an_account_locked_elsewhere_stays_locked_on_the_pad(
    store: Store,
    pad: StaffPadService,
) -> None:
    nok = store.staff.create("Nok", "cashier", "2580")
    for _ in range(5):  # the stand-alone panel locks the account
        with pytest.raises(AuthenticationFailed):
            store.staff.authenticate("Nok", "0000")
    with pytest.raises(AuthenticationFailed) as info:
        pad.sign_in(K1, str(nok.id), "2580")
    assert not isinstance(info.value, PadLocked) and info.value.tries_left == 4
    assert pad_audit(store)[-1][3]["why"] == "locked account"


def test_database_errors_reach_the_pad_as_kiosk_errors(
    store: Store, pad: StaffPadService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pad's screen catches kiosk errors only (the UI never imports SQLAlchemy): a
    driver error the db layer leaves as it is becomes a DatabaseError, a fault stays the
    db layer's DatabaseBusy (a DatabaseError too)."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from kiosk.services.errors import DatabaseBusy, DatabaseError

    nok = store.staff.create("Nok", "cashier", "2580")

    def broken(*_: object) -> None:
        raise ProgrammingError("SELECT", {}, Exception("no such column"))

    monkeypatch.setattr(pad, "_failures", broken)
    for attempt in (lambda: pad.state(K1), lambda: pad.sign_in(K1, str(nok.id), "2580")):
        with pytest.raises(DatabaseError) as caught:
            attempt()
        assert not isinstance(caught.value, DatabaseBusy)
        assert isinstance(caught.value.__cause__, ProgrammingError)

    def locked(*_: object) -> None:
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(pad, "_failures", locked)
    for attempt in (lambda: pad.state(K1), lambda: pad.sign_in(K1, str(nok.id), "2580")):
        with pytest.raises(DatabaseBusy):
            attempt()


def test_an_old_hash_is_upgraded_at_sign_in_on_the_pad_and_the_panel(store: Store) -> None:
    """A PIN hashed with older Argon2 parameters is re-hashed with the store's own on the
    first right PIN, whichever door staff come in by; a wrong PIN changes nothing."""
    from kiosk.db.models import StaffUser

    old = PasswordHasher(time_cost=1, memory_cost=512, parallelism=1)
    nok = store.staff.create("Nok", "cashier", "2580")
    malee = store.staff.create("Malee", "manager", "1470")

    def stored(staff_id: int) -> str:
        with store.db.read() as s:
            user = s.get(StaffUser, staff_id)
            assert user is not None
            return user.pin_hash

    with store.db.uow() as uow:
        for staff_id, pin in ((nok.id, "2580"), (malee.id, "1470")):
            user = uow.session.get(StaffUser, staff_id)
            assert user is not None
            user.pin_hash = old.hash(pin)
        uow.commit()
    before = stored(nok.id)
    with pytest.raises(AuthenticationFailed):
        store.staff_pad.sign_in(K1, nok.id, "9999")
    assert stored(nok.id) == before
    store.staff_pad.sign_in(K1, nok.id, "2580")
    store.staff.authenticate("Malee", "1470")
    for staff_id, pin in ((nok.id, "2580"), (malee.id, "1470")):
        upgraded = stored(staff_id)
        assert not FAST_HASHER.check_needs_rehash(upgraded)
        assert FAST_HASHER.verify(upgraded, pin)
