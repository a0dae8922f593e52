"""Where shipped files live, in a source checkout and in the frozen bundle alike."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    """The folder holding `assets/`: the bundle's unpack dir when frozen, else the checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    return project_root() / "assets"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"


def locale_dir() -> Path:
    """The gettext catalogues: assets/locale/<lang>/LC_MESSAGES/<domain>.po and compiled .mo."""
    return assets_dir() / "locale"


def catalog_dir() -> Path:
    return assets_dir() / "catalog"


def downloaded_catalog_path(data_dir: Path) -> Path:
    """Where the last signed catalogue downloaded from the hub is kept."""
    return data_dir / "cache" / "catalog.json"


def demo_key_path(name: str) -> Path:
    """A public DEMO key shipped in assets/demo-keys (its private half is public too)."""
    return assets_dir() / "demo-keys" / name


def demo_config_path() -> Path:
    return assets_dir() / "config" / "demo.toml"
