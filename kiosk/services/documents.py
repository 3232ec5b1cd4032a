"""What a receipt or kitchen ticket says, as plain lines: one model for every output.

The thermal printer (raster or text), the PDF and ``kiosk receipt --text`` all draw the
same :class:`PrintDocument`, so what the customer holds, what the shop files and what a
script reads never disagree.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Style = Literal[
    "title",  # shop name, centred and bold
    "center",  # centred ordinary text
    "heading",  # document kind (ใบกำกับภาษีอย่างย่อ), centred and bold
    "big",  # the order number: huge, centred
    "text",  # left text, right-aligned amount
    "bold",  # like text, bold (totals)
    "small",  # details: English names, options, ids
    "rule",  # a dashed line
    "blank",  # an empty line
]


@dataclass(frozen=True)
class PrintLine:
    style: Style
    left: str = ""
    right: str = ""


@dataclass(frozen=True)
class PrintDocument:
    """A receipt or a ticket. ``kind`` is ``receipt`` or ``kitchen``; ``fields`` holds the
    values scripts and tests look up without parsing lines (``receipt_no``, ``order``...)."""

    kind: str
    title: str
    lines: tuple[PrintLine, ...]
    fields: dict[str, str] = field(default_factory=dict)

    def to_text(self, width: int = 48) -> str:
        """Plain text lines ``width`` columns wide (Thai combining marks take no column)."""
        out: list[str] = []
        for line in self.lines:
            if line.style == "rule":
                out.append("-" * width)
            elif line.style == "blank":
                out.append("")
            elif line.style in ("title", "center", "heading", "big"):
                text = line.left if not line.right else f"{line.left} {line.right}"
                if line.style == "big":
                    text = f"*** {text} ***"
                pad = max(0, (width - display_width(text)) // 2)
                out.append(" " * pad + text)
            else:
                left, right = line.left, line.right
                gap = width - display_width(left) - display_width(right)
                if right and gap < 1:
                    out.append(left)
                    out.append(" " * max(0, width - display_width(right)) + right)
                else:
                    out.append(left + " " * max(gap, 0) + right if right else left)
        return "\n".join(s.rstrip() for s in out) + "\n"


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal or a text-mode printer: Thai vowels and tone
    marks above or below a consonant (combining characters) take none."""
    return sum(0 if unicodedata.combining(ch) or _thai_mark(ch) else 1 for ch in text)


def _thai_mark(ch: str) -> bool:
    # Thai above/below vowels and tone marks are category Mn but some have combining class
    # 0 (e.g. U+0E31, U+0E34-U+0E3A, U+0E47-U+0E4E).
    return "\u0e00" <= ch <= "\u0e7f" and unicodedata.category(ch) == "Mn"


__all__ = ["PrintDocument", "PrintLine", "Style", "display_width"]
