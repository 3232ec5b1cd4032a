"""What goes to an ESC/POS printer: checked byte by byte with python-escpos's Dummy, and
the raster decoded back to pixels to prove Thai prints as Thai, not as boxes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from kiosk.cli import main
from kiosk.config import PrinterSettings
from kiosk.printing.escpos_out import INIT, RASTER, decode_raster, document_bytes
from kiosk.printing.raster import render_document
from kiosk.services.documents import PrintDocument, PrintLine
from tests.printer_sim import PrinterSim

CUT = b"\x1dV\x00"
KICK_PIN2 = b"\x1bp\x00"
THAI = "ต้มยำกุ้ง น้ำพริก ผัดกะเพรา"


def _doc(*texts: str) -> PrintDocument:
    lines = [PrintLine("big", "A042")] + [PrintLine("text", t, "฿120.00") for t in texts]
    return PrintDocument("receipt", "t", tuple(lines))


def _raster_header(data: bytes) -> tuple[int, int]:
    i = data.index(RASTER)
    return data[i + 4] | data[i + 5] << 8, data[i + 6] | data[i + 7] << 8


@pytest.mark.parametrize(("width_mm", "dots"), [(80, 576), (58, 384)])
def test_init_raster_of_the_paper_width_cut_and_drawer(width_mm: int, dots: int) -> None:
    printer = PrinterSettings(url="tcp://p:9100", width_mm=width_mm, cash_drawer=2)
    data = document_bytes(_doc(THAI), printer, drawer=True)
    assert data.startswith(INIT)
    width_bytes, height = _raster_header(data)
    assert width_bytes * 8 == dots
    assert height > 100
    cut = data.rindex(CUT)
    assert data.index(RASTER) < cut
    assert data[cut + len(CUT) :].startswith(KICK_PIN2)  # the drawer opens after the cut


def test_no_drawer_kick_unless_configured_and_asked() -> None:
    doc = _doc("x")
    assert KICK_PIN2 not in document_bytes(doc, PrinterSettings(url="tcp://p", cash_drawer=0), True)
    assert KICK_PIN2 not in document_bytes(
        doc, PrinterSettings(url="tcp://p", cash_drawer=2), False
    )
    assert b"\x1bp\x01" in document_bytes(doc, PrinterSettings(url="tcp://p", cash_drawer=5), True)


def test_tall_documents_go_in_bands_that_decode_back_to_the_same_image() -> None:
    doc = _doc(*[f"{n} × {THAI}" for n in range(40)])
    data = document_bytes(doc, PrinterSettings(url="tcp://p"))
    assert data.count(RASTER) >= 2  # python-escpos splits at 960 rows
    decoded = decode_raster(data)
    expected = render_document(doc, 576)
    assert decoded is not None and decoded.size == expected.size
    assert ImageChops.difference(decoded.convert("L"), expected.convert("L")).getbbox() is None


def _ink(image: Image.Image) -> int:
    return image.convert("L").histogram()[0]


def test_decoded_raster_shows_thai_glyphs_not_boxes() -> None:
    doc = PrintDocument("kitchen", "t", (PrintLine("text", THAI),))
    decoded = decode_raster(document_bytes(doc, PrinterSettings(url="tcp://p")))
    assert decoded is not None
    good = render_document(doc, 576)
    # The same text drawn with a font that has no Thai: every letter becomes a box.
    tofu = render_document(doc, 576, thai_font="NotoSans-Regular.ttf")
    diff_good = ImageChops.difference(decoded.convert("L"), good.convert("L")).getbbox()
    diff_tofu = ImageChops.difference(decoded.convert("L"), tofu.convert("L")).getbbox()
    assert diff_good is None
    assert diff_tofu is not None
    # Not a near miss either: most inked dots differ from what boxes would print.
    xor = ImageChops.logical_xor(decoded, tofu)
    union = ImageChops.logical_and(decoded, tofu)  # "1" mode: 0 is ink, so AND is the union
    assert _ink(ImageChops.invert(xor.convert("L"))) > 0.4 * _ink(union)


@pytest.mark.parametrize("ch", sorted(set(THAI.replace(" ", ""))))
def test_every_thai_letter_has_its_own_glyph(ch: str) -> None:
    doc = PrintDocument("t", "t", (PrintLine("big", "ก" + ch if ch in "้ำุ" else ch),))
    real = render_document(doc, 384)
    tofu = render_document(doc, 384, thai_font="NotoSans-Regular.ttf")
    assert ImageChops.difference(real.convert("L"), tofu.convert("L")).getbbox() is not None


def test_text_mode_sends_text_not_images() -> None:
    data = document_bytes(_doc("Pad Thai"), PrinterSettings(url="tcp://p", mode="text"))
    assert data.startswith(INIT) and RASTER not in data and CUT in data
    assert b"*** A042 ***" in data and b"Pad Thai" in data


# -- kiosk print-test -----------------------------------------------------------------


def _config(tmp_path: Path, url: str) -> str:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "k.db"}"\n'
        f'[printers.kitchen]\nurl = "{url}"\ntimeout_seconds = 0.5\n'
    )
    return str(path)


def test_print_test_reaches_a_working_printer(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    sim = PrinterSim()
    try:
        assert main(["--config", _config(tmp_path, sim.url), "print-test", "kitchen"]) == 0
        assert "Test page sent to the kitchen printer" in capsys.readouterr().out
        assert len(sim.tickets) == 1 and decode_raster(sim.tickets[0].data) is not None
    finally:
        sim.close()


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("off", "Cannot reach the printer at 127.0.0.1"),
        ("nopaper", "out of paper"),
        ("stall", "does not answer"),
    ],
)
def test_print_test_says_why_it_could_not(
    tmp_path: Path, capsys: pytest.CaptureFixture, mode: str, message: str
) -> None:
    sim = PrinterSim(mode=mode)
    try:
        assert main(["--config", _config(tmp_path, sim.url), "print-test", "kitchen"]) == 2
        err = capsys.readouterr().err
        assert "The kitchen printer could not print the test page" in err and message in err
        assert "Traceback" not in err
    finally:
        sim.close()


def test_print_test_without_a_printer_or_with_a_bad_url(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    assert main(["--config", _config(tmp_path, "none"), "print-test", "receipt"]) == 2
    assert "set [printers.receipt] url" in capsys.readouterr().err
    assert main(["--config", _config(tmp_path, "http://printer"), "print-test", "kitchen"]) == 2
    assert "printers.kitchen.url" in capsys.readouterr().err
    assert main(["--config", _config(tmp_path, "tcp://:9100"), "print-test", "kitchen"]) == 2
    assert "has no host" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("url", "message"),
    [
        # pyusb is installed with the kiosk now: a missing printer, not a missing library
        ("usb://0x04b8:0x0202", "not found"),
        ("serial:///dev/no-such-tty?baudrate=19200", "No such file or directory"),
        ("serial:///dev/ttyS0?baudrate=abc", "the baudrate is a number"),  # was int()'s words
        ("cups://Kitchen", "needs the pycups package"),  # was python-escpos's garbled hint
    ],
)
def test_print_test_on_usb_serial_and_cups_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture, url: str, message: str
) -> None:
    assert main(["--config", _config(tmp_path, url), "print-test", "kitchen"]) == 2
    err = capsys.readouterr().err
    assert message in err and "requires a usb library" not in err, err
    assert "Traceback" not in err and "invalid literal" not in err
