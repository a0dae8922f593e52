"""The kiosk's window under its service manager (ui.service_manager, ui.watchdog,
ui.nightly_restart): the watchdog is fed only while the event loop runs, and the nightly
restart never cuts a citizen's or a mediator's session short. A real window and real taps;
systemd's end is a real datagram socket (tests/notify_supervisor.py's listener)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from notify_supervisor import NotifyListener

from kiosk.session import MediatorDesk
from kiosk.system.exit_codes import RESTART_REQUESTED
from kiosk.system.nightly import NightlyRestart, parse_restart_hour
from kiosk.system.notify import ServiceNotifier
from tests.gui.conftest import Citizen, enter_pin, shown_window
from tests.mediator.mediator_helpers import CHEAP_KDF

PIN = "2468"


@pytest.fixture
def listener():
    listener = NotifyListener()
    yield listener
    listener.close()


@pytest.fixture
def exits(monkeypatch) -> list[int]:
    """The statuses the kiosk quits with; quitting for real would end the test run."""
    statuses: list[int] = []
    monkeypatch.setattr("ui.service_manager.QApplication.exit", statuses.append)
    return statuses


@pytest.fixture
def served(qtbot, kiosk_config, listener):
    """A kiosk whose service manager listens, with one staff account; told READY."""
    desk = MediatorDesk(kiosk_config, kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", PIN)
    notifier = ServiceNotifier(listener.address, watchdog_usec=400_000)
    with shown_window(qtbot, kiosk_config, desk=desk, notifier=notifier) as window:
        window.kiosk.service_manager.ready()
        yield window


def night_now(window, clock_at: list[datetime]) -> None:
    """The nightly restart, due already, rechecked every 50 ms instead of 30 s."""
    schedule = NightlyRestart(parse_restart_hour("03:30"), clock=lambda: clock_at[0])
    clock_at[0] = schedule.due_at + timedelta(seconds=1)
    window.kiosk.service_manager.start_nightly(schedule, recheck_ms=50)


def test_the_watchdog_is_fed_while_the_event_loop_runs_and_not_while_it_is_blocked(
        qtbot, served, listener):
    assert listener.receive(2)[0] == "READY=1"
    qtbot.wait(700)  # the loop runs: pings every 200 ms (half of 400)
    assert listener.drain().count("WATCHDOG=1") >= 3
    time.sleep(0.8)  # the GUI thread blocked, as a frozen kiosk's would be
    assert listener.drain() == []  # not one ping in those 0.8 s: systemd would kill it
    qtbot.wait(500)
    assert "WATCHDOG=1" in listener.drain()  # fed again once the loop runs


def test_the_nightly_restart_waits_for_the_citizen_to_finish(qtbot, served, listener, exits):
    citizen = Citizen(qtbot, served)
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(served.service.request_button)  # a citizen in the middle of a form
    listener.drain()
    night_now(served, [datetime.now()])
    qtbot.waitUntil(lambda: any(line.startswith("STATUS=Redémarrage de nuit prévu à 03:30")
                                for line in listener.drain()), timeout=3000)
    qtbot.wait(300)  # several rechecks
    assert exits == []
    served.journey.reset()  # the session is over (the idle reset, or "Terminer")
    qtbot.waitUntil(lambda: exits == [RESTART_REQUESTED], timeout=3000)
    said = listener.drain()
    assert "STOPPING=1" in said and "STATUS=Redémarrage de nuit" in said
    assert "WATCHDOG=1" not in said[said.index("STOPPING=1"):]  # systemd stopped watching


def test_the_nightly_restart_waits_while_staff_mode_is_open(qtbot, served, listener, exits):
    citizen = Citizen(qtbot, served)
    enter_pin(citizen, served, "Claire", PIN)
    night_now(served, [datetime.now()])
    qtbot.wait(400)
    assert exits == []
    served.staff.quit()  # "Quitter": back to the attract screen, staff mode locked
    qtbot.waitUntil(lambda: exits == [RESTART_REQUESTED], timeout=3000)


def test_at_rest_the_kiosk_restarts_at_the_hour_and_not_before(qtbot, served, exits):
    clock_at = [datetime.now()]
    schedule = NightlyRestart(parse_restart_hour("03:30"), clock=lambda: clock_at[0])
    clock_at[0] = schedule.due_at - timedelta(seconds=0.5)
    served.kiosk.service_manager.start_nightly(schedule, recheck_ms=50)
    qtbot.wait(200)
    assert exits == []
    clock_at[0] = schedule.due_at  # the timer, armed for 0.5 s, finds the hour come
    qtbot.waitUntil(lambda: exits == [RESTART_REQUESTED], timeout=3000)


def test_outside_systemd_there_is_no_nightly_restart(qtbot, kiosk_config):
    with shown_window(qtbot, kiosk_config) as window:  # no notifier: `kiosk demo` on a desk
        window.kiosk.service_manager.ready()
        assert window.kiosk.service_manager.nightly is None
        assert not window.kiosk.service_manager.feeder.timer.isActive()
