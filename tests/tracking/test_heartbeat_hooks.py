"""The sync library's two heartbeat hooks fail safe: a broken reader of the answer or a
broken status provider never makes a hub that answers look offline."""

from __future__ import annotations

from answering_hub import eventually

from offline_cache.outbox import Outbox
from offline_cache.sync import LinkState, SyncEngine
from offline_cache.transport import HttpTransport


def broken(*_args):
    raise RuntimeError("a bug in the caller")


def test_a_failing_answer_reader_or_status_provider_leaves_the_link_online(
        tmp_path, answering_hub):
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    transport = HttpTransport(answering_hub.url, "demo-token", "borne-test-01",
                              on_heartbeat_answer=broken)
    engine = SyncEngine(outbox, transport, heartbeat_status=broken)
    engine.start()  # its first round is a heartbeat; with no queue, the only way online
    eventually(lambda: engine.link is LinkState.ONLINE)
    assert answering_hub.bodies[0]["counts"] == {"pending": 0, "sending": 0, "sent": 0,
                                                 "held": 0}
    assert answering_hub.bodies[0]["oldest_pending_at"] is None
    engine.stop()
    outbox.close()
