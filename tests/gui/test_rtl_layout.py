"""Arabic and Persian read from the right: the whole kiosk is mirrored for them, at once and
back, except what reads left to right in every language (keypads, digits, references)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.conftest import Citizen, shown_window
from ui.widgets.buttons import BigButton
from ui.widgets.icons import Sign

LANGUAGES = ["fr", "en", "ar", "fa"]
RTL = Qt.LayoutDirection.RightToLeft
LTR = Qt.LayoutDirection.LeftToRight


@pytest.fixture
def window(qtbot, make_config):
    config = make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                         interface__languages=LANGUAGES)
    with shown_window(qtbot, config) as window:
        yield window
    QApplication.setLayoutDirection(LTR)  # the direction is the application's: not for the next


def left_of(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).x()


def walk_to_the_phone_question(citizen: Citizen, lang: str) -> None:
    citizen.open_service("commune", "signalement-rue", lang=lang)
    citizen.tap(citizen.window.service.request_button)
    citizen.choose("eclairage")
    citizen.type("Rue de la Mairie")
    citizen.confirm()
    citizen.skip()
    citizen.choose(True)
    citizen.choose(True)
    assert citizen.window.question.view.question_id == "telephone"


def other_nav_buttons(window) -> list[BigButton]:
    nav = window.nav_bar
    return [button for button in (nav.home_button, nav.comfort_button, nav.repeat_button,
                                  nav.help_button) if button.isVisible()]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_in_arabic_and_persian_the_top_bar_starts_at_the_right_and_the_pad_does_not_turn(
        citizen, window, lang):
    walk_to_the_phone_question(citizen, lang)
    back = window.nav_bar.back_button
    assert QApplication.layoutDirection() == RTL
    assert all(left_of(back) > left_of(other) for other in other_nav_buttons(window))
    assert left_of(back) + back.width() > window.width() - 20  # at the right edge
    pad = citizen.keyboard()
    assert left_of(pad.key_for("1")) < left_of(pad.key_for("2")) < left_of(pad.key_for("3"))
    assert left_of(pad.key_for("3")) < left_of(pad.done_key)  # "Valider" stays at the right
    citizen.type("0612345678")
    field = window.question.input.field
    assert field.text() == "06 12 34 56 78"
    assert field.layoutDirection() == LTR  # the groups read 06 first, on the left


def test_in_french_the_back_button_is_at_the_left(citizen, window):
    walk_to_the_phone_question(citizen, "fr")
    back = window.nav_bar.back_button
    assert QApplication.layoutDirection() == LTR
    assert all(left_of(back) < left_of(other) for other in other_nav_buttons(window))
    pad = citizen.keyboard()
    assert left_of(pad.key_for("1")) < left_of(pad.key_for("3"))


def test_the_mirror_follows_each_change_of_language(citizen, window):
    back = window.nav_bar.back_button

    def back_at_the_right() -> bool:  # the layout follows in the same turn of the event loop
        return left_of(back) + back.width() > window.width() - 20

    citizen.tap(window.attract.start_button)
    for lang, mirrored in (("ar", True), ("fr", False), ("fa", True), ("en", False)):
        citizen.tap(window.language.buttons[lang])
        assert QApplication.layoutDirection() == (RTL if mirrored else LTR)
        citizen.qtbot.waitUntil(lambda m=mirrored: back_at_the_right() == m, timeout=2000)
        citizen.tap(back)  # back to the languages, to choose another
        assert window.current_screen is window.language


def test_the_date_fields_and_their_pad_keep_their_digits_left_to_right(citizen, window):
    citizen.open_service("famille", "acte-naissance", lang="ar")
    citizen.tap(window.service.request_button)
    citizen.choose("copie-integrale")
    for name in ("Martin", "Jeanne"):
        citizen.type(name)
        citizen.confirm()
    date = window.question.input
    assert [field.layoutDirection() for field in date.fields] == [LTR] * 3
    pad = date.keyboard
    assert left_of(pad.key_for("1")) < left_of(pad.key_for("3"))
    day, month, year = date.fields
    assert left_of(day) > left_of(month) > left_of(year)  # read from the right: day first


def test_staff_screens_stay_left_to_right_while_the_citizen_reads_arabic(citizen, window):
    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons["ar"])
    staff_screen = QWidget()
    window.show_staff(staff_screen)  # a mediator's French screen covers the journey
    assert QApplication.layoutDirection() == LTR
    window.leave_staff()
    assert QApplication.layoutDirection() == RTL


def ink_columns(image: QImage) -> list[int]:
    """How many opaque pixels each column of `image` holds."""
    return [sum(image.pixelColor(x, y).alpha() > 128 for y in range(image.height()))
            for x in range(image.width())]


def test_the_back_arrow_points_right_in_arabic_and_its_gap_faces_the_words(qtbot):
    """The arrow's head is its tallest column: left in French, right in Arabic."""
    heads = {}
    for direction in (LTR, RTL):
        QApplication.setLayoutDirection(direction)
        button = BigButton("رجوع" if direction == RTL else "Retour", role="nav")
        qtbot.addWidget(button)
        button.set_sign(Sign.BACK)
        image = button.icon().pixmap(button.iconSize()).toImage()
        columns = ink_columns(image)
        inked = [x for x, count in enumerate(columns) if count]
        heads[direction] = columns.index(max(columns)) / image.width()
        gap_on_the_right = image.width() - 1 - inked[-1] > inked[0]
        assert gap_on_the_right == (direction == LTR)  # the gap is between sign and words
    QApplication.setLayoutDirection(LTR)
    assert heads[LTR] < 0.4 and heads[RTL] > 0.6


def test_a_ticked_box_is_not_mirrored(qapp):
    from ui.widgets.icons import pixmap

    drawn = [pixmap(Sign.TICK, 40, QColor("#000000"), right_to_left=flag).toImage()
             for flag in (False, True)]
    assert drawn[0] == drawn[1]
