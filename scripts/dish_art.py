"""Illustrated dish pictures for the demo menu, drawn procedurally with Pillow.

An offline tool, not part of the kiosk: run ``.venv/bin/python scripts/dish_art.py
[--out assets/images]`` to (re)draw every picture the demo menu names; the PNGs it
writes are kept in ``assets/images``. Each is a 400x300 PNG: a plate, bowl or glass seen
from above at an angle, in the dish's own colours, on a warm table. Drawn at 3x and
scaled down for smooth edges.
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

W, H = 400, 300
S = 3  # supersampling
RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]


def _c(hex_colour: str, alpha: int = 255) -> tuple[int, int, int, int]:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), alpha)


def _mix(a: str, b: str, t: float) -> tuple[int, int, int, int]:
    ca, cb = _c(a), _c(b)
    r, g, b = (round(ca[i] + (cb[i] - ca[i]) * t) for i in range(3))
    return (r, g, b, 255)


class Canvas:
    def __init__(self, backdrop: tuple[str, str], seed: int) -> None:
        self.img = Image.new("RGBA", (W * S, H * S))
        self.rng = random.Random(seed)
        self._backdrop(*backdrop)
        self.d = ImageDraw.Draw(self.img, "RGBA")

    # -- scaffolding ---------------------------------------------------------------
    def _backdrop(self, inner: str, outer: str) -> None:
        w, h = W * S, H * S
        grad = Image.new("RGBA", (w, h), _c(outer))
        gd = ImageDraw.Draw(grad)
        cx, cy = w * 0.5, h * 0.45
        maxr = math.hypot(w, h) * 0.55
        steps = 48
        for i in range(steps, 0, -1):
            t = i / steps
            r = maxr * t
            gd.ellipse((cx - r, cy - r * 0.8, cx + r, cy + r * 0.8), fill=_mix(inner, outer, t))
        self.img.alpha_composite(grad)
        # linen: faint diagonal weave
        lay = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        ld = ImageDraw.Draw(lay)
        for x in range(-h, w, 18):
            ld.line((x, 0, x + h, h), fill=(255, 255, 255, 14), width=4)
        self.img.alpha_composite(lay)

    def shadow(self, box: Box, strength: int = 90, blur: int = 28, dy: float = 14) -> None:
        lay = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        x0, y0, x1, y1 = (v * S for v in box)
        ImageDraw.Draw(lay).ellipse((x0, y0 + dy * S, x1, y1 + dy * S), fill=(60, 35, 10, strength))
        self.img.alpha_composite(lay.filter(ImageFilter.GaussianBlur(blur)))

    def layer(self, fn: Callable[[ImageDraw.ImageDraw], None], blur: float = 0) -> None:
        lay = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        fn(ImageDraw.Draw(lay, "RGBA"))
        if blur:
            lay = lay.filter(ImageFilter.GaussianBlur(blur))
        self.img.alpha_composite(lay)

    def clip(self, mask_box: Box, fn: Callable[[ImageDraw.ImageDraw], None]) -> None:
        """Draw with ``fn`` but keep only what falls inside the ellipse ``mask_box``."""
        lay = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        fn(ImageDraw.Draw(lay, "RGBA"))
        mask = Image.new("L", self.img.size, 0)
        ImageDraw.Draw(mask).ellipse(tuple(v * S for v in mask_box), fill=255)
        clipped = Image.new("RGBA", self.img.size, (0, 0, 0, 0))
        clipped.paste(lay, (0, 0), Image.composite(lay, clipped, mask).getchannel("A"))
        self.img.alpha_composite(clipped)

    # -- primitives in 400x300 units -------------------------------------------------
    def ellipse(self, box: Box, fill: str | tuple, outline: str | None = None, width: float = 0):
        self.d.ellipse(
            tuple(v * S for v in box),
            fill=_c(fill) if isinstance(fill, str) else fill,
            outline=_c(outline) if outline else None,
            width=int(width * S),
        )

    def polygon(self, pts: list[tuple[float, float]], fill: str | tuple) -> None:
        self.d.polygon(
            [(x * S, y * S) for x, y in pts], fill=_c(fill) if isinstance(fill, str) else fill
        )

    def line(self, pts: list[tuple[float, float]], fill: str | tuple, width: float) -> None:
        self.d.line(
            [(x * S, y * S) for x, y in pts],
            fill=_c(fill) if isinstance(fill, str) else fill,
            width=max(1, int(width * S)),
            joint="curve",
        )

    def dot(self, x: float, y: float, r: float, fill: str | tuple) -> None:
        self.ellipse((x - r, y - r * 0.8, x + r, y + r * 0.8), fill)

    def finish(self) -> Image.Image:
        return self.img.resize((W, H), Image.LANCZOS).convert("RGB")

    # -- tableware ------------------------------------------------------------------------
    def plate(self, cx: float = 200, cy: float = 160, rx: float = 150, ry: float = 104) -> Box:
        self.shadow((cx - rx, cy - ry, cx + rx, cy + ry))
        self.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), "#F4EFE6")
        self.ellipse((cx - rx + 3, cy - ry + 2, cx + rx - 3, cy + ry - 5), "#FFFFFF")
        inner = (cx - rx * 0.74, cy - ry * 0.72, cx + rx * 0.74, cy + ry * 0.72)
        self.ellipse(inner, "#F1ECE2")
        self.ellipse((inner[0] + 2, inner[1] + 3, inner[2] - 2, inner[3]), "#FBF9F5")
        return inner

    def bowl(
        self,
        cx: float = 200,
        cy: float = 140,
        rx: float = 128,
        ry: float = 84,
        colour: str = "#FFFFFF",
    ) -> Box:
        self.shadow((cx - rx * 1.05, cy - ry * 0.4, cx + rx * 1.05, cy + ry * 1.55), 110, 26, 6)
        body = [(cx - rx, cy)]
        for i in range(0, 181, 6):
            a = math.radians(i)
            body.append(
                (cx - rx * math.cos(a) * (1 - 0.18 * math.sin(a)), cy + ry * 1.25 * math.sin(a))
            )
        body.append((cx + rx, cy))
        self.polygon(body, colour)
        # foot shading
        self.layer(
            lambda d: d.ellipse(
                tuple(v * S for v in (cx - rx * 0.7, cy + ry * 0.7, cx + rx * 0.7, cy + ry * 1.3)),
                fill=(120, 90, 60, 40),
            ),
            blur=10,
        )
        # rim band pattern (Thai bowl)
        self.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), "#E9E2D6")
        inner = (cx - rx + 8, cy - ry + 6, cx + rx - 8, cy + ry - 6)
        return inner

    def rim_pattern(self, cx: float, cy: float, rx: float, ry: float, colour: str) -> None:
        for i in range(0, 180, 12):
            a = math.radians(i)
            x = cx - rx * math.cos(a) * 0.95
            y = cy + ry * 1.25 * math.sin(a) * 0.5 + 6
            self.dot(x, y + 10, 3.2, colour)

    # -- food ----------------------------------------------------------------------------
    def noodles(self, box: Box, colours: list[str], n: int = 70, width: float = 3.2, amp=6.0):
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        for _ in range(n):
            a = self.rng.uniform(0, math.tau)
            r = self.rng.uniform(0, 0.85)
            sx, sy = cx + rx * r * math.cos(a), cy + ry * r * math.sin(a)
            ang = self.rng.uniform(0, math.tau)
            length = self.rng.uniform(40, 90)
            pts = []
            for k in range(14):
                t = k / 13
                px = sx + math.cos(ang) * length * (t - 0.5)
                py = sy + math.sin(ang) * length * (t - 0.5) * 0.7
                px += math.sin(t * 9 + a) * amp * -math.sin(ang)
                py += math.sin(t * 9 + a) * amp * math.cos(ang) * 0.7
                if ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 < 0.95:
                    pts.append((px, py))
            if len(pts) > 3:
                colour = self.rng.choice(colours)
                self.line(pts, "#00000018" if False else _c(colour), width)

    def scatter(
        self,
        box: Box,
        count: int,
        draw: Callable[[float, float, float], None],
        spread: float = 0.8,
    ) -> None:
        x0, y0, x1, y1 = box
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        for _ in range(count):
            a = self.rng.uniform(0, math.tau)
            r = math.sqrt(self.rng.uniform(0, 1)) * spread
            draw(
                cx + rx * r * math.cos(a), cy + ry * r * math.sin(a), self.rng.uniform(0, math.tau)
            )

    def prawn(self, x: float, y: float, ang: float, size: float = 16) -> None:
        pts_outer = []
        for k in range(0, 11):
            t = math.radians(200 + k * 22)
            pts_outer.append((x + size * math.cos(t + ang), y + size * 0.75 * math.sin(t + ang)))
        self.line(pts_outer, "#F08A5D", size * 0.55)
        self.line(pts_outer[1:-1], "#FBB48A", size * 0.22)
        tail = pts_outer[-1]
        self.dot(tail[0], tail[1], size * 0.28, "#E2553A")

    def leaf(self, x: float, y: float, ang: float, size: float = 10, colour: str = "#3C8D2F"):
        pts = []
        for k in range(21):
            t = k / 20 * math.tau
            lx = size * math.cos(t)
            ly = size * 0.45 * math.sin(t) * (1 - 0.3 * math.cos(t))
            pts.append(
                (
                    x + lx * math.cos(ang) - ly * math.sin(ang),
                    y + (lx * math.sin(ang) + ly * math.cos(ang)) * 0.8,
                )
            )
        self.polygon(pts, colour)
        self.line(
            [
                (x - size * 0.8 * math.cos(ang), y - size * 0.8 * math.sin(ang) * 0.8),
                (x + size * 0.8 * math.cos(ang), y + size * 0.8 * math.sin(ang) * 0.8),
            ],
            _c("#FFFFFF", 70),
            1.2,
        )

    def chunk(self, x: float, y: float, ang: float, size: float, colour: str, shade: str) -> None:
        pts = []
        for k in range(7):
            t = ang + k / 7 * math.tau
            r = size * self.rng.uniform(0.75, 1.1)
            pts.append((x + r * math.cos(t), y + r * 0.8 * math.sin(t)))
        self.polygon(pts, shade)
        self.polygon([(px - 1.5, py - 1.5) for px, py in pts], colour)

    def liquid(self, box: Box, colour: str, edge: str) -> None:
        self.ellipse(box, edge)
        x0, y0, x1, y1 = box
        self.ellipse((x0 + 5, y0 + 5, x1 - 5, y1 - 3), colour)
        # sheen
        self.layer(
            lambda d: d.ellipse(
                tuple(v * S for v in (x0 + 30, y0 + 12, x0 + (x1 - x0) * 0.55, y0 + 30)),
                fill=(255, 255, 255, 50),
            ),
            blur=12,
        )

    def oil_drops(self, box: Box, colour: str, n: int = 14) -> None:
        self.scatter(
            box,
            n,
            lambda x, y, a: self.ellipse((x - 4, y - 2.5, x + 4, y + 2.5), _c(colour, 150)),
            0.75,
        )

    def rice_mound(
        self,
        cx: float,
        cy: float,
        rx: float,
        ry: float,
        base: str = "#FFFDF7",
        grain: str = "#EDE6D6",
    ) -> None:
        self.shadow((cx - rx, cy - ry * 0.2, cx + rx, cy + ry * 1.1), 50, 10, 2)
        self.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), base)
        box = (cx - rx, cy - ry, cx + rx, cy + ry)
        self.scatter(
            box,
            int(rx * ry / 9),
            lambda x, y, a: self.line(
                [(x, y), (x + 4 * math.cos(a), y + 3 * math.sin(a))], grain, 2.2
            ),
            0.92,
        )
        self.layer(
            lambda d: d.ellipse(
                tuple(v * S for v in (cx - rx * 0.6, cy - ry * 0.8, cx + rx * 0.1, cy - ry * 0.1)),
                fill=(255, 255, 255, 90),
            ),
            14,
        )

    def lime(self, x: float, y: float, size: float = 18) -> None:
        self.polygon(
            [(x, y), (x + size * 1.6, y - size * 0.3), (x + size * 1.3, y + size * 0.7)], "#6DA83A"
        )
        self.polygon(
            [(x + 3, y), (x + size * 1.45, y - size * 0.2), (x + size * 1.2, y + size * 0.55)],
            "#CDE68A",
        )

    def chili(self, x: float, y: float, ang: float, size: float = 5) -> None:
        self.ellipse((x - size, y - size * 0.8, x + size, y + size * 0.8), "#D7261E")
        self.ellipse(
            (x - size * 0.45, y - size * 0.35, x + size * 0.45, y + size * 0.35), "#F6D36B"
        )

    def glass(
        self,
        cx: float,
        top: float,
        bottom: float,
        wt: float,
        wb: float,
        fill_top: float,
        liquid: list[str],
    ) -> None:
        self.shadow((cx - wb * 1.3, bottom - 16, cx + wb * 1.3, bottom + 14), 110, 16, 0)
        outline = [(cx - wt, top), (cx + wt, top), (cx + wb, bottom), (cx - wb, bottom)]
        self.polygon(outline, _c("#FFFFFF", 70))
        lt = top + (bottom - top) * fill_top
        wl = wt + (wb - wt) * fill_top
        n = len(liquid)
        for i, col in enumerate(liquid):
            y0 = lt + (bottom - 6 - lt) * i / n
            y1 = lt + (bottom - 6 - lt) * (i + 1) / n
            w0 = wl + (wb - wl) * (y0 - lt) / (bottom - lt)
            w1 = wl + (wb - wl) * (y1 - lt) / (bottom - lt)
            self.polygon(
                [(cx - w0 + 3, y0), (cx + w0 - 3, y0), (cx + w1 - 3, y1), (cx - w1 + 3, y1)], col
            )
        self.ellipse((cx - wl + 3, lt - 7, cx + wl - 3, lt + 7), liquid[0])
        self.ellipse((cx - wb + 2, bottom - 8, cx + wb - 2, bottom + 6), _c("#FFFFFF", 90))
        # rim and highlights
        self.ellipse((cx - wt, top - 9, cx + wt, top + 9), _c("#FFFFFF", 40), "#FFFFFF", 2)
        self.line([(cx - wt * 0.7, top + 16), (cx - wb * 0.72, bottom - 16)], _c("#FFFFFF", 120), 6)

    def ice(self, cx: float, cy: float, n: int = 4, size: float = 14) -> None:
        for i in range(n):
            x = cx + (i - n / 2) * size * 1.1 + self.rng.uniform(-4, 4)
            y = cy + self.rng.uniform(-6, 6)
            self.polygon(
                [
                    (x, y - size * 0.5),
                    (x + size, y - size * 0.3),
                    (x + size * 0.8, y + size * 0.6),
                    (x - size * 0.1, y + size * 0.4),
                ],
                _c("#FFFFFF", 70),
            )

    def straw(self, x0: float, y0: float, x1: float, y1: float, colour: str = "#2E8B57") -> None:
        self.line([(x0, y0), (x1, y1)], colour, 9)
        self.line([(x0 + 2, y0), (x1 + 2, y1)], _c("#FFFFFF", 90), 2.5)

    def banana_leaf(self, cx: float, cy: float, rx: float, ry: float, ang: float = -0.25) -> None:
        pts = []
        for k in range(40):
            t = k / 39 * math.tau
            x = rx * math.cos(t)
            y = ry * math.sin(t) * (0.8 + 0.2 * math.cos(t))
            pts.append(
                (
                    cx + x * math.cos(ang) - y * math.sin(ang),
                    cy + x * math.sin(ang) + y * math.cos(ang),
                )
            )
        self.polygon(pts, "#3F7D3A")
        for k in range(-8, 9):
            x = k * rx / 9
            self.line(
                [
                    (cx + x * math.cos(ang), cy + x * math.sin(ang)),
                    (
                        cx + x * math.cos(ang) - ry * 0.9 * math.sin(ang) + 10,
                        cy + x * math.sin(ang) + ry * 0.9 * math.cos(ang),
                    ),
                ],
                _c("#5D9B4F", 120),
                2,
            )
        self.line(
            [
                (cx - rx * math.cos(ang), cy - rx * math.sin(ang)),
                (cx + rx * math.cos(ang), cy + rx * math.sin(ang)),
            ],
            "#8CBF6A",
            3,
        )


# -- the dishes ---------------------------------------------------------------------------


def pad_thai(c: Canvas) -> None:
    inner = c.plate()
    c.noodles(inner, ["#E9B86A", "#DDA457", "#F1C985", "#D39447"], 120, 4.2, 5)
    c.scatter(inner, 5, lambda x, y, a: c.prawn(x, y, a, 17), 0.55)
    c.scatter(
        inner,
        18,
        lambda x, y, a: c.line(
            [(x, y), (x + 14 * math.cos(a), y + 8 * math.sin(a))], "#4E9A35", 3.5
        ),
        0.7,
    )
    c.scatter(inner, 50, lambda x, y, a: c.dot(x, y, 2.2, "#C9935A"), 0.6)
    c.scatter(inner, 12, lambda x, y, a: c.dot(x, y, 3, "#F3E8C8"), 0.6)  # bean sprouts
    c.lime(250, 170, 22)


def kaprao(c: Canvas) -> None:
    inner = c.plate()
    c.rice_mound(160, 160, 64, 42)
    box = (190, 115, 300, 200)
    c.scatter(box, 160, lambda x, y, a: c.chunk(x, y, a, 5, "#9A5A2E", "#6E3C1C"), 0.85)
    c.scatter(box, 14, lambda x, y, a: c.leaf(x, y, a, 11, "#2F7A2A"), 0.8)
    c.scatter(box, 8, lambda x, y, a: c.chili(x, y, a, 3.5), 0.7)
    # fried egg on the rice
    c.ellipse((118, 110, 196, 160), "#FFFFFF")
    c.ellipse((120, 112, 190, 156), "#FFFDF8")
    c.layer(
        lambda d: d.ellipse(
            tuple(v * S for v in (118, 110, 196, 160)), outline=(190, 120, 50, 120), width=8
        ),
        2,
    )
    c.ellipse((144, 122, 170, 142), "#F6A821")
    c.ellipse((149, 125, 158, 131), "#FFD27A")
    _ = inner


def fried_rice(c: Canvas) -> None:
    c.plate()
    # pineapple boat behind
    c.ellipse((230, 92, 340, 212), "#8B6A1F")
    c.ellipse((236, 98, 334, 204), "#F6D25C")
    for k in range(6):
        c.line([(244 + k * 15, 104), (240 + k * 15, 198)], _c("#D8A62A", 160), 2)
    c.rice_mound(175, 160, 80, 52, "#F3D37A", "#E2B85A")
    box = (100, 112, 255, 210)
    c.scatter(box, 16, lambda x, y, a: c.chunk(x, y, a, 6, "#FFE07A", "#E8B93C"), 0.8)
    c.scatter(
        box,
        12,
        lambda x, y, a: c.ellipse((x - 6, y - 3, x + 6, y + 4), "#F1DDB0", "#C9A56A", 1),
        0.8,
    )
    c.scatter(box, 10, lambda x, y, a: c.dot(x, y, 3, "#5A2E2A"), 0.8)
    c.scatter(box, 14, lambda x, y, a: c.dot(x, y, 2.6, "#4CA23A"), 0.8)
    c.scatter(box, 10, lambda x, y, a: c.dot(x, y, 2.6, "#E86A3C"), 0.8)


def pad_see_ew(c: Canvas) -> None:
    inner = c.plate()
    c.noodles(inner, ["#8A5530", "#A26A3C", "#74441F", "#B97F4A"], 70, 9, 3)
    c.scatter(inner, 18, lambda x, y, a: c.leaf(x, y, a, 13, "#2E7D32"), 0.7)
    c.scatter(inner, 10, lambda x, y, a: c.chunk(x, y, a, 6, "#F7D77A", "#E0B34A"), 0.6)
    c.scatter(inner, 9, lambda x, y, a: c.chunk(x, y, a, 7, "#E9D2B4", "#C9A883"), 0.6)


def khao_soi(c: Canvas) -> None:
    inner = c.bowl(colour="#F7F2EA")
    c.rim_pattern(200, 140, 128, 84, "#2E6FA8")
    c.liquid(inner, "#E9A23B", "#CE7F22")
    c.noodles(
        (inner[0] + 20, inner[1] + 20, inner[2] - 20, inner[3] - 10),
        ["#F4D58A", "#EFC66D"],
        30,
        5,
        4,
    )
    c.oil_drops(inner, "#C4421A", 18)
    c.chunk(235, 150, 0.4, 24, "#B86A33", "#8E4A1F")  # drumstick
    # crispy noodle nest
    nest = (150, 95, 230, 145)
    c.noodles(nest, ["#E0A341", "#C98427", "#F2C062"], 60, 3, 6)
    c.scatter(inner, 6, lambda x, y, a: c.leaf(x, y, a, 6, "#4E9A35"), 0.8)
    c.dot(290, 140, 7, "#6C2E8B")  # shallot


def green_curry(c: Canvas) -> None:
    inner = c.bowl(colour="#FFFFFF")
    c.rim_pattern(200, 140, 128, 84, "#3E8A64")
    c.liquid(inner, "#B9C97A", "#93A85A")
    c.scatter(inner, 12, lambda x, y, a: c.chunk(x, y, a, 10, "#F3E3C8", "#D9C29C"), 0.75)
    c.scatter(
        inner,
        8,
        lambda x, y, a: (
            c.ellipse((x - 9, y - 7, x + 9, y + 7), "#6F9A3A"),
            c.ellipse((x - 6, y - 4.5, x + 6, y + 4.5), "#DDE7B0"),
        ),
        0.75,
    )
    c.scatter(inner, 10, lambda x, y, a: c.leaf(x, y, a, 8, "#2F7A2A"), 0.8)
    c.scatter(
        inner,
        6,
        lambda x, y, a: c.line([(x, y), (x + 16 * math.cos(a), y + 5 * math.sin(a))], "#D7261E", 3),
        0.7,
    )
    c.oil_drops(inner, "#7C8E2E", 10)


def tom_yum(c: Canvas) -> None:
    inner = c.bowl(colour="#FFFFFF")
    c.rim_pattern(200, 140, 128, 84, "#C8423B")
    c.liquid(inner, "#EE7A3A", "#D0561F")
    c.oil_drops(inner, "#C1260F", 22)
    c.scatter(inner, 5, lambda x, y, a: c.prawn(x, y, a, 18), 0.6)
    c.scatter(
        inner,
        7,
        lambda x, y, a: (
            c.ellipse((x - 10, y - 6, x + 10, y + 6), "#F3E6D2"),
            c.ellipse((x - 7, y - 1, x + 7, y + 6), "#D8C3A0"),
        ),
        0.75,
    )
    c.scatter(
        inner,
        6,
        lambda x, y, a: c.line(
            [(x, y), (x + 26 * math.cos(a), y + 10 * math.sin(a))], "#CFE08C", 5
        ),
        0.7,
    )
    c.scatter(inner, 8, lambda x, y, a: c.leaf(x, y, a, 6, "#3D8B37"), 0.8)
    c.scatter(inner, 6, lambda x, y, a: c.chili(x, y, a, 3.5), 0.7)


def massaman(c: Canvas) -> None:
    inner = c.bowl(colour="#FFFFFF")
    c.rim_pattern(200, 140, 128, 84, "#B0713A")
    c.liquid(inner, "#C4762F", "#A65A1E")
    c.scatter(inner, 8, lambda x, y, a: c.chunk(x, y, a, 13, "#6B3A1E", "#4A2612"), 0.65)
    c.scatter(inner, 7, lambda x, y, a: c.chunk(x, y, a, 12, "#F2C660", "#D9A53C"), 0.7)
    c.scatter(inner, 18, lambda x, y, a: c.ellipse((x - 4, y - 3, x + 4, y + 3), "#F1D6A8"), 0.75)
    c.oil_drops(inner, "#D9541E", 12)


def tom_kha(c: Canvas) -> None:
    inner = c.bowl(colour="#FFFFFF")
    c.rim_pattern(200, 140, 128, 84, "#2E6FA8")
    c.liquid(inner, "#F6EBD3", "#E2CFA8")
    c.scatter(inner, 10, lambda x, y, a: c.chunk(x, y, a, 9, "#FFFFFF", "#E4D8C6"), 0.7)
    c.scatter(
        inner,
        6,
        lambda x, y, a: (
            c.ellipse((x - 9, y - 6, x + 9, y + 6), "#EAD9B8"),
            c.ellipse((x - 6, y - 3, x + 6, y + 3), "#F7EBD0"),
        ),
        0.7,
    )
    c.scatter(inner, 8, lambda x, y, a: c.leaf(x, y, a, 7, "#3D8B37"), 0.8)
    c.scatter(inner, 8, lambda x, y, a: c.chili(x, y, a, 3.5), 0.75)
    c.oil_drops(inner, "#E0752E", 10)


def som_tam(c: Canvas) -> None:
    c.banana_leaf(200, 160, 175, 95)
    inner = c.plate(rx=135, ry=92)
    c.noodles(inner, ["#D7E8A6", "#C5DC8A", "#E4F0BE"], 110, 2.6, 2)
    c.scatter(
        inner,
        7,
        lambda x, y, a: (
            c.ellipse((x - 10, y - 7, x + 10, y + 7), "#D8362A"),
            c.ellipse((x - 5, y - 3, x + 5, y + 4), "#F27D63"),
        ),
        0.7,
    )
    c.scatter(
        inner,
        9,
        lambda x, y, a: c.line([(x, y), (x + 20 * math.cos(a), y + 8 * math.sin(a))], "#3F8F2F", 5),
        0.7,
    )
    c.scatter(inner, 24, lambda x, y, a: c.dot(x, y, 3, "#C9935A"), 0.6)
    c.scatter(inner, 10, lambda x, y, a: c.dot(x, y, 3, "#F08A5D"), 0.6)
    c.lime(255, 175, 18)


def larb(c: Canvas) -> None:
    inner = c.plate()
    for k in range(3):
        c.leaf(140 + k * 55, 150 + (k % 2) * 15, 0.3 + k * 0.8, 42, "#8BC34A")
    c.scatter(inner, 220, lambda x, y, a: c.chunk(x, y, a, 4.5, "#B27A52", "#8A5634"), 0.7)
    c.scatter(inner, 14, lambda x, y, a: c.leaf(x, y, a, 8, "#2E7D32"), 0.7)
    c.scatter(inner, 10, lambda x, y, a: c.ellipse((x - 6, y - 3, x + 6, y + 3), "#B5487A"), 0.7)
    c.scatter(inner, 40, lambda x, y, a: c.dot(x, y, 1.6, "#E3C07E"), 0.7)
    c.scatter(inner, 6, lambda x, y, a: c.chili(x, y, a, 3), 0.6)


def yum_woon_sen(c: Canvas) -> None:
    inner = c.plate()
    c.noodles(inner, ["#E8E2D4", "#DCD3C0", "#F2EEE5"], 120, 2, 4)
    c.scatter(inner, 4, lambda x, y, a: c.prawn(x, y, a, 16), 0.55)
    c.scatter(inner, 60, lambda x, y, a: c.chunk(x, y, a, 3, "#C99A7A", "#A87A5A"), 0.5)
    c.scatter(inner, 6, lambda x, y, a: c.ellipse((x - 9, y - 6, x + 9, y + 6), "#D8362A"), 0.7)
    c.scatter(
        inner,
        12,
        lambda x, y, a: c.line(
            [(x, y), (x + 14 * math.cos(a), y + 6 * math.sin(a))], "#78B94A", 3.5
        ),
        0.7,
    )
    c.scatter(inner, 10, lambda x, y, a: c.ellipse((x - 6, y - 3, x + 6, y + 3), "#B5487A"), 0.7)


def thai_tea(c: Canvas) -> None:
    c.glass(200, 40, 270, 62, 46, 0.12, ["#F3E6D0", "#EBA25E", "#E07B2A", "#D56A1C"])
    c.ice(196, 70, 3, 22)
    c.straw(222, 8, 206, 160, "#D9861C")
    c.ellipse((110, 230, 150, 250), "#F2A33A")


def coconut(c: Canvas) -> None:
    cx, cy = 200, 160
    c.shadow((cx - 110, cy - 40, cx + 110, cy + 110), 110, 24, 10)
    c.ellipse((cx - 100, cy - 95, cx + 100, cy + 105), "#7FB04A")
    c.ellipse((cx - 90, cy - 90, cx + 80, cy + 90), "#93C25B")
    c.polygon(
        [(cx - 60, cy - 70), (cx + 60, cy - 70), (cx + 30, cy - 118), (cx - 30, cy - 118)],
        "#EADFB8",
    )
    c.ellipse((cx - 40, cy - 126, cx + 40, cy - 100), "#FFFFFF")
    c.ellipse((cx - 28, cy - 120, cx + 28, cy - 106), "#F1F6E8")
    c.straw(cx + 10, cy - 190, cx - 4, cy - 110, "#E25C4A")
    c.layer(
        lambda d: d.ellipse(
            tuple(v * S for v in (cx - 70, cy - 60, cx - 20, cy + 30)), fill=(255, 255, 255, 60)
        ),
        16,
    )
    c.leaf(300, 235, -0.4, 40, "#3F7D3A")


def lemongrass(c: Canvas) -> None:
    c.glass(200, 50, 272, 58, 44, 0.18, ["#F3F1C4", "#E5E59A", "#D8DD7F"])
    c.ice(196, 90, 3, 20)
    c.line([(150, 20), (182, 190)], "#A9C86A", 10)
    c.line([(152, 20), (184, 190)], "#D9E9A6", 3)
    c.leaf(262, 236, 0.3, 30, "#6DA83A")
    c.ellipse((110, 236, 140, 252), "#CDE68A")


def mango_sticky_rice(c: Canvas) -> None:
    inner = c.plate()
    c.rice_mound(150, 160, 62, 40, "#FFFDF6", "#EFE6D2")
    c.layer(
        lambda d: d.ellipse(tuple(v * S for v in (118, 138, 186, 160)), fill=(255, 255, 255, 230)),
        3,
    )
    c.scatter((120, 130, 180, 180), 30, lambda x, y, a: c.dot(x, y, 1.5, "#3B2A1C"), 0.7)
    for k in range(5):
        x = 205 + k * 17
        c.polygon(
            [(x, 115 + k * 3), (x + 24, 118 + k * 3), (x + 20, 205 - k * 4), (x - 4, 200 - k * 4)],
            "#F6A821",
        )
        c.polygon(
            [
                (x + 4, 118 + k * 3),
                (x + 18, 120 + k * 3),
                (x + 14, 196 - k * 4),
                (x + 1, 194 - k * 4),
            ],
            "#FFC94A",
        )
    _ = inner


def coconut_ice_cream(c: Canvas) -> None:
    c.shadow((110, 110, 290, 250), 110, 22, 6)
    c.ellipse((100, 100, 300, 260), "#6E4A2A")
    c.ellipse((108, 104, 292, 250), "#8B5E36")
    c.ellipse((118, 110, 282, 236), "#F7F2E6")
    for x, y in ((170, 150), (225, 145), (198, 185)):
        c.ellipse((x - 38, y - 30, x + 38, y + 30), "#FFFFFF")
        c.ellipse((x - 34, y - 28, x + 30, y + 20), "#FDFBF5")
    c.scatter((130, 120, 270, 220), 40, lambda x, y, a: c.dot(x, y, 3, "#C9935A"), 0.7)
    c.scatter((130, 120, 270, 220), 14, lambda x, y, a: c.dot(x, y, 4, "#EFE3C8"), 0.7)
    c.leaf(280, 235, -0.4, 22, "#3F7D3A")


DISHES: dict[str, tuple[Callable[[Canvas], None], tuple[str, str]]] = {
    "pad_thai": (pad_thai, ("#F7DDB0", "#D98E45")),
    "kaprao": (kaprao, ("#F5E3C2", "#8F6A3E")),
    "fried_rice": (fried_rice, ("#FBE7B5", "#D49A2C")),
    "pad_see_ew": (pad_see_ew, ("#EFD9BA", "#8A5A33")),
    "khao_soi": (khao_soi, ("#F8DEB0", "#C7722A")),
    "green_curry": (green_curry, ("#E2EDCF", "#5E8A43")),
    "tom_yum": (tom_yum, ("#F9D9C2", "#C5522E")),
    "massaman": (massaman, ("#F3D9B9", "#93552A")),
    "tom_kha": (tom_kha, ("#F6EAD5", "#B89A6A")),
    "som_tam": (som_tam, ("#EAF1CF", "#7FA24A")),
    "larb": (larb, ("#EFE6C8", "#8C7A3E")),
    "yum_woon_sen": (yum_woon_sen, ("#F8E1D6", "#C27A62")),
    "thai_tea": (thai_tea, ("#FBE2C4", "#D27A33")),
    "coconut": (coconut, ("#E6F0D4", "#6F9A4A")),
    "lemongrass": (lemongrass, ("#F0F3D2", "#9EAE55")),
    "mango_sticky_rice": (mango_sticky_rice, ("#FCEBC0", "#E0A030")),
    "coconut_ice_cream": (coconut_ice_cream, ("#F1E6D6", "#A27B55")),
}


def draw_dish(name: str) -> Image.Image:
    fn, backdrop = DISHES[name]
    canvas = Canvas(backdrop, seed=sum(map(ord, name)))
    fn(canvas)
    return canvas.finish()


def save_small_png(img: Image.Image, path: Path, max_bytes: int = 60_000) -> int:
    """Save as a palette PNG (smooth enough for illustrations) to stay under ``max_bytes``."""
    for colours in (256, 192, 128, 96):
        quant = img.quantize(
            colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG
        )
        quant.save(path, format="PNG", optimize=True)
        size = path.stat().st_size
        if size <= max_bytes:
            return size
    return size


def main(argv: list[str] | None = None) -> int:
    from kiosk.ui.fonts import ASSETS

    parser = argparse.ArgumentParser(prog="scripts/dish_art.py", description=__doc__)
    parser.add_argument("--out", type=Path, default=ASSETS / "images")
    parser.add_argument("names", nargs="*", help="only these dishes (default: all)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or DISHES:
        path = args.out / f"{name}.png"
        size = save_small_png(draw_dish(name), path)
        print(f"{path} {size // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
