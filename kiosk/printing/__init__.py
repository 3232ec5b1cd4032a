"""Printers: ESC/POS through python-escpos, Thai as raster images, a print-job worker.

No Qt here (the worker runs in the kiosk process off the UI thread, or as
``kiosk print-worker``)."""
