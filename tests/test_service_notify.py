"""sd_notify as systemd reads it (kiosk.system.notify), and the nightly restart's hour
(kiosk.system.nightly), without Qt: real datagram sockets, a clock passed in."""

from __future__ import annotations

import logging
import os
import threading
from datetime import datetime, time

import pytest
from notify_supervisor import NotifyListener

from kiosk.config import ConfigError
from kiosk.system.nightly import NightlyRestart, next_occurrence, parse_restart_hour
from kiosk.system.notify import ServiceNotifier


@pytest.fixture
def listener():
    listener = NotifyListener()
    yield listener
    listener.close()


def test_without_notify_socket_nothing_is_sent_and_no_socket_is_opened():
    notifier = ServiceNotifier.from_environment({"WATCHDOG_USEC": "30000000"})
    assert not notifier.enabled and notifier.watchdog_interval_ms() is None
    notifier.ready("Borne prête")
    notifier.watchdog()
    notifier.stopping("Arrêt")
    assert notifier.send("STATUS=x") is False
    assert notifier._socket is None  # not even a socket: the kiosk runs as on a desk


def test_the_messages_reach_an_abstract_socket_as_systemd_reads_them(listener):
    assert listener.address.startswith("@")
    notifier = ServiceNotifier.from_environment({"NOTIFY_SOCKET": listener.address,
                                                 "WATCHDOG_USEC": "3000000"})
    notifier.ready("Borne prête (catalogue 2026.1.1)")
    assert listener.receive(2) == ["READY=1", "STATUS=Borne prête (catalogue 2026.1.1)"]
    notifier.watchdog()
    assert listener.receive(2) == ["WATCHDOG=1"]
    notifier.stopping("Redémarrage de nuit")
    assert listener.receive(2) == ["STOPPING=1", "STATUS=Redémarrage de nuit"]
    assert notifier.watchdog_interval_ms() == 1500  # half WatchdogSec
    notifier.close()


def test_a_socket_given_as_a_path_works_too(tmp_path):
    listener = NotifyListener(tmp_path / "notify")
    notifier = ServiceNotifier.from_environment({"NOTIFY_SOCKET": listener.address})
    notifier.status("Borne prête")
    assert listener.receive(2) == ["STATUS=Borne prête"]
    assert notifier.watchdog_interval_ms() is None  # no WatchdogSec in the unit: no feeding
    listener.close()


def test_the_variables_are_taken_away_so_the_kiosks_children_never_speak_for_it(listener):
    environ = {"NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "3000000",
               "WATCHDOG_PID": str(os.getpid()), "HOME": "/home/borne"}
    notifier = ServiceNotifier.from_environment(environ)
    assert environ == {"HOME": "/home/borne"}
    assert notifier.enabled and notifier.watchdog_interval_ms() == 1500


def test_the_watchdog_is_fed_though_the_units_main_process_is_the_session_script(listener):
    # WATCHDOG_PID is the unit's main process (kiosk-session, which runs cage, which runs
    # the kiosk): sd_watchdog_enabled would say "not for me", and systemd would kill the
    # kiosk every WatchdogSec. NotifyAccess=all is there for the kiosk to feed it.
    notifier = ServiceNotifier.from_environment({"NOTIFY_SOCKET": listener.address,
                                                 "WATCHDOG_USEC": "30000000",
                                                 "WATCHDOG_PID": str(os.getppid())})
    assert notifier.watchdog_interval_ms() == 15_000


def test_a_vanished_socket_is_logged_once_and_never_stops_the_kiosk(tmp_path, caplog):
    listener = NotifyListener(tmp_path / "notify")
    notifier = ServiceNotifier(listener.address, 3_000_000)
    listener.close()
    (tmp_path / "notify").unlink()
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            assert notifier.watchdog() is None and notifier.send("WATCHDOG=1") is False
    [warning] = caplog.records
    assert "NOTIFY_SOCKET" in warning.getMessage() and str(tmp_path) in warning.getMessage()


def test_a_service_manager_that_stops_reading_never_blocks_the_kiosk(listener, caplog):
    notifier = ServiceNotifier(listener.address, 3_000_000)
    sent: list[bool] = []
    sender = threading.Thread(target=lambda: sent.extend(notifier.send("WATCHDOG=1")
                                                         for _ in range(50)))
    with caplog.at_level(logging.WARNING):
        sender.start()
        sender.join(5)
    assert not sender.is_alive(), "a full notify socket blocked the sender (the GUI thread)"
    assert sent[0] and not all(sent)  # the queue filled; the rest were dropped, not waited on
    assert len(caplog.records) == 1 and "NOTIFY_SOCKET" in caplog.records[0].getMessage()


# The nightly restart's hour -------------------------------------------------------------------

def test_the_next_restart_is_tonight_or_tomorrow_never_now():
    at = time(3, 30)
    assert next_occurrence(datetime(2026, 12, 3, 1, 0), at) == datetime(2026, 12, 3, 3, 30)
    assert next_occurrence(datetime(2026, 12, 3, 3, 30), at) == datetime(2026, 12, 4, 3, 30)
    assert next_occurrence(datetime(2026, 12, 31, 9, 0), at) == datetime(2027, 1, 1, 3, 30)


def test_the_restart_is_due_once_the_clock_reaches_the_hour():
    now = [datetime(2026, 12, 3, 3, 29)]
    schedule = NightlyRestart(parse_restart_hour("03:30"), clock=lambda: now[0])
    assert not schedule.due() and schedule.seconds_until_due() == 60
    now[0] = datetime(2026, 12, 3, 3, 30)
    assert schedule.due() and schedule.seconds_until_due() == 0
    assert schedule.hour_text == "03:30"


def test_an_empty_hour_means_never():
    assert parse_restart_hour("") is None


@pytest.mark.parametrize("written", ["3:30", "24:00", "03:60", "03h30", "nightly"])
def test_a_wrong_restart_hour_is_refused_with_the_key_named(make_config, written):
    with pytest.raises(ConfigError) as error:
        make_config(field__nightly_restart=written)
    message = str(error.value)
    assert "field.nightly_restart" in message and repr(written) in message
    assert "'03:30'" in message


def test_the_restart_hour_accepts_a_time_or_empty(make_config):
    assert make_config(field__nightly_restart="00:00")["field.nightly_restart"] == "00:00"
    assert make_config(field__nightly_restart="")["field.nightly_restart"] == ""
    assert make_config()["field.nightly_restart"] == "03:30"
