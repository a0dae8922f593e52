"""A choice shown as chosen draws its tick and its words together in the middle of the button,
in French as in Arabic: the words never slide to the border (seen on the comfort screen)."""

import pytest
from PySide6.QtGui import QColor

from ui.app import apply_theme
from ui.theme import TextSize, Theme
from ui.widgets.buttons import BigButton
from ui.widgets.icons import Sign

INSET = 8  # past the border and its rounded corners


def ink_margins(button: BigButton) -> tuple[int, int]:
    """The empty room left and right of what is drawn inside the border."""
    image = button.grab().toImage()
    columns = [x for x in range(INSET, image.width() - INSET)
               if any(QColor(image.pixel(x, y)).lightness() < 128
                      for y in range(INSET, image.height() - INSET))]
    return columns[0] - INSET, image.width() - INSET - 1 - columns[-1]


@pytest.fixture
def largest_text(qapp):
    apply_theme(qapp, Theme(text_size=TextSize.LARGER))
    yield
    apply_theme(qapp, Theme())  # the look the other tests expect


@pytest.mark.parametrize("text", ["Très grande", "Standard", "كبير جدا"])
def test_a_ticked_choice_keeps_its_tick_and_words_centred(qtbot, largest_text, text):
    button = BigButton(text)
    button.set_sign(Sign.TICK)
    qtbot.addWidget(button)
    button.resize(390, 80)  # a third of the comfort screen's row
    button.show()
    qtbot.waitExposed(button)
    left, right = ink_margins(button)
    assert left > 20 and right > 20, (left, right)
    assert abs(left - right) <= 8, (left, right)
