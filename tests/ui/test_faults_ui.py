"""Database faults under a running kiosk, with real taps: the file overwritten with
garbage, the disk full, a lock held by another program. The customer sees the calm "please
ask staff" screen (staff see what is wrong and what to do), the cart is kept, nothing
committed is lost, and once the fault is gone the same kiosk takes the order: no restart."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.app import Store, open_store
from kiosk.services.demo import seed_demo
from kiosk.ui.crash import install_exception_hook
from tests.ui.conftest import Kiosk


def db_file(kiosk: Kiosk) -> Path:
    return Path(kiosk.store.db.engine.url.database or "")


def counts(path: Path) -> dict[str, Any]:
    conn = sqlite3.connect(path)
    try:
        out = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("customers", "memberships", "menu_items", "orders", "payments")
        }
        out["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return out


def checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


@pytest.fixture
def hooked(make_kiosk: Callable[..., Kiosk]) -> Iterator[Kiosk]:
    kiosk = make_kiosk()
    uninstall = install_exception_hook(
        kiosk.flow.show_error_screen, kiosk.window, pass_exception=True
    )
    yield kiosk
    uninstall()


def pay_cash_after_back(kiosk: Kiosk) -> None:
    kiosk.tap("error_back")
    kiosk.wait_screen("review")
    kiosk.tap("review_checkout")
    kiosk.wait_screen("member")
    kiosk.skip_member()
    kiosk.tap("pay_cash")
    kiosk.wait_result()
    assert kiosk.order().status == "preparing"


def test_garbage_database_file_while_running(hooked: Kiosk) -> None:
    kiosk = hooked
    path = db_file(kiosk)
    before = counts(path)
    kiosk.start()
    kiosk.add("Fresh Coconut", quantity=2)
    kiosk.to_member()
    good = path.read_bytes()  # what a backup would bring back
    path.write_bytes(os.urandom(len(good)))

    kiosk.tap("member_skip")
    kiosk.wait_screen("error")
    assert kiosk.text("error_message") == "Please ask staff for help."
    detail = kiosk.text("error_detail")
    assert "damaged or was replaced" in detail and "Put the right file back" in detail
    assert "Traceback" not in str(kiosk.visible_texts())
    assert kiosk.text("error_back") == "Back to my order"
    assert kiosk.flow.cart.count == 2  # the cart is kept
    assert kiosk.flow.order is None  # nothing was written into the broken file

    path.write_bytes(good)  # staff put the file back
    pay_cash_after_back(kiosk)
    after = counts(path)
    assert after["integrity"] == "ok"
    assert after["orders"] == before["orders"] + 1 and after["menu_items"] == before["menu_items"]
    assert after["customers"] == before["customers"]


def test_error_screen_in_thai_names_the_fault(hooked: Kiosk) -> None:
    kiosk = hooked
    path = db_file(kiosk)
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.window.set_language("th")
    good = path.read_bytes()
    path.write_bytes(b"garbage!" * (len(good) // 8))
    kiosk.tap("member_skip")
    kiosk.wait_screen("error")
    assert "Please ask staff" not in kiosk.text("error_message")
    assert kiosk.text("error_detail") and "For staff" not in kiosk.text("error_detail")
    kiosk.window.set_language("en")  # the paragraph follows a language switch
    assert kiosk.text("error_detail").startswith("For staff:")
    path.write_bytes(good)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (tests/unit/test_faults.py also covers it)")
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mnt)], capture_output=True
    )
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.decode().strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The disk-full test keeps its database on a small tmpfs."""
    for name in ("small_disk", "read_only_mount"):
        if name in request.fixturenames:
            disk = request.getfixturevalue(name)
            return f"sqlite:///{disk / 'kiosk.db'}"
    return f"sqlite:///{tmp_path / 'kiosk.db'}"


def test_disk_full_while_running(small_disk: Path, hooked: Kiosk) -> None:
    kiosk = hooked
    path = db_file(kiosk)
    assert path.parent == small_disk
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.add("Thai Iced Tea")
    kiosk.to_member()
    checkpoint(path)  # an empty WAL: the order needs new disk space
    before = counts(path)
    filler = small_disk / "filler"
    st = os.statvfs(small_disk)
    filler.write_bytes(b"\0" * (st.f_bavail * st.f_frsize))

    kiosk.tap("member_skip")
    kiosk.wait_screen("error")
    assert "disk is full" in kiosk.text("error_detail")
    assert kiosk.flow.cart.count == 2

    filler.unlink()  # staff free some space
    assert counts(path) == before  # nothing half-written
    pay_cash_after_back(kiosk)
    assert counts(path)["orders"] == before["orders"] + 1


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """As tests/ui/conftest.py's, with a short busy timeout for the lock test."""
    s = open_store(
        db_url,
        config={
            "payments": {
                "promptpay_delay_seconds": 0,
                "promptpay_failure_rate": 0,
                "cash_acceptor": True,
            },
            "kiosk": {"language": "en"},
            "database": {"busy_timeout_ms": 300},
        },
        migrate=True,
        rng=random.Random(1),
    )
    seed_demo(s.db, s.settings_file)
    yield s
    s.close()


def test_locked_database_keeps_cart_and_screen(hooked: Kiosk) -> None:
    """A lock passes by itself: the customer is told to try again on the same screen."""
    kiosk = hooked
    path = db_file(kiosk)
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        kiosk.tap("member_skip")
        assert kiosk.screen() == "member"
        assert kiosk.text("member_error") == "The kiosk is busy for a moment. Please try again."
        assert kiosk.flow.cart.count == 1 and kiosk.flow.order is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    kiosk.skip_member()  # the lock is gone: the same tap works
    kiosk.tap("pay_cash")
    kiosk.wait_result()


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A seeded database in a folder bind-mounted read-only onto itself (needs root); the
    test mounts it read-write again, as a fixed disk would come back."""
    folder = tmp_path / "sd"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (tests/unit/test_faults.py uses modes)")
    seeded = open_store(f"sqlite:///{folder / 'kiosk.db'}", migrate=True)
    seed_demo(seeded.db, seeded.settings_file)
    seeded.close()
    ok = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
    if ok.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {ok.stderr.decode().strip()}")
    subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_read_only_disk_then_writable_again(read_only_mount: Path, hooked: Kiosk) -> None:
    """A kiosk on a read-only disk still shows the menu; the order cannot be saved, the
    cart waits, and once the disk is writable again the same kiosk takes the order."""
    kiosk = hooked
    path = db_file(kiosk)
    assert path.parent == read_only_mount
    before = counts(path)
    kiosk.start()
    kiosk.add("Green Curry Chicken")
    kiosk.to_member()
    kiosk.tap("member_skip")
    kiosk.wait_screen("error")
    assert "read-only" in kiosk.text("error_detail")
    assert kiosk.flow.cart.count == 1 and kiosk.flow.order is None
    subprocess.run(["mount", "-o", "remount,bind,rw", str(read_only_mount)], check=True)
    assert counts(path) == before
    pay_cash_after_back(kiosk)
    assert counts(path)["orders"] == before["orders"] + 1
