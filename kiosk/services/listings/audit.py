"""The audit log's listing: filter by action prefix, staff name and time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from kiosk.config import Settings
from kiosk.db import Database
from kiosk.db.models import AuditLog
from kiosk.services.listings.base import Listing, _filter_changes, _prefix_range, clean_search
from kiosk.services.views import AuditRow

# -- audit log ----------------------------------------------------------------------------


class AuditListing(Listing[AuditRow]):
    model = AuditLog
    sort_keys: ClassVar[dict[str, tuple[InstrumentedAttribute[Any], ...]]] = {
        "created_at": (AuditLog.created_at,),
        "action": (AuditLog.action, AuditLog.created_at),
    }
    default_sort = ("created_at", True)

    def __init__(
        self,
        db: Database,
        settings: Callable[[], Settings],
        action_prefix: str = "",
        staff: str = "",
        since: datetime | None = None,
        until: datetime | None = None,
        sort: str | None = None,
        descending: bool | None = None,
    ) -> None:
        super().__init__(db, settings, sort, descending)
        self.action_prefix = clean_search(action_prefix)
        self.staff = clean_search(staff)
        self.since = since
        self.until = until

    def with_filters(self, **changes: Any) -> AuditListing:
        clone = self._clone()
        for key, value in _filter_changes(changes, ("action_prefix", "staff", "since", "until")):
            setattr(clone, key, value)
        return clone

    def _filters(self) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.action_prefix:
            out.append(_prefix_range(AuditLog.action, self.action_prefix))
        if self.staff:
            out.append(AuditLog.staff == self.staff)
        if self.since is not None:
            out.append(AuditLog.created_at >= self.since)
        if self.until is not None:
            out.append(AuditLog.created_at < self.until)
        return out

    def _load(self, s: Session, ids: Sequence[int]) -> dict[int, AuditRow]:
        return {
            a.id: AuditRow(
                id=a.id,
                created_at=a.created_at,
                staff=a.staff,
                action=a.action,
                entity=a.entity,
                entity_id=a.entity_id,
                before=a.before,
                after=a.after,
            )
            for a in s.scalars(select(AuditLog).where(AuditLog.id.in_(ids)))
        }

    def actions(self) -> list[str]:
        """The distinct action prefixes seen (``staff``, ``order``, ...), for a filter box."""
        with self._db.read() as s:
            names = s.scalars(select(AuditLog.action).distinct()).all()
        return sorted({n.split(".", 1)[0] for n in names})
