"""The kiosks pages: who is silent, tokens made and revoked, the journal's chain checked."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from datetime import timedelta

import backoffice_helpers
import pytest
from django.urls import reverse
from django.utils import timezone

from hub.fleet.models import JournalEntry, Kiosk, KioskToken, hash_token
from offline_cache.journal_chain import GENESIS, entry_hash

pytestmark = pytest.mark.django_db
inbox_addresses = backoffice_helpers.inbox_addresses
it_officer, staff_client = backoffice_helpers.it_officer, backoffice_helpers.staff_client


def heartbeat(kiosk: Kiosk, ago: timedelta = timedelta(0), **status) -> None:
    kiosk.last_seen_at = timezone.now() - ago
    kiosk.status = status
    kiosk.save()


def row_of(html: str, kiosk_id: str) -> str:
    match = re.search(rf"<tr[^>]*>\s*<th scope=\"row\"><a [^>]*>{kiosk_id}</a>.*?</tr>", html,
                      re.S)
    assert match, f"no row for {kiosk_id}"
    return match.group(0)


def test_a_silent_kiosk_is_flagged_in_words_and_the_flag_clears_when_it_speaks(staff_client):
    quiet = Kiosk.objects.create(kiosk_id="borne-quiet", site="Mairie de Valbonne")
    heartbeat(quiet, ago=timedelta(hours=2, minutes=5))
    chatty = Kiosk.objects.create(kiosk_id="borne-chatty", site="France Services Mazan")
    heartbeat(chatty, ago=timedelta(minutes=3))

    page = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert "Silencieuse depuis 2 h" in row_of(page, "borne-quiet")
    assert "Silencieuse" not in row_of(page, "borne-chatty")
    assert page.index("borne-quiet") < page.index("borne-chatty")  # silent first

    heartbeat(quiet)  # it speaks again
    page = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert "Silencieuse" not in row_of(page, "borne-quiet")
    assert "Toutes ont donné signe de vie" in page


def test_the_silence_threshold_comes_from_the_settings(staff_client, settings):
    settings.HUB_KIOSK_SILENT_MINUTES = 240
    kiosk = Kiosk.objects.create(kiosk_id="borne-slow")
    heartbeat(kiosk, ago=timedelta(hours=2))
    page = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert "Silencieuse" not in row_of(page, "borne-slow")


def test_the_kiosks_page_shows_what_the_heartbeat_said(staff_client):
    kiosk = Kiosk.objects.create(kiosk_id="borne-full", site="Mairie")
    heartbeat(kiosk, counts={"pending": 3, "sending": 2, "sent": 40, "held": 1},
              oldest_pending_at="2026-12-01T08:30:00Z", app_version="1.4.0",
              catalog_version="2026-11-30", voice="ok", printer={"ok": False,
                                                                  "detail": "plus de papier"})
    row = row_of(staff_client.get(reverse("fleet:kiosks")).content.decode(), "borne-full")
    assert "<td data-label=\"En attente d'envoi\">5<br>" in row  # pending + sending
    assert "1 à traiter sur la borne" in row
    assert "la plus ancienne depuis le 01/12/2026 09:30" in row  # in Paris time
    assert "en service" in row and "en panne (plus de papier)" in row
    assert "application 1.4.0" in row and "appliqué <code>2026-11-30</code>" in row


def test_a_kiosk_without_a_site_in_the_back_office_shows_the_one_it_reports(staff_client):
    kiosk = Kiosk.objects.create(kiosk_id="borne-named")
    heartbeat(kiosk, site="Médiathèque de Sault")
    row = row_of(staff_client.get(reverse("fleet:kiosks")).content.decode(), "borne-named")
    assert "Médiathèque de Sault" in html.unescape(row)


def test_a_never_heard_kiosk_says_so(staff_client):
    Kiosk.objects.create(kiosk_id="borne-new")
    assert "Jamais entendue" in row_of(staff_client.get(reverse("fleet:kiosks")).content
                                       .decode(), "borne-new")


def test_the_kiosks_page_is_paginated(staff_client):
    Kiosk.objects.bulk_create(Kiosk(kiosk_id=f"borne-{n:03d}") for n in range(60))
    first = staff_client.get(reverse("fleet:kiosks")).content.decode()
    assert "60 silencieuses</strong>" in first  # all of them, not only this page's
    assert "Page 1 sur 2" in first and "borne-049" in first and "borne-050" not in first
    second = staff_client.get(reverse("fleet:kiosks") + "?page=2").content.decode()
    assert "borne-050" in second


def test_an_agent_who_is_not_an_administrator_is_refused(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("agent", password="x" * 16))
    assert client.get(reverse("fleet:kiosks")).status_code == 403
    assert client.post(reverse("fleet:kiosks"), {"kiosk_id": "borne-x"}).status_code == 403
    assert not Kiosk.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    response = client.get(reverse("fleet:kiosks"))
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("inbox:login"))


def test_an_administrator_adds_a_kiosk_and_a_bad_id_is_explained(staff_client):
    response = staff_client.post(reverse("fleet:kiosks"), {"kiosk_id": "borne mairie!",
                                                           "site": "Mairie"})
    assert response.status_code == 400 and "De 3 à 40 lettres" in response.content.decode()
    assert not Kiosk.objects.exists()
    response = staff_client.post(reverse("fleet:kiosks"), {"kiosk_id": "borne-mairie-01",
                                                           "site": "Mairie de Gordes"},
                                 follow=True)
    assert Kiosk.objects.get(kiosk_id="borne-mairie-01").site == "Mairie de Gordes"
    assert "Créez-lui un jeton" in response.content.decode()


def test_a_token_is_shown_once_stored_hashed_and_a_revoked_one_says_so(staff_client, caplog):
    kiosk = Kiosk.objects.create(kiosk_id="borne-tok", site="Mairie")
    url = reverse("fleet:create_token", args=["borne-tok"])
    response = staff_client.post(url, {"label": "installée le 2 décembre"})
    assert "no-store" in response["Cache-Control"]
    clear = re.search(r'id="jeton"[^>]*value="([^"]+)"', response.content.decode()).group(1)
    token = KioskToken.objects.get(kiosk=kiosk)
    assert token.token_hash == hash_token(clear) and clear not in token.token_hash
    assert 'token = "' + clear + '"' in response.content.decode()  # how to put it in kiosk.toml

    page = staff_client.get(reverse("fleet:kiosk", args=["borne-tok"])).content.decode()
    assert clear not in page and "installée le 2 décembre" in page and "Actif" in page
    assert clear not in caplog.text

    staff_client.post(reverse("fleet:revoke_token", args=["borne-tok", token.pk]))
    page = staff_client.get(reverse("fleet:kiosk", args=["borne-tok"])).content.decode()
    assert "Révoqué le" in page and KioskToken.objects.active().count() == 0


def test_revoking_needs_a_post_with_its_csrf_token(client, it_officer):
    kiosk = Kiosk.objects.create(kiosk_id="borne-csrf")
    token, _ = KioskToken.issue(kiosk)
    client.force_login(it_officer)
    url = reverse("fleet:revoke_token", args=["borne-csrf", token.pk])
    assert client.get(url).status_code == 405
    client.handler.enforce_csrf_checks = True
    assert client.post(url).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None


def chained(count: int) -> list[dict]:
    entries, previous = [], GENESIS
    for seq in range(1, count + 1):
        body = {"v": 1, "seq": seq, "at": f"2026-12-01T09:{seq:02d}:00Z", "kiosk": "borne-j",
                "event": "unlock", "mediator": "med-1a2b3c4d", "data": {}, "prev": previous}
        previous = entry_hash(previous, body)
        entries.append({**body, "hash": previous})
    return entries


def store_journal(kiosk: Kiosk, entries: list[dict]) -> None:
    JournalEntry.objects.bulk_create(JournalEntry(kiosk=kiosk, seq=e["seq"], entry=e)
                                     for e in entries)


def test_the_journal_page_says_the_chain_is_intact_newest_first(staff_client):
    kiosk = Kiosk.objects.create(kiosk_id="borne-j")
    store_journal(kiosk, chained(4))
    page = html.unescape(staff_client.get(reverse("fleet:kiosk", args=["borne-j"])).content
                         .decode())
    assert "Chaîne vérifiée : intacte (4 entrées)" in page
    assert "Ouverture du mode médiateur" in page
    assert page.index("01/12/2026 10:04:00") < page.index("01/12/2026 10:01:00")  # Paris time


def test_the_journal_page_names_the_first_altered_entry(staff_client):
    kiosk = Kiosk.objects.create(kiosk_id="borne-j")
    entries = chained(5)
    entries[2] = {**entries[2], "event": "kiosk_stop"}  # tampered after the fact
    store_journal(kiosk, entries)
    page = html.unescape(staff_client.get(reverse("fleet:kiosk", args=["borne-j"])).content
                         .decode())
    assert "rompue. L'entrée n° 3 a été modifiée" in page


def test_the_journal_page_names_a_missing_entry(staff_client):
    kiosk = Kiosk.objects.create(kiosk_id="borne-j")
    store_journal(kiosk, [e for e in chained(5) if e["seq"] != 2])
    page = html.unescape(staff_client.get(reverse("fleet:kiosk", args=["borne-j"])).content
                         .decode())
    assert "L'entrée n° 2 manque" in page


def test_the_admin_lists_tokens_without_their_hash(staff_client, it_officer):
    it_officer.is_superuser = True
    it_officer.save()
    kiosk = Kiosk.objects.create(kiosk_id="borne-adm")
    token, clear = KioskToken.issue(kiosk, "bureau")
    page = staff_client.get(reverse("admin:fleet_kiosktoken_change", args=[token.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert token.token_hash not in body and clear not in body
    assert staff_client.get(reverse("admin:fleet_kiosktoken_add")).status_code == 403


def test_a_bad_silence_setting_names_the_variable_and_what_to_write(tmp_path):
    env = {**os.environ, "HUB_DATA_DIR": str(tmp_path), "HUB_KIOSK_SILENT_MINUTES": "demi-heure"}
    result = subprocess.run([sys.executable, "-c", "import hub.settings"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "HUB_KIOSK_SILENT_MINUTES='demi-heure': expected a whole number of minutes" in (
        result.stderr)
