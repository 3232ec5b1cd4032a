"""Printer URLs to python-escpos connections, with errors a person can act on.

``tcp://192.168.1.50:9100`` (raw port 9100), ``usb://0x04b8:0x0202``,
``serial:///dev/ttyUSB0?baudrate=19200``, ``file:///dev/usb/lp0``, ``cups://NAME``,
``none``. Only a TCP printer answers status queries here (``DLE EOT 4``, paper sensor):
the worker asks before a job (out of paper → keep it queued) and after it (the answer
comes once the printer has read every byte before it).
"""

from __future__ import annotations

import contextlib
import importlib.util
import socket
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kiosk.config import PrinterSettings

PAPER_STATUS = b"\x10\x04\x04"  # DLE EOT 4: roll paper sensor status
PAPER_END = 0x60  # bits 5 and 6: paper end detected
PAPER_NEAR_END = 0x0C  # bits 2 and 3: paper near end


class PrinterError(Exception):
    """The printer cannot print now; the message says why in words staff understand."""


class PrinterUnreachable(PrinterError):
    pass


class PrinterOutOfPaper(PrinterError):
    pass


class PrinterNotAnswering(PrinterError):
    pass


class BadPrinterUrl(PrinterError):
    pass


class Connection:
    """One open printer: ``send`` bytes, ``paper`` status where the transport can read."""

    def __init__(self, device: Any, url: str, readable: bool) -> None:
        self.device = device
        self.url = url
        self.readable = readable

    def send(self, data: bytes) -> None:
        try:
            self.device._raw(data)
        except (TimeoutError, OSError) as exc:
            raise PrinterNotAnswering(
                f"The printer at {self.url} stopped taking data ({exc})."
            ) from None

    def paper(self) -> int:
        """2 paper fine, 1 near its end, 0 out; raises if the printer does not answer."""
        try:
            self.device._raw(PAPER_STATUS)
            status = self.device._read()
        except (TimeoutError, OSError) as exc:
            raise PrinterNotAnswering(
                f"The printer at {self.url} does not answer ({exc or 'timed out'})."
            ) from None
        if not status:
            raise PrinterNotAnswering(f"The printer at {self.url} closed the connection.")
        if status[0] & PAPER_END == PAPER_END:
            return 0
        return 1 if status[0] & PAPER_NEAR_END == PAPER_NEAR_END else 2

    def close(self) -> None:
        # Closing a dead connection must not hide the real error.
        with contextlib.suppress(Exception):
            self.device.close()


def open_printer(settings: PrinterSettings) -> Connection:
    """Connect to the printer ``settings.url`` names; raises :class:`PrinterError`."""
    url = settings.url
    if not settings.enabled:
        raise BadPrinterUrl('No printer is configured for this role (url = "none").')
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "tcp://[::1": an unclosed IPv6 bracket
        raise BadPrinterUrl(f"{url!r} is not a printer address ({exc}).") from None
    scheme = parts.scheme.lower()
    timeout = settings.timeout_seconds
    try:
        if scheme == "tcp":
            if not parts.hostname:
                raise BadPrinterUrl(f"{url!r} has no host: use tcp://192.168.1.50:9100.")
            from escpos.printer import Network

            try:
                port = parts.port or 9100
            except ValueError:
                raise BadPrinterUrl(f"{url!r} has a port that is not a number.") from None
            device = Network(parts.hostname, port=port, timeout=timeout)
            try:
                device.open()
            except Exception as exc:
                raise PrinterUnreachable(
                    f"Cannot reach the printer at {parts.hostname}:{port}: "
                    f"{_reason(exc)}. Is it switched on and on the network?"
                ) from None
            return Connection(device, url, readable=True)
        if scheme == "usb":
            vendor, _, product = parts.netloc.partition(":")
            try:
                ids = int(vendor, 16), int(product, 16)
            except ValueError:
                raise BadPrinterUrl(
                    f"{url!r}: give the USB vendor and product ids, e.g. usb://0x04b8:0x0202."
                ) from None
            from escpos.printer import Usb

            device = Usb(*ids, timeout=int(timeout * 1000))
        elif scheme == "serial":
            options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
            baud = options.get("baudrate", "9600")
            if not baud.isdigit():
                raise BadPrinterUrl(f"{url!r}: the baudrate is a number, e.g. baudrate=19200.")
            from escpos.printer import Serial

            device = Serial(devfile=parts.path, baudrate=int(baud), timeout=timeout)
        elif scheme == "file":
            from escpos.printer import File

            device = File(devfile=parts.path)
        elif scheme == "cups":
            if importlib.util.find_spec("cups") is None:
                raise PrinterUnreachable(
                    f"{url}: printing through CUPS needs the pycups package, which is not "
                    "installed (pip install pycups; it builds against libcups2-dev). A network "
                    "printer can be given as tcp://ADDRESS:9100 instead."
                )
            from escpos.printer import CupsPrinter

            device = CupsPrinter(printer_name=parts.netloc or parts.path.lstrip("/"))
        else:
            raise BadPrinterUrl(
                f"{url!r} is not a printer URL: use tcp://, usb://, serial://, file://, "
                "cups:// or none."
            )
        device.open()
    except PrinterError:
        raise
    except Exception as exc:
        raise PrinterUnreachable(f"Cannot open the printer {url}: {_reason(exc)}.") from None
    return Connection(device, url, readable=False)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().replace("\n", " ")
    if isinstance(exc, ConnectionRefusedError) or "refused" in text.lower():
        return "the connection was refused"
    if isinstance(exc, TimeoutError | socket.timeout) or "timed out" in text.lower():
        return "no answer (timed out)"
    if "usb" in type(exc).__module__.lower() or "No module named" in text:
        return text
    return text or type(exc).__name__


__all__ = [
    "BadPrinterUrl",
    "Connection",
    "PrinterError",
    "PrinterNotAnswering",
    "PrinterOutOfPaper",
    "PrinterUnreachable",
    "open_printer",
]
