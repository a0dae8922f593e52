"""Settings sent from the back office: edited on its pages (for every kiosk, or one kiosk's
own), checked against the kiosk's own settings schema, served signed with an ETag, and the
kiosks page showing the version sent beside the version each kiosk applied."""

from __future__ import annotations

import base64
import html
import json
import re

import backoffice_helpers
import pytest
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from django.urls import reverse

from hub.fleet import settings_forms
from hub.fleet.models import Kiosk, KioskToken, RemoteSetting
from hub.fleet.remote_settings import document_for
from hub.keys import demo_keys_dir
from offline_cache.settings_schema import REMOTE_SETTINGS, Remote, Setting

pytestmark = pytest.mark.django_db
inbox_addresses = backoffice_helpers.inbox_addresses
it_officer, staff_client = backoffice_helpers.it_officer, backoffice_helpers.staff_client


def settings_form(**values) -> dict[str, str]:
    """The settings form as a browser posts it: every field, empty unless given."""
    posted = {setting.key.replace(".", "__"): "" for setting in REMOTE_SETTINGS}
    posted.update({key.replace(".", "__"): str(value) for key, value in values.items()})
    return posted


def fetch_settings(client, token: str, etag: str | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    if etag:
        headers["HTTP_IF_NONE_MATCH"] = etag
    return client.get("/v1/config", **headers)


@pytest.fixture
def kiosk_with_token():
    kiosk = Kiosk.objects.create(kiosk_id="borne-valbonne", site="Mairie de Valbonne")
    _row, token = KioskToken.issue(kiosk, "test")
    return kiosk, token


def test_a_setting_for_every_kiosk_reaches_each_one_signed_and_a_kiosk_can_override_it(
        staff_client, client, kiosk_with_token):
    kiosk, token = kiosk_with_token
    other = Kiosk.objects.create(kiosk_id="borne-mazan")
    answer = staff_client.post(reverse("fleet:fleet_settings"), settings_form(**{
        "interface.idle_warning_seconds": 120, "voice.rate": "slow"}))
    assert answer.status_code == 302
    answer = staff_client.post(reverse("fleet:kiosk_settings", args=[kiosk.kiosk_id]),
                               settings_form(**{"interface.idle_warning_seconds": 45}))
    assert answer.status_code == 302

    fetched = fetch_settings(client, token)
    assert fetched.status_code == 200
    public = load_pem_public_key((demo_keys_dir() / "catalog-ed25519-public.pem").read_bytes())
    public.verify(base64.b64decode(fetched["X-Signature"]), fetched.content)  # raises if bad
    document = json.loads(fetched.content)
    assert document["kiosk_id"] == "borne-valbonne"
    assert document["settings"] == {"interface.idle_warning_seconds": 45, "voice.rate": "slow"}
    other_settings = json.loads(document_for(other)[0])["settings"]
    assert other_settings == {"interface.idle_warning_seconds": 120, "voice.rate": "slow"}

    again = fetch_settings(client, token, fetched["ETag"])
    assert again.status_code == 304
    kiosk.refresh_from_db()
    assert kiosk.config_sent_version == document["version"]


def test_a_value_out_of_the_schema_s_range_is_refused_with_what_is_expected(staff_client):
    answer = staff_client.post(reverse("fleet:fleet_settings"), settings_form(**{
        "interface.idle_warning_seconds": 5, "interface.languages": "fr, de"}))
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "un nombre entier de secondes, de 15 à 1800" in page
    assert "une liste prise parmi" in page
    assert not RemoteSetting.objects.exists()


def test_the_settings_page_explains_every_setting_in_french(staff_client):
    """The IT officer's page is French: the schema's English help lines stay in the
    configuration file's documentation."""
    page = html.unescape(staff_client.get(reverse("fleet:fleet_settings")).content.decode())
    for setting in REMOTE_SETTINGS:
        assert setting.help not in page, setting.key
        does, accepts = settings_forms.FRENCH[setting.key]
        assert does in page, setting.key
        assert setting.kind is bool or accepts in page, setting.key


def test_a_default_language_the_kiosk_would_not_offer_is_refused(staff_client):
    answer = staff_client.post(reverse("fleet:fleet_settings"), settings_form(**{
        "interface.languages": "fr", "interface.default_language": "en"}))
    assert answer.status_code == 400
    assert "doit faire partie des langues proposées" in answer.content.decode()


def test_opening_hours_that_end_before_they_start_are_refused_naming_the_day(staff_client):
    answer = staff_client.post(reverse("fleet:fleet_settings"), settings_form(**{
        "opening.hours": "mon = 09:00-12:00\ntue = 14:00-12:00"}))
    assert answer.status_code == 400
    page = html.unescape(answer.content.decode())
    assert "Horaires d'ouverture refusés" in page
    assert "opening.hours.tue" in page and "14:00-12:00" in page
    assert not RemoteSetting.objects.exists()


def test_what_must_work_offline_is_never_editable_nor_sent(staff_client, kiosk_with_token):
    kiosk, _token = kiosk_with_token
    page = staff_client.get(reverse("fleet:kiosk_settings", args=[kiosk.kiosk_id]))
    names = set(re.findall(r'name="([a-z_]+)"', page.content.decode()))
    assert "hub__url" not in names and "site__kiosk_id" not in names
    assert "interface__idle_reset_seconds" in names and "printer__kind" in names
    # Even written straight into the database, a local-only key does not travel.
    RemoteSetting.objects.create(kiosk=kiosk, key="hub.url", value="http://evil.example")
    assert "hub.url" not in json.loads(document_for(kiosk)[0])["settings"]


def test_emptying_a_field_stops_sending_that_setting(staff_client, kiosk_with_token):
    kiosk, _token = kiosk_with_token
    address = reverse("fleet:kiosk_settings", args=[kiosk.kiosk_id])
    staff_client.post(address, settings_form(**{"voice.volume": 60, "voice.enabled": "false"}))
    assert json.loads(document_for(kiosk)[0])["settings"] == {"voice.volume": 60,
                                                               "voice.enabled": False}
    page = staff_client.get(address).content.decode()
    assert 'value="60"' in page  # the form shows what is set
    staff_client.post(address, settings_form(**{"voice.volume": 60}))
    assert json.loads(document_for(kiosk)[0])["settings"] == {"voice.volume": 60}


def test_the_kiosks_page_shows_the_version_sent_and_the_one_applied(staff_client, client,
                                                                     kiosk_with_token):
    kiosk, token = kiosk_with_token
    staff_client.post(reverse("fleet:fleet_settings"),
                      settings_form(**{"interface.idle_reset_seconds": 20}))
    version = json.loads(fetch_settings(client, token).content)["version"]

    kiosk.refresh_from_db()
    kiosk.status = {"config_version": "", "catalog_version": "old", "app_version": "1.0"}
    kiosk.save()
    page = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert f"envoyés <code>{version}</code>" in page
    assert "pas encore appliquée" in page

    kiosk.status = {"config_version": version, "app_version": "1.0",
                    "config_pending_restart": ["interface.languages"]}
    kiosk.save()
    page = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert f"appliqués <code>{version}</code>" in page and "(à jour)" in page
    assert "Au prochain redémarrage : interface.languages" in page

    kiosk.status = {"config_version": version,
                    "config_refused": {"reason": "unsigned or badly signed update refused",
                                       "at": "2026-12-03T10:00:00+00:00"}}
    kiosk.save()
    page = staff_client.get(reverse("fleet:kiosk", args=[kiosk.kiosk_id])).content.decode()
    assert "Refusés par la borne : unsigned or badly signed update refused" in page


def test_a_kiosk_sent_no_setting_is_not_shown_waiting(staff_client, kiosk_with_token):
    kiosk, _token = kiosk_with_token
    kiosk.status = {"app_version": "1.0"}  # an older kiosk: it does not ask for settings
    kiosk.save()
    page = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert "aucun envoyé" in page and "pas encore appliquée" not in page
    assert "Nouveau catalogue" not in page  # it did not say which catalogue it shows


@pytest.mark.parametrize("setting, value", [
    (Setting("opening.hours", dict, {}, "Opening hours.", "a table", remote=Remote.LIVE),
     {"mon": "09:00-12:00, 14:00-17:30", "sat": "09:00-12:00"}),
    (Setting("interface.languages", list, [], "Languages.", "a list", remote=Remote.AT_RESTART),
     ["fr", "en"]),
    (Setting("voice.enabled", bool, True, "Voice.", "true or false", remote=Remote.AT_RESTART),
     False),
])
def test_a_value_shown_in_the_form_reads_back_as_the_same_value(setting, value):
    """So a table setting (opening hours, once in the schema) needs no form code of its own."""
    shown_in_form = settings_forms.shown(value) if setting.kind is not bool else (
        "true" if value else "false")
    assert settings_forms.typed_value(setting, shown_in_form) == value
