"""Test helpers for printing: read an ESC/POS byte stream back, read a PDF back as images.

The reader understands exactly the commands kiosk.printing.escpos writes and fails loudly on
anything else, so a stray or malformed command cannot hide in the stream.
"""

from __future__ import annotations

import re
import subprocess
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import zxingcpp
from PIL import Image, ImageOps

HUB = "https://hub.example.fr"
CLIENT_ID = "2c732e1f-b4df-45ce-acdf-8387d9e48ad9"


@dataclass
class Printout:
    """What a real printer would have done with the bytes."""

    codepage: int | None = None
    initialised: bool = False
    cut: bool = False
    qr_data: bytes = b""
    qr_printed: bool = False
    rows: list[tuple[bytes, bool, int]] = field(default_factory=list)  # (text, bold, size)
    raster: list[Image.Image] = field(default_factory=list)  # GS v 0 bands, dark = printed

    def text(self, codec: str) -> list[str]:
        return [raw.decode(codec) for raw, _bold, _size in self.rows]


def read_escpos(stream: bytes) -> Printout:
    out, bold, size, i, line = Printout(), False, 0, 0, bytearray()
    while i < len(stream):
        byte = stream[i:i + 1]
        if stream.startswith(b"\x1b@", i):
            out.initialised, i = True, i + 2
        elif stream.startswith(b"\x1bt", i):
            out.codepage, i = stream[i + 2], i + 3
        elif stream.startswith(b"\x1bE", i):
            bold, i = bool(stream[i + 2]), i + 3
        elif stream.startswith(b"\x1ba", i):
            i += 3
        elif stream.startswith(b"\x1d!", i):
            size, i = stream[i + 2], i + 3
        elif stream.startswith(b"\x1bd", i):
            i += 3
        elif stream.startswith(b"\x1dVA", i):
            out.cut, i = True, i + 4
        elif stream.startswith(b"\x1d(k", i):
            length = stream[i + 3] + 256 * stream[i + 4]
            body = stream[i + 5:i + 5 + length]
            if body.startswith(b"1P0"):
                out.qr_data = body[3:]
            elif body == b"1Q0":
                out.qr_printed = True
            i += 5 + length
        elif stream.startswith(b"\x1dv0", i):
            assert stream[i + 3] == 0, "raster density other than normal"
            width_bytes = stream[i + 4] + 256 * stream[i + 5]
            height = stream[i + 6] + 256 * stream[i + 7]
            data = stream[i + 8:i + 8 + width_bytes * height]
            assert len(data) == width_bytes * height, "raster data cut short"
            band = Image.frombytes("1", (width_bytes * 8, height), data)
            out.raster.append(ImageOps.invert(band.convert("L")))  # a set bit is ink
            i += 8 + len(data)
        elif byte == b"\n":
            if line:
                out.rows.append((bytes(line), bold, size))
            line, i = bytearray(), i + 1
        elif byte in (b"\x1b", b"\x1d") or stream[i] < 0x20:
            raise AssertionError(f"unknown command at byte {i}: {stream[i:i + 6]!r}")
        else:
            line += byte
            i += 1
    assert not line, "text left unprinted after the last line feed"
    return out


def sample_lines(lang: str = "fr", *, online: bool = False) -> tuple[list[str], str]:
    """A real receipt (first catalogue service) and its QR payload."""
    from kiosk.catalog import load_catalog
    from kiosk.receipt import qr_payload, receipt_lines, reference_for

    service = load_catalog().services[0]
    lines = receipt_lines(reference=reference_for(CLIENT_ID),
                          created_at=datetime(2025, 3, 14, 9, 30, tzinfo=UTC),
                          service=service, lang=lang, online=online)
    return lines, qr_payload(HUB, CLIENT_ID)


def random_payload() -> str:
    from kiosk.receipt import qr_payload

    return qr_payload(HUB, str(uuid.uuid4()))


def pdf_pages(path: Path, tmp_path: Path, dpi: int = 150) -> list[Image.Image]:
    """The PDF as greyscale images, through poppler's pdftoppm (not through Pillow)."""
    prefix = tmp_path / f"page-{path.stem}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(path), str(prefix)],
                   check=True)
    return [Image.open(png).convert("L") for png in sorted(tmp_path.glob(prefix.name + "*.png"))]


def pdf_page_size_pt(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(width), float(height)


def decode_qr(image: Image.Image) -> str:
    results = zxingcpp.read_barcodes(image)
    assert [r.format for r in results] == [zxingcpp.BarcodeFormat.QRCode]
    return results[0].text


def ink(image: Image.Image) -> float:
    """Share of dark pixels: 0 is a blank page."""
    histogram = image.convert("L").histogram()
    return sum(histogram[:128]) / sum(histogram)
