"""Draw a :class:`PrintDocument` as a 1-bit image at the printer's dot width (Pillow).

Thai goes to the printer as pixels, shaped by HarfBuzz (Pillow's raqm layout) with the
shipped Noto Sans Thai, so vowels and tone marks sit where they belong on any printer,
whatever code pages it has. Latin text uses Noto Sans; each run of text gets the font
that has its glyphs.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

from kiosk.services.documents import PrintDocument, PrintLine

FONT_DIR = Path(__file__).resolve().parents[2] / "assets" / "fonts"
THAI_FONTS = {False: "NotoSansThai-Regular.ttf", True: "NotoSansThai-Bold.ttf"}
LATIN_FONTS = {False: "NotoSans-Regular.ttf", True: "NotoSans-Bold.ttf"}

# Sizes in pixels for an 80 mm (576-dot) roll; a 58 mm roll scales them by 384/576.
SIZES: dict[str, tuple[int, bool]] = {
    "title": (34, True),
    "center": (26, False),
    "heading": (28, True),
    "big": (120, True),
    "text": (26, False),
    "bold": (28, True),
    "small": (22, False),
    "rule": (22, False),
    "blank": (22, False),
}
MARGIN = 6
THRESHOLD = 150  # grey level below which an anti-aliased pixel prints black


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


@functools.lru_cache(maxsize=64)
def font(size: int, bold: bool, thai: bool, override: str | None = None) -> ImageFont.FreeTypeFont:
    name = override or (THAI_FONTS if thai else LATIN_FONTS)[bold]
    layout = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(FONT_DIR / name), size, layout_engine=layout)


def runs(text: str) -> list[tuple[bool, str]]:
    """Split ``text`` into (is_thai, run) pieces; a space stays with the run it is in, so a
    Thai phrase with spaces is shaped as one piece (Noto Sans Thai has no digits or Latin
    letters, so those always go to Noto Sans)."""
    out: list[tuple[bool, str]] = []
    for ch in text:
        thai = is_thai(ch) if not ch.isspace() else (out[-1][0] if out else False)
        if out and out[-1][0] == thai:
            out[-1] = (thai, out[-1][1] + ch)
        else:
            out.append((thai, ch))
    return out


class TextPainter:
    """Measures and draws mixed Thai/Latin text at one size."""

    def __init__(self, size: int, bold: bool, thai_font: str | None = None) -> None:
        self.size = size
        self.bold = bold
        self.thai_font = thai_font

    def _font(self, thai: bool) -> ImageFont.FreeTypeFont:
        return font(self.size, self.bold, thai, self.thai_font if thai else None)

    def width(self, text: str) -> int:
        return round(sum(self._font(t).getlength(r) for t, r in runs(text)))

    def draw(self, draw: ImageDraw.ImageDraw, x: float, y: float, text: str) -> None:
        for thai, run in runs(_printable(text)):
            f = self._font(thai)
            draw.text((x, y), run, font=f, fill=0)
            x += f.getlength(run)

    def wrap(self, text: str, width: int) -> list[str]:
        """Break ``text`` so each piece fits ``width``: at spaces where possible, never
        before a combining Thai mark (it belongs to the consonant before it)."""
        if self.width(text) <= width or not text:
            return [text]
        pieces: list[str] = []
        current = ""
        for word in _words(text):
            if self.width(current + word) <= width or not current:
                current += word
                while self.width(current) > width and len(current) > 1:
                    cut = _last_break(current, lambda s: self.width(s) <= width)
                    pieces.append(current[:cut])
                    current = current[cut:]
            else:
                pieces.append(current.rstrip())
                current = word.lstrip()
        if current:
            pieces.append(current)
        return pieces


def _printable(text: str) -> str:
    """Characters the shipped fonts lack, as ones they have (− U+2212 → -)."""
    return text.replace("\u2212", "-")


def _words(text: str) -> list[str]:
    words: list[str] = []
    for part in text.split(" "):
        words.append((" " if words else "") + part)
    return words


def _last_break(text: str, fits: object) -> int:
    cut = len(text) - 1
    while cut > 1 and (
        not fits(text[:cut])  # type: ignore[operator]
        or unicodedata.category(text[cut]) == "Mn"  # a mark belongs to the consonant before
        or "\u0e40" <= text[cut - 1] <= "\u0e44"  # เ แ โ ใ ไ belong to the consonant after
    ):
        cut -= 1
    return max(cut, 1)


def _line_height(size: int) -> int:
    return int(size * 1.5)  # room for Thai marks above and below the line


def render_document(doc: PrintDocument, dots: int, thai_font: str | None = None) -> Image.Image:
    """The document as a black-on-white ``"1"`` image exactly ``dots`` wide.

    ``thai_font`` replaces the Thai font (tests draw with a font that lacks Thai to know
    what boxes would look like)."""
    scale = dots / 576
    width = dots - 2 * MARGIN
    rows: list[tuple[PrintLine, list[str], TextPainter]] = []
    for line in doc.lines:
        size, bold = SIZES.get(line.style, SIZES["text"])
        painter = TextPainter(max(10, int(size * scale)), bold, thai_font)
        right_w = painter.width(line.right) + painter.size if line.right else 0
        rows.append((line, painter.wrap(line.left, max(width - right_w, width // 3)), painter))
    height = sum(_line_height(p.size) * max(1, len(parts)) for _l, parts, p in rows) + 2 * MARGIN
    image = Image.new("L", (dots, height + 16), 255)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line, parts, painter in rows:
        h = _line_height(painter.size)
        if line.style == "rule":
            for x in range(MARGIN, dots - MARGIN, 12):
                draw.line((x, y + h // 2, x + 6, y + h // 2), fill=0, width=2)
            y += h
            continue
        for i, part in enumerate(parts):
            top = y + (h - painter.size) // 4
            if line.style in ("title", "center", "heading", "big"):
                text = part if not line.right else f"{part} {line.right}"
                painter.draw(draw, (dots - painter.width(text)) / 2, top, text)
            else:
                painter.draw(draw, MARGIN, top, part)
                if line.right and i == len(parts) - 1:
                    painter.draw(draw, dots - MARGIN - painter.width(line.right), top, line.right)
            y += h
    return image.point(lambda v: 255 if v >= THRESHOLD else 0, mode="1")


__all__ = ["TextPainter", "render_document", "runs"]
