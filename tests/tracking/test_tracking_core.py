""""Suivre ma demande" without a screen: states kept from real heartbeat answers, lookups
that say the right thing, and a heartbeat that tells the back office the kiosk's health."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta

import pytest
from answering_hub import eventually

from kiosk import __version__
from kiosk.services import KioskServices
from kiosk.tracking.lookup import Outcome, look_up, when_words
from kiosk.tracking.store import RETENTION_DAYS, StateBook
from offline_cache.outbox import ItemState
from offline_cache.protocol import RequestState, reference_for


def hub_state(state: str = "in_progress", message: str = "", client_id: str | None = None,
              updated_at: str | None = None) -> dict:
    client_id = client_id or str(uuid.uuid4())
    return {"uuid": client_id, "reference": reference_for(client_id), "state": state,
            "message": message, "updated_at": updated_at or datetime.now().astimezone()
            .isoformat(timespec="seconds")}


def test_states_in_a_real_heartbeat_answer_are_kept_and_found_by_reference(
        kiosk_services, answering_hub):
    done = hub_state("done", "Votre copie est prête à l'accueil.")
    answering_hub.states = [done, hub_state("new")]
    kiosk_services.outbox()  # opening the queue starts the sync, which begins with a heartbeat
    eventually(lambda: kiosk_services.states().count() == 2)
    typed = done["reference"].replace("-", " ").lower()
    view = kiosk_services.track(typed, "fr")
    assert view.outcome is Outcome.KNOWN
    assert view.label == "Traitée"
    assert view.lines[0] == f"Votre demande {done['reference']} est traitée."
    assert "Message du service : Votre copie est prête à l'accueil." in view.lines
    assert any(line.startswith("Dernières nouvelles du service : aujourd'hui à ")
               for line in view.lines)
    assert view.lines[-1].startswith("La borne a eu des nouvelles du serveur aujourd'hui à ")
    assert "Votre copie est prête à l'accueil." in view.spoken
    assert done["reference"] not in view.spoken  # spelled out for the voice instead
    assert "tiret" in view.spoken


def test_the_heartbeat_tells_the_back_office_the_kiosks_health(make_config, answering_hub):
    services = KioskServices(make_config(hub__url=answering_hub.url, printer__kind="pdf"),
                             sync=False)
    services.current_catalog()
    services.report_voice(unavailable=True)
    outbox = services.outbox()
    outbox.outbox.enqueue(str(uuid.uuid4()), "acte-naissance", "commune-etat-civil", b"sealed",
                          created_at=time.time() - 3600)
    outbox.start()  # the sync's first round is a heartbeat
    eventually(lambda: answering_hub.bodies)
    services.close()
    body = answering_hub.bodies[0]
    assert body["counts"] == {"pending": 1, "sending": 0, "sent": 0, "held": 0}
    oldest = datetime.fromisoformat(body["oldest_pending_at"])
    assert timedelta(minutes=59) < datetime.now().astimezone() - oldest < timedelta(minutes=61)
    assert body["app_version"] == __version__
    assert body["catalog_version"] == services.current_catalog().version != ""
    assert body["site"] == "Mairie de démonstration"
    assert body["voice"] == "unavailable"
    assert body["printer"] == "configured"
    assert body["kiosk_id"] == "borne-demo-01"


def test_a_request_still_in_the_queue_is_not_sent_yet(tmp_path, kiosk_services):
    item_id = str(uuid.uuid4())
    outbox = kiosk_services.outbox()
    outbox.engine.stop()  # keep it queued: no link in this story
    outbox.outbox.enqueue(item_id, "acte-naissance", "commune-etat-civil", b"sealed")
    view = kiosk_services.track(reference_for(item_id), "fr")
    assert view.outcome is Outcome.NOT_SENT
    assert view.lines == (f"Votre demande {reference_for(item_id)} n'est pas encore envoyée. "
                          "La borne l'enverra dès que la connexion revient.",)


@pytest.fixture
def book(tmp_path):
    states = StateBook(tmp_path)
    yield states
    states.close()


def test_a_held_or_sent_request_without_news_says_so(book, tmp_path):
    from offline_cache.outbox import Outbox

    outbox = Outbox(tmp_path / "outbox.sqlite3")
    held, sent = str(uuid.uuid4()), str(uuid.uuid4())
    for item_id in (held, sent):
        outbox.enqueue(item_id, "acte-naissance", "commune-etat-civil", b"sealed")
    outbox.claim(10)
    outbox.hold(held, "refused by the hub")
    outbox.mark_sent([sent])
    items = outbox.items()
    assert look_up(reference_for(held), book, items, "fr").outcome is Outcome.HELD
    view = look_up(reference_for(sent), book, items, "en")
    assert view.outcome is Outcome.SENT
    assert view.lines[0].endswith("The office has not given news yet.")
    assert {i.state for i in items} == {ItemState.HELD, ItemState.SENT}
    outbox.close()


def test_an_unknown_reference_gets_a_kind_message_and_a_malformed_one_is_explained(book):
    unknown = look_up("K7M-4QF", book, [], "fr")
    assert unknown.outcome is Outcome.UNKNOWN and not unknown.found
    assert unknown.lines[0].startswith("Nous ne trouvons pas la demande K7M-4QF.")
    assert "Demandez à l'accueil" in unknown.spoken
    assert "La borne n'a pas encore eu de nouvelles du serveur." in unknown.spoken
    malformed = look_up("K7M4Q", book, [], "fr")
    assert malformed.outcome is Outcome.MALFORMED
    assert "6 signes" in malformed.spoken
    assert malformed.reference == "K7M4Q"  # what was typed, to correct


def test_a_newer_answer_replaces_the_state_and_a_confused_entry_is_ignored(book):
    client_id = str(uuid.uuid4())
    book.record_answer({"states": [hub_state("new", client_id=client_id)]})
    bad_reference = {**hub_state("done"), "reference": "K7M-4QF"}
    book.record_answer({"states": [hub_state("waiting", "Il manque un justificatif.",
                                             client_id=client_id),
                                   bad_reference, {"uuid": "x", "state": "done"},
                                   {**hub_state(), "state": "archived"}, "garbage"]})
    assert book.count() == 1
    known = book.find(reference_for(client_id))
    assert known.state is RequestState.WAITING
    assert known.message == "Il manque un justificatif."


def test_states_survive_a_restart_and_go_after_sixty_days_without_news(tmp_path):
    now = [time.time()]
    book = StateBook(tmp_path, clock=lambda: now[0])
    old, fresh = hub_state("done"), hub_state("in_progress")
    book.record_answer({"states": [old]})
    book.close()
    now[0] += (RETENTION_DAYS + 1) * 86400
    book = StateBook(tmp_path, clock=lambda: now[0])
    assert book.find(old["reference"]) is not None  # kept across the restart
    book.record_answer({"states": [fresh]})
    assert book.find(old["reference"]) is None  # not mentioned for 61 days: dropped
    assert book.find(fresh["reference"]) is not None
    assert book.last_heard_at() == now[0]
    book.close()


def test_an_answer_from_an_older_hub_changes_nothing(book):
    book.record_answer({"protocol": 1, "ok": True})
    assert book.last_heard_at() is None and book.count() == 0


def test_dates_are_said_as_a_person_would():
    now = datetime(2026, 12, 2, 15, 0)
    assert when_words(datetime(2026, 12, 2, 10, 12), "fr", now) == "aujourd'hui à 10 h 12"
    assert when_words(now - timedelta(days=1, hours=6), "fr", now) == "hier à 9 h 00"
    assert when_words(datetime(2026, 3, 3, 14, 30), "fr", now) == "le 3 mars à 14 h 30"
    assert when_words(datetime(2026, 3, 3, 14, 30), "en", now) == "on 3 March at 14:30"


def test_every_tracking_message_has_french_and_english_with_the_same_fields():
    import string

    from kiosk.tracking.messages import MESSAGES

    def fields(value: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(value) if name}

    english = dict(MESSAGES.templates("en"))
    for key, french in MESSAGES.templates("fr"):
        assert MESSAGES.translated(key, "en"), key
        assert fields(english[key]) == fields(french), key


def test_nothing_but_the_state_and_message_is_kept_even_if_the_hub_sent_more(book, tmp_path):
    entry = {**hub_state("done", "Prête."), "answers": {"nom": "Zéphyrine-Marqueur"},
             "kiosk": "borne-mairie-01"}
    book.record_answer({"states": [entry]})
    book.close()
    on_disk = b"".join(path.read_bytes() for path in tmp_path.glob("tracking.sqlite3*"))
    assert "Zéphyrine-Marqueur".encode() not in on_disk and b"borne-mairie-01" not in on_disk
    assert "Prête.".encode() in on_disk
