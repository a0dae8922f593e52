"""Load the shipped fonts: the frozen bundle carries no system fonts.

Atkinson Hyperlegible for the Latin scripts, and the fallback families of the language
registry (offline_cache.languages: Noto Sans Arabic UI for Arabic and Persian), in their
regular and bold faces, with the other faces of assets/fonts. Registering a file costs about
a tenth of a millisecond (a font's glyphs are read when a text first needs them), so all are
registered before the first paint: the language screen writes "العربية" and "فارسی" before
anyone has chosen them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.paths import fonts_dir
from ui.theme import FONT_STACK


class FontError(RuntimeError):
    """The shipped font could not be loaded; every glyph would fall back or show as a box."""


def load_fonts(folder: Path | None = None) -> list[str]:
    """Register every TTF in `folder` with Qt and return the font families they provide."""
    folder = folder or fonts_dir()
    families: set[str] = set()
    # Regular and bold are all the screens use; italics stay on disk (start-up time).
    for font_file in sorted(folder.glob("*.ttf")):
        if "Italic" in font_file.name:
            continue
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id == -1:
            raise FontError(f"{font_file}: Qt cannot load this font file; reinstall the kiosk.")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    missing = [family for family in FONT_STACK if family not in families]
    if missing:
        raise FontError(f"{folder}: no .ttf font for {', '.join(missing)}; reinstall the kiosk.")
    return sorted(families)


def kiosk_font() -> QFont:
    """The application's default font: the theme's stack, Arabic glyphs from its fallback."""
    font = QFont(FONT_STACK[0])
    font.setFamilies(list(FONT_STACK))
    return font
