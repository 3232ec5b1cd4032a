"""OrderUp Kiosk: a self-service ordering kiosk for Thai restaurants."""

__version__ = "0.1.0"
