"""First run (make run): the demo says what it is, how to leave and how to reach the staff
panel, on the terminal and on screen, and its owner account really opens the panel."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.app import Store
from kiosk.services.demo import DEMO_OWNER_PIN, demo_banner, ensure_demo_owner
from tests.layout import check_layout
from tests.ui.conftest import Kiosk


def test_the_demo_owner_is_added_once_and_signs_in_on_the_staff_pad(store: Store) -> None:
    assert store.staff.count() == 0
    owner = ensure_demo_owner(store.staff)
    assert owner is not None and owner.role == "owner"
    assert ensure_demo_owner(store.staff) == owner  # never a second one
    assert store.staff.count() == 1
    pads = store.staff_pad
    signed_in = pads.sign_in(store.current_settings().store.kiosk_id, owner.id, DEMO_OWNER_PIN)
    assert signed_in.name == owner.name
    banner = demo_banner(owner)
    assert "No money moves" in banner and "close the window" in banner
    assert f"staff number {owner.id}" in banner and DEMO_OWNER_PIN in banner


def test_a_shop_with_its_own_staff_gets_no_demo_owner(store: Store) -> None:
    store.staff.create("Ploy", "owner", "86420931", by="cli")
    assert ensure_demo_owner(store.staff) is None
    assert [u.name for u in store.staff.list()] == ["Ploy"]
    assert "PIN " + DEMO_OWNER_PIN not in demo_banner(None)


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_welcome_screen_says_it_is_the_demo(
    make_kiosk: Callable[..., Kiosk], size: tuple[int, int], lang: str
) -> None:
    kiosk = make_kiosk(size=size, language=lang)
    assert not kiosk.visible("welcome_demo_note")  # a real shop's kiosk says nothing
    kiosk.window.welcome.set_demo(7, DEMO_OWNER_PIN)
    kiosk.qtbot.wait(30)
    assert kiosk.visible("welcome_demo_note")
    note = kiosk.text("welcome_demo_note")
    assert "7" in note and DEMO_OWNER_PIN in note
    problems = check_layout(kiosk.window)
    assert problems == [], "\n".join(map(str, problems))
    kiosk.window.set_language("en" if lang == "th" else "th")
    assert kiosk.text("welcome_demo_note") != note  # follows the language


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_demo_note_keeps_each_number_with_its_label(
    make_kiosk: Callable[..., Kiosk], lang: str
) -> None:
    kiosk = make_kiosk(size=(1080, 1920), language=lang)
    kiosk.window.welcome.set_demo(7, DEMO_OWNER_PIN)
    note = kiosk.text("welcome_demo_note")
    for number in ("7", DEMO_OWNER_PIN):
        at = note.index(number)
        assert note[at - 1] != " ", f"a line may break before {number!r}: {note!r}"
