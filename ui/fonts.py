"""Load the shipped hyperlegible font: the frozen bundle carries no system fonts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from kiosk.paths import fonts_dir


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
    if not families:
        raise FontError(f"{folder}: no .ttf font found; reinstall the kiosk.")
    return sorted(families)
