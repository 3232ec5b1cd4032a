"""The staff admin panel: sign-in, dashboard, orders, members, menu, settings, staff,
audit log and CSV export. Opened with ``kiosk admin`` or from the kiosk's hidden gesture
(:func:`kiosk.ui.admin.app.open_from_kiosk`)."""
