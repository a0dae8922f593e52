"""The kiosk's log files as an IT officer and an auditor find them: one line per event with
time, level, component and session pseudonym; a new file each local midnight, none older than
`logs.keep_days`; 0600 files in a 0700 folder; no personal shape in any line.

Rotation runs the real TimedRotatingFileHandler on real files; only its clock is the test's
(advanced by hand, as days cannot pass in a test)."""

from __future__ import annotations

import logging
import os
import re
import stat
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.fr import nir

from kiosk import log_process, log_sessions
from kiosk.catalog import load_catalog
from kiosk.doctor import check_logs
from kiosk.journey import Journey
from kiosk.log_files import (
    LOG_FILE,
    DailyLogFile,
    KioskFormatter,
    LogSettings,
    log_folder,
    redact,
    start_logging,
    stop_logging,
)
from kiosk.log_sessions import SessionFilter

LINE = re.compile(r"^(?P<time>\S+) (?P<level>[A-Z]+) +(?P<component>\S+) "
                  r"\[(?P<session>[^\]]+)\] (?P<message>.*)$")


class Clock:
    """Local wall-clock time the test moves forward."""

    def __init__(self, start: datetime) -> None:
        self.now = start.timestamp()

    def __call__(self) -> float:
        return self.now

    def at(self, moment: datetime) -> None:
        self.now = moment.timestamp()


@pytest.fixture
def paris(monkeypatch):
    """Local time is Paris time (UTC+1 in winter), as on a kiosk in France."""
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def logger():
    """A kiosk logger, with no session left open by an earlier test's journey."""
    log_sessions.end_citizen_session()
    log_sessions.end_staff_session()
    log = logging.getLogger("kiosk.printing.result")
    yield log
    stop_logging()
    log_sessions.end_citizen_session()
    log_sessions.end_staff_session()


def file_logger(path, keep_days: int, clock: Clock) -> tuple[logging.Logger, DailyLogFile]:
    handler = DailyLogFile(path, keep_days, clock)
    handler.setFormatter(KioskFormatter())
    handler.addFilter(SessionFilter())
    log = logging.getLogger(f"tests.rotation.{path.parent.name}")
    log.propagate, log.level = False, logging.INFO
    log.handlers = [handler]
    return log, handler


def lines_of(path) -> list[re.Match]:
    found = [LINE.match(line) for line in path.read_text().splitlines()
             if not line.startswith("    ")]
    assert all(found), path.read_text()
    return found


def test_a_line_holds_the_local_time_with_its_offset_level_component_and_session(
        tmp_path, paris, logger):
    start_logging(LogSettings(tmp_path / "logs", 30, logging.INFO))
    logger.warning("receipt not printed: printer offline")
    line, = lines_of(tmp_path / "logs" / LOG_FILE)
    stamp = datetime.fromisoformat(line["time"])
    assert stamp.utcoffset() == timedelta(hours=1)  # Paris in winter, said in the line
    assert abs(stamp.timestamp() - time.time()) < 60
    assert (line["level"], line["component"], line["session"]) == (
        "WARNING", "printing.result", "-")
    assert line["message"] == "receipt not printed: printer offline"


def test_the_folder_is_0700_and_the_file_0600_even_when_made_before(tmp_path, logger):
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    (folder / LOG_FILE).write_text("")
    os.chmod(folder / LOG_FILE, 0o644)
    start_logging(LogSettings(folder, 30, logging.INFO))
    logger.warning("something")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / LOG_FILE).stat().st_mode) == 0o600


def test_the_level_setting_drops_the_less_important_lines(tmp_path, logger):
    start_logging(LogSettings(tmp_path / "logs", 30, logging.WARNING))
    logger.info("sync: 3 confirmed")
    logger.warning("sync: connection refused")
    assert [m["message"] for m in lines_of(tmp_path / "logs" / LOG_FILE)] == [
        "sync: connection refused"]


def test_a_new_file_starts_at_local_midnight_and_the_day_before_gets_its_date(tmp_path, paris):
    path = tmp_path / "logs" / LOG_FILE
    path.parent.mkdir()
    clock = Clock(datetime(2026, 12, 2, 23, 59, 50))
    log, handler = file_logger(path, 30, clock)
    log.info("late on the 2nd")
    clock.at(datetime(2026, 12, 3, 0, 0, 5))
    log.info("early on the 3rd")
    handler.close()
    assert [m["message"] for m in lines_of(tmp_path / "logs" / f"{LOG_FILE}.2026-12-02")] == [
        "late on the 2nd"]
    assert [m["message"] for m in lines_of(path)] == ["early on the 3rd"]
    assert stat.S_IMODE((tmp_path / "logs" / f"{LOG_FILE}.2026-12-02").stat().st_mode) == 0o600


def test_files_older_than_keep_days_are_deleted_even_with_days_off(tmp_path, paris):
    """Forty days of use with the kiosk off one day in three: what is left is the last
    keep_days days, however many files that is (the stdlib would count files)."""
    path = tmp_path / "logs" / LOG_FILE
    path.parent.mkdir()
    first = datetime(2026, 10, 1, 9, 0)
    clock = Clock(first)
    log, handler = file_logger(path, 30, clock)
    for day in range(40):
        if day % 3 != 2:
            clock.at(first + timedelta(days=day))
            log.info("day %d", day)
    handler.close()
    today = (first + timedelta(days=39)).date()
    kept = sorted(date.fromisoformat(p.name.rsplit(".", 1)[1])
                  for p in path.parent.glob(f"{LOG_FILE}.*"))
    assert kept[0] >= today - timedelta(days=30)
    assert kept[0] <= today - timedelta(days=28)  # the oldest days still there are kept
    assert len(kept) < 30  # fewer files than days: the days off have none
    assert lines_of(path)[-1]["message"] == "day 39"


def test_a_kiosk_off_for_weeks_deletes_the_old_files_at_start(tmp_path, logger):
    folder = tmp_path / "logs"
    folder.mkdir()
    today = date.today()
    for days in (3, 29, 31, 90):
        (folder / f"{LOG_FILE}.{today - timedelta(days=days)}").write_text("old\n")
    (folder / "notes.txt").write_text("not ours")
    start_logging(LogSettings(folder, 30, logging.INFO))
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["notes.txt", f"{LOG_FILE}.{today - timedelta(days=3)}",
         f"{LOG_FILE}.{today - timedelta(days=29)}"])


def test_a_file_left_by_an_earlier_day_is_rotated_under_that_day(tmp_path, paris):
    path = tmp_path / "logs" / LOG_FILE
    path.parent.mkdir()
    path.write_text("2026-11-28T17:00:00.000+01:00 INFO    kiosk.process [-] kiosk stopped\n")
    friday = datetime(2026, 11, 28, 17, 0).timestamp()
    os.utime(path, (friday, friday))
    log, handler = file_logger(path, 30, Clock(datetime(2026, 12, 1, 8, 30)))
    log.info("Monday morning")
    handler.close()
    assert "kiosk stopped" in (path.parent / f"{LOG_FILE}.2026-11-28").read_text()
    assert [m["message"] for m in lines_of(path)] == ["Monday morning"]


def test_each_citizen_session_has_its_own_pseudonym_and_none_outside(tmp_path, logger):
    start_logging(LogSettings(tmp_path / "logs", 30, logging.INFO))
    journey = Journey(load_catalog(), ("fr", "en"), "fr")
    logger.info("before")
    for _citizen in range(2):
        journey.start()
        logger.info("during")
        journey.reset()
    logger.info("after")
    sessions = [(m["message"], m["session"]) for m in lines_of(tmp_path / "logs" / LOG_FILE)]
    assert sessions[0] == ("before", "-") and sessions[-1] == ("after", "-")
    during = [s for message, s in sessions if message == "during"]
    assert len(set(during)) == 2 and all(re.fullmatch(r"[0-9a-f]{8}", s) for s in during)
    started = [s for message, s in sessions if message == "citizen session started"]
    ended = [s for message, s in sessions if message.startswith("citizen session ended")]
    assert started == during == ended  # the session's first and last lines carry it too


def test_threads_say_the_session_that_started_their_work_or_none(tmp_path, logger):
    start_logging(LogSettings(tmp_path / "logs", 30, logging.INFO))
    pseudonym = log_sessions.begin_citizen_session()
    started_by_citizen = log_sessions.carry_session(lambda: logger.info("task"))
    log_sessions.end_citizen_session()  # the session ends before its task runs
    for work in (started_by_citizen, lambda: logger.info("sync round")):
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    found = {m["message"]: m["session"] for m in lines_of(tmp_path / "logs" / LOG_FILE)}
    assert found == {"task": pseudonym, "sync round": "-"}


def test_staff_mode_is_marked_beside_the_citizen_session(tmp_path, logger):
    start_logging(LogSettings(tmp_path / "logs", 30, logging.INFO))
    staff = log_sessions.begin_staff_session()
    logger.info("staff alone")
    logging.getLogger("kiosk.session").info("said", extra={"session": "tag as given"})
    citizen = log_sessions.begin_citizen_session()
    logger.info("assisting")
    sessions = {m["message"]: m["session"] for m in lines_of(tmp_path / "logs" / LOG_FILE)}
    assert re.fullmatch(r"staff-[0-9a-f]{8}", staff)
    assert sessions == {"staff alone": staff, "said": "tag as given",
                        "assisting": f"{citizen}+{staff}"}


def test_an_uncaught_exception_goes_to_the_file_with_its_traceback_and_one_line_to_the_terminal(
        tmp_path, logger, capsys):
    start_logging(LogSettings(tmp_path / "logs", 30, logging.INFO))

    def broken() -> None:
        raise KeyError("settings")

    thread = threading.Thread(target=broken)
    thread.start()
    thread.join()
    text = (tmp_path / "logs" / LOG_FILE).read_text()
    assert "CRITICAL" in text and "Traceback" in text and "in broken" in text
    terminal = capsys.readouterr().err
    assert "Traceback" not in terminal and len(terminal.strip().splitlines()) == 1
    assert str(tmp_path / "logs" / LOG_FILE) in terminal and "KeyError" in terminal


def test_a_data_folder_that_cannot_hold_logs_is_said_and_the_kiosk_still_runs(
        make_config, tmp_path, capsys):
    config = make_config()
    config.data_dir.mkdir()
    log_folder(config.data_dir).write_text("a file where the log folder should be")
    assert log_process.run_logged(config, lambda _opened: 0) == 0
    said = capsys.readouterr().err
    assert "no log file can be written" in said and "storage.data_dir" in said


def test_run_logged_writes_the_first_and_last_lines_of_the_kiosk_process(make_config):
    config = make_config(logs__keep_days=7)
    assert log_process.run_logged(config, lambda _opened: 75) == 75
    messages = [m["message"] for m in lines_of(log_folder(config.data_dir) / LOG_FILE)]
    assert messages[0].startswith("kiosk ") and "borne-demo-01" in messages[0]
    assert "kept 7 days" in messages[0]
    assert messages[-1] == "kiosk stopped (exit status 75)"


def test_doctor_says_where_the_logs_are_and_how_much_they_hold(make_config):
    config = make_config()
    assert "no log file yet" in check_logs(config).message
    log_process.run_logged(config, lambda _opened: 0)
    result = check_logs(config)
    assert result.ok and str(log_folder(config.data_dir)) in result.message
    assert "1 file(s)" in result.message and f"since {date.today()}" in result.message


# Redaction: shapes of personal data never reach a line ---------------------------------
def _nir_numbers():
    body = st.builds(lambda sex, year, month, dept, town, order: (
        f"{sex}{year:02d}{month:02d}{dept}{town:03d}{order:03d}"),
        st.sampled_from("12"), st.integers(0, 99), st.integers(1, 12),
        st.sampled_from(["75", "2A", "2B", "33", "97"]), st.integers(1, 990),
        st.integers(1, 999))
    return body.map(lambda b: b + nir.calc_check_digits(b))


@given(_nir_numbers(), st.sampled_from(["", " "]))
def test_a_nir_never_reaches_a_line(number, gap):
    assert nir.is_valid(number)
    written = gap.join([number[:1], number[1:3], number[3:5], number[5:7], number[7:10],
                        number[10:13], number[13:]])
    assert written not in redact(f"validator refused {written}!")
    assert number[7:13] not in redact(f"validator refused {written}!")


@given(st.integers(100_000_000, 999_999_999), st.sampled_from(["0{}", "+33 {}", "0033{}"]),
       st.sampled_from(["", " ", ".", "-"]))
def test_a_phone_number_never_reaches_a_line(digits, prefix, gap):
    body = str(digits)
    grouped = gap.join([body[0]] + [body[i:i + 2] for i in range(1, 9, 2)])
    written = prefix.format(grouped)
    assert body[1:] not in re.sub(r"\D", "", redact(f"phone {written} refused"))


@given(st.from_regex(r"[a-z][a-z0-9._+-]{0,20}@[a-z0-9-]{1,15}\.(fr|org|com)", fullmatch=True))
def test_an_email_never_reaches_a_line(address):
    assert "@" not in redact(f"could not send to {address}.")


def test_request_ids_and_references_do_not_reach_a_line():
    from offline_cache.protocol import reference_for

    client_id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
    text = redact(f"queued {client_id} ({client_id.replace('-', '')}) as "
                  f"{reference_for(client_id)}")
    assert text == "queued [request id] ([request id]) as [reference]"


def test_what_an_officer_needs_is_kept():
    kept = ("sync: 12 confirmed, 0 held, 3 to retry", "hub 127.0.0.1:8750 refused",
            "voice: worker exited 1", "ticket A-012, Guichet 1", "catalogue version 2026-11-30")
    assert [redact(text) for text in kept] == list(kept)


def test_the_kiosk_process_logs_its_start_its_end_and_a_crash_in_a_qt_slot(tmp_path):
    """The real start of `kiosk run` (ui.launch.run_window, offscreen, quitting at the first
    paint) with a slot that raises: the traceback is in the file, one line on the terminal."""
    site = tmp_path / "site.toml"
    site.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[hub]\n'
                    'url = "http://127.0.0.1:9"\n[voice]\nenabled = false\n')
    script = (
        "from PySide6.QtCore import QTimer\n"
        "from kiosk.config import load_config\n"
        "from ui.app import ensure_application\n"
        "from ui.launch import run_window\n"
        "app = ensure_application()\n"
        "QTimer.singleShot(0, app, lambda: 1 / 0)\n"
        f"raise SystemExit(run_window(load_config({str(site)!r}), fullscreen=False))\n"
    )
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "KIOSK_EXIT_AFTER_FIRST_PAINT": "1"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "unexpected error" in result.stderr and "ZeroDivisionError" in result.stderr
    log = (tmp_path / "data" / "logs" / LOG_FILE).read_text()
    messages = [m["message"] for m in lines_of(tmp_path / "data" / "logs" / LOG_FILE)]
    assert messages[0].startswith("kiosk ") and "started" in messages[0]
    assert messages[-1] == "kiosk stopped (exit status 0)"
    assert "Traceback" in log and "ZeroDivisionError: division by zero" in log
