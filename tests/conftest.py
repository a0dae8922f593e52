"""Shared test set-up: headless Qt and the hub's settings before anything imports them, and a
kiosk on the demo config."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The back office's settings read these at import: a scratch folder, never the user's own.
os.environ.setdefault("HUB_DATA_DIR", tempfile.mkdtemp(prefix="hub-tests-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

from pathlib import Path

import django
import pytest

from kiosk.config import KioskConfig, load_config, validate

django.setup()  # pytest-django's fixtures (db, client, live_server) then work in every folder


@pytest.fixture
def demo_config() -> KioskConfig:
    return load_config(None)


@pytest.fixture
def make_config(tmp_path: Path):
    """Build a validated config from a dict of dotted keys, rooted in a temporary folder."""

    def make(**overrides) -> KioskConfig:
        raw: dict = {"storage": {"data_dir": str(tmp_path / "data")}}
        for dotted, value in overrides.items():
            section, key = dotted.split("__")
            raw.setdefault(section, {})[key] = value
        return validate(raw, tmp_path / "kiosk.toml")

    return make


@pytest.fixture
def running_hub(tmp_path: Path):
    """The real hub (`python -m hub serve`) on a free loopback port, data in tmp_path/hub;
    tests/running_hub.py reads what it holds."""
    from running_hub import RunningHub

    hub = RunningHub(tmp_path / "hub")
    hub.start()
    yield hub
    hub.stop()
