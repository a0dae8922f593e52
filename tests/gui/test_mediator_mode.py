"""Mediator mode on a real window: unlock, lock-out, tickets called on the attract screen,
take-over of a citizen's request with recorded consent, and the audit journal that verifies."""

import json

import pytest
from PySide6.QtCore import QPoint, Qt

from hub.keys import demo_keys_dir
from kiosk.journey import Step
from kiosk.session import MediatorDesk
from kiosk.system.exit_codes import STOPPED_BY_STAFF
from offline_cache.envelope import load_private_key, open_sealed
from tests.gui.conftest import enter_pin, queued, shown_window
from tests.mediator.mediator_helpers import CHEAP_KDF, FakeClock

PIN = "2468"


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def desk(kiosk_config, clock):
    desk = MediatorDesk(kiosk_config, clock=clock, kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", PIN)
    desk.services.accounts.add("Yanis", "1357")
    return desk


@pytest.fixture
def window(qtbot, kiosk_config, desk):
    with shown_window(qtbot, kiosk_config, sync=False, desk=desk) as window:
        yield window



def claire_id(desk) -> str:
    return desk.services.accounts.find("Claire").id




def test_a_two_second_press_on_the_attract_corner_opens_the_pin_screen(qtbot, window):
    corner = QPoint(window.attract.width() - 20, 20)
    qtbot.mousePress(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    assert window.journey.state.step is Step.ATTRACT  # the press does not start the journey
    qtbot.waitUntil(lambda: window.staff.pin_screen is not None
                    and window.current_screen is window.staff.pin_screen, timeout=4000)
    qtbot.mouseRelease(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    assert window.journey.state.place is Step.ATTRACT  # under the PIN screen


def test_a_short_tap_on_the_corner_still_starts_the_journey(qtbot, window):
    corner = QPoint(window.attract.width() - 20, 20)
    qtbot.mouseClick(window.attract, Qt.MouseButton.LeftButton, pos=corner)
    assert window.journey.state.step is not Step.ATTRACT


def test_the_pin_field_shows_dots_never_digits(citizen, window):
    window.staff.open()
    pin_screen = window.staff.pin_screen
    citizen.tap(next(iter(pin_screen.account_buttons.values())))
    citizen.tap(pin_screen.pad.key_for("4"))
    assert pin_screen.field.echoMode() == pin_screen.field.EchoMode.Password
    assert pin_screen.field.displayText() != "4"


def test_the_right_pin_opens_the_dashboard_with_the_first_name(citizen, window, desk):
    enter_pin(citizen, window, "Claire", PIN)
    assert window.current_screen is window.staff.dashboard
    assert "Claire" in window.staff.dashboard.title.text()
    assert desk.staff_open
    citizen.tap(window.staff.dashboard.quit_button)
    assert not desk.staff_open
    assert window.current_screen is window.attract
    events = [entry["event"] for entry in desk.services.journal.entries()]
    assert "unlock" in events and "staff_lock" in events


def test_wrong_pins_lock_the_account_and_the_right_one_then_does_not_unlock(
        citizen, window, desk, clock):
    for attempts_left in (4, 3, 2, 1):
        enter_pin(citizen, window, "Claire", "0000")
        assert f"Encore {attempts_left} essai" in window.staff.pin_screen.status.text()
    enter_pin(citizen, window, "Claire", "0000")
    assert "bloqué" in window.staff.pin_screen.status.text()
    enter_pin(citizen, window, "Claire", PIN)
    assert "bloqué" in window.staff.pin_screen.status.text()
    assert window.current_screen is window.staff.pin_screen and not desk.staff_open
    clock.advance(31)
    enter_pin(citizen, window, "Claire", PIN)
    assert window.current_screen is window.staff.dashboard


def test_staff_mode_locks_itself_after_the_idle_time(citizen, window, desk, clock):
    enter_pin(citizen, window, "Claire", PIN)
    clock.advance(window.services.config["mediator.idle_lock_seconds"] + 1)
    window.staff.check_idle()  # what the one-second timer does
    assert not desk.staff_open and window.current_screen is window.attract
    window.staff.open()
    assert window.current_screen is window.staff.pin_screen  # the PIN again


def test_a_ticket_is_shown_and_spoken_then_called_on_the_attract_screen(
        citizen, window, desk, clock):
    citizen.tap(window.attract.start_button)
    citizen.tap(window.language.buttons["fr"])
    citizen.tap(window.comfort.continue_button)
    citizen.tap(window.nav_bar.help_button)
    citizen.tap(window.help.ticket_button)
    citizen.qtbot.waitUntil(lambda: window.help.ticket_code.text() == "A-001")
    assert window.kiosk.speaker.spoken[-1] == (
        "Votre numéro : A-001. Quelqu'un de l'accueil va vous appeler.")
    [call] = desk.services.waiting_list.open_help_calls()
    assert call.screen == "home"  # the screen the citizen asked from
    citizen.tap(window.help.back_button)
    window.journey.reset()  # the citizen walks to the desk area; the kiosk is free again
    clock.advance(150)
    enter_pin(citizen, window, "Claire", PIN)
    waiting = window.staff.dashboard.panels["waiting"]
    texts = [label.text() for label in waiting.scroll.content.findChildren(type(
        window.help.title))]
    assert any("A-001" in text and "2 min" in text for text in texts)
    citizen.tap(waiting.call_next_button)
    assert not waiting.call_next_button.isEnabled()  # written on a worker: no second call
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.attract)
    assert window.attract.call.isVisible()
    assert window.attract.call.text() == "Ticket A-001, Guichet 1"
    assert window.kiosk.speaker.spoken[-1] == "Ticket A 1, Guichet 1."
    assert not desk.staff_open  # calling the next one hands the screen back to citizens


def sealed_payload(window, item) -> dict:
    private = load_private_key((demo_keys_dir() / "hub-x25519-private.pem").read_bytes())
    [row] = window.services.outbox().outbox.export_items()
    assert row.item_id == item.item_id
    return json.loads(open_sealed(private, row.payload, item.item_id.encode()))


def ask_help_and_accompany(citizen, window) -> None:
    citizen.tap(window.nav_bar.help_button)
    citizen.tap(window.help.ticket_button)
    citizen.qtbot.waitUntil(lambda: window.help.ticket_code.isVisible())
    enter_pin(citizen, window, "Claire", PIN)
    [accompany] = window.staff.dashboard.panels["waiting"].accompany_buttons.values()
    assert "Questions du formulaire" in window.staff.dashboard.panels[
        "waiting"].scroll.content.findChildren(type(window.help.title))[0].text()
    citizen.tap(accompany)


def test_the_citizen_consents_before_the_mediator_takes_over_and_the_request_carries_it(
        citizen, window, desk):
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("eclairage")
    citizen.type("Rue des")  # half-typed when the citizen asks for help
    ask_help_and_accompany(citizen, window)
    # Asked first (Aidants Connect): failed before, the consent came after the whole form.
    assert window.current_screen is window.assisted_consent
    assert not window.staff.banner.isVisible()  # nobody has taken the controls yet
    assert "Claire" in window.assisted_consent.body.text()
    assert "Où est le problème ?" in window.assisted_consent.body.text()  # what she sees
    shown = window.assisted_consent.body.text()
    citizen.tap(window.assisted_consent.accept_button)
    assert window.current_screen is window.question  # the same session, where it was
    assert window.question.input.field.text() == "Rue des"  # nothing typed is lost
    assert window.staff.banner.isVisible()
    assert window.staff.banner.text.text() == "Mode accompagné — Claire"
    citizen.answer(" Lilas")  # the mediator finishes
    citizen.skip()
    citizen.choose(False)
    citizen.choose(False)
    citizen.tap(window.review.confirm_button)
    citizen.tap(window.consent.accept_button)
    # One consent screen, not two in a row: "your data", then the receipt.
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    citizen.tap(window.staff.banner.hand_back_button)  # "Rendre la main"
    assert not window.staff.banner.isVisible() and not desk.staff_open
    assert window.current_screen is window.receipt  # the session goes on, citizen alone
    [item] = queued(window)
    payload = sealed_payload(window, item)
    assert payload["assisted_by"] == claire_id(desk)
    assert payload["consent"]["mediator_id"] == claire_id(desk)
    assert payload["consent"]["service_id"] == "signalement-rue"
    # The consent kept is the one read: the same questions and the same recipient.
    assert all(label in shown for label in payload["consent"]["sees"])
    assert payload["consent"]["sends_to"] in shown
    assert payload["answers"]["lieu"] == "Rue des Lilas"
    citizen.tap(window.receipt.finish_button)
    citizen.tap(window.confirm.yes_button)  # not printed: "Terminer" asks first
    today = desk.services.statistics.today()
    assert (today.sessions, today.completed, today.assisted) == (1, 1, 1)
    events = [entry["event"] for entry in desk.services.journal.entries()]
    for event in ("unlock", "take_over", "consent", "hand_back", "staff_lock"):
        assert event in events
    assert events.index("consent") > events.index("take_over")  # recorded as it was given
    assert desk.services.journal.verify().ok
    journal = (window.services.config.data_dir / "mediator" / "journal.jsonl").read_text()
    assert "Lilas" not in journal


def test_refusing_the_mediator_explains_and_the_citizen_goes_on_alone(citizen, window, desk):
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    ask_help_and_accompany(citizen, window)
    citizen.tap(window.assisted_consent.refuse_button)
    # Failed before: "Je refuse" looped back to "your data" without a word.
    assert window.current_screen is window.assisted_consent
    assert "Rien n'est envoyé" in window.assisted_consent.body.text()
    assert window.kiosk.speaker.spoken[-1].startswith("D'accord.")
    citizen.tap(window.assisted_consent.continue_button)
    assert window.current_screen is window.question and not window.staff.banner.isVisible()
    citizen.choose("eclairage")
    citizen.answer("Rue Haute")
    citizen.skip()
    citizen.choose(False)
    citizen.choose(False)
    citizen.tap(window.review.confirm_button)
    citizen.tap(window.consent.accept_button)
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    [item] = queued(window)
    assert "assisted_by" not in sealed_payload(window, item)  # done alone, as chosen
    window.journey.reset()
    today = desk.services.statistics.today()
    assert today.assisted == 0 and today.completed == 1
    assert desk.services.waiting_list.open_help_calls() == []


def test_volume_behind_the_pin_changes_the_voice_and_is_journaled(citizen, window, desk):
    volumes = []
    kiosk, set_volume = window.kiosk, window.kiosk.set_voice_volume
    kiosk.set_voice_volume = lambda percent: (volumes.append(percent), set_volume(percent))
    enter_pin(citizen, window, "Claire", PIN)
    citizen.tap(window.staff.dashboard.tabs["settings"])
    settings = window.staff.dashboard.panels["settings"]
    before = kiosk.voice_volume
    citizen.tap(settings.buttons["volume.less"])
    assert volumes == [before - 10] and kiosk.voice_volume == before - 10
    assert f"{before - 10} %" in settings.labels["volume"].text()
    [change] = [e for e in desk.services.journal.entries() if e["event"] == "settings_change"]
    assert change["data"] == {"key": "voice.volume", "old": before, "new": before - 10}


def test_stopping_the_kiosk_is_journaled_then_the_application_quits(citizen, window, desk,
                                                                     monkeypatch):
    quits = []
    # Quitting the real application would end the test run itself: record the status instead.
    monkeypatch.setattr("ui.service_manager.QApplication.exit", quits.append)
    enter_pin(citizen, window, "Claire", PIN)
    citizen.tap(window.staff.dashboard.tabs["settings"])
    settings = window.staff.dashboard.panels["settings"]
    citizen.tap(settings.stop_button)
    assert quits == []  # one tap only asks (issue 11); "Oui, arrêter" stops
    citizen.tap(settings.stop_yes)
    assert quits == [STOPPED_BY_STAFF]
    assert [e["event"] for e in desk.services.journal.entries()][-2:] == ["kiosk_stop",
                                                                          "staff_lock"]
    assert desk.services.journal.verify().ok
