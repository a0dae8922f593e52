"""Every sign a citizen sees comes from the fonts we ship, or is drawn: a bare kiosk has no
system font to fall back on, and would show empty boxes for ☐ ☑ ✓ ⚠."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QRawFont
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.paths import fonts_dir
from ui.screenshots import _scenes
from ui.widgets.answer_inputs import ChoiceInput
from ui.widgets.icons import Sign, pixmap

NOT_DRAWN = frozenset("\n\t")


@pytest.fixture(scope="module")
def shipped_fonts(qapp) -> list[QRawFont]:
    return [QRawFont(str(path), 32) for path in sorted(fonts_dir().glob("*.ttf"))]


def missing_from(fonts: list[QRawFont], texts) -> set[str]:
    return {char for text in texts for char in text if char not in NOT_DRAWN
            and not any(font.supportsCharacter(ord(char)) for font in fonts)}


def shown_texts(widget: QWidget) -> list[str]:
    if widget.isVisible() and isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        return [widget.text(), getattr(widget, "placeholderText", str)()]
    return []


def test_the_shipped_fonts_lack_the_signs_so_a_check_on_them_means_something(shipped_fonts):
    assert missing_from(shipped_fonts, ["☐☑✓⚠"]) == set("☐☑✓⚠")
    assert missing_from(shipped_fonts, ["Démoville, êtes-vous prêt ? « oui »"]) == set()


def test_a_multiple_choice_draws_its_tick_boxes_and_ticked_looks_ticked(qtbot, shipped_fonts):
    choice = ChoiceInput([("a", "Pour une entreprise"), ("b", "Fonctionnaire")], "fr",
                         multiple=True)
    qtbot.addWidget(choice)
    choice.resize(900, 500)
    choice.show()
    qtbot.waitExposed(choice)
    first, second = choice.buttons.values()
    assert missing_from(shipped_fonts, [b.text() for b in choice.buttons.values()]) == set()
    assert not first.icon().isNull()
    untouched = first.icon().pixmap(first.iconSize()).toImage()
    assert untouched == second.icon().pixmap(second.iconSize()).toImage()
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert first.isChecked() and choice.raw() == ["a"]
    assert first.icon().pixmap(first.iconSize()).toImage() != untouched


@pytest.mark.parametrize("sign", Sign)
def test_every_sign_is_drawn_in_the_colour_asked(qapp, sign):
    drawn = pixmap(sign, 40, QColor("#1B3B8C")).toImage()
    colours = {drawn.pixelColor(x, y).name() for x in range(40) for y in range(40)
               if drawn.pixelColor(x, y).alpha() == 255}
    assert colours == {"#1b3b8c"}


def written_by(widget: QWidget) -> str:
    """The screen module that puts text in `widget`: its nearest screen or staff ancestor."""
    while widget is not None:
        module = type(widget).__module__
        if module.startswith(("ui.screens.", "ui.staff.", "ui.widgets.nav_bar")):
            return module
        widget = widget.parentWidget()
    return "ui.main_window"


def test_every_character_on_every_screen_is_in_the_shipped_fonts(qtbot, window, shipped_fonts):
    """A bare kiosk has only the shipped fonts: a sign typed as text (✓ ⚠ ▶) is an empty box."""
    missing = {}
    for name, reach in _scenes(window.journey):
        reach()
        qtbot.wait(1)
        for widget in window.findChildren(QWidget):
            if found := missing_from(shipped_fonts, shown_texts(widget)):
                missing[f"{name} ({written_by(widget)})"] = "".join(sorted(found))
    assert missing == {}


def test_an_error_message_draws_its_warning_sign_and_its_words_fit(qtbot, shipped_fonts):
    from ui.layout_audit import audit
    from ui.widgets.labels import error_label

    label = error_label()
    label.setText("Il faut une réponse pour continuer.")
    qtbot.addWidget(label)
    label.resize(label.sizeHint().expandedTo(label.minimumSizeHint()))
    label.show()
    qtbot.waitExposed(label)
    assert missing_from(shipped_fonts, [label.text()]) == set()
    assert audit(label) == []
    drawn = label.grab().toImage()
    sign_area = [drawn.pixelColor(x, y) for x in range(label.indent())
                 for y in range(drawn.height())]
    label.setText("")
    empty = label.grab().toImage()
    assert sign_area != [empty.pixelColor(x, y) for x in range(label.indent())
                         for y in range(empty.height())]
