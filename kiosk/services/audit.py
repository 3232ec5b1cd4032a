"""The audit trail's one writer: every service makes its ``audit_log`` rows here, stamped
by the service's own (injected) clock, so a test's fake clock and the kiosk's wall clock
are both honoured."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.db.models import AuditLog
from kiosk.services.gateway import Clock


def audit_row(
    clock: Clock,
    *,
    staff: str,
    action: str,
    entity: str = "",
    entity_id: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditLog:
    """An audit row (not yet added to a session) for ``action`` by ``staff``; ``at`` when
    the caller already holds the moment it acted at, else ``clock.now()``."""
    return AuditLog(
        created_at=at or clock.now(),
        staff=staff,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
