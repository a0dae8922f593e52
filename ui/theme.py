"""Sizes, colours and fonts: the only place they are written.

Body text is at least 28 px at the default size, with two larger steps; touch targets are at
least 72 px; every text/background pair reaches 7:1 (WCAG AAA), checked by a test.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.journey import Comfort, TextSize
from offline_cache.languages import LANGUAGES

FONT_FAMILY = "Atkinson Hyperlegible"
# Atkinson Hyperlegible first, then each shipped family a language of the registry needs for
# the glyphs it lacks (Noto Sans Arabic UI for Arabic and Persian): Qt takes a glyph from the
# first family that has it, never from whatever a system font offers.
FONT_STACK = tuple(dict.fromkeys((FONT_FAMILY, *(lang.font for lang in LANGUAGES if lang.font))))
FONT_FAMILIES_CSS = ", ".join(f'"{family}"' for family in FONT_STACK)
MIN_TOUCH_PX = 72
BORDER_PX = 3  # a button's border: inside its 72 px, not added to them


BODY_PX = {TextSize.NORMAL: 28, TextSize.LARGE: 34, TextSize.LARGER: 42}
STAFF_PX = 24  # staff screens: denser, and not the citizen's text size
# A screen fewer lines of body text tall than this is short for its text size (42 px text on
# an 800 px screen): its question drops to the body size, its side notes to the normal body
# size (ui.widgets.fitting), so the keys and the choices keep their room.
SHORT_SCREEN_LINES = 18


@dataclass(frozen=True, slots=True)
class Palette:
    name: str
    background: str
    text: str
    muted_text: str  # secondary lines; still 7:1 on the background
    primary: str  # main buttons' fill
    on_primary: str
    surface: str  # tiles and secondary buttons' fill
    on_surface: str
    border: str
    header: str  # top bar fill
    on_header: str
    focus: str  # focus and pressed outline
    error_background: str  # behind error messages (which also start with a warning sign)
    error_border: str


STANDARD = Palette(
    name="standard", background="#FBFAF5", text="#14171F", muted_text="#33394A",
    primary="#1B3B8C", on_primary="#FFFFFF", surface="#FFFFFF", on_surface="#14171F",
    border="#1B3B8C", header="#14171F", on_header="#FFFFFF", focus="#B34700",
    error_background="#FDECEA", error_border="#A4161A",
)
HIGH_CONTRAST = Palette(
    name="high_contrast", background="#000000", text="#FFFFFF", muted_text="#FFFF66",
    primary="#FFFF00", on_primary="#000000", surface="#000000", on_surface="#FFFFFF",
    border="#FFFFFF", header="#000000", on_header="#FFFF00", focus="#00FFFF",
    error_background="#000000", error_border="#FF9999",
)
PALETTES = (STANDARD, HIGH_CONTRAST)


@dataclass(frozen=True, slots=True)
class Theme:
    palette: Palette = STANDARD
    text_size: TextSize = TextSize.NORMAL

    @classmethod
    def for_comfort(cls, comfort: Comfort) -> Theme:
        return cls(HIGH_CONTRAST if comfort.high_contrast else STANDARD, comfort.text_size)

    @property
    def body_px(self) -> int:
        return BODY_PX[self.text_size]

    @property
    def title_px(self) -> int:
        return round(self.body_px * 1.5)

    @property
    def hero_px(self) -> int:
        return round(self.body_px * 2.2)

    @property
    def note_px(self) -> int:
        """A side note on a short screen ("Question 4 sur 10"): never below the normal body."""
        return min(self.body_px, BODY_PX[TextSize.NORMAL])

    @property
    def button_min_px(self) -> int:
        """One line of text and its padding; a button with more lines grows (BigButton)."""
        return max(MIN_TOUCH_PX, round(self.body_px * 2.2))

    @property
    def tile_min_px(self) -> int:
        return round(self.button_min_px * 1.4)

    @property
    def spacing_px(self) -> int:
        return round(self.body_px * 0.8)

    @property
    def padding_px(self) -> int:
        """Inside a button, each side of its text."""
        return round(self.body_px * 0.5)

    def stylesheet(self) -> str:
        p = self.palette
        return f"""
        QWidget {{ font-family: {FONT_FAMILIES_CSS}; font-size: {self.body_px}px;
                   color: {p.text}; background: {p.background}; }}
        QLabel[role="hero"] {{ font-size: {self.hero_px}px; font-weight: bold; }}
        QLabel[role="title"] {{ font-size: {self.title_px}px; font-weight: bold; }}
        QLabel[role="muted"] {{ color: {p.muted_text}; }}
        QLabel[role="strong"] {{ font-weight: bold; }}
        QLabel[role="question"] {{ font-size: {round(self.body_px * 1.25)}px; font-weight: bold; }}
        QLabel[role="question"][short_screen="true"] {{ font-size: {self.body_px}px; }}
        QLabel[role="muted"][short_screen="true"] {{ font-size: {self.note_px}px; }}
        QLabel[role="reference"] {{ font-size: {self.hero_px}px; font-weight: bold;
                                    letter-spacing: 4px; }}
        QLabel[role="error"] {{ color: {p.text}; background: {p.error_background};
                                border: 3px solid {p.error_border}; border-radius: 10px;
                                padding: 8px 16px; font-weight: bold; }}
        QLineEdit[role="field"] {{ min-height: {MIN_TOUCH_PX}px; border: 3px solid {p.border};
                                   border-radius: 10px; padding: 0 16px;
                                   background: {p.surface}; color: {p.on_surface};
                                   font-size: {self.body_px}px; }}
        QLineEdit[role="field"]:focus {{ border: 5px solid {p.focus}; }}
        QWidget[role="keyboard"] QPushButton, QWidget[role="compact"] QPushButton {{
            min-height: {MIN_TOUCH_PX - 2 * BORDER_PX}px; min-width: 0; padding: 0 4px; }}
        QWidget[role="header"], QWidget[role="header"] QLabel {{
            background: {p.header}; color: {p.on_header}; font-weight: bold; }}
        QPushButton {{ min-height: {self.button_min_px}px;
                       padding: 6px {self.padding_px}px; border-radius: 12px;
                       border: {BORDER_PX}px solid {p.border}; background: {p.surface};
                       color: {p.on_surface}; font-weight: bold; }}
        QPushButton[role="primary"] {{ background: {p.primary}; color: {p.on_primary}; }}
        QWidget[role="header"] QLabel[role="status"] {{ font-weight: normal; }}
        QPushButton[role="nav"] {{ background: {p.header}; color: {p.on_header};
                                   border-color: {p.on_header}; min-height: {MIN_TOUCH_PX}px;
                                   padding: 4px {round(self.body_px * 0.3)}px; }}
        QPushButton[role="tile"] {{ min-height: {self.tile_min_px}px;
                                    font-size: {round(self.body_px * 1.25)}px; }}
        QPushButton:pressed {{ border: 5px solid {p.focus}; }}
        QPushButton[keyboard_focus="true"] {{ border: 5px dashed {p.focus}; }}
        QWidget[role="staff"], QWidget[role="staff"] QLabel, QWidget[role="staff"] QPushButton {{
            font-size: {STAFF_PX}px; }}
        QWidget[role="staff"] QLabel[role="title"] {{ font-size: {round(STAFF_PX * 1.4)}px; }}
        QWidget[role="staff"] QPushButton {{ min-height: {MIN_TOUCH_PX}px;
                                            min-width: {MIN_TOUCH_PX}px; padding: 0 12px; }}
        QScrollArea, QScrollArea > QWidget > QWidget {{ border: none; }}
        QScrollBar:vertical {{ width: 28px; background: {p.surface}; margin: 0;
                               border: 2px solid {p.border}; border-radius: 10px; }}
        QScrollBar::handle:vertical {{ background: {p.primary}; min-height: 72px;
                                       border-radius: 8px; margin: 3px; }}
        QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
        QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
        """


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written #RRGGBB."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def text_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """Every (name, foreground, background) pair the stylesheet draws text with."""
    return [
        ("text", palette.text, palette.background),
        ("muted_text", palette.muted_text, palette.background),
        ("primary button", palette.on_primary, palette.primary),
        ("surface", palette.on_surface, palette.surface),
        ("header", palette.on_header, palette.header),
        ("error message", palette.text, palette.error_background),
    ]
