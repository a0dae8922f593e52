"""The kiosk-side service the journey, the UI and `kiosk demo` use, against the real hub."""

from __future__ import annotations

import threading
import uuid

from kiosk.config import validate
from kiosk.outbox_service import DEMO_KEY_ALERT, OutboxService


def _service(tmp_path, url):
    config = validate({"storage": {"data_dir": str(tmp_path / "kiosk")}, "hub": {"url": url},
                       "sync": {"interval_seconds": 5, "probe_seconds": 2}},
                      tmp_path / "kiosk.toml")
    return OutboxService.from_config(config)


def test_a_retried_submit_with_the_same_client_id_is_one_request(tmp_path):
    service = _service(tmp_path, "http://127.0.0.1:9")
    client_id = str(uuid.uuid4())
    first = service.enqueue("acte-naissance", "etat-civil", {"client_id": client_id, "n": 1})
    again = service.enqueue("acte-naissance", "etat-civil", {"client_id": client_id, "n": 1})
    assert first == again == client_id
    assert service.status().counts["pending"] == 1
    assert DEMO_KEY_ALERT in service.status().alerts
    service.close()


def test_the_started_service_sends_in_the_background_and_reports_through_listeners(
        tmp_path, running_hub):
    service = _service(tmp_path, running_hub.url)
    done = threading.Event()
    service.add_listener(lambda status: status.counts["sent"] == 3 and done.set())
    service.start()
    try:
        for n in range(3):
            service.enqueue("signalement-rue", "voirie", {"n": n})
        assert service.sync_now() is None  # handed to the worker thread
        assert done.wait(20)
        status = service.status()
        assert status.counts == {"pending": 0, "sending": 0, "sent": 3, "held": 0}
        assert status.oldest_pending_age is None and status.last_success_at is not None
        assert status.link.value == "online"
        assert running_hub.count() == 3
    finally:
        service.close()
