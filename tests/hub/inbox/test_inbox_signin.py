"""Signing in: lock-out, the second factor, an expired session and a refused form change
nothing and say why in French."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.inbox.models import StateChange


def _code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the agent's phone shows now (same algorithm, same key, same clock), or the
    next one (a code is accepted once: the second sign-in uses the following step)."""
    drift = device.drift + steps_ahead
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def test_five_wrong_passwords_lock_the_account_with_a_clear_page(client, civil_agent,
                                                                 password):
    for _ in range(4):
        page = client.post("/connexion/", {"username": "claire", "password": "faux"})
        assert page.status_code == 200 and "Saisissez un nom" in page.content.decode()
    locked = client.post("/connexion/", {"username": "claire", "password": "faux"})
    assert locked.status_code == 429
    assert "Compte bloqué pour 15 minutes" in locked.content.decode()
    again = client.post("/connexion/", {"username": "claire", "password": password})
    assert again.status_code == 429  # the right password does not open a locked account
    assert "_auth_user_id" not in client.session


def test_an_expired_session_leads_back_to_sign_in_with_a_message_and_changes_nothing(
        client, civil_agent, make_submission, signed_in):
    request = make_submission()
    signed_in(civil_agent)
    # Eight hours later: the server holds the session past its expiry date.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.post(f"/demandes/{request.uuid}/",
                           {"action": "state", "state": "done", "citizen_message": "Fini"})
    assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    request.refresh_from_db()
    assert request.state == "new" and not StateChange.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "Votre session a expiré" in page


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(
        civil_agent, make_submission):
    request = make_submission()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(civil_agent, backend="django.contrib.auth.backends.ModelBackend")
    response = browser.post(f"/demandes/{request.uuid}/", {"action": "take"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "Le formulaire a été refusé" in page and "Rien n'a été modifié" in page
    request.refresh_from_db()
    assert request.state == "new" and request.assigned_to is None


def test_an_agent_enrols_a_second_factor_and_then_needs_the_code_to_get_in(
        client, civil_agent, make_submission, signed_in, settings):
    # django-otp makes a device wait 1 s, 2 s, 4 s... after each wrong code (tested there);
    # off here so the right code can follow the wrong one at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    request = make_submission()
    signed_in(civil_agent)
    page = client.get("/securite/").content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    device = TOTPDevice.objects.get(user=civil_agent, confirmed=False)
    wrong = "000000" if _code(device) != "000000" else "111111"
    refused = client.post("/securite/", {"code": wrong}).content.decode()
    assert "Ce code n&#x27;est pas le bon" in refused
    device.refresh_from_db()
    assert not device.confirmed
    confirmed = client.post("/securite/", {"code": _code(device)}, follow=True)
    assert "Le second facteur est activé" in confirmed.content.decode()
    client.post("/deconnexion/")

    signed_in(civil_agent)  # the password alone is not enough now
    blocked = client.get(f"/demandes/{request.uuid}/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/connexion/")
    assert "Code de sécurité" in client.get("/connexion/").content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    client.post("/connexion/", {"code": _code(device, steps_ahead=1)})
    assert client.get(f"/demandes/{request.uuid}/").status_code == 200


def test_the_admin_sign_in_goes_through_the_inbox_sign_in(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/connexion/?next=/admin/"


def test_signing_out_needs_a_post_and_ends_the_session(client, civil_agent, signed_in):
    signed_in(civil_agent)
    assert client.get("/deconnexion/").status_code == 405
    page = client.post("/deconnexion/", follow=True).content.decode()
    assert "Vous êtes déconnecté" in page
    assert client.get("/demandes/").status_code == 302


def test_an_agent_who_is_not_an_administrator_is_told_the_admin_is_not_for_them(
        client, civil_agent, signed_in):
    signed_in(civil_agent)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert "Administration réservée" in response.content.decode()


def test_signing_out_of_the_admin_signs_out_of_the_hub(client, django_user_model, signed_in):
    officer = django_user_model.objects.create_superuser("dsi", password="another passphrase")
    signed_in(officer, "another passphrase")
    response = client.post("/admin/logout/")
    assert response.status_code == 302 and response["Location"] == "/connexion/"
    assert "_auth_user_id" not in client.session
    page = client.get("/demandes/", follow=True).content.decode()
    assert "Vous êtes déconnecté" in page and "Votre session a expiré" not in page


def test_signing_in_never_sends_the_agent_to_another_site(client, civil_agent, password):
    response = client.post("/connexion/?next=https://phishing.example/demandes/",
                           {"username": "claire", "password": password})
    assert response.status_code == 302 and response["Location"] == "/"
