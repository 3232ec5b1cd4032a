"""Rules for values made of parts: a picture's file name, lists, mappings, JSON data and
the keyword fields of an update."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

from kiosk.services.errors import (
    InvalidFileName,
    InvalidInput,
    OutOfRange,
    UnknownField,
    WrongType,
)
from kiosk.services.validation.limits import MAX_ID, shown
from kiosk.services.validation.rules import Rule, Text

_SAFE_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


class ImageName(Rule):
    """A picture for a dish: empty (none), a plain file name such as ``pad_thai.png``
    (looked up in ``assets/images``), or an absolute path into a folder named ``images``
    (where the admin panel copies a chosen picture). Never a relative path, ``..``, a
    hidden file or anything but a picture."""

    def __init__(self, max_len: int = 255, label: str | None = "Picture") -> None:
        self.text = Text(max_len, label=label)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        text = self.text.check(value, field)
        if not text:
            return ""
        path = PurePosixPath(text)
        bad = InvalidFileName(
            f"{self.name(field)} must be a picture file name such as pad_thai.png "
            "(letters, digits, dots, dashes and underscores; .png, .jpg or .webp).",
            field,
        )
        if "\\" in text or ".." in path.parts or not _SAFE_FILE.fullmatch(path.name):
            raise bad
        if path.suffix.lower() not in IMAGE_SUFFIXES or path.name.startswith("."):
            raise bad
        if len(path.parts) > 1 and not (path.is_absolute() and path.parent.name == "images"):
            raise bad
        return text


class Sequence_(Rule):
    """A list or tuple of at most ``max_items`` values, each checked by ``item``."""

    def __init__(
        self, item: Rule, max_items: int, optional: bool = True, label: str | None = None
    ) -> None:
        self.item = item
        self.max_items = max_items
        self.optional = optional
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if value is None and self.optional:
            return None
        if not isinstance(value, list | tuple | set | frozenset):
            raise WrongType(f"{self.name(field)} must be a list.", field)
        if len(value) > self.max_items:
            raise OutOfRange(
                f"{self.name(field)} can have at most {self.max_items} entries.", field
            )
        return [self.item.check(v, field) for v in value]


class Details(Rule):
    """A mapping; the listed keys are checked (a copy comes back), others are kept as given."""

    def __init__(self, keys: Mapping[str, Rule], label: str | None = None) -> None:
        self.keys = dict(keys)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise WrongType(f"{self.name(field)} must be a set of named values.", field)
        out = dict(value)
        for key, rule in self.keys.items():
            if key in value:
                out[key] = rule.check(value[key], key)
        return out


class JsonData(Rule):
    """A small JSON-able value (for an audit entry's details): mappings with text keys,
    lists, text without control characters or lone surrogates, finite numbers, yes/no,
    None; at most ``max_items`` values in all, ``max_depth`` levels deep."""

    def __init__(self, max_items: int = 200, max_depth: int = 5, label: str | None = None) -> None:
        self.max_items = max_items
        self.max_depth = max_depth
        self.text = Text(1000, strip=False, multiline=True)
        self.label = label

    def check(self, value: Any, field: str) -> Any:
        budget = [self.max_items]
        return self._walk(value, field, 0, budget)

    def _walk(self, value: Any, field: str, depth: int, budget: list[int]) -> Any:
        budget[0] -= 1
        if budget[0] < 0 or depth > self.max_depth:
            raise OutOfRange(f"{self.name(field)} is too large.", field)
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            return self.text.check(value, field)
        if isinstance(value, int):
            if abs(value) > MAX_ID * 2**32:
                raise OutOfRange(f"{self.name(field)} holds a number too large.", field)
            return value
        if isinstance(value, float):
            if not math.isfinite(value):
                raise InvalidInput(f"{self.name(field)} must hold finite numbers.", field)
            return value
        if isinstance(value, Mapping):
            out = {}
            for k, v in value.items():
                if not isinstance(k, str):
                    raise WrongType(f"{self.name(field)} must have text keys.", field)
                out[self.text.check(k, field)] = self._walk(v, field, depth + 1, budget)
            return out
        if isinstance(value, list | tuple):
            return [self._walk(v, field, depth + 1, budget) for v in value]
        raise WrongType(f"{self.name(field)} must hold text, numbers and lists only.", field)


class Fields(Rule):
    """Keyword fields for an update: unknown names are refused, known ones checked."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self.rules = dict(rules)

    def check(self, value: Any, field: str) -> Any:
        unknown = [k for k in value if k not in self.rules]
        if unknown:
            names = ", ".join(shown(k) for k in sorted(map(str, unknown))[:5])
            raise UnknownField(f"These fields cannot be updated: {names}.", str(unknown[0]))
        return {k: self.rules[k].check(v, k) for k, v in value.items()}
