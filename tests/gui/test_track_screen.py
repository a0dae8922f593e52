""""Suivre ma demande" on the kiosk screen, with real taps on our keyboard: the state the hub
last sent is shown and spoken; a wrong number is explained and kept to correct."""

from __future__ import annotations

import uuid
from datetime import datetime

from kiosk.journey import Step
from offline_cache.protocol import reference_for
from ui.theme import MIN_TOUCH_PX
from ui.widgets.buttons import BigButton


def open_tracking(citizen, lang: str = "fr") -> None:
    window = citizen.window
    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons[lang])
    citizen.tap(window.comfort.continue_button)
    citizen.tap(window.home.track_button)
    assert window.current_screen is window.track


def type_reference(citizen, text: str) -> None:
    keyboard = citizen.window.track.keyboard
    for key in keyboard.taps_for(text):
        citizen.tap(key)
    citizen.tap(keyboard.done_key)


def hub_answer(state: str, message: str) -> tuple[str, dict]:
    client_id = str(uuid.uuid4())
    return reference_for(client_id), {"protocol": 1, "ok": True, "states": [{
        "uuid": client_id, "reference": reference_for(client_id), "state": state,
        "message": message, "updated_at": datetime.now().astimezone().isoformat()}]}


def test_a_citizen_types_a_reference_and_sees_and_hears_its_state(qtbot, window, citizen):
    reference, answer = hub_answer("waiting", "Apportez un justificatif de domicile.")
    window.services.record_heartbeat_answer(answer)  # as the last heartbeat brought it
    open_tracking(citizen)
    assert "Suivre ma demande" in window.kiosk.speaker.spoken[-1]
    type_reference(citizen, reference.replace("-", ""))
    track = window.track
    qtbot.waitUntil(lambda: track.result.isVisible(), timeout=5000)
    assert track.state.text() == "En attente de vous"
    assert "Message du service : Apportez un justificatif de domicile." in track.details.text()
    assert "La borne a eu des nouvelles du serveur aujourd'hui à" in track.details.text()
    assert not track.keyboard.isVisible()
    spoken = window.kiosk.speaker.spoken[-1]
    assert "attend quelque chose de vous" in spoken
    assert "Apportez un justificatif de domicile." in spoken
    assert window.kiosk.speaker.uncached[-1] == spoken  # the agent's words: never cached
    citizen.tap(window.nav_bar.repeat_button)
    assert window.kiosk.speaker.spoken[-1] == spoken
    citizen.tap(track.again_button)
    assert track.keyboard.isVisible() and track.field.text() == reference.replace("-", "")


def test_a_wrong_reference_is_explained_aloud_and_kept_to_correct(qtbot, window, citizen):
    open_tracking(citizen, "en")
    type_reference(citizen, "K7M4QF")
    track = window.track
    qtbot.waitUntil(lambda: track.error.isVisible(), timeout=5000)
    assert "We cannot find the request K7M-4QF." in track.error.text()
    assert "Check the number on your ticket" in window.kiosk.speaker.spoken[-1]
    assert track.field.text() == "K7M4QF" and track.keyboard.isVisible()
    keys = track.keyboard.findChildren(BigButton)
    assert min(key.height() for key in keys if key.isVisible()) >= MIN_TOUCH_PX
    type_reference(citizen, "2")  # one sign too many: said plainly
    qtbot.waitUntil(lambda: "6 signs" in track.error.text(), timeout=5000)
    assert track.field.text() == "K7M4QF2"


def test_a_request_still_waiting_in_the_queue_is_said_not_sent_yet(qtbot, window, citizen):
    client_id = str(uuid.uuid4())
    window.services.enqueue("acte-naissance", "commune-etat-civil",
                            {"client_id": client_id, "answers": {"nom": "Martin"}})
    open_tracking(citizen)
    type_reference(citizen, reference_for(client_id))
    qtbot.waitUntil(lambda: window.track.result.isVisible(), timeout=5000)
    assert window.track.state.text() == "Pas encore envoyée"
    assert "La borne l'enverra dès que la connexion revient." in window.kiosk.speaker.spoken[-1]


def test_back_and_home_leave_the_tracking_screen_as_elsewhere(window, citizen):
    open_tracking(citizen)
    citizen.tap(window.nav_bar.back_button)
    assert window.current_screen is window.home
    citizen.tap(window.home.track_button)
    citizen.tap(window.nav_bar.home_button)
    assert window.current_screen is window.home
    assert window.journey.state.step is Step.HOME
