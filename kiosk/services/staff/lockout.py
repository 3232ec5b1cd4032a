"""How long a wrong PIN locks: the rule shared by the accounts (the stand-alone panel's
sign-in) and the kiosk's staff pad (:mod:`kiosk.services.staff_pad`), and how to say it."""

from __future__ import annotations

MAX_LOCK_SECONDS = 86_400


def lock_seconds(failed_attempts: int, attempts: int, base_seconds: int) -> int:
    """How long to lock after ``failed_attempts`` wrong PINs in a row (0: not locked).

    ``attempts`` wrong PINs lock for ``base_seconds``; each further one doubles it.
    """
    if failed_attempts < attempts:
        return 0
    extra = min(failed_attempts - attempts, 20)
    return min(base_seconds * 2**extra, MAX_LOCK_SECONDS)


def duration_text(seconds: int) -> str:
    """``30 seconds``, ``2 minutes``, ``3 hours``: how long a lock-out lasts, in a message."""
    if seconds < 90:
        return f"{seconds} seconds"
    if seconds < 5400:
        return f"{round(seconds / 60)} minutes"
    return f"{round(seconds / 3600)} hours"


__all__ = ["MAX_LOCK_SECONDS", "duration_text", "lock_seconds"]
