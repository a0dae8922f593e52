"""A day at the kiosk, then its log files read as an auditor would: no citizen's data in any
line, and what the IT officer needs is there.

The day, on the real window, with the log files `kiosk run` writes (kiosk.log_files, at the
strictest level, debug): many citizens through the real journey and form engine (answers from
`kiosk simulate`'s table, with a marker of their own in every name, address, phone number,
e-mail and NIR, wrong tries first), two citizens by taps on the on-screen keyboard (typing
errors, a receipt the broken printer cannot print), the real voice whose player is missing,
staff mode (a wrong PIN, then the right one), syncs to the real hub on loopback, one while it
is down. The log's clock runs from morning to past midnight, so the day's file is rotated.
"""

from __future__ import annotations

import json
import random
import re
import secrets
import string
from datetime import datetime

import phonenumbers
import pytest
from stdnum.fr import nir

from kiosk.cli.simulate_cmd import fake_answers
from kiosk.journey import Step
from kiosk.log_files import LOG_FILE, LogSettings, log_folder, start_logging, stop_logging
from kiosk.session import MediatorDesk
from offline_cache.protocol import reference_for
from tests.gui.conftest import Citizen, enter_pin, shown_window
from tests.mediator.mediator_helpers import CHEAP_KDF
from ui.app import attach_voice

PIN = "2468"
SERVICES = (("commune", "signalement-rue"), ("retraite", "demande-retraite"),
            ("famille", "caf-changement"), ("famille", "acte-naissance"))
LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d "
                  r"(DEBUG|INFO|WARNING|ERROR|CRITICAL) +\S+ \[(?P<session>[^\]]+)\] \S")


class DayClock:
    """The log's clock: this morning 8:30, moved on by each citizen."""

    def __init__(self) -> None:
        self.now = datetime.now().replace(hour=8, minute=30).timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += minutes * 60


def _valid_phone(rng: random.Random) -> str:
    """A French mobile number that exists (not every 06 range is allotted)."""
    while True:
        number = "0" + str(rng.choice([6, 7])) + "".join(str(rng.randint(0, 9))
                                                          for _ in range(8))
        if phonenumbers.is_valid_number(phonenumbers.parse(number, "FR")):
            return " ".join(number[i:i + 2] for i in range(0, 10, 2))


class Personal:
    """What one citizen gives, each piece unique to this run: what the log must never hold."""

    def __init__(self, rng: random.Random) -> None:
        letters = "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
        self.name = f"Zqxw{letters}"
        self.address = f"{rng.randint(1, 80)} rue {self.name}"
        self.phone = _valid_phone(rng)
        self.email = f"{self.name.lower()}@exemple.fr"  # the e-mail keyboard has no capitals
        body = f"{rng.choice('12')}{rng.randint(30, 99):02d}{rng.randint(1, 12):02d}" \
               f"{rng.choice(['75', '2A', '33'])}{rng.randint(101, 990):03d}" \
               f"{rng.randint(1, 999):03d}"
        self.nir = body + nir.calc_check_digits(body)

    def answers(self, kind: str, choices: list[str], rng: random.Random) -> list[object]:
        """Wrong tries with the citizen's data in them first, then a right answer."""
        mine = {"name": [f"{self.name}7", self.name],
                "text": [self.address],
                "description": [f"Trou devant chez {self.name}, {self.phone}"],
                "phone": [self.phone[:8], self.phone],
                "email": [f"{self.name}@", self.email],
                "nir": [self.nir[:-1] + str((int(self.nir[-1]) + 1) % 10), self.nir]}
        return mine.get(kind, []) + fake_answers(kind, choices, rng)

    def shapes(self) -> list[str]:
        digits = re.sub(r"\D", "", self.phone)
        return [self.name, self.name.lower(), self.email, self.phone, digits, digits[1:],
                self.nir, self.nir[5:13]]


def walk_through_the_journey(window, person: Personal, theme: str, service: str,
                             rng: random.Random, abandon: bool) -> bool:
    """One citizen through the real journey (the screens follow it), as taps would; True
    when their request was queued."""
    journey = window.journey
    journey.start()
    journey.choose_language(rng.choice(["fr", "fr", "en"]))
    journey.comfort_done()
    journey.choose_theme(theme)
    journey.choose_service(service)
    journey.start_request()
    while journey.state.place is Step.QUESTION:
        step = journey.form.current_step
        if abandon and step.kind in ("phone", "nir", "email"):
            journey.keep_draft(person.answers(step.kind, [], rng)[-1])
            journey.idle_warning()  # walked away: the idle warning, then the wipe
            journey.reset()
            return False
        candidates = person.answers(step.kind, [c.value for c in step.choices], rng)
        assert any(journey.answer(raw) is None for raw in candidates), step.id
    journey.confirm_review()
    journey.give_consent()
    assert journey.state.place is Step.RECEIPT
    journey.finish()  # "Terminer" without printing: asked, then yes
    journey.confirm_yes()
    assert journey.state.place is Step.ATTRACT
    return True


def tap_a_street_report(citizen: Citizen, window, person: Personal) -> None:
    """By taps on the on-screen keyboard, with typing errors; the printer is broken."""
    citizen.open_service("commune", "signalement-rue")
    citizen.tap(window.service.request_button)
    citizen.choose("autre")
    citizen.answer(person.address)
    citizen.skip()
    citizen.choose(True)
    citizen.choose(True)
    citizen.answer(person.phone.replace(" ", "")[:6])  # too short: refused, kept
    assert window.question.error.isVisible()
    citizen.erase(6)
    citizen.answer(person.phone.replace(" ", ""))
    citizen.answer(person.email)
    assert window.current_screen is window.review
    citizen.tap(window.review.confirm_button)
    citizen.tap(window.consent.accept_button)
    citizen.qtbot.waitUntil(lambda: window.current_screen is window.receipt)
    citizen.tap(window.receipt.print_button)
    citizen.qtbot.waitUntil(lambda: window.receipt.print_button.isEnabled(), timeout=15000)
    citizen.tap(window.receipt.finish_button)
    if window.current_screen is window.confirm:  # not printed: "Terminer" asks first
        citizen.tap(window.confirm.yes_button)
    assert window.journey.state.place is Step.ATTRACT


def staff_visit(citizen: Citizen, window) -> None:
    window.staff.open()
    pin_screen = window.staff.pin_screen
    citizen.tap(next(iter(pin_screen.account_buttons.values())))
    for digit in "1111":
        citizen.tap(pin_screen.pad.key_for(digit))
    citizen.tap(pin_screen.pad.done_key)
    citizen.qtbot.waitUntil(pin_screen.isEnabled)
    pin_screen.cancelled.emit()
    enter_pin(citizen, window, "Claire", PIN)
    window.staff.dashboard_tab("queue")
    citizen.tap(window.staff.dashboard.quit_button)


@pytest.mark.slow
def test_a_day_of_use_leaves_no_citizen_data_in_the_logs_and_tells_what_went_wrong(
        qtbot, make_config, running_hub):
    config = make_config(hub__url=running_hub.url, printer__kind="escpos-network",
                         printer__device="127.0.0.1:9", printer__timeout_seconds=1,
                         voice__player="no-such-player {file}", voice__read_answers_aloud=True,
                         sync__probe_seconds=2, logs__level="debug")
    desk = MediatorDesk(config, kdf=CHEAP_KDF)
    desk.services.accounts.add("Claire", PIN)
    clock = DayClock()
    day = datetime.fromtimestamp(clock.now).date()
    current = log_folder(config.data_dir) / LOG_FILE
    start_logging(LogSettings.from_config(config), clock=clock)
    rng = random.Random(14)
    people: list[Personal] = []
    queued = 0
    try:
        with shown_window(qtbot, config, sync=True, desk=desk) as window:
            attach_voice(window, config)
            citizen = Citizen(qtbot, window)
            for number in range(36):
                people.append(Personal(rng))
                theme, service = SERVICES[number % len(SERVICES)]
                if number == 20:  # the hub's machine restarts: this request waits
                    port = int(running_hub.url.rsplit(":", 1)[1])
                    running_hub.stop()
                queued += walk_through_the_journey(window, people[-1], theme, service, rng,
                                                   abandon=False if number == 20 else
                                                   number % 5 == 4)
                clock.advance(15)
                if number == 12:
                    staff_visit(citizen, window)
                if number == 20:
                    qtbot.waitUntil(lambda: "WARNING offline_cache.sync" in current.read_text(),
                                    timeout=20000)
                    running_hub.start(port=port)
            for _ in range(2):
                people.append(Personal(rng))
                tap_a_street_report(citizen, window, people[-1])
                queued += 1
            clock.advance(60 * 24 - datetime.fromtimestamp(clock.now).hour * 60)  # 0:30
            people.append(Personal(rng))
            queued += walk_through_the_journey(window, people[-1], *SERVICES[1], rng, False)
            qtbot.waitUntil(lambda: len(running_hub.uuids()) == queued, timeout=30000)
    finally:
        stop_logging()

    folder = log_folder(config.data_dir)
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == [LOG_FILE, f"{LOG_FILE}.{day}"]  # midnight passed
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    received = running_hub.uuids()
    assert len(received) >= 30  # the day's requests reached the hub
    at_the_hub = json.dumps(running_hub.opened_payloads(), ensure_ascii=False)
    # What the logs must not hold was really typed and sent: the test cannot pass empty.
    assert sum(person.name in at_the_hub for person in people) == queued
    for shape in ("nir", "email"):
        assert any(getattr(person, shape) in at_the_hub for person in people), shape
    assert any(re.sub(r"\D", "", person.phone)[1:] in at_the_hub for person in people)
    for person in people:
        for shape in person.shapes():
            assert shape not in text, f"{shape!r} is in the logs"
    for client_id in received:
        assert client_id not in text and client_id.replace("-", "") not in text
        assert reference_for(client_id) not in text
    assert "FR7630006000011234567890189" not in text and "7630006" not in text

    lines = [line for line in text.splitlines() if line and not line.startswith("    ")]
    assert all(LINE.match(line) for line in lines), [x for x in lines if not LINE.match(x)]
    sessions = {LINE.match(line)["session"] for line in lines
                if "citizen session started" in line}
    assert len(sessions) == len(people)  # one pseudonym per citizen, none reused
    assert all(re.fullmatch(r"[0-9a-f]{8}", s) for s in sessions)
    staff = [line for line in lines if "staff mode opened" in line]
    assert len(staff) == 1 and "[staff-" in staff[0]
    warnings = "\n".join(line for line in lines if " WARNING " in line or " ERROR " in line)
    assert "sync:" in warnings  # the hub was down
    assert "receipt not printed" in warnings and "127.0.0.1:9" in warnings
    assert "voice unavailable" in warnings and "no-such-player" in warnings
    assert "staff mode not opened" in text
    printed = [line for line in lines if "receipt not printed" in line]
    assert all(LINE.match(line)["session"] in sessions for line in printed)  # whose receipt
