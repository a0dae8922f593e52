"""The kiosk's side of remote settings, without a hub: which documents it accepts (the same
schema as its TOML file), what applies at once and what waits for the next start, and what
it does with a stored document this version no longer accepts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiosk import remote_settings
from kiosk.doctor import check_remote_settings
from kiosk.remote_settings import RemoteSettings, SettingsRefused
from kiosk.services import KioskServices
from offline_cache.settings_schema import REMOTE_SETTINGS, Remote

KIOSK_ID = "borne-sault-01"


def document(settings: dict, kiosk_id: str = KIOSK_ID, version: str = "v1") -> bytes:
    return json.dumps({"protocol": 1, "kiosk_id": kiosk_id, "version": version,
                       "settings": settings}).encode()


@pytest.fixture
def config(make_config):
    return make_config(site__kiosk_id=KIOSK_ID, hub__url="http://127.0.0.1:9")


@pytest.mark.parametrize("settings, named", [
    ({"hub.url": "http://evil.example"}, "never remotely"),
    ({"site.kiosk_id": "borne-autre"}, "never remotely"),
    ({"storage.data_dir": "/tmp"}, "never remotely"),
    ({"interface.idle_warning_seconds": 5}, "from 15 to 1800"),
    ({"interface.idle_warning_seconds": True}, "from 15 to 1800"),  # a bool is no number
    ({"voice.rate": "très vite"}, "'slow', 'normal', 'fast'"),
    ({"no.such_key": 1}, "unknown key 'no.such_key'"),
])
def test_a_document_with_one_bad_key_is_refused_naming_it(config, settings, named):
    problem = remote_settings.checker(config)(document(settings))
    assert problem is not None and named in problem


def test_a_document_for_another_kiosk_is_refused(config):
    problem = remote_settings.checker(config)(document({}, kiosk_id="borne-mazan-02"))
    assert "for kiosk 'borne-mazan-02', not this one" in problem


def test_a_default_language_the_site_file_does_not_offer_is_refused(make_config):
    config = make_config(site__kiosk_id=KIOSK_ID, interface__languages=["fr"])
    problem = remote_settings.checker(config)(document({"interface.default_language": "en"}))
    assert "not in 'interface.languages'" in problem


def test_a_thermal_printer_sent_without_a_device_is_refused(config):
    problem = remote_settings.checker(config)(document({"printer.kind": "escpos-usb"}))
    assert "printer.device" in problem and "/dev/usb/lp0" in problem


def test_live_settings_apply_at_once_and_the_others_wait_for_the_next_start(config):
    services = KioskServices(config, sync=False)
    heard = []
    services.add_settings_listener(heard.append)
    services.take_settings(RemoteSettings("v2", {"interface.idle_reset_seconds": 40,
                                                 "voice.volume": 70, "printer.kind": "pdf"}))
    assert services.config["interface.idle_reset_seconds"] == 40
    assert heard == [{"interface.idle_reset_seconds": 40, "voice.volume": 70}]
    assert services.config["printer.kind"] == "none"  # as at start, until the next one
    assert services.pending_restart == ("printer.kind",)
    status = services.heartbeat_status()
    assert status["config_version"] == "v2"
    assert status["config_pending_restart"] == ["printer.kind"]


def test_a_setting_the_back_office_stops_sending_goes_back_to_the_site_file(config):
    services = KioskServices(config, sync=False)
    services.take_settings(RemoteSettings("v2", {"interface.idle_reset_seconds": 40}))
    services.take_settings(RemoteSettings("v3", {}))
    assert services.config["interface.idle_reset_seconds"] == 30  # the file's (its default)


def test_a_stored_document_this_version_refuses_is_set_aside_with_the_reason(config):
    folder = remote_settings.cache_dir(config)
    folder.mkdir(parents=True)
    (folder / remote_settings.SETTINGS_FILE).write_bytes(
        document({"interface.idle_reset_seconds": 4000}))
    services = KioskServices(config, sync=False)
    assert services.config["interface.idle_reset_seconds"] == 30
    assert "stored settings are not usable" in services.heartbeat_status()["config_refused"][
        "reason"]
    assert not (folder / remote_settings.SETTINGS_FILE).exists()  # refetched, not a 304


def test_parse_refuses_what_is_not_a_settings_document(config):
    for body in (b"<html>captive portal</html>", b"[]", b'{"settings": 3}'):
        with pytest.raises(SettingsRefused):
            remote_settings.parse(body, KIOSK_ID)


def test_kiosk_doctor_names_the_settings_in_use_and_a_refusal(config):
    services = KioskServices(config, sync=False)
    assert check_remote_settings(config).ok
    body = document({"voice.volume": 70}, version="ab12")
    folder = remote_settings.cache_dir(config)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / remote_settings.SETTINGS_FILE).write_bytes(body)
    services.take_settings(remote_settings.parse(body, KIOSK_ID))
    result = check_remote_settings(config)
    assert result.ok and "version ab12" in result.message and "voice.volume = 70" in result.message

    remote_settings.record_refusal(config, "unsigned or badly signed update refused")
    result = check_remote_settings(config)
    assert not result.ok
    assert "REFUSED" in result.message and "unsigned or badly signed" in result.message
    assert "version ab12" in result.message  # the previous one, still in use


def test_every_setting_the_back_office_may_send_is_documented_with_when_it_applies():
    text = (Path(__file__).resolve().parent.parent / "docs" / "configuration.md").read_text()
    section = text.split("## Settings from the back office", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    for setting in REMOTE_SETTINGS:
        row = next((r for r in rows if f"`{setting.key}`" in r), None)
        assert row is not None, f"{setting.key} is not in the table"
        when = "at once" if setting.remote is Remote.LIVE else "at the next start"
        assert re.search(rf"\|\s*{when}", row), f"{setting.key}: expected '{when}'"
