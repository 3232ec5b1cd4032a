"""The log redactor masks every spelling of a phone or card number, tracebacks included,
and a DEBUG-level run of the card, sign-up and PIN flows leaves no full card number, CVV
or phone number in any log file or in the database."""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.db.models import Base
from kiosk.logsetup import redact, setup_logging
from kiosk.services.errors import AuthenticationFailed, InvalidCard
from tests.helpers import make_store

SCRIPTS = {
    "ascii": "0123456789",
    "thai": "๐๑๒๓๔๕๖๗๘๙",
    "full": "０１２３４５６７８９",
}


def ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) for ch in text if ch.isdigit())


@pytest.mark.parametrize(
    "spelling",
    [
        "66812345678",
        "+66812345678",
        "+66 81 234 5678",
        "+66-81-234-5678",
        "0812345678",
        "081-234-5678",
        "081 234 5678",
        "081.234.5678",
        "(081) 234-5678",
        "081_234_5678",
        "๐๘๑๒๓๔๕๖๗๘",
        "๐๘๑-๒๓๔-๕๖๗๘",
        "０８１２３４５６７８",
        "０８１－２３４－５６７８",
        "02 123 4567",
        "+1 202 555 0123",
    ],
)
def test_every_phone_spelling_from_the_issue_is_masked(spelling: str) -> None:
    out = redact(f"member {spelling} signed up")
    assert out.startswith("member ") and out.endswith(" signed up")
    assert "[phone ***" in out
    assert len(ascii_digits(out)) == 4


@pytest.mark.parametrize(
    "spelling",
    [
        "4242424242424242",
        "4242 4242 4242 4242",
        "4242-4242-4242-4242",
        "4242.4242.4242.4242",
        "4242_4242_4242_4242",
        "4242  4242  4242  4242",
        "๔๒๔๒๔๒๔๒๔๒๔๒๔๒๔๒",
        "４２４２４２４２４２４２４２４２",
        "3782 822463 10005",
        "4111-1111-1111-1111",
    ],
)
def test_every_card_spelling_is_masked(spelling: str) -> None:
    out = redact(f"card={spelling};")
    assert out == f"card=[card ****{ascii_digits(spelling)[-4:]}];"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("{'card_number': 'x', 'expiry': '12/35', 'cvv': '123'}", "'cvv': '***'"),
        ('{"cvc": "8317"}', '"cvc": "***"'),
        ("CVV=๑๒๓ pin: 2468", "CVV=*** pin: ***"),
        ("security code: 123", "security code: ***"),
    ],
)
def test_cvv_and_pin_values_next_to_their_name_are_masked(text: str, masked: str) -> None:
    assert masked in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-02 09:53:40,123 INFO kiosk.services.payments: payment 12 for order A001",
        "TXN_20261127_000001 refunded 1234.50 THB",
        "127.0.0.1:5432 busy for 10000 ms, order B123, 99 items",
    ],
)
def test_ordinary_log_lines_are_left_alone(text: str) -> None:
    assert redact(text) == text


def _spell(digits: str, draw: st.DrawFn) -> str:
    """``digits`` written as a person or a program might: any script per digit, groups of
    any size joined by spaces, dashes, dots, underscores or brackets."""
    script = draw(st.sampled_from(["ascii", "thai", "full", "mixed"]))
    out: list[str] = []
    i = 0
    while i < len(digits):
        size = draw(st.integers(1, 5))
        group = digits[i : i + size]
        chars = []
        for d in group:
            s = draw(st.sampled_from(list(SCRIPTS))) if script == "mixed" else script
            chars.append(SCRIPTS[s][int(d)])
        out.append("".join(chars))
        i += size
    seps = draw(st.lists(st.sampled_from([" ", "-", ".", "_", "  ", " - ", "/", "－"]), min_size=1))
    text = out[0]
    for n, group in enumerate(out[1:]):
        text += seps[n % len(seps)] + group
    if draw(st.booleans()) and len(out) > 1:
        text = f"({out[0]}) " + text[len(out[0]) :].lstrip(" -._/－")
    return text


def _luhn_complete(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body + "0")):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return body + str((10 - total % 10) % 10)


@st.composite
def phone_in_text(draw: st.DrawFn) -> tuple[str, str, str]:
    national = draw(st.sampled_from("689")) + draw(st.text("0123456789", min_size=8, max_size=8))
    form = draw(st.sampled_from(["local", "intl", "bare66"]))
    digits = {"local": "0" + national, "intl": "66" + national, "bare66": "66" + national}[form]
    spelled = _spell(digits, draw)
    if form == "intl":
        spelled = draw(st.sampled_from(["+", "+ ", "＋"])) + spelled
    before = draw(st.sampled_from(["", "member ", "โทร ", "phone=", "tel:", "('", "เบอร์"]))
    after = draw(st.sampled_from(["", " signed up", "')", ", ok", "ครับ", "."]))
    return before + spelled + after, national, digits[-4:]


@st.composite
def card_in_text(draw: st.DrawFn) -> tuple[str, str]:
    length = draw(st.integers(13, 19))
    body = draw(st.sampled_from("3456")) + draw(
        st.text("0123456789", min_size=length - 2, max_size=length - 2)
    )
    number = _luhn_complete(body)
    before = draw(st.sampled_from(["", "card ", "number=", "บัตร ", "['"]))
    after = draw(st.sampled_from(["", " declined", "']", ";", "ค่ะ"]))
    return before + _spell(number, draw) + after, number


@given(phone_in_text())
def test_property_any_phone_spelling_is_masked(case: tuple[str, str, str]) -> None:
    text, national, last4 = case
    out = redact(text)
    assert national not in ascii_digits(out), (text, out)
    assert f"***{last4}]" in out


@given(card_in_text())
def test_property_any_card_spelling_is_masked(case: tuple[str, str]) -> None:
    text, number = case
    out = redact(text)
    assert ascii_digits(out) == number[-4:], (text, out)
    assert f"[card ****{number[-4:]}]" in out


@given(phone_in_text(), card_in_text())
def test_property_tracebacks_are_masked_too(
    phone: tuple[str, str, str], card: tuple[str, str]
) -> None:
    from kiosk.logsetup import RedactingFormatter

    fmt = RedactingFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError(f"duplicate key {phone[0]} / {card[0]}")
    except ValueError:
        import sys

        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    out = fmt.format(record)
    assert "duplicate key" in out and "Traceback" in out
    lines = [line for line in out.splitlines() if "duplicate key" in line]
    assert len(lines) == 2  # the message and the exception line of the traceback
    for line in lines:
        assert phone[1] not in ascii_digits(line)
        assert card[1] not in ascii_digits(line)


# -- numbers glued to their neighbours, any separators ----------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lookup 0812345678: not found", "lookup [phone ***5678]: not found"),
        ("card 4242424242424242: declined", "card [card ****4242]: declined"),
        ("phone0812345678", "phone[phone ***5678]"),
        ("4242424242424242x", "[card ****4242]x"),
        ("0812345678_", "[phone ***5678]_"),
        ("4242 4242 4242 4242x", "[card ****4242]x"),
        ("081,234,5678", "[phone ***5678]"),
    ],
)
def test_the_outside_testers_cases_are_masked_whole(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "spelling",
    [
        "081 234 5678",
        "081-234-5678",
        "081.234.5678",
        "081,234,5678",
        "081/234/5678",
        "081_234_5678",
        "081-234.5678",
        "081 234-5678",
        "081/234,5678",
        "081_234 5678",
        "081, 234, 5678",
        "081 - 234 - 5678",
        "081\t234\t5678",
        "๐๘๑,๒๓๔/๕๖๗๘",
        "０８１，２３４．５６７８",
        "０８１／２３４＿５６７８",
    ],
)
@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", ""),
        ("tel", "ok"),
        ("x_", "_y"),
        ("id:", ":"),
        ("'", "'"),
        ('"', '"'),
        ("[", "]"),
        ("(", ")"),
        ("{", "}"),
        ("โทร", "ครับ"),
        ("phone=", ";"),
    ],
)
def test_a_phone_with_any_separator_glued_to_anything_is_masked(
    spelling: str, before: str, after: str
) -> None:
    out = redact(f"{before}{spelling}{after}")
    assert out.endswith(f"[phone ***5678]{after}"), out
    assert ascii_digits(out) == "5678", out


@pytest.mark.parametrize(
    "spelling",
    [
        "4242424242424242",
        "4242 4242 4242 4242",
        "4242,4242,4242,4242",
        "4242/4242/4242/4242",
        "4242-4242.4242_4242",
        "4242, 4242/4242 4242",
        "๔๒๔๒ ๔๒๔๒ ๔๒๔๒ ๔๒๔๒",
        "４２４２－４２４２，４２４２　４２４２",
    ],
)
@pytest.mark.parametrize(
    ("before", "after"),
    [("", ""), ("card", "x"), ("_", "_"), ("n:", ": declined"), ("['", "']"), ('"', '"')],
)
def test_a_card_with_any_separator_glued_to_anything_is_masked(
    spelling: str, before: str, after: str
) -> None:
    assert redact(f"{before}{spelling}{after}") == f"{before}[card ****4242]{after}"


def test_a_value_quoted_in_a_traceback_is_masked() -> None:
    """The tester's end-to-end case: a bad ``timeout=`` in the database URL."""
    from kiosk.logsetup import RedactingFormatter

    fmt = RedactingFormatter("%(levelname)s %(message)s")
    try:
        float("4242424242424242:")
    except ValueError:
        import sys

        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    out = fmt.format(record)
    assert "could not convert string to float: '[card ****4242]:'" in out
    assert "4242424242424242" not in ascii_digits(out)


def test_a_pin_label_does_not_hide_the_rest_of_a_number() -> None:
    out = redact("pin: 0812 345 678")
    assert len(ascii_digits(out)) <= 4, out


_GLUE = "abcxyzABCXYZ_:;'\"[](){}<>=+#@%&*!?,.-/ \n\tกขคโทรครับ\u3000\uff1a\uff08\uff09\u300c\u300d"
_SEPARATORS = [" ", "-", ".", ",", "/", "_", "  ", ", ", " - ", " / ", "\t", "－", "，", "．", "／"]


@st.composite
def number_in_text(draw: st.DrawFn) -> tuple[str, str]:
    """Any 9-to-19-digit number, each digit in any script, in groups of any size joined by
    any separators, between any characters that are not digits."""
    length = draw(st.integers(9, 19))
    number = draw(st.text("0123456789", min_size=length, max_size=length))
    text = ""
    for i, d in enumerate(number):
        if i and draw(st.booleans()):
            text += draw(st.sampled_from(_SEPARATORS))
        text += SCRIPTS[draw(st.sampled_from(list(SCRIPTS)))][int(d)]
    before = draw(st.text(_GLUE, max_size=6))
    after = draw(st.text(_GLUE, max_size=6))
    return before + text + after, number


@given(number_in_text())
def test_property_no_number_of_9_digits_or_more_survives(case: tuple[str, str]) -> None:
    text, number = case
    out = redact(text)
    digits = ascii_digits(out)
    assert number not in digits, (text, out)
    for i in range(len(number) - 4):
        assert number[i : i + 5] not in digits, (text, out)
    assert digits == number[-4:], (text, out)
    label = "card ****" if len(number) >= 13 else "phone ***"
    assert f"[{label}{number[-4:]}]" in out, (text, out)


# -- the flows at DEBUG ------------------------------------------------------------------

CARDS = {
    "4242424242424242": "4242 4242 4242 4242",
    "5555555555554444": "5555-5555-5555-4444",
    "4111111111111111": "4111111111111111",  # the declined test card
}
CVV = "8317"
PHONES = {  # national significant number: how it was typed
    "891112233": "๐๘๙-๑๑๑-๒๒๓๓",
    "891112244": "０８９ １１１ ２２４４",
    "891112255": "(089) 111-2255",
    "891112266": "66891112266",
    "891112277": "089.111.2277",
}
PIN = "5820"
# Where a member's number belongs (E.164, the key to their points) and the PIN's hash.
KEYS = {"customers.phone", "orders.customer_phone", "staff_users.pin_hash"}


def _scan(text: str, where: str) -> list[str]:
    problems = []
    for line in text.splitlines():
        line = re.sub(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}", "", line)  # the timestamp
        digits = ascii_digits(line)
        for card in CARDS:
            if card in digits:
                problems.append(f"{where}: card {card[-4:]} in {line[:80]!r}")
        for national in PHONES:
            if national in digits:
                problems.append(f"{where}: phone ***{national[-4:]} in {line[:80]!r}")
        if re.search(rf"(?<!\d){CVV}(?!\d)", line):
            problems.append(f"{where}: CVV in {line[:80]!r}")
    return problems


def test_debug_flows_leave_no_card_cvv_or_phone_in_logs_or_database(tmp_path: Path) -> None:
    log_dir = tmp_path / "logs"
    root = logging.getLogger()
    old_level = root.level
    path = setup_logging("DEBUG", log_dir, to_stderr=False)
    assert path is not None
    store = make_store(f"sqlite:///{tmp_path / 'kiosk.db'}")
    log = logging.getLogger("kiosk.test")
    try:
        store.staff.create("Ploy", "owner", PIN)
        with pytest.raises(AuthenticationFailed):
            store.staff.authenticate("Ploy", "0000")
        store.staff.authenticate("Ploy", PIN)
        for typed in PHONES.values():
            member = store.customers.register(typed, "Nok", sms_marketing=True)
            log.debug("signed up %s from %r", member.phone, typed)
            store.customers.find_by_phone(typed)
            order = store.orders.create([{"item_id": 2}], customer_phone=typed)
            for number, spelled in CARDS.items():
                details = {"card_number": spelled, "expiry": "12/35", "cvv": CVV}
                log.debug("paying with %s", details)
                result = store.payments.process_payment(
                    order.id, "card", details, f"card-{number[-4:]}-{order.id}"
                )
                if result.success:
                    break
        bad = {"card_number": "4242 4242 4242 4241", "expiry": "12/35", "cvv": CVV}
        order = store.orders.create([{"item_id": 2}])
        with pytest.raises(InvalidCard):
            store.payments.process_payment(order.id, "card", bad, "bad-card")
        try:
            raise RuntimeError(f"gateway said no for {bad} and {next(iter(PHONES.values()))}")
        except RuntimeError:
            log.exception("unexpected error for card %s", CARDS["4242424242424242"])
    finally:
        for handler in root.handlers:
            handler.flush()
        for handler in list(root.handlers):
            if getattr(handler, "_kiosk", False):
                root.removeHandler(handler)
                handler.close()
        root.setLevel(old_level)
    problems: list[str] = []
    files = sorted(log_dir.iterdir())
    assert files, "no log file written"
    text = "".join(f.read_text(encoding="utf-8") for f in files)
    assert "DEBUG" in text and "[card ****4242]" in text and "[phone ***2233]" in text
    for f in files:
        problems += _scan(f.read_text(encoding="utf-8"), f.name)
    with store.db.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(select(table)):
                values = [v for k, v in row._mapping.items() if f"{table.name}.{k}" not in KEYS]
                for value in values:
                    problems += _scan(str(value), table.name)
                if table.name == "staff_users":
                    assert row.pin_hash.startswith("$argon2id$")
                    assert not re.search(rf"(?<!\d){PIN}(?!\d)", " ".join(map(str, values)))
    store.close()
    assert problems == []
