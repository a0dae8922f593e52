"""No citizen personal data in the journal, tickets or statistics; today's counts add up."""

from __future__ import annotations

import contextlib
import string

from kiosk.mediator.messages import MESSAGES
from kiosk.mediator.stats import Statistics
from kiosk.mediator.takeover import Assistance

# What a careless caller might pass: a name, a phone number, a NIR, an e-mail.
MARKERS = ("Zorglub DUPONT-MARKER", "0612345678", "185077512345678", "jean.marker@example.fr")


def attempt(action) -> None:
    with contextlib.suppress(ValueError):
        action()


def test_personal_data_passed_anywhere_never_reaches_the_journal_or_the_database(
        journal, store, waiting_list, claire_session, clock):
    statistics = Statistics(store, clock)
    assistance = Assistance(journal, clock, waiting_list)
    for marker in MARKERS:
        attempt(lambda m=marker: waiting_list.take_ticket(m))
        attempt(lambda m=marker: waiting_list.raise_help(m))
        attempt(lambda m=marker: assistance.request_help(m))
        attempt(lambda m=marker: assistance.take_over(claire_session, m))
        attempt(lambda m=marker: statistics.record_session_end(m, False, True, m))
        attempt(lambda m=marker: statistics.record_session_end("passeport", False, False, m))
    assistance.take_over(claire_session, "question")
    # The consent's labels go to the hub inside the (encrypted) request, never to the journal.
    assistance.record_consent("passeport", MARKERS[0], [MARKERS[1], MARKERS[2]], MARKERS[3])
    assistance.hand_back()
    waiting_list.take_ticket("passeport")
    waiting_list.call_next(claire_session.mediator.id)
    assert journal.verify().ok
    store.close()  # checkpoint the WAL so every row is in the main file
    files = [journal.path, journal.head_path, store.path]
    for path in files:
        content = path.read_bytes()
        for marker in MARKERS:
            assert marker.encode() not in content, f"{marker} leaked into {path.name}"


def test_todays_statistics_count_sessions_outcomes_help_and_abandon_steps(store, clock):
    statistics = Statistics(store, clock)
    statistics.record_session_end("carte-identite", True, True, None)
    statistics.record_session_end("carte-identite", True, False, "receipt")
    statistics.record_session_end("passeport", False, False, "question")
    statistics.record_session_end("passeport", False, True, "question")
    statistics.record_session_end(None, False, False, "home")
    today = statistics.today()
    assert (today.sessions, today.completed, today.assisted, today.alone) == (5, 2, 2, 3)
    assert today.completed_by_service == {"carte-identite": 2}
    assert today.abandoned_at_step == {"question": 2, "home": 1}
    assert today.abandoned_by_service == {"passeport": 2, "-": 1}
    clock.advance(24 * 3600)
    assert statistics.today().sessions == 0


def test_statistics_keep_no_time_of_day(store, clock):
    Statistics(store, clock).record_session_end("passeport", True, False, None)
    columns = set(store.read("SELECT * FROM day_stats")[0])
    assert columns == {"day", "service", "completed", "assisted", "last_step", "sessions"}


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_has_english_with_the_same_fields():
    english = dict(MESSAGES.templates("en"))
    for key, french in MESSAGES.templates("fr"):
        assert MESSAGES.translated(key, "en"), key
        assert fields(french) == fields(english[key]), key
