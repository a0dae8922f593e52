"""The hub's `Retry-After` holds the whole queue, and a restart does not forget it (issue 11).

Against the real hub on loopback; the restart is a new outbox, transport and engine on the
same file, as a new kiosk process opens it. `kiosk outbox status`, run as a subprocess, reads
the stored wait too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flask import Response
from sync_helpers import check_exactly_once

from offline_cache.transport import FailureKind

KIOSK = Path(sys.executable).parent / "kiosk"


def test_retry_after_holds_the_whole_queue_across_a_restart(hub, make_kiosk, tmp_path):
    kiosk = make_kiosk(hub.url)
    kiosk.engine.backoff.retry_after_max = 600.0
    kiosk.enqueue(1)
    answers = [Response("slow down", status=429, headers={"Retry-After": "600"})]
    hub.app.config["fault"] = lambda endpoint: (
        answers.pop(0) if endpoint == "submissions" and answers else None)
    assert kiosk.engine.run_once().failure is FailureKind.THROTTLED
    kiosk.enqueue(2)  # a citizen submits after the hub asked to wait
    kiosk.engine.connectivity_changed(True)  # and the link "comes back" (a probe answered)
    assert kiosk.engine.run_once().requests == 0
    kiosk.reopen()  # the kiosk restarts
    kiosk.engine.connectivity_changed(True)  # its first probe answers
    assert kiosk.engine.run_once().requests == 0
    assert hub.store.count() == 0

    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{kiosk.folder}"\n', encoding="utf-8")
    kiosk.close()  # `kiosk outbox status` reads the file as the officer's shell would
    status = subprocess.run([str(KIOSK), "outbox", "status", "--config", str(config)],
                            capture_output=True, text=True, timeout=60)
    assert status.returncode == 0, status.stderr
    assert "the hub asked to wait (Retry-After): nothing is sent before" in status.stdout
    kiosk.open()

    assert kiosk.engine.run_once(force=True).sent == 2  # a person may still insist
    check_exactly_once(kiosk, hub)
    assert kiosk.engine.status().hub_wait_until is None
