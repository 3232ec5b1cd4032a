"""Effective settings: the config file, overridden by what staff changed in the admin panel.

Admin changes live in the ``settings`` and ``tiers`` tables, so every kiosk sharing the
database sees them. Only the keys in :data:`EDITABLE` can be changed there.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Text as Text_
from sqlalchemy import delete, select, type_coerce
from sqlalchemy.orm import Session

from kiosk.config import KEY_SHOWN, TIER_NAME_MAX, TIERS_MAX, ConfigError, Settings
from kiosk.db import Database
from kiosk.db.models import Setting, Tier
from kiosk.services.audit import audit_row
from kiosk.services.errors import InvalidInput, WrongType
from kiosk.services.events import DataChanged, Event, EventBus, SettingsChanged
from kiosk.services.gateway import Clock, SystemClock
from kiosk.services.promptpay import normalize_target
from kiosk.services.validation import MAX_INT32, STAFF, Int, Number, Text, shown, validated

# "(got 'the value')" in a configuration message: a form never echoes what was typed.
_GOT = re.compile(r" \(got .*?\)(?=; '|\.$)", re.DOTALL)

log = logging.getLogger(__name__)

#: a refused key a message names whole: shaped like a setting's name (no digits, so never
#: a phone or card number typed into it) and as short as one; any other is cut
_KEY_SHAPE = re.compile(r"[a-z][a-z_]*(\.[a-z][a-z_]*)+")


def _shown_key(key: object) -> str:
    if isinstance(key, str) and len(key) <= KEY_SHOWN and _KEY_SHAPE.fullmatch(key):
        return key
    return shown(key)


EDITABLE: tuple[str, ...] = (
    "store.name",
    "store.name_th",
    "store.promptpay_id",
    "store.vat_rate",
    "loyalty.baht_per_point",
    "loyalty.redeem_points_per_baht",
    "loyalty.expiry_months",
    "payments.promptpay_failure_rate",
    "payments.promptpay_delay_seconds",
    "payments.promptpay_timeout_seconds",
    "payments.pay_at_counter",
    "kiosk.idle_timeout_seconds",
    "kiosk.idle_warning_seconds",
    "kiosk.result_timeout_seconds",
    "kiosk.table_numbers",
    "kiosk.table_number_required",
    "admin.auto_logout_minutes",
)


_TEXT = Text(100, label="This setting")
_NUMBER = Number(-1e9, 1e9, label="This setting")
_TIER_NAME = Text(TIER_NAME_MAX, required=True, label="A tier name")
_TIER_POINTS = Int(0, MAX_INT32, label="A tier's points")


def check_value(key: str, value: Any) -> Any:
    """The shape every stored setting must have before the settings model judges it: text
    of at most 100 characters without control characters, finite numbers of sane size,
    yes/no, or (``loyalty.tiers``) names of at most 32 characters with points that fit
    the column. Raises an :class:`InvalidInput` naming ``key``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _TEXT.check(value, key)
    if isinstance(value, int | float | Decimal):
        return _NUMBER.check(value, key)
    if key == "loyalty.tiers" and isinstance(value, Mapping) and len(value) <= TIERS_MAX:
        return {_TIER_NAME.check(n, key): _TIER_POINTS.check(p, key) for n, p in value.items()}
    raise WrongType(f"The value for {key} has the wrong kind.", key)


def _nest(flat: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for key, value in flat.items():
        section, name = key.split(".", 1)
        out.setdefault(section, {})[name] = value
    return out


def _setting_rows(s: Session) -> list[tuple[str, Any]]:
    """The stored settings as (key, value); a row whose value is not JSON (edited by hand
    in the database) is left out with a warning instead of stopping every command."""
    try:
        return [(k, v) for k, v in s.execute(select(Setting.key, Setting.value)).all()]
    except ValueError:  # json.JSONDecodeError, raised while the rows are read
        pass
    rows = []
    for key, text in s.execute(select(Setting.key, type_coerce(Setting.value, Text_))).all():
        try:
            rows.append((key, json.loads(text) if isinstance(text, str) else text))
        except ValueError:
            log.warning("the stored setting %s is not readable (not JSON); left out", shown(key))
    return rows


def _jsonable(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


class SettingsService:
    """Holds the effective settings in memory.

    They are read from the database once, then again only after something says they may
    have changed: a :class:`SettingsChanged` event (this process's :meth:`update`, or
    another kiosk's through the PostgreSQL relay) or a :class:`DataChanged` event (the
    SQLite watcher saw another connection commit). So :meth:`current` costs nothing on
    the hot paths: a lookup, a payment, a painted table row.
    """

    def __init__(
        self, db: Database, base: Settings, bus: EventBus, clock: Clock | None = None
    ) -> None:
        self._db = db
        self._base = base
        self._bus = bus
        self._clock: Clock = clock or SystemClock()
        self._cached: Settings | None = None
        self._generation = 0
        self.loads = 0  # database reads of the settings (tests read it)
        bus.subscribe(self._on_changed, SettingsChanged)
        bus.subscribe(self._on_changed, DataChanged)

    def _on_changed(self, _event: Event) -> None:
        self.invalidate()

    @property
    def base(self) -> Settings:
        """The file's settings, under the admin panel's overrides."""
        return self._base

    @base.setter
    def base(self, value: Settings) -> None:
        self._base = value
        self.invalidate()

    def invalidate(self) -> None:
        """Forget the held settings; the next :meth:`current` reads them again."""
        self._generation += 1
        self._cached = None

    def current(self) -> Settings:
        """The file settings with the admin panel's overrides applied, held in memory."""
        cached = self._cached
        if cached is not None:
            return cached
        generation = self._generation
        value = self._load()
        if generation == self._generation:  # not changed again while we were reading
            self._cached = value
        return value

    def _load(self) -> Settings:
        self.loads += 1
        with self._db.read() as s:
            rows = _setting_rows(s)
            tiers = s.execute(select(Tier.name, Tier.min_lifetime_points)).all()
        flat = {k: v for k, v in rows if k in EDITABLE}
        overrides: dict[str, Any] = _nest(flat)
        if tiers:
            overrides.setdefault("loyalty", {})["tiers"] = dict(tiers)
        if not overrides:
            return self.base
        try:
            return self.base.merged(overrides)
        except ConfigError:
            pass
        # a value the file's rules refuse (a row edited by hand): its section is tried on
        # its own, and only when that fails too its keys one by one, so the rest still
        # counts and a pair saved together (the two loyalty rates) stays together
        settings = self.base
        for section, values in overrides.items():
            try:
                settings = settings.merged({section: values})
                continue
            except ConfigError:
                pass
            for key, value in values.items():
                try:
                    settings = settings.merged({section: {key: value}})
                except ConfigError as exc:
                    log.warning("a stored setting is refused and left out: %s", exc)
        return settings

    def overrides(self) -> dict[str, Any]:
        with self._db.read() as s:
            return dict(_setting_rows(s))

    @validated(staff=STAFF)
    def update(self, changes: Mapping[str, Any], staff: str) -> Settings:
        """Validate and store ``{"loyalty.baht_per_point": 20, ...}``; audited."""
        if not isinstance(changes, Mapping):
            raise WrongType("The settings to change must be given as named values.", "changes")
        unknown = [k for k in changes if k not in EDITABLE and k != "loyalty.tiers"]
        if unknown:
            names = ", ".join(_shown_key(k) for k in unknown[:5])
            raise InvalidInput(
                f"These settings cannot be changed here: {names}.", _shown_key(unknown[0])
            )
        changes = {k: check_value(k, v) for k, v in changes.items()}
        current = self.current()
        try:
            validated = current.merged(_nest(dict(changes)))
        except ConfigError as exc:
            text = _GOT.sub("", str(exc)).replace("overrides", "the settings form")
            raise InvalidInput(text) from None
        if "store.promptpay_id" in changes:
            normalize_target(str(changes["store.promptpay_id"]))
        with self._db.uow() as uow:
            s = uow.session
            before: dict[str, Any] = {}
            after: dict[str, Any] = {}
            for key, _value in changes.items():
                section, name = key.split(".", 1)
                new_value = getattr(getattr(validated, section), name)
                before[key] = _jsonable(getattr(getattr(current, section), name))
                after[key] = _jsonable(new_value)
                if key == "loyalty.tiers":
                    s.execute(delete(Tier))
                    s.add_all(Tier(name=n, min_lifetime_points=p) for n, p in new_value.items())
                    continue
                row = s.get(Setting, key)
                if row is None:
                    s.add(Setting(key=key, value=_jsonable(new_value), updated_by=staff))
                else:
                    row.value = _jsonable(new_value)
                    row.updated_by = staff
            s.add(
                audit_row(
                    self._clock,
                    staff=staff,
                    action="settings.update",
                    entity="settings",
                    before=before,
                    after=after,
                )
            )
            uow.after_commit(lambda: self._bus.publish(SettingsChanged(keys=tuple(changes))))
            uow.commit()
        self.invalidate()  # even if a subscriber above failed
        return self.current()
