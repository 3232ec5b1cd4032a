"""``kiosk staff add`` / ``list`` drive StaffService (PIN from --pin or stdin)."""

from __future__ import annotations

import io

import pytest

from kiosk.app import open_store
from kiosk.cli import main


def test_staff_add_and_list(
    db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_url, migrate=True).close()
    assert (
        main(["staff", "add", "Ploy", "--role", "owner", "--pin", "2468", "--database-url", db_url])
        == 0
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("1357\n"))
    assert main(["staff", "add", "Nok", "--database-url", db_url]) == 0
    assert main(["staff", "add", "Lek", "--pin", "12", "--database-url", db_url]) == 2
    assert main(["staff", "list", "--database-url", db_url]) == 0
    out, err = capsys.readouterr()
    assert "Added Ploy (owner), staff number 1 for the kiosk's pad." in out
    assert "Added Nok (cashier), staff number 2" in out
    assert "4 to 8 digits" in err
    assert "Nok" in out.splitlines()[-2] and "cashier" in out.splitlines()[-2]
    assert out.splitlines()[-2].split()[0] == "2"  # the staff number the kiosk's pad asks for
    store = open_store(db_url)
    assert store.staff.authenticate("Nok", "1357").role == "cashier"
    store.close()


def test_staff_list_has_a_header_columns_that_fit_and_says_when_empty(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_store(db_url, migrate=True).close()
    assert main(["staff", "list", "--database-url", db_url]) == 0
    assert "No staff members yet" in capsys.readouterr().out  # it printed nothing
    long = "Somchai Jaidee-Srisawat the Second"
    for name, pin in ((long, "2468"), ("Nok", "1357")):
        assert main(["staff", "add", name, "--pin", pin, "--database-url", db_url]) == 0
    capsys.readouterr()
    assert main(["staff", "list", "--database-url", db_url]) == 0
    head, *rows = capsys.readouterr().out.splitlines()
    assert head.split() == ["No.", "Name", "Role", "State"]
    role_column = {row.index("cashier") for row in rows}
    assert len(rows) == 2 and len(role_column) == 1  # a long name does not push its role out
