"""A receipt as a PDF drawn with Pillow: large type in the shipped fonts and the QR code.

Pillow alone (already a dependency through qrcode[pil]) is enough: each page is drawn as a
300 dpi image and saved as PDF. The text is not selectable, which a paper receipt does not
need; in exchange nothing new enters the bundle, and the shipped fonts are always the ones
used, so no letter can fall back to a font without it (kiosk.printing.typeset picks the font
per script: Latin, Cyrillic, Arabic). A thermal printer that cannot print a script gets the
same drawing (`render_text`) as a raster image.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.printing.layout import is_reference_line, wrap
from kiosk.printing.typeset import Line, faces_for, lay_out
from kiosk.receipt import qr_image

DPI = 300
MM = DPI / 25.4


@dataclass(frozen=True, slots=True)
class Paper:
    name: str
    width_mm: float
    height_mm: float | None  # None: a roll, as long as the receipt
    margin_mm: float


PAPERS = {
    "a6": Paper("a6", 105.0, 148.0, 7.0),
    "roll80": Paper("roll80", 80.0, None, 4.0),
}
# Point sizes: body large enough for older eyes (12 pt on a hand-held ticket), reference huge.
BODY_PT, TITLE_PT, REFERENCE_PT = 12, 14, 22
QR_MM, QR_MIN_MM = 38, 24  # phones read 24 mm easily at 20 cm


Row = tuple[Line | None, int]  # a laid-out line (None: the gap between paragraphs), height


def _rows(lines: list[str], reference: str, width_px: int, dpi: int = DPI) -> list[Row]:
    """The rows in order; the title bold, the reference line big and bold."""
    faces, gap, rows = faces_for(lines), round(2 * dpi / 25.4), []
    for index, line in enumerate(lines):
        big = is_reference_line(line, reference)
        points = REFERENCE_PT if big else TITLE_PT if index == 0 else BODY_PT
        style = {"bold": big or index == 0, "pixels": round(points * dpi / 72)}
        for text in wrap(line, lambda piece, style=style: lay_out(
                piece, faces, **style).width <= width_px):
            rows.append((lay_out(text, faces, **style), round(style["pixels"] * 1.25)))
        rows.append((None, gap))
    return rows


def render_text(lines: list[str], *, width_px: int, dpi: int, reference: str = "") -> Image.Image:
    """The receipt's text alone as one strip, edge to edge (a thermal printer's own margins
    frame it, and it prints the QR code itself)."""
    rows = _rows(lines, reference, width_px, dpi)
    strip = Image.new("L", (width_px, sum(height for _, height in rows)), 255)
    draw, y = ImageDraw.Draw(strip), 0
    for line, height in rows:
        if line is not None:
            line.draw(draw, 0, width_px, y)
        y += height
    return strip


def render_pages(lines: list[str], qr_payload: str, *, paper: str = "a6",
                 reference: str = "") -> list[Image.Image]:
    """The receipt as page images (greyscale, 300 dpi); A6 flows onto more pages if needed."""
    spec = PAPERS[paper]
    width = round(spec.width_mm * MM)
    margin = round(spec.margin_mm * MM)
    usable = width - 2 * margin
    qr = _qr_for(qr_payload, min(usable, round(QR_MM * MM)))
    rows = _rows(lines, reference, usable)
    if spec.height_mm is None:  # a roll: one page exactly as long as the receipt
        page_height = 2 * margin + sum(height for _, height in rows) + qr.height
    else:
        page_height = round(spec.height_mm * MM)
    pages = [Image.new("L", (width, page_height), 255)]
    y = margin
    for line, step in rows:
        if y + step > page_height - margin:
            pages.append(Image.new("L", (width, page_height), 255))
            y = margin
        if line is not None:
            line.draw(ImageDraw.Draw(pages[-1]), margin, width - margin, y)
        y += step
    room = page_height - margin - y
    if qr.height > room >= round(QR_MIN_MM * MM):  # a smaller QR keeps it on the same page
        qr = _qr_for(qr_payload, room)
    if qr.height > room:
        pages.append(Image.new("L", (width, page_height), 255))
        y = margin
    pages[-1].paste(qr, ((width - qr.width) // 2, y))
    return pages


def _qr_for(payload: str, target_px: int) -> Image.Image:
    """The QR at a whole number of pixels per module (no blurry resampling), about target."""
    modules = qr_image(payload, box_size=1).width
    return qr_image(payload, box_size=max(3, target_px // modules))


def write_pdf(lines: list[str], qr_payload: str, path: Path, *, paper: str = "a6",
              reference: str = "") -> Path:
    """Render and save; the file is written next to its final name, then renamed into place."""
    pages = render_pages(lines, qr_payload, paper=paper, reference=reference)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    pages[0].save(partial, "PDF", resolution=float(DPI), save_all=True,
                  append_images=pages[1:])
    partial.replace(path)
    return path
