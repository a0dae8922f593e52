"""The staff dashboard on a real window: the tab shown is marked by a drawn sign (the font
has no "▶"), and its figures are read off the GUI thread, so a queue locked by another
SQLite writer leaves the screen alive with "Un instant…" until the figures come."""

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from kiosk.outbox_service import OUTBOX_FILE
from kiosk.services import KioskServices
from kiosk.session import MediatorDesk
from tests.gui.conftest import enter_pin, shown_window
from tests.mediator.mediator_helpers import CHEAP_KDF, FakeClock

PIN = "2468"


@pytest.fixture
def window(qtbot, kiosk_config):
    desk = MediatorDesk(kiosk_config, clock=FakeClock(), kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", PIN)
    first = KioskServices(kiosk_config, sync=False)  # the queue's file, as a past run left it
    first.outbox()
    first.close()
    with shown_window(qtbot, kiosk_config, sync=False, desk=desk) as window:
        yield window


def lines(panel) -> list[str]:
    return [label.text() for label in panel.scroll.content.findChildren(QLabel)
            if label.isVisibleTo(panel)]


def test_the_tab_shown_is_marked_by_a_drawn_sign_and_says_so(citizen, window):
    enter_pin(citizen, window, "Claire", PIN)
    dashboard = window.staff.dashboard
    citizen.tap(dashboard.tabs["today"])
    marked = [name for name, tab in dashboard.tabs.items() if not tab.icon().isNull()]
    assert marked == ["today"]
    assert dashboard.tabs["today"].isChecked()
    assert dashboard.tabs["today"].accessibleDescription() == "Aujourd'hui : onglet affiché"
    assert dashboard.tabs["waiting"].accessibleDescription() == "Attente"
    assert all(tab.text() == tab.accessibleName() for tab in dashboard.tabs.values())


def test_a_queue_locked_by_another_writer_leaves_the_screen_alive(citizen, window):
    enter_pin(citizen, window, "Claire", PIN)
    dashboard = window.staff.dashboard
    queue = dashboard.panels["queue"]
    other = sqlite3.connect(window.services.config.data_dir / OUTBOX_FILE, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a real write lock: opening the queue must wait for it
    try:
        citizen.tap(dashboard.tabs["queue"])  # failed before: the tap froze until the lock went
        ticks = []
        timer = QTimer(interval=10, timeout=lambda: ticks.append(1))
        timer.start()
        citizen.qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop turns meanwhile
        timer.stop()
        assert queue.loading and queue.wait_line.isVisible()
        assert queue.wait_line.text() == "Un instant…"
        assert not queue.export_button.isEnabled()  # no action on figures not read yet
    finally:
        other.execute("ROLLBACK")
        other.close()
    citizen.qtbot.waitUntil(lambda: not queue.loading, timeout=10000)
    assert not queue.wait_line.isVisible() and queue.export_button.isEnabled()
    assert lines(queue)[0].startswith("En attente : 0")


def test_calling_the_next_person_while_another_writer_holds_the_list_leaves_the_screen_alive(
        citizen, window):
    from kiosk.mediator.storage import database_path

    window.desk.services.waiting_list.take_ticket()
    enter_pin(citizen, window, "Claire", PIN)
    waiting = window.staff.dashboard.panels["waiting"]
    other = sqlite3.connect(database_path(window.services.config.data_dir),
                            isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # a real write lock on the mediator database
    try:
        citizen.tap(waiting.call_next_button)  # failed before: "database is locked", nobody called
        ticks = []
        timer = QTimer(interval=10, timeout=lambda: ticks.append(1))
        timer.start()
        citizen.qtbot.waitUntil(lambda: len(ticks) >= 5)
        timer.stop()
        assert waiting.wait_line.isVisible() and not waiting.call_next_button.isEnabled()
        assert window.current_screen is window.staff.dashboard
    finally:
        other.execute("ROLLBACK")
        other.close()
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.attract, timeout=10000)
    assert window.attract.call.text().startswith("Ticket A-001")
