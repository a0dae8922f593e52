"""One printed line in every script: the shipped font that has each letter, in the right order.

Three shipped families (assets/fonts, SIL OFL) cover the nine languages:
- Atkinson Hyperlegible, the kiosk's face: Latin (its missing Turkish "İ" is drawn by libraqm
  as "I" and a combining dot, which it has), but no Cyrillic;
- Noto Sans: Latin and Cyrillic, drawn to sit with Noto Sans Arabic UI; it replaces Atkinson
  for a whole receipt Atkinson cannot write (Ukrainian), so a receipt never mixes two Latin
  faces;
- Noto Sans Arabic UI (the registry's font for ar and fa): Arabic and Persian letters, no Latin,
  so references, dates and names in an Arabic receipt stay in the Latin face.
Arabic needs joining forms and right-to-left order: Pillow's libraqm layout does both inside a
run; kiosk.printing.bidi cuts the line into runs. Right-to-left lines are right-aligned.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from PIL import ImageDraw, ImageFont, features

from kiosk.paths import fonts_dir
from kiosk.printing.bidi import visual_runs
from kiosk.printing.result import PrinterUnavailable
from offline_cache.bidi import reads_right_to_left


@dataclass(frozen=True, slots=True)
class Face:
    regular: str  # file names in assets/fonts
    bold: str

    def file(self, bold: bool) -> str:
        return self.bold if bold else self.regular


ATKINSON = Face("AtkinsonHyperlegible_400Regular.ttf", "AtkinsonHyperlegible_700Bold.ttf")
NOTO_SANS = Face("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
NOTO_ARABIC = Face("NotoSansArabicUI-Regular.ttf", "NotoSansArabicUI-Bold.ttf")
_LATIN_FACES = (ATKINSON, NOTO_SANS)  # preferred first
_NEUTRAL = {"WS", "ON", "CS", "ES", "ET", "S", "B", "BN", "NSM"}
# LRM, RLM, ALM (in Babel's dates), LRI, RLI, FSI, PDI (around a message's fields)
_BIDI_MARKS = str.maketrans("", "", "\u200e\u200f\u061c\u2066\u2067\u2068\u2069")
_MISSING_PROBE = "\U0010fffd"  # a private-use code point no font draws: its glyph is the box


class ComplexLayoutMissing(PrinterUnavailable):
    """Right-to-left text without libraqm's layout: it would print reversed and unjoined."""


def complex_layout() -> bool:
    """libraqm (in Pillow's wheels) works only with the system's libfribidi (libfribidi0)."""
    return bool(features.check("raqm"))


@cache
def font(file: str, pixels: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if complex_layout() else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(fonts_dir() / file), pixels, layout_engine=engine)


@cache
def has_glyph(file: str, char: str) -> bool:
    """Whether the font draws `char` itself rather than its "missing" box.

    Pillow does not expose a font's character map; the box every unknown character gets is
    the same image, so comparing with it answers exactly. With libraqm a letter the font lacks
    as one glyph but has as letter and accent (Turkish "İ") is drawn, so it counts as held.
    """
    probe = font(file, 48)

    def drawn(text: str) -> tuple:
        return probe.getbbox(text), bytes(probe.getmask(text))

    return char.isspace() or drawn(char) != drawn(_MISSING_PROBE)


def faces_for(lines: list[str]) -> tuple[Face, ...]:
    """The families for one receipt, in the order a character tries them: the first Latin
    family that writes every letter Noto Sans writes, then the other, then Arabic."""
    letters = {char for line in lines for char in line if has_glyph(NOTO_SANS.regular, char)}
    base = next((face for face in _LATIN_FACES
                 if all(has_glyph(face.regular, char) for char in letters)), NOTO_SANS)
    return (base, *(face for face in _LATIN_FACES if face != base), NOTO_ARABIC)


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    font: ImageFont.FreeTypeFont
    rtl: bool

    def length(self) -> float:
        return self.font.getlength(self.text, **_direction(self.rtl))


@dataclass(frozen=True, slots=True)
class Line:
    """A line laid out: its segments left to right on paper, and which side it starts from."""

    segments: tuple[Segment, ...]
    rtl: bool
    ascent: int

    @property
    def width(self) -> float:
        return sum(segment.length() for segment in self.segments)

    def draw(self, draw: ImageDraw.ImageDraw, left: int, right: int, top: int) -> None:
        """Left-aligned, or right-aligned for a right-to-left line; all on one baseline."""
        x = right - self.width if self.rtl else left
        for segment in self.segments:
            draw.text((x, top + self.ascent), segment.text, font=segment.font, fill=0,
                      anchor="ls", **_direction(segment.rtl))
            x += segment.length()


def lay_out(text: str, faces: tuple[Face, ...], *, bold: bool, pixels: int) -> Line:
    rtl = reads_right_to_left(text)
    segments: list[Segment] = []
    for run in visual_runs(text, rtl):  # the marks have done their work: order, not ink
        pieces = [Segment(chunk, font(file, pixels), run.rtl)
                  for chunk, file in _by_font(run.text.translate(_BIDI_MARKS), faces, bold)]
        segments += reversed(pieces) if run.rtl else pieces
    if not complex_layout() and any(segment.rtl for segment in segments):
        raise ComplexLayoutMissing(
            "right-to-left text needs Pillow's libraqm layout, which needs libfribidi0: "
            "install it (apt-get install libfribidi0, or ./dev.sh setup)")
    base = font(faces[0].file(bold), pixels)
    return Line(tuple(segments), rtl, base.getmetrics()[0])


def _by_font(text: str, faces: tuple[Face, ...], bold: bool) -> list[tuple[str, str]]:
    """Consecutive characters drawn by the same font file; spaces and punctuation stay with
    the letter before them when its font has them, so a word keeps one face."""
    pieces: list[tuple[str, str]] = []
    for char in text:
        previous = pieces[-1][1] if pieces else None
        if previous and unicodedata.bidirectional(char) in _NEUTRAL and has_glyph(
                previous, char):
            file = previous
        else:
            file = next((face.file(bold) for face in faces if has_glyph(face.file(bold), char)),
                        faces[0].file(bold))
        if pieces and pieces[-1][1] == file:
            pieces[-1] = (pieces[-1][0] + char, file)
        else:
            pieces.append((char, file))
    return pieces


def _direction(rtl: bool) -> dict:
    """raqm needs the run's direction; the basic layout takes none (left to right only)."""
    if not complex_layout():
        return {}
    return {"direction": "rtl" if rtl else "ltr"}
