"""The keyboard of a text question has the citizen's letters: typed with real taps on the keys
(pytest-qt), capitals included, and Turkish capitals as Turkish writes them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.keyboard_layouts import LAYOUTS
from offline_cache.languages import CODES
from tests.gui.conftest import Citizen, shown_window, tap
from ui.widgets.buttons import BigButton
from ui.widgets.keyboard import KeyboardMode, OnScreenKeyboard


@pytest.fixture
def keyboard_for(qtbot):
    """A shown keyboard of `mode` in `lang`, typing into a shown field."""

    def build(lang: str, mode: KeyboardMode = KeyboardMode.TEXT):
        field = QLineEdit()
        keyboard = OnScreenKeyboard(mode, lang)
        keyboard.attach(field)
        for widget in (field, keyboard):
            qtbot.addWidget(widget)
            widget.show()
        keyboard.resize(1216, 420)
        qtbot.waitExposed(keyboard)
        return keyboard, field

    return build


def type_with_taps(qtbot, keyboard, text: str) -> None:
    for key in keyboard.taps_for(text):
        tap(qtbot, key)


def test_turkish_capitals_turn_i_into_dotted_i_and_dotless_i_into_i(qtbot, keyboard_for):
    keyboard, field = keyboard_for("tr")
    tap(qtbot, keyboard.shift_key)
    dotted = keyboard.key_for("İ")
    assert dotted is not None and keyboard.key_for("I") is not None  # the ı key, capital
    tap(qtbot, dotted)
    assert field.text() == "İ"
    assert keyboard.key_for("i") is not None  # one capital, then small letters again
    tap(qtbot, keyboard.key_for("i"))
    assert field.text() == "İi"  # never "i̇" (i and a combining dot), as "İ".lower() gives
    type_with_taps(qtbot, keyboard, "stanbul Işık Çağrı Öztürk Şükrü")
    assert field.text() == "İistanbul Işık Çağrı Öztürk Şükrü"


def test_the_ukrainian_keyboard_types_kyiv_and_an_apostrophe(qtbot, keyboard_for):
    keyboard, field = keyboard_for("uk")
    type_with_taps(qtbot, keyboard, "Київ")
    assert field.text() == "Київ"
    type_with_taps(qtbot, keyboard, " Мар'яна Ґалаґан, Євгенія")
    assert field.text() == "Київ Мар'яна Ґалаґан, Євгенія"
    assert keyboard.key_for("q") is None  # Cyrillic letters only


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Hélène Françoise d'Aubière-Noël, Goûté"),
    ("en", "O'Brien Smith"),
    ("es", "Núñez Güell, José María"),
    ("pt", "João Gonçalves, Conceição Antônio à"),
    ("ro", "Ștefan Țurcanu, Brăila, Râmnicu, Întâi"),
    ("ar", "محمد بن علي، أحمد إبراهيم آمنة"),
    ("fa", "پژمان گلچین، کیانا ژیلا"),
])
def test_each_language_types_its_own_letters(qtbot, keyboard_for, lang, text):
    keyboard, field = keyboard_for(lang)
    type_with_taps(qtbot, keyboard, text)
    assert field.text() == text


def test_romanian_types_the_comma_below_not_the_cedilla(qtbot, keyboard_for):
    keyboard, field = keyboard_for("ro")
    assert keyboard.key_for("ș") is not None and keyboard.key_for("ț") is not None
    assert keyboard.key_for("ş") is None and keyboard.key_for("ţ") is None  # Turkish cedilla
    type_with_taps(qtbot, keyboard, "Șț")
    assert [hex(ord(char)) for char in field.text()] == ["0x218", "0x21b"]


def test_arabic_and_persian_have_no_capitals_key(qtbot, keyboard_for):
    for lang in ("ar", "fa"):
        keyboard, _field = keyboard_for(lang)
        assert keyboard.shift_key.isHidden()
    arabic, _ = keyboard_for("ar")
    french, _ = keyboard_for("fr")
    assert arabic.space_key.width() > french.space_key.width()  # the room capitals had
    persian, _ = keyboard_for("fa")  # there the half space takes it (test below)
    assert persian.key_for("ی") and persian.key_for("ک")  # Persian's own yeh and kaf
    assert persian.key_for("ي") is None and persian.key_for("ك") is None


def test_persian_writes_a_suffix_apart_with_the_half_space_key(qtbot, keyboard_for):
    """"خیابان‌ها" (streets) and "می‌خواهم" (I want): the letters on either side of the
    zero-width non-joiner take their separate forms, with no space between."""
    keyboard, field = keyboard_for("fa")
    half_space = keyboard.non_joiner_key
    assert half_space.isVisible() and half_space.text() == "نیم‌فاصله"
    space = keyboard.space_key
    assert half_space.geometry().right() < space.geometry().left()  # where capitals would be
    assert half_space.geometry().top() == space.geometry().top()
    type_with_taps(qtbot, keyboard, "خیابان")
    tap(qtbot, half_space)
    type_with_taps(qtbot, keyboard, "ها می\u200cخواهم")
    assert field.text() == "خیابان\u200cها می\u200cخواهم"
    tap(qtbot, keyboard.script_key)  # the French letters: capitals again, no half space
    assert keyboard.shift_key.isVisible() and not half_space.isVisible()
    arabic, _ = keyboard_for("ar")  # Arabic does not write it: no such key
    assert not arabic.non_joiner_key.isVisible() and arabic.key_for("\u200c") is None


def test_arabic_keys_run_as_on_an_arabic_keyboard_even_in_a_right_to_left_screen(qtbot):
    """ض is at the top left of every Arabic keyboard, on paper and on phones; "Valider"
    stays at the bottom right, where it is in every language."""
    screen = QWidget()
    screen.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # as the Arabic screens are
    keyboard = OnScreenKeyboard(KeyboardMode.TEXT, "ar")
    QVBoxLayout(screen).addWidget(keyboard)
    qtbot.addWidget(screen)
    screen.resize(1216, 420)
    screen.show()
    qtbot.waitExposed(screen)
    assert keyboard.key_for("ض").x() < keyboard.key_for("ذ").x()
    assert keyboard.key_for("1").x() < keyboard.key_for("0").x()
    assert keyboard.done_key.x() > keyboard.erase_key.x() > keyboard.space_key.x()


@pytest.mark.parametrize("lang", ["ar", "uk", "fa", "tr"])
def test_email_and_reference_keyboards_stay_latin(qtbot, keyboard_for, lang):
    email, _ = keyboard_for(lang, KeyboardMode.EMAIL)
    letters = {key.text() for key in email.findChildren(BigButton) if len(key.text()) == 1}
    assert {"@", "a", "q", "z", "m"} <= letters and all(c.isascii() for c in letters)
    reference, field = keyboard_for(lang, KeyboardMode.REFERENCE)
    type_with_taps(qtbot, reference, "K7M-4QF")
    assert field.text() == "K7M-4QF"


def test_every_language_of_the_registry_has_a_keyboard_of_its_own(qtbot, keyboard_for):
    shown = set()
    for lang in CODES:
        keyboard, _field = keyboard_for(lang)
        shown.add(tuple(key.text() for key in keyboard.findChildren(BigButton)
                        if key.property("small")))
    assert len(shown) == len(LAYOUTS) == len(CODES)


def test_the_question_keyboard_follows_a_language_switch_and_keeps_the_typed_text(
        qtbot, make_config):
    """The nav bar's language button mid-question: the keyboard comes back with the new
    language's letters, what was typed still in the field, and types on after it."""
    config = make_config(hub__url="http://127.0.0.1:9", printer__kind="pdf",
                         interface__languages=list(CODES))
    with shown_window(qtbot, config) as window:
        citizen = Citizen(qtbot, window)
        citizen.open_service("retraite", "demande-retraite", lang="uk")
        citizen.tap(window.service.request_button)
        assert window.journey.form.current_step.kind == "name"
        citizen.type("Шевченко")
        assert citizen.keyboard().key_for("q") is None
        citizen.tap(window.nav_bar.language_button)
        citizen.tap(window.language.buttons["tr"])
        assert window.current_screen is window.question
        assert citizen.keyboard().key_for("ş") is not None
        assert citizen.keyboard().key_for("ш") is None
        assert window.question.input.field.text() == "Шевченко"
        citizen.type(" İnce")
        assert window.question.input.field.text() == "Шевченко İnce"


@pytest.mark.parametrize(("lang", "native"), [("ar", "محمد"), ("fa", "پژمان"), ("uk", "Київ")])
def test_a_name_on_french_papers_is_typed_in_latin_letters_and_back(
        qtbot, keyboard_for, lang, native):
    """"ABC" at the end of the top row brings the French letters, accents included; the
    same key, now showing the language's letters, brings them back."""
    keyboard, field = keyboard_for(lang)
    assert keyboard.key_for("a") is None and keyboard.script_key.text() == "ABC"
    tap(qtbot, keyboard.script_key)
    assert keyboard.key_for("é") is not None and keyboard.script_key.text() != "ABC"
    type_with_taps(qtbot, keyboard, "Hélène Martin")
    tap(qtbot, keyboard.script_key)
    assert keyboard.key_for("a") is None
    type_with_taps(qtbot, keyboard, " " + native)
    assert field.text() == "Hélène Martin " + native


def test_latin_keyboards_have_no_script_key(qtbot, keyboard_for):
    for lang in ("fr", "en", "tr", "ro"):
        keyboard, _field = keyboard_for(lang)
        assert keyboard.script_key.isHidden()


@pytest.mark.parametrize(("lang", "right"), [("fa", True), ("ar", True), ("fr", False)])
def test_an_empty_text_field_waits_on_the_side_its_language_starts(qtbot, keyboard_for, lang,
                                                                   right):
    """The caret of an empty field is where the first letter will go: at the right in
    Arabic and Persian (Qt put it at the left until a letter was typed)."""
    _keyboard, field = keyboard_for(lang)
    field.resize(600, 60)
    qtbot.wait(50)  # QLineEdit places its text, and so its caret, when it paints
    caret = field.cursorRect().center().x()
    assert (caret > field.width() / 2) is right, caret
