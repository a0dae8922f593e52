"""Fixtures for the outbox and sync tests: a real hub on loopback, real SQLite files, a proxy."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # faultproxy and sync_helpers, by plain name

from fake_hub import Hub, open_hub
from faultproxy import FaultProxy
from sync_helpers import Kiosk


@pytest.fixture
def hub(tmp_path: Path):
    server = open_hub(tmp_path / "hub")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def proxy(hub: Hub):
    link = FaultProxy(int(hub.url.rsplit(":", 1)[1]))
    yield link
    link.stop()


@pytest.fixture
def make_kiosk(tmp_path: Path):
    made: list[Kiosk] = []

    def make(url: str, name: str = "kiosk", **options) -> Kiosk:
        kiosk = Kiosk(tmp_path / name, url, **options)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()
