"""Arabic and Persian are drawn by the font we ship (Noto Sans Arabic UI), never as boxes nor
by whatever font a machine happens to have: a kiosk's bundle carries no system font."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata

import pytest
from PySide6.QtGui import QFont, QRawFont, QTextLayout

from kiosk.forms.messages import MESSAGES as FORM_MESSAGES
from kiosk.i18n import MESSAGES
from kiosk.paths import catalog_dir, fonts_dir, project_root
from kiosk.tracking.messages import MESSAGES as TRACKING_MESSAGES
from tests.gui.conftest import shown_window
from ui.theme import FONT_FAMILY

ARABIC_FONT = "Noto Sans Arabic UI"
PERSIAN_LETTERS = "پچژگکی"  # the letters Persian adds to the Arabic alphabet

GLYPH_RUNS = """
import json, sys
from PySide6.QtGui import QTextLayout
from ui.app import apply_theme, ensure_application
from ui.theme import Theme
from ui.widgets.labels import text_label

app = ensure_application()
apply_theme(app, Theme())
runs = []
for role in ("", "title"):  # regular and bold
    label = text_label(sys.argv[1], role=role)
    label.ensurePolished()
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs += [(run.rawFont().familyName(), run.rawFont().styleName(), list(run.glyphIndexes()))
             for run in layout.glyphRuns()]
print(json.dumps(runs))
"""


def glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_on_a_kiosk_without_any_system_font_arabic_and_persian_are_drawn_by_ours(tmp_path):
    """A fontconfig that knows no font folder: only what the kiosk ships can draw."""
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text('<?xml version="1.0"?><fontconfig>'
                          f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    text = " ".join((MESSAGES.text("attract.touch", "ar"), MESSAGES.text("attract.touch", "fa"),
                     PERSIAN_LETTERS))
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", GLYPH_RUNS, text], capture_output=True,
                          text=True, env=env, timeout=60, cwd=project_root())
    assert done.returncode == 0, done.stderr
    runs = json.loads(done.stdout)
    arabic = [(family, style) for family, style, _glyphs in runs
              if family != FONT_FAMILY]
    assert {family for family, _style in arabic} == {ARABIC_FONT}  # no box (glyph 0) anywhere
    assert {style for _family, style in arabic} == {"Regular", "Bold"}
    assert all(0 not in glyphs for _family, _style, glyphs in runs)


@pytest.fixture(scope="module")
def shipped_fonts(qapp) -> list[QRawFont]:
    return [QRawFont(str(path), 32) for path in sorted(fonts_dir().glob("*.ttf"))]


def arabic_script_texts() -> list[str]:
    """Every Arabic and Persian message and catalogue text the kiosk can show."""
    texts = [template for table in (MESSAGES, FORM_MESSAGES, TRACKING_MESSAGES)
             for lang in ("ar", "fa") for _key, template in table.templates(lang)]
    catalogue = json.loads((catalog_dir() / "catalog.json").read_text(encoding="utf-8"))

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("ar", "fa") and isinstance(value, str):
                    texts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(catalogue)
    return texts


def test_every_letter_of_the_arabic_and_persian_texts_is_in_a_shipped_font(shipped_fonts):
    texts = arabic_script_texts()
    assert len(texts) > 300  # the catalogues are there: the check means something
    missing = {char for text in texts for char in text
               if not char.isspace() and unicodedata.category(char) != "Cf"  # ZWNJ, marks
               and not any(font.supportsCharacter(ord(char)) for font in shipped_fonts)}
    assert missing == set()


def test_an_arabic_screen_takes_its_letters_from_the_shipped_font_not_a_system_one(
        qtbot, make_config):
    config = make_config(hub__url="http://127.0.0.1:9", interface__languages=["fr", "ar"],
                         interface__default_language="ar")
    with shown_window(qtbot, config) as window:
        window.journey.start()
        window.journey.choose_language("ar")
        window.journey.comfort_done()
        for widget in (window.home.title, window.home.hint, *window.home.tiles.values()):
            runs = glyph_runs(widget.text(), widget.font())
            # The letters from ours, the spaces from Atkinson Hyperlegible; no third font.
            assert ARABIC_FONT in {family for family, _glyphs in runs}, widget.text()
            assert {family for family, _glyphs in runs} <= {ARABIC_FONT, FONT_FAMILY}
            assert all(0 not in glyphs for _family, glyphs in runs)


def test_on_a_kiosk_without_any_system_font_ukrainian_and_turkish_are_drawn_by_ours(tmp_path):
    """Atkinson Hyperlegible has no Cyrillic and no Turkish İ: Noto Sans, shipped, draws them
    (before it, a bare kiosk drew Ukrainian as boxes)."""
    fonts_conf = tmp_path / "fonts.conf"
    fonts_conf.write_text('<?xml version="1.0"?><fontconfig>'
                          f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>")
    text = " ".join((MESSAGES.text("attract.touch", "uk"), "İstasyon Їжак"))
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", GLYPH_RUNS, text], capture_output=True,
                          text=True, env=env, timeout=60, cwd=project_root())
    assert done.returncode == 0, done.stderr
    runs = json.loads(done.stdout)
    assert {family for family, _style, _glyphs in runs} == {FONT_FAMILY, "Noto Sans"}
    assert all(0 not in glyphs for _family, _style, glyphs in runs)
