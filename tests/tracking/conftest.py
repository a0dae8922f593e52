"""Fixtures for "Suivre ma demande" at the kiosk: a hub that answers states, a kiosk on it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # answering_hub, by plain name

from answering_hub import AnsweringHub

from kiosk.services import KioskServices


@pytest.fixture
def answering_hub():
    hub = AnsweringHub()
    yield hub
    hub.stop()


@pytest.fixture
def kiosk_services(make_config, answering_hub):
    """The kiosk's services on a temporary data folder, its hub the answering one. The
    background sync starts when the queue is first opened; its first round is a heartbeat."""
    services = KioskServices(make_config(hub__url=answering_hub.url, printer__kind="pdf"))
    yield services
    services.close()
