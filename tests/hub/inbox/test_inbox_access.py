"""An agent reads only their services' requests; each reading is in the access log."""

from __future__ import annotations

import logging
import re
import uuid
from datetime import date

from django.contrib.auth import get_user_model

from hub.catalog import catalogue
from hub.inbox.models import AccessLog, Service
from hub.inbox.services import ensure_services

MARKER = "Zorglub-7Q4-marqueur"


def _unmasked(response) -> str:
    """The page without its CSRF token, which is masked differently at each rendering."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def _csv(client, routing: str):
    today = date.today().isoformat()
    return client.get("/demandes/export.csv", {"service": routing, "du": today, "au": today})


def test_an_agent_of_one_service_cannot_read_another_services_request(
        civil_agent, roads_agent, make_submission, signed_in):
    mine = make_submission("acte-naissance")
    theirs = make_submission("signalement-rue", {"lieu": "rue des Lilas"})
    client = signed_in(civil_agent)

    listing = client.get("/demandes/").content.decode()
    assert mine.reference in listing and theirs.reference not in listing

    refused = client.get(f"/demandes/{theirs.uuid}/")
    unknown = client.get(f"/demandes/{uuid.uuid4()}/")
    assert refused.status_code == unknown.status_code == 404
    assert "Demande introuvable" in refused.content.decode()
    assert _unmasked(refused) == _unmasked(unknown)  # no oracle: the same page for both

    posted = client.post(f"/demandes/{theirs.uuid}/", {"action": "take"})
    assert posted.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == "new" and theirs.assigned_to is None

    export = _csv(client, "commune-services-techniques")
    assert export.status_code == 400  # not one of the agent's services: no file at all
    assert "rue des Lilas" not in export.content.decode()
    assert not AccessLog.objects.filter(submission=theirs).exists()


def test_a_marker_in_the_answers_is_readable_only_on_the_authorised_agents_request_page(
        civil_agent, roads_agent, make_submission, signed_in, caplog, django_user_model):
    caplog.set_level(logging.DEBUG)
    request = make_submission("acte-naissance", {"nom": MARKER, "prenoms": "Jeanne"})
    make_submission("signalement-rue", {"lieu": "place du marché"})
    client = signed_in(civil_agent)

    page = client.get(f"/demandes/{request.uuid}/").content.decode()
    assert MARKER in page
    assert "Quel est votre nom de naissance ?" in page  # the catalogue's label, not "nom"
    log = AccessLog.objects.get()
    assert (log.submission, log.user, log.action) == (request, civil_agent, "view")
    assert log.reference == request.reference and log.username == "claire"

    assert MARKER not in client.get("/demandes/").content.decode()

    client.post("/deconnexion/")
    other = signed_in(roads_agent)
    assert MARKER not in _csv(other, "commune-services-techniques").content.decode()
    assert MARKER not in other.get(f"/demandes/{request.uuid}/").content.decode()

    other.post("/deconnexion/")
    admin = django_user_model.objects.create_superuser("dsi", password="another long passphrase")
    signed_in(admin, "another long passphrase")
    for url in ("/admin/intake/submission/", f"/admin/intake/submission/{request.pk}/change/",
                "/admin/inbox/accesslog/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARKER not in response.content.decode(), url
    assert MARKER not in caplog.text


def test_a_superuser_sees_every_service(make_submission, signed_in, django_user_model):
    civil, roads = make_submission("acte-naissance"), make_submission("signalement-rue")
    boss = django_user_model.objects.create_superuser("dsi", password="another long passphrase")
    listing = signed_in(boss, "another long passphrase").get("/demandes/").content.decode()
    assert civil.reference in listing and roads.reference in listing


def test_an_agent_with_no_service_is_told_so_and_sees_nothing(make_agent, make_submission,
                                                             signed_in):
    request = make_submission()
    page = signed_in(make_agent("nouveau")).get("/demandes/").content.decode()
    assert "aucun service" in page and request.reference not in page


def test_a_fresh_hub_has_one_service_per_routing_of_the_catalogue(db):
    routings = set(catalogue().routings())
    assert set(Service.objects.values_list("routing", flat=True)) == routings  # post_migrate
    Service.objects.filter(routing="commune-etat-civil").update(name="État civil de Privas")
    Service.objects.filter(routing="cpam").delete()
    assert [s.routing for s in ensure_services()] == ["cpam"]
    assert Service.objects.get(routing="commune-etat-civil").name == "État civil de Privas"
    assert Service.objects.get(routing="france-titres").name == "France Titres"


def test_pages_need_a_signed_in_agent(client, make_submission):
    request = make_submission()
    for url in ("/", "/demandes/", f"/demandes/{request.uuid}/", "/demandes/export.csv",
                "/securite/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/connexion/")
    assert get_user_model().objects.count() == 0
    assert not AccessLog.objects.exists()
