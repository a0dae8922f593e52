"""Every service page ends on something to do, tapped for real: a ticket for a mediator,
the printed list of documents; and the kiosk's default speech rate reaches the screens."""


from kiosk.journey_state import SpeechRate
from kiosk.services import KioskServices
from kiosk.views.records import ServiceAction
from tests.gui.conftest import tap
from ui.app import build_window
from ui.voice_bridge import RecordingSpeaker


def open_identity_card(citizen, window) -> None:
    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons["fr"])
    citizen.tap(window.comfort.continue_button)
    citizen.tap(window.home.tiles["papiers"])
    citizen.tap(window.theme.buttons["carte-identite"])


def test_the_identity_card_page_gives_a_ticket_for_a_mediator(citizen, window, qtbot):
    open_identity_card(citizen, window)
    # Failed before: a QR code and nothing to press.
    citizen.tap(window.service.action_buttons[ServiceAction.TAKE_TICKET])
    qtbot.waitUntil(lambda: window.current_screen is window.help
                    and window.help.ticket_code.isVisible())
    assert window.help.ticket_code.text() == "A-001"
    assert window.kiosk.speaker.spoken[-1].startswith("Votre numéro : A-001.")
    citizen.tap(window.help.back_button)
    assert window.current_screen is window.service  # where the citizen was


def test_the_identity_card_page_prints_the_list_of_documents(citizen, window, qtbot):
    open_identity_card(citizen, window)
    citizen.tap(window.service.action_buttons[ServiceAction.PRINT_CHECKLIST])
    assert window.service.print_status.text() == "Impression en cours…"
    qtbot.waitUntil(lambda: "imprimée" in window.service.print_status.text(), timeout=10000)
    [pdf] = (window.services.config.data_dir / "receipts").glob("*.pdf")
    assert pdf.stat().st_size > 1000


def test_another_procedure_goes_back_to_the_theme(citizen, window):
    open_identity_card(citizen, window)
    citizen.tap(window.service.action_buttons[ServiceAction.OTHER_SERVICE])
    assert window.current_screen is window.theme


def test_the_configured_speech_rate_is_the_one_chosen_on_the_comfort_screen(
        qtbot, make_config):
    config = make_config(voice__rate="slow", hub__url="http://127.0.0.1:9")
    services = KioskServices(config, sync=False)
    window = build_window(config, services=services, speaker=RecordingSpeaker())
    qtbot.addWidget(window)
    window.show()
    tap(qtbot, window.attract.start_button)
    tap(qtbot, window.language.buttons["fr"])
    # Failed before: voice.rate never reached the screens (always "Normale").
    assert window.comfort.options[("speech_rate", SpeechRate.SLOW)].isChecked()
    assert window.journey.state.comfort.speech_rate is SpeechRate.SLOW
    services.close()

