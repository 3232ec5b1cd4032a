"""The kiosk's controllers, one per concern, composed by :class:`KioskFlow`
(:mod:`.controller`): the checkout :class:`~.session.Session` they share, the cart
(:mod:`.cart`), the member (:mod:`.member`), payment and PromptPay polling
(:mod:`.payment`), the Result screen and receipt (:mod:`.result`) and idle handling
(:mod:`.idle`)."""

from kiosk.ui.flow.controller import KioskFlow
from kiosk.ui.flow.session import Ask, Timing

__all__ = ["Ask", "KioskFlow", "Timing"]
