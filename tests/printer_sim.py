"""A pretend ESC/POS network printer on 127.0.0.1 that tests can switch off, stall or
starve of paper at any moment.

It answers ``DLE EOT 4`` (paper status) and counts a ticket as printed when it has read
everything from ``ESC @`` to the cut (``GS V``); a connection dropped before the cut is a
torn ticket, counted apart.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from dataclasses import dataclass, field

INIT = b"\x1b@"
CUT = b"\x1dV"
PAPER_QUERY = b"\x10\x04\x04"
PAPER_OK = b"\x12"
PAPER_OUT = b"\x72"


@dataclass
class Ticket:
    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode("latin-1")

    @property
    def order(self) -> str | None:
        m = re.search(r"\*\*\* ([A-Z]\d{3}) \*\*\*", self.text)
        return m.group(1) if m else None

    @property
    def flagged(self) -> bool:
        return "REPRINT? CHECK" in self.text

    @property
    def reprint(self) -> bool:
        return "REPRINT ***" in self.text


@dataclass
class PrinterSim:
    """``mode``: ``ok``, ``stall`` (accepts, never reads or answers), ``nopaper`` (answers
    "paper end"), ``off`` (refuses connections)."""

    mode: str = "ok"
    tickets: list[Ticket] = field(default_factory=list)
    torn: int = 0
    port: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._conns: list[socket.socket] = []
        self._server: socket.socket | None = None
        self._stop = threading.Event()
        self._listen()
        if self.mode == "off":
            self.mode = "ok"
            self.set_mode("off")

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _listen(self) -> None:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", self.port))
        srv.listen(16)
        srv.settimeout(0.2)
        self.port = srv.getsockname()[1]
        self._server = srv
        threading.Thread(target=self._accept, args=(srv,), daemon=True).start()

    def set_mode(self, mode: str) -> None:
        """Switch; ``off`` closes the port and drops every connection mid-ticket."""
        with self._lock:
            old, self.mode = self.mode, mode
        if mode == "off" or mode == "stall":
            self.drop_connections()
        if mode == "off" and self._server is not None:
            # shutdown() stops the listening at once; close() alone would leave it open
            # until the accept thread's call returns.
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None
        if old == "off" and mode != "off":
            self._listen()

    def drop_connections(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()

    def close(self) -> None:
        self._stop.set()
        self.set_mode("off")

    def _accept(self, srv: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = srv.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._conns.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        buf = b""
        conn.settimeout(0.2)
        try:
            while not self._stop.is_set():
                if self.mode == "stall":
                    self._stop.wait(0.1)
                    continue
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    continue
                if not chunk:
                    break
                buf += chunk
                while True:
                    q = buf.find(PAPER_QUERY)
                    if q < 0:
                        break
                    before, buf = buf[:q], buf[q + len(PAPER_QUERY) :]
                    self._consume(before)
                    conn.sendall(PAPER_OUT if self.mode == "nopaper" else PAPER_OK)
                buf = self._consume(buf, final=False)
        except OSError:
            pass
        finally:
            if INIT in buf:
                with self._lock:
                    self.torn += 1
            conn.close()

    def _consume(self, data: bytes, final: bool = True) -> bytes:
        """Record every complete ticket in ``data``; return what is left over."""
        while True:
            start = data.find(INIT)
            if start < 0:
                return b""
            cut = data.find(CUT, start)
            if cut < 0 or len(data) < cut + 3:
                if final and start >= 0:
                    # A status query in the middle of a ticket never happens; keep it.
                    return data[start:]
                return data[start:]
            with self._lock:
                self.tickets.append(Ticket(data[start : cut + 3]))
            data = data[cut + 3 :]

    def by_order(self) -> dict[str, list[Ticket]]:
        out: dict[str, list[Ticket]] = {}
        with self._lock:
            for t in self.tickets:
                if t.order:
                    out.setdefault(t.order, []).append(t)
        return out
