"""Shared test set-up: headless Qt before anything imports it, and a kiosk on the demo config."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from kiosk.config import KioskConfig, load_config, validate


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
