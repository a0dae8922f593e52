"""The mediators' audit journal reaches the hub with the heartbeat: once, in order, intact."""

import requests

from kiosk.mediator.common import mediator_dir
from kiosk.mediator.journal import Event, Journal, entry_hash
from kiosk.services import KioskServices

MEDIATOR = "med-1a2b3c4d"


def chain_is_intact(entries: list[dict]) -> bool:
    previous = entries[0]["prev"]
    for entry in entries:
        body = {key: value for key, value in entry.items() if key != "hash"}
        if entry["prev"] != previous or entry_hash(previous, body) != entry["hash"]:
            return False
        previous = entry["hash"]
    return True


def test_journal_entries_reach_the_hub_once_and_the_chain_verifies_there(make_config,
                                                                         running_hub):
    hub = running_hub
    config = make_config(hub__url=hub.url)
    journal = Journal(mediator_dir(config.data_dir), config["site.kiosk_id"])
    for _ in range(3):
        journal.record(Event.UNLOCK, mediator_id=MEDIATOR)
    services = KioskServices(config, sync=False)
    assert services.send_journal() == 3
    assert journal.unsent() == []
    journal.record(Event.STAFF_LOCK, mediator_id=MEDIATOR, reason="quit")
    assert services.send_journal() == 1
    assert services.send_journal() == 0  # nothing new: nothing sent
    held = hub.journal(config["site.kiosk_id"])
    assert [entry["seq"] for entry in held] == [1, 2, 3, 4]
    assert chain_is_intact(held)


def test_a_lost_answer_sends_the_same_entries_again_and_the_hub_keeps_one_copy(make_config,
                                                                                running_hub):
    hub = running_hub
    config = make_config(hub__url=hub.url)
    kiosk_id = config["site.kiosk_id"]
    journal = Journal(mediator_dir(config.data_dir), kiosk_id)
    journal.record(Event.UNLOCK, mediator_id=MEDIATOR)
    # The hub stored the entry but its answer never arrived: nothing was marked sent.
    requests.post(f"{hub.url}/v1/heartbeat", json={"journal": journal.unsent()}, timeout=10,
                  headers={"Authorization": "Bearer demo-token", "X-Kiosk-Id": kiosk_id})
    assert journal.unsent()
    assert KioskServices(config, sync=False).send_journal() == 1
    assert len(hub.journal(kiosk_id)) == 1


def test_without_a_hub_nothing_is_marked_sent(make_config):
    config = make_config(hub__url="http://127.0.0.1:9")
    journal = Journal(mediator_dir(config.data_dir), config["site.kiosk_id"])
    journal.record(Event.UNLOCK, mediator_id=MEDIATOR)
    assert KioskServices(config, sync=False).send_journal() == 0
    assert len(journal.unsent()) == 1


def test_every_kiosk_journal_event_has_a_french_name_in_the_back_office():
    """An agent reads "Compte médiateur réactivé", not the kiosk's raw event id."""
    from hub.fleet.journal_view import EVENT_LABELS

    unnamed = [event.value for event in Event if event.value not in EVENT_LABELS]
    assert unnamed == []
