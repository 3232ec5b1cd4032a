"""QR rendering: a real reader (zxing-cpp) must decode exactly the payload we encoded."""

from __future__ import annotations

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import zxingcpp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from kiosk.services.promptpay import build_payload, parse_payload
from kiosk.services.qr import QUIET_ZONE, qr_matrix, render_png

PAYLOADS = [
    build_payload("081-234-5678"),
    build_payload("081-234-5678", Decimal("150.00")),
    build_payload("1-2345-67890-12-1", "9999999.99"),
    build_payload("004999000288505", 42),
]


def _decode(image: Image.Image) -> list[str]:
    return [
        r.text
        for r in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
        if r.valid
    ]


def _image_from_matrix(matrix: list[list[bool]], scale: int = 6) -> Image.Image:
    """Paint the matrix the way the Qt view will: whole pixels per module, no smoothing."""
    size = len(matrix)
    image = Image.new("L", (size, size), 255)
    image.putdata([0 if dark else 255 for row in matrix for dark in row])
    return image.resize((size * scale, size * scale), Image.Resampling.NEAREST)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_png_decodes_to_the_exact_payload(payload: str, tmp_path: Path) -> None:
    path = tmp_path / "qr.png"
    data = render_png(payload, path)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert path.read_bytes() == data
    image = Image.open(io.BytesIO(data))
    assert _decode(image) == [payload]
    assert parse_payload(_decode(Image.open(path))[0]).target_value


@pytest.mark.parametrize("payload", PAYLOADS)
def test_matrix_decodes_to_the_exact_payload(payload: str) -> None:
    assert _decode(_image_from_matrix(qr_matrix(payload))) == [payload]


def test_error_correction_is_m() -> None:
    result = zxingcpp.read_barcodes(Image.open(io.BytesIO(render_png(PAYLOADS[1]))))[0]
    assert result.ec_level == "M"


def test_matrix_includes_the_quiet_zone() -> None:
    framed = qr_matrix(PAYLOADS[1])
    bare = qr_matrix(PAYLOADS[1], border=0)
    assert len(framed) == len(bare) + 2 * QUIET_ZONE
    assert all(len(row) == len(framed) for row in framed)
    # (side - 17) / 4 is the QR version: a whole number for a real symbol.
    assert (len(bare) - 17) % 4 == 0
    for i in range(QUIET_ZONE):
        assert not any(framed[i]) and not any(framed[-1 - i])
        assert not any(row[i] or row[-1 - i] for row in framed)
    assert [row[QUIET_ZONE:-QUIET_ZONE] for row in framed[QUIET_ZONE:-QUIET_ZONE]] == bare
    # Finder pattern: the symbol's top-left module is dark.
    assert bare[0][0] and framed[QUIET_ZONE][QUIET_ZONE]


def test_png_size_follows_box_size_and_border() -> None:
    modules = len(qr_matrix(PAYLOADS[0]))
    for box_size in (1, 4, 10):
        image = Image.open(io.BytesIO(render_png(PAYLOADS[0], None, box_size)))
        assert image.size == (modules * box_size, modules * box_size)
    bare = Image.open(io.BytesIO(render_png(PAYLOADS[0], box_size=3, border=0)))
    assert bare.size == ((modules - 2 * QUIET_ZONE) * 3,) * 2


def test_rendering_is_deterministic() -> None:
    assert render_png(PAYLOADS[1]) == render_png(PAYLOADS[1])
    assert qr_matrix(PAYLOADS[1]) == qr_matrix(PAYLOADS[1])


@pytest.mark.parametrize(
    "kwargs",
    [{"payload": ""}, {"box_size": 0}, {"border": -1}, {"box_size": 2.5}],
)
def test_bad_arguments_raise_value_error(kwargs: dict[str, object]) -> None:
    args: dict[str, object] = {"payload": PAYLOADS[0], **kwargs}
    with pytest.raises(ValueError):
        render_png(**args)  # type: ignore[arg-type]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    local=st.sampled_from(["06", "08", "09"]).flatmap(
        lambda p: st.text(alphabet="0123456789", min_size=8, max_size=8).map(lambda r: p + r)
    ),
    satang=st.none() | st.integers(min_value=1, max_value=99_999_999),
)
def test_random_payloads_survive_a_real_reader(local: str, satang: int | None) -> None:
    amount = None if satang is None else Decimal(satang).scaleb(-2)
    payload = build_payload(local, amount)
    decoded = _decode(Image.open(io.BytesIO(render_png(payload, box_size=4))))
    assert decoded == [payload]
    assert parse_payload(decoded[0]).amount == amount


def test_services_import_no_qt() -> None:
    code = (
        "import sys\n"
        "import kiosk.services.promptpay, kiosk.services.qr, kiosk.services.phone\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'kiosk.ui')))\n"
        "print(','.join(bad))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
