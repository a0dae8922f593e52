"""A citizen taps through the skeleton: real widgets, real taps, on the offscreen platform."""

from PySide6.QtCore import Qt

from kiosk.journey import Step
from tests.gui.conftest import tap


def test_a_touch_anywhere_on_the_attract_screen_starts(qtbot, window):
    assert window.current_screen is window.attract
    assert not window.nav_bar.isVisible()
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.language


def test_a_citizen_reaches_a_service_page_in_french_with_real_taps(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    tap(qtbot, window.comfort.continue_button)
    assert window.current_screen is window.home
    assert window.home.title.text() == "De quoi avez-vous besoin ?"
    tap(qtbot, window.home.tiles["papiers"])
    assert window.current_screen is window.theme
    assert window.theme.title.text() == "Papiers d'identité"
    tap(qtbot, window.theme.buttons["carte-identite"])
    assert window.current_screen is window.service
    assert window.service.title.text() == "Carte d'identité"
    assert "prouve votre adresse" in window.service.documents.text()
    assert window.service.qr.data.startswith("https://www.service-public.gouv.fr/")


def test_english_is_offered_and_changes_every_label(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["en"])
    tap(qtbot, window.comfort.continue_button)
    assert window.home.title.text() == "What do you need?"
    assert window.home.tiles["sante"].text() == "Health"
    assert window.nav_bar.back_button.text() == "Back"


def test_back_returns_to_the_previous_screen_and_home_to_the_themes(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.home.tiles["sante"])
    tap(qtbot, window.theme.buttons["attestation-droits"])
    tap(qtbot, window.nav_bar.back_button)
    assert window.current_screen is window.theme
    tap(qtbot, window.theme.buttons["attestation-droits"])
    tap(qtbot, window.nav_bar.home_button)
    assert window.current_screen is window.home


def test_asking_for_help_then_going_back_returns_exactly_where_the_citizen_was(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.home.tiles["impots"])
    tap(qtbot, window.theme.buttons["declaration-revenus"])
    tap(qtbot, window.nav_bar.help_button)
    assert window.current_screen is window.help
    assert "accueil" in window.help.body.text()
    tap(qtbot, window.help.back_button)
    assert window.current_screen is window.service
    assert window.service.title.text() == "Déclarer mes revenus"


def test_idle_shows_a_warning_and_more_time_keeps_the_citizen_where_they_were(qtbot, window):
    window.kiosk.idle_watcher.set_warning_after_ms(300)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["en"])
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.home.tiles["retraite"])
    qtbot.waitUntil(lambda: window.current_screen is window.idle, timeout=3000)
    assert "30 seconds" in window.idle.body.text()
    tap(qtbot, window.idle.more_time_button)
    assert window.current_screen is window.theme
    assert window.journey.state.language == "en"


def test_an_unanswered_idle_warning_wipes_the_session_back_to_the_attract_screen(qtbot, window):
    window.kiosk.idle_watcher.set_warning_after_ms(300)
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["en"])
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.home.tiles["famille"])
    qtbot.waitUntil(lambda: window.current_screen is window.idle, timeout=3000)
    window.kiosk.idle_watcher._remaining = 2  # skip most of the 30 s countdown; the ticks are real
    qtbot.waitUntil(lambda: window.current_screen is window.attract, timeout=4000)
    state = window.journey.state
    assert (state.step, state.language, state.theme_id) == (Step.ATTRACT, "fr", None)
    assert window.attract.start_button.text() == "Touchez l'écran pour commencer"


def test_touching_the_screen_postpones_the_idle_warning(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    tap(qtbot, window.comfort.continue_button)
    qtbot.waitUntil(lambda: not window.kiosk.tap_guard.holding)  # taps count from here
    window.kiosk.idle_watcher.set_warning_after_ms(300)
    qtbot.mouseClick(window.home.title, Qt.MouseButton.LeftButton)
    for _ in range(4):
        qtbot.wait(150)
        qtbot.mouseClick(window.home.title, Qt.MouseButton.LeftButton)
    assert window.current_screen is window.home  # 600 ms of touches > the 300 ms idle time


def test_every_screen_speaks_what_it_shows(qtbot, window):
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    tap(qtbot, window.comfort.continue_button)
    tap(qtbot, window.home.tiles["commune"])
    assert "Ma commune" in window.kiosk.speaker.spoken[-1]
    assert "Signaler un problème dans la rue" in window.kiosk.speaker.spoken[-1]
    tap(qtbot, window.nav_bar.repeat_button)
    assert window.kiosk.speaker.spoken[-1] == window.kiosk.speaker.spoken[-2]
