"""Turn off SQLite's checkpoint-on-close for one connection, on every Python we support.

Python 3.12 added ``sqlite3.Connection.setconfig`` and ``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``.
On 3.11 the same switch is reached through ``ctypes``: CPython 3.11's connection object
keeps its ``sqlite3 *`` handle right after the object header, and the function is taken
from the library the ``_sqlite3`` module itself is linked with. The handle is only used
once ``sqlite3_db_filename`` has confirmed it belongs to the file this connection opened,
and the setting is read back, so a layout we do not expect means "not available", never
a crash or a write through a wrong pointer.

Why it matters: a connection dropped because its file was overwritten under a running
kiosk must not copy its WAL into that file when it closes (see ``kiosk.db.engine``).
"""

from __future__ import annotations

import ctypes
import logging
import os
import sqlite3
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE = 1006  # sqlite3.h, since SQLite 3.16.2


@cache
def _library() -> ctypes.CDLL | None:
    try:
        import _sqlite3  # the extension module: its dependencies hold the real library

        lib = ctypes.CDLL(_sqlite3.__file__)
        lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.sqlite3_db_filename.restype = ctypes.c_char_p
        lib.sqlite3_db_config.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.POINTER(ctypes.c_int),
        ]
        lib.sqlite3_db_config.restype = ctypes.c_int
        lib.sqlite3_libversion.restype = ctypes.c_char_p
        if lib.sqlite3_libversion().decode() != sqlite3.sqlite_version:
            return None  # not the library the module uses
        return lib
    except (ImportError, OSError, AttributeError):
        return None


def _handle(conn: sqlite3.Connection, path: Path) -> int | None:
    """The ``sqlite3 *`` of ``conn`` if it demonstrably is the handle of ``path``."""
    lib = _library()
    if lib is None or type(conn) is not sqlite3.Connection:
        return None
    pointer = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not pointer:
        return None
    name = lib.sqlite3_db_filename(pointer, b"main")
    if name is None or os.path.realpath(name.decode()) != os.path.realpath(path):
        return None
    return pointer


def disable_checkpoint_on_close(conn: sqlite3.Connection, path: Path | None) -> bool:
    """Set NO_CKPT_ON_CLOSE on ``conn``; True when the setting is confirmed in place."""
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:  # Python 3.12+
        setconfig(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, True)
        return bool(conn.getconfig(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE))
    if path is None:
        return False
    pointer = _handle(conn, path)
    if pointer is None:
        return False
    lib = _library()
    assert lib is not None
    out = ctypes.c_int(-1)
    if lib.sqlite3_db_config(pointer, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, ctypes.byref(out)):
        return False
    return out.value == 1
