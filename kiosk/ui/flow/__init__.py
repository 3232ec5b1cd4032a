"""The kiosk's controller, :class:`KioskFlow`: the customer's way to an order
(:mod:`.ordering`), from order to paid (:mod:`.paying`), and navigation, idle and live
changes (:mod:`.controller`)."""

from kiosk.ui.flow.controller import Ask, KioskFlow, Timing

__all__ = ["Ask", "KioskFlow", "Timing"]
