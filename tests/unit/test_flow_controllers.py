"""The kiosk's controller is small controllers composed by KioskFlow (issue #12): no
mixins sharing state through ``self``, and no controller handed the whole window or
the whole store."""

from __future__ import annotations

import inspect

import grimp

from kiosk.ui.flow import KioskFlow
from kiosk.ui.flow.cart import CartController
from kiosk.ui.flow.idle import IdleController
from kiosk.ui.flow.member import MemberController
from kiosk.ui.flow.payment import PaymentController
from kiosk.ui.flow.result import ReceiptController, ResultController

CONTROLLERS = (
    CartController,
    IdleController,
    MemberController,
    PaymentController,
    ReceiptController,
    ResultController,
)


def test_kiosk_flow_mixes_in_nothing_of_the_kiosk() -> None:
    ours = [c.__qualname__ for c in KioskFlow.__mro__ if c.__module__.startswith("kiosk.")]
    assert ours == ["KioskFlow"], f"KioskFlow inherits kiosk classes: {ours}"


def test_no_controller_takes_the_window_or_the_store() -> None:
    taken = [
        f"{c.__name__}({name})"
        for c in CONTROLLERS
        for name in inspect.signature(c.__init__).parameters
        if name in ("window", "store", "w", "flow")
    ]
    assert not taken, "controllers handed the window or the store: " + ", ".join(taken)


def test_only_the_coordinator_names_the_window_or_the_store() -> None:
    """Even under ``TYPE_CHECKING``: the controllers see screens and services only."""
    graph = grimp.build_graph("kiosk", exclude_type_checking_imports=False, cache_dir=None)
    found = [
        f"{module} -> {imported}"
        for module in sorted(graph.find_descendants("kiosk.ui.flow"))
        if module != "kiosk.ui.flow.controller"
        for imported in graph.find_modules_directly_imported_by(module)
        if imported in ("kiosk.app", "kiosk.ui.main_window")
    ]
    assert not found, "\n".join(found)
