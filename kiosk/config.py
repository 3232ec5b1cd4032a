"""Configuration: a TOML file plus environment variables, validated into one frozen object.

Precedence, lowest first: built-in defaults, the TOML file, environment variables,
explicit overrides (``open_store(config=...)``, command-line flags). Settings an owner
changes in the admin panel are stored in the database and applied on top by
``kiosk.services.settings`` so that every kiosk of a store sees them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from kiosk.config_sources import (
    APP_NAME,
    DEFAULT_STORE_NAME,
    DEFAULT_STORE_NAME_TH,
    ENV_KEYS,
    IDLE_TIMEOUT_SECONDS,
    ConfigError,
    default_config_path,
    default_data_dir,
    default_database_url,
    default_log_dir,
    env_names,
    read_toml,
    settings_data,
)
from kiosk.config_sources import deep_merge as _deep_merge

DEFAULT_TIERS: dict[str, int] = {"bronze": 0, "silver": 200, "gold": 500, "platinum": 1000}

#: tiers at most, and a tier's name at most (the admin panel's and the ``tiers`` table's)
TIERS_MAX = 20
TIER_NAME_MAX = 32
#: what a message quotes of a refused key whole (longer: cut like a value)
KEY_SHOWN = 40


class _Section(BaseModel):
    # floats are finite (inf and nan are refused with their own message)
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _text(value: str, max_len: int, *, required: bool = False, multiline: bool = False) -> str:
    """``value`` checked as the services check text before they store it (the rules of
    :mod:`kiosk.services.validation`): stripped, at most ``max_len`` characters, no control
    character (tab and newline only when ``multiline``), lone surrogate or bidirectional
    override such as U+202E; ``required``: not empty. Raises ``ValueError``."""
    from kiosk.services.errors import InvalidText, Required, TooLong
    from kiosk.services.validation import Text

    rule = Text(max_len, required=required, multiline=multiline)
    try:
        return rule.check(value, "value")
    except TooLong:
        raise ValueError(f"can have at most {max_len} characters") from None
    except Required:
        raise ValueError("must not be empty") from None
    except InvalidText:
        raise ValueError(
            "contains a control character"
            + ("" if multiline else " (such as a tab or a newline)")
            + ", a broken emoji or a direction override such as U+202E"
        ) from None


#: a store name at most (the panel's settings screen holds it to the same)
STORE_NAME_MAX = 100
#: a kiosk id at most (the orders', payments' and receipts' ``kiosk_id`` column)
KIOSK_ID_MAX = 64
#: an address at most (printed on receipts)
ADDRESS_MAX = 1000


class StoreSettings(_Section):
    name: str = Field(default=DEFAULT_STORE_NAME, max_length=STORE_NAME_MAX)
    name_th: str = Field(default=DEFAULT_STORE_NAME_TH, max_length=STORE_NAME_MAX)
    promptpay_id: str = "0812345678"
    kiosk_id: str = "kiosk-1"
    vat_rate: Decimal = Field(default=Decimal("7"), ge=0, le=100)
    phone_region: str = "TH"
    timezone: str = "Asia/Bangkok"
    #: the privacy policy a member agrees to when they opt in to marketing (stored with it)
    privacy_policy_version: str = Field(default="2026-01", min_length=1, max_length=32)
    # Thai tax receipts (Revenue Code 86/6): with vat_registered the customer receipt is an
    # abbreviated tax invoice carrying these; without, a plain receipt.
    vat_registered: bool = False
    tax_id: str = ""  # the seller's 13-digit tax ID
    branch: str = "00000"  # 00000 = head office (สำนักงานใหญ่), else the branch number
    address: str = ""
    address_th: str = ""
    pos_id: str = ""  # the Revenue Department's POS registration number of this kiosk

    @field_validator("tax_id")
    @classmethod
    def _tax_id(cls, v: str) -> str:
        from kiosk.services.taxid import normalize_tax_id

        return normalize_tax_id(v) if v.strip() else ""

    @field_validator("branch")
    @classmethod
    def _branch(cls, v: str) -> str:
        v = v.strip()
        if not (v.isdigit() and len(v) <= 5):
            raise ValueError("must be up to 5 digits (00000 = head office)")
        return v.zfill(5)

    @model_validator(mode="after")
    def _registered_needs_tax_id(self) -> StoreSettings:
        if self.vat_registered and not self.tax_id:
            raise ValueError("vat_registered = true needs the 13-digit tax_id")
        return self

    @field_validator("name", "name_th")
    @classmethod
    def _storable_name(cls, v: str) -> str:
        return _text(v, STORE_NAME_MAX)

    @field_validator("kiosk_id")
    @classmethod
    def _storable_kiosk_id(cls, v: str) -> str:
        return _text(v, KIOSK_ID_MAX, required=True)

    @field_validator("address", "address_th")
    @classmethod
    def _storable_address(cls, v: str) -> str:
        return _text(v, ADDRESS_MAX, multiline=True)

    @field_validator("phone_region")
    @classmethod
    def _upper_region(cls, v: str) -> str:
        if len(v) != 2 or not v.isalpha():
            raise ValueError("must be a two-letter country code such as TH")
        import phonenumbers

        if not v.isascii() or phonenumbers.country_code_for_region(v.upper()) == 0:
            raise ValueError("is not a country the phone number rules know (such as TH or LA)")
        return v.upper()

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {v!r}") from exc
        return v


class DatabaseSettings(_Section):
    url: str = ""
    busy_timeout_ms: int = Field(default=10_000, ge=50, le=600_000)


class LoyaltySettings(_Section):
    # 0.01-99999.99 THB and 1-10,000 points, as the admin panel takes them: at 0.01 an
    # order's points (at most 9,999,999.99 THB) stay inside the points column
    baht_per_point: Decimal = Field(
        default=Decimal("10"), ge=Decimal("0.01"), le=Decimal("99999.99")
    )
    redeem_points_per_baht: int = Field(default=10, ge=1, le=10_000)
    expiry_months: int = Field(default=12, ge=1, le=120)
    tiers: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_TIERS))

    @model_validator(mode="after")
    def _sane_reward(self) -> LoyaltySettings:
        # What a baht spent gives back: (1 / baht_per_point) points × (1 / points_per_baht) THB.
        # Above 20% a typo (0.1 instead of 10) would give food away; refuse it.
        if self.baht_per_point * self.redeem_points_per_baht < 5:
            raise ValueError(
                "baht_per_point × redeem_points_per_baht must be at least 5 (a reward of at "
                "most 20% of what is spent); the defaults 10 × 10 give 1%"
            )
        return self

    @field_validator("tiers")
    @classmethod
    def _valid_tiers(cls, v: dict[str, int]) -> dict[str, int]:
        if not v:
            raise ValueError("needs at least one tier")
        if 0 not in v.values():
            raise ValueError("the lowest tier must start at 0 points")
        if any(points < 0 for points in v.values()):
            raise ValueError("tier thresholds cannot be negative")
        # points columns are PostgreSQL INTEGER, and Qt's widgets (the member screen's
        # progress bar) take 32-bit ints: the services' own bound
        from kiosk.services.validation.limits import MAX_INT32

        if any(points > MAX_INT32 for points in v.values()):
            raise ValueError(f"a tier threshold can be at most {MAX_INT32:,} points")
        if len(v) > TIERS_MAX:
            raise ValueError(f"can have at most {TIERS_MAX} tiers")
        for name in v:
            try:
                _text(name, TIER_NAME_MAX, required=True)
            except ValueError as exc:
                raise ValueError(f"a tier's name {exc}") from None
        if len(set(v.values())) != len(v):
            raise ValueError("two tiers have the same threshold")
        return dict(sorted(v.items(), key=lambda kv: kv[1]))


class PaymentSettings(_Section):
    promptpay_failure_rate: float = Field(default=0.10, ge=0, le=1)
    promptpay_delay_seconds: float = Field(default=3, ge=0, le=600)
    promptpay_timeout_seconds: int = Field(default=120, ge=10, le=1800)
    # Cash goes to the counter (staff mark it paid) unless a cash acceptor is fitted.
    cash_acceptor: bool = False
    pay_at_counter: bool = False
    # The mock gateway's own ledger: empty for a file in the user data folder;
    # ":memory:" keeps it in the process (tests only: it is lost on a restart).
    mock_ledger: str = ""
    # Service charge, percent of the food's price before VAT (VAT is charged on food plus
    # the charge). 0 = none.
    service_charge_percent: Decimal = Field(default=Decimal("0"), ge=0, le=10)


class KioskSettings(_Section):
    language: Literal["th", "en"] = "th"
    kiosk_mode: bool = False
    idle_timeout_seconds: int = Field(
        default=60, ge=IDLE_TIMEOUT_SECONDS[0], le=IDLE_TIMEOUT_SECONDS[1]
    )
    idle_warning_seconds: int = Field(default=10, ge=3, le=120)
    result_timeout_seconds: int = Field(default=30, ge=5, le=600)
    receipts_dir: str = ""
    orientation: Literal["auto", "portrait", "landscape"] = "auto"
    #: dine-in asks for a table number, a pager number, or nothing
    table_numbers: Literal["none", "table", "pager"] = "none"
    #: true: the number must be given (no "Skip" on its keypad)
    table_number_required: bool = False


class AdminSettings(_Section):
    auto_logout_minutes: int = Field(default=5, ge=1, le=240)
    lockout_attempts: int = Field(default=5, ge=1, le=20)
    lockout_seconds: int = Field(default=30, ge=1, le=86400)


PRINTER_SCHEMES = ("tcp", "usb", "serial", "file", "cups", "none")


class PrinterSettings(_Section):
    """One printer role (``[printers.kitchen]``, ``[printers.receipt]``)."""

    url: str = "none"  # tcp://host:9100, usb://0x04b8:0x0202, serial:///dev/ttyUSB0, ...
    width_mm: Literal[58, 80] = 80
    mode: Literal["raster", "text"] = "raster"  # raster: Thai drawn as an image
    cash_drawer: Literal[0, 2, 5] = 0  # kick the drawer on pin 2 or 5 after a receipt
    language: Literal["th", "en"] = "th"
    timeout_seconds: float = Field(default=10, gt=0, le=120)

    @field_validator("url")
    @classmethod
    def _known_scheme(cls, v: str) -> str:
        v = v.strip()
        scheme = v.split("://", 1)[0].lower() if "://" in v else v.lower()
        if scheme not in PRINTER_SCHEMES:
            raise ValueError(
                "must be tcp://HOST:PORT, usb://VENDOR:PRODUCT, serial:///dev/..., "
                "file:///dev/usb/lp0, cups://NAME or none"
            )
        return "none" if scheme == "none" else v

    @property
    def enabled(self) -> bool:
        return self.url != "none"

    @property
    def dots(self) -> int:
        """Printable width in dots at 203 dpi: 384 on 58 mm paper, 576 on 80 mm."""
        return 384 if self.width_mm == 58 else 576


class PrintersSettings(_Section):
    kitchen: PrinterSettings = Field(default_factory=PrinterSettings)
    receipt: PrinterSettings = Field(default_factory=PrinterSettings)
    # A job a worker claimed is its own for this long; a crashed worker's job is taken over
    # after it. Must be well above a printer's timeout.
    lease_seconds: float = Field(default=60, ge=1, le=3600)
    retry_seconds: float = Field(default=5, gt=0, le=600)
    worker: bool = True  # run a print worker inside the kiosk process

    def role(self, name: str) -> PrinterSettings:
        if name not in ("kitchen", "receipt"):
            raise ValueError(f"unknown printer role {name!r}: use kitchen or receipt")
        return getattr(self, name)


class BoardSettings(_Section):
    """``kiosk board``: the order-ready screen for a TV."""

    ready_seconds: int = Field(default=600, ge=10, le=7200)  # a ready order leaves after this
    highlight_seconds: int = Field(default=15, ge=1, le=600)  # a new ready number glows
    chime: bool = True
    orientation: Literal["auto", "portrait", "landscape"] = "auto"


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    dir: str = ""

    @field_validator("level", mode="before")
    @classmethod
    def _upper_level(cls, v: Any) -> Any:
        return v.upper() if isinstance(v, str) else v


class Settings(_Section):
    store: StoreSettings = Field(default_factory=StoreSettings)
    database: DatabaseSettings = Field(default_factory=DatabaseSettings)
    loyalty: LoyaltySettings = Field(default_factory=LoyaltySettings)
    payments: PaymentSettings = Field(default_factory=PaymentSettings)
    kiosk: KioskSettings = Field(default_factory=KioskSettings)
    admin: AdminSettings = Field(default_factory=AdminSettings)
    printers: PrintersSettings = Field(default_factory=PrintersSettings)
    board: BoardSettings = Field(default_factory=BoardSettings)
    logging: LoggingSettings = Field(default_factory=LoggingSettings)

    # -- derived locations -------------------------------------------------
    @property
    def database_url(self) -> str:
        return self.database.url or default_database_url()

    @property
    def mock_ledger_path(self) -> str:
        """Where the mock gateway keeps its books (outside the kiosk's database); a relative
        path is in the data folder, so the provider's books do not depend on the folder a
        command is run from."""
        ledger = self.payments.mock_ledger
        if ledger == ":memory:" or (ledger and Path(ledger).is_absolute()):
            return ledger
        return str(default_data_dir() / (ledger or "mock-gateway-ledger.sqlite"))

    @property
    def log_dir(self) -> Path:
        return Path(self.logging.dir) if self.logging.dir else default_log_dir()

    @property
    def receipts_dir(self) -> Path:
        if self.kiosk.receipts_dir:
            return Path(self.kiosk.receipts_dir)
        return Path(platformdirs.user_data_dir(APP_NAME)) / "receipts"

    def merged(self, overrides: Mapping[str, Any]) -> Settings:
        """Return a copy with ``overrides`` (same shape as the TOML file) applied."""
        return build_settings(_deep_merge(self.model_dump(), dict(overrides)), source="overrides")


def _format_validation_error(
    exc: ValidationError, source: str, env_vars: Mapping[str, str] | None = None
) -> str:
    from kiosk.services.validation.limits import shown as excerpt

    def part(p: object) -> str:  # a key's part whole when short and printable, else cut
        text = str(p)
        return text if len(text) <= KEY_SHOWN and text.isprintable() else excerpt(text)

    problems = []
    for err in exc.errors():
        full = ".".join(str(p) for p in err["loc"])
        key = ".".join(part(p) for p in err["loc"]) or "(top level)"
        if err["type"] == "extra_forbidden":
            problems.append(f"unknown key '{key}'")
        else:
            value = err.get("input")
            if isinstance(value, str):
                shown = f" (got {excerpt(value)!r})"
            elif isinstance(value, dict):
                shown = ""
            else:  # a number, a list...: a short excerpt of how it reads
                shown = f" (got {excerpt(repr(value))})"
            var = (env_vars or {}).get(full)
            named = f"'{key}' (from {var})" if var else f"'{key}'"
            problems.append(f"{named}: {err['msg']}{shown}")
    return f"Invalid configuration in {source}: " + "; ".join(problems) + "."


def build_settings(
    data: Mapping[str, Any],
    source: str = "configuration",
    env_vars: Mapping[str, str] | None = None,
) -> Settings:
    """Validate a mapping shaped like the TOML file into :class:`Settings`; ``env_vars``
    (``section.key`` → variable) names the variable behind a refused value."""
    try:
        return Settings.model_validate(dict(data))
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc, source, env_vars)) from None


def load_settings(
    config_path: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Load settings: defaults ← TOML file ← environment ← ``overrides``.

    ``config_path`` falls back to ``$KIOSK_CONFIG`` and then to the user config directory;
    a path given explicitly must exist, the default one may be missing.
    """
    data, source = settings_data(config_path, env, overrides)
    names = env_names(os.environ if env is None else env)
    return build_settings(data, source=source, env_vars=names)


__all__ = [
    "APP_NAME",
    "DEFAULT_TIERS",
    "ENV_KEYS",
    "ConfigError",
    "Settings",
    "build_settings",
    "default_config_path",
    "default_data_dir",
    "default_database_url",
    "load_settings",
    "read_toml",
]
