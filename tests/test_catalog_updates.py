"""Catalogue updates from the hub: signed ones are used from the next start, others never."""

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from running_hub import RunningHub

from kiosk.paths import catalog_dir
from kiosk.services import KioskServices
from offline_cache.content_cache import RefreshOutcome


@pytest.fixture
def hub_with_new_catalog(tmp_path):
    """A hub serving the shipped catalogue as a new version, signed with the demo key."""
    data = json.loads((catalog_dir() / "catalog.json").read_text(encoding="utf-8"))
    data["version"] = "2099.1.1"
    data["services"][0]["title"]["fr"] = "Carte nationale d'identité"
    catalog = tmp_path / "hub" / "catalog.json"
    catalog.parent.mkdir()
    catalog.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    hub = RunningHub(tmp_path / "hub")  # serves <data dir>/catalog.json when there is one
    yield hub.start()
    hub.stop()


def kiosk(make_config, url: str, **changes) -> KioskServices:
    return KioskServices(make_config(hub__url=url, **changes), sync=False)


def test_a_signed_catalogue_from_the_hub_is_used_from_the_next_start(make_config,
                                                                      hub_with_new_catalog):
    services = kiosk(make_config, hub_with_new_catalog)
    assert services.current_catalog().version != "2099.1.1"
    assert services.refresh_catalog().outcome is RefreshOutcome.UPDATED
    assert services.refresh_catalog().outcome is RefreshOutcome.UNCHANGED  # ETag: 304
    services.close()
    restarted = kiosk(make_config, hub_with_new_catalog)
    catalog = restarted.current_catalog()
    assert catalog.version == "2099.1.1"
    assert catalog.services[0].title["fr"] == "Carte nationale d'identité"
    restarted.close()


def test_a_catalogue_signed_with_another_key_is_refused_and_the_previous_one_kept(
        make_config, hub_with_new_catalog, tmp_path):
    other_key = tmp_path / "other-catalog-key.pem"
    other_key.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    services = kiosk(make_config, hub_with_new_catalog, hub__catalog_public_key=str(other_key))
    shipped = services.current_catalog().version
    assert services.refresh_catalog().outcome is RefreshOutcome.REJECTED
    assert services.current_catalog().version == shipped
    services.close()


def test_an_unreadable_downloaded_catalogue_falls_back_to_the_shipped_one(make_config,
                                                                           tmp_path: Path):
    services = kiosk(make_config, "http://127.0.0.1:9")
    cached = services.config.data_dir / "cache" / "catalog.json"
    cached.parent.mkdir(parents=True)
    cached.write_text('{"schema_version": 99}', encoding="utf-8")
    assert services.current_catalog().services  # the shipped catalogue, not a crash
