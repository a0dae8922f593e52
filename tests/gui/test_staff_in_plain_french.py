"""The staff screens speak French with the catalogue's and the screens' names, and stopping
the kiosk asks once more (issue 11). Driven on a real window with real taps."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel

from kiosk.session import MediatorDesk
from kiosk.system.exit_codes import STOPPED_BY_STAFF
from tests.gui.conftest import enter_pin, shown_window
from tests.mediator.mediator_helpers import CHEAP_KDF, FakeClock

PIN = "2468"


@pytest.fixture
def desk(kiosk_config):
    desk = MediatorDesk(kiosk_config, clock=FakeClock(), kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", PIN)
    return desk


@pytest.fixture
def window(qtbot, kiosk_config, desk):
    with shown_window(qtbot, kiosk_config, sync=False, desk=desk) as window:
        yield window



def open_tab(citizen, window, tab: str) -> str:
    """Unlock with the pad as a mediator does, open `tab`, return every text it shows."""
    enter_pin(citizen, window, "Claire", PIN)
    citizen.tap(window.staff.dashboard.tabs[tab])
    panel = window.staff.dashboard.panels[tab]
    citizen.qtbot.waitUntil(lambda: not panel.loading)  # read on a worker, then shown
    return "\n".join(label.text() for label in panel.findChildren(QLabel)
                     if label.isVisibleTo(panel))


def on_window(window, widget):
    return widget.geometry().translated(widget.parentWidget().mapTo(window, QPoint(0, 0)))


def test_the_waiting_list_names_the_service_and_the_screen_in_french(citizen, window, desk):
    desk.services.waiting_list.take_ticket("carte-identite")
    desk.services.waiting_list.raise_help("question")
    shown = open_tab(citizen, window, "waiting")
    assert "Carte d'identité" in shown and "carte-identite" not in shown
    assert "« Questions du formulaire »" in shown and "« question »" not in shown


def test_the_queue_tab_warns_of_the_demo_key_in_french(citizen, window):
    window.services.enqueue("carte-identite", "mairie", {"nom": "Martin"})
    shown = open_tab(citizen, window, "queue")
    assert "Clé de chiffrement de démonstration" in shown
    assert "Demo encryption key" not in shown and "not for real data" not in shown


def test_today_counts_name_services_and_screens(citizen, window, desk):
    desk.session_ended("carte-identite", True, "receipt")
    desk.session_ended("carte-identite", False, "home")
    shown = open_tab(citizen, window, "today")
    assert "Carte d'identité : 1" in shown and "Choix du thème : 1" in shown
    assert "carte-identite" not in shown and "home" not in shown


def test_stopping_the_kiosk_asks_once_more(citizen, window, monkeypatch):
    quits = []
    # Quitting the real application would end the test run: record the status instead.
    monkeypatch.setattr("ui.service_manager.QApplication.exit", quits.append)
    open_tab(citizen, window, "settings")
    settings = window.staff.dashboard.panels["settings"]
    where_stop_was = on_window(window, settings.stop_button)
    citizen.tap(settings.stop_button)
    assert quits == [] and settings.stop_question.isVisible()
    assert not on_window(window, settings.stop_yes).intersects(where_stop_was)  # double tap
    assert "Arrêter la borne ?" in settings.stop_question.text()
    citizen.tap(settings.stop_no)
    assert quits == [] and settings.stop_button.isVisible()
    citizen.tap(settings.stop_button)
    citizen.tap(settings.stop_yes)
    assert quits == [STOPPED_BY_STAFF]


def test_an_export_that_cannot_be_written_is_said_in_plain_french(citizen, window):
    window.services.enqueue("carte-identite", "mairie", {"nom": "Martin"})
    (window.services.config.data_dir / "exports").write_text("not a folder")  # a real fault
    open_tab(citizen, window, "queue")
    dashboard = window.staff.dashboard
    citizen.tap(dashboard.panels["queue"].export_button)
    citizen.qtbot.waitUntil(dashboard.status.isVisible)
    # Failed before: "File d'envoi indisponible : [Errno 17] File exists: ..."
    assert dashboard.status.text().startswith("L'export n'a pas pu être écrit.")
    assert "Errno" not in dashboard.status.text()
    assert window.services.outbox().status().counts.get("pending") == 1  # nothing lost
