"""What a citizen typed never lies in clear on the kiosk: not in the database, its WAL, an
export or any log line, and a sent request's sealed payload is gone too."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Response

from kiosk.config import validate
from kiosk.outbox_service import OutboxService
from offline_cache.outbox import ItemState

MARKER = "Zébulon-MARQUEUR-7f3a9c"


def _all_bytes_under(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_a_marker_typed_by_a_citizen_is_nowhere_on_the_kiosk_disk_or_in_logs(
        hub, tmp_path, caplog):
    data = tmp_path / "kiosk"
    log_file = tmp_path / "kiosk.log"
    handler = logging.FileHandler(log_file)
    logging.getLogger().addHandler(handler)
    caplog.set_level(logging.DEBUG)
    try:
        config = validate({"storage": {"data_dir": str(data)}, "hub": {"url": hub.url}},
                          tmp_path / "kiosk.toml")
        service = OutboxService.from_config(config)
        answers = {"nom": MARKER, "note": f"je m'appelle {MARKER}", "ville": "Périgueux"}
        kept = service.enqueue("acte-naissance", "etat-civil", {"answers": answers})
        hub.app.config["fault"] = lambda endpoint: Response("down", status=503)
        service.sync_now()  # fails and logs
        export_path, _ = service.export(tmp_path / "usb")
        hub.app.config["fault"] = None
        sent = service.enqueue("acte-naissance", "etat-civil", {"answers": answers})
        service.sync_now()
        hub.app.config["after_store"] = lambda results: Response("<html>oops</html>")
        service.enqueue("signalement-rue", "voirie", {"answers": answers})
        service.sync_now()  # stays pending: a sealed payload remains on disk
        assert service.outbox.get(sent).state is ItemState.SENT
        assert service.outbox.get(kept).state is ItemState.SENT
        assert service.status().counts["pending"] == 1
        files = _all_bytes_under(data)
        assert any(p.name.endswith("-wal") for p in files), "the WAL must be inspected too"
        needle = MARKER.encode()
        for path, content in files.items():
            assert needle not in content, path
            assert "Zébulon".encode("utf-16-le") not in content, path
        assert needle not in export_path.read_bytes()
        handler.flush()
        assert MARKER not in log_file.read_text("utf-8")
        assert MARKER not in caplog.text
        service.close()
        for path, content in _all_bytes_under(data).items():
            assert needle not in content, path
    finally:
        logging.getLogger().removeHandler(handler)


def test_the_kiosk_holds_no_key_that_opens_its_own_queue(hub, tmp_path):
    config = validate({"storage": {"data_dir": str(tmp_path / "k")}, "hub": {"url": hub.url}},
                      tmp_path / "kiosk.toml")
    service = OutboxService.from_config(config)
    service.enqueue("acte-naissance", "etat-civil", {"nom": "Dupont"})
    service.close()
    names = {path.name for path in (tmp_path / "k").rglob("*")}
    assert not any("private" in name or name.endswith(".pem") for name in names)
