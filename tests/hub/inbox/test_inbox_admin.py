"""The IT officer's admin: services with their agents; requests as metadata only; the
history, notes and access log read-only."""

from __future__ import annotations

import pytest

from hub.inbox.models import AccessLog, Service
from hub.inbox.workflow import log_access

IT_PASSWORD = "another long passphrase"


@pytest.fixture
def it_officer(django_user_model, client, signed_in):
    officer = django_user_model.objects.create_superuser("dsi", password=IT_PASSWORD)
    signed_in(officer, IT_PASSWORD)
    return officer


def test_the_admin_lists_services_in_french_and_edits_their_agents(it_officer, civil_agent,
                                                                  client):
    index = client.get("/admin/").content.decode()
    assert "Services destinataires" in index and "Journal des accès" in index
    service = Service.objects.get(routing="commune-etat-civil")
    page = client.get(f"/admin/inbox/service/{service.pk}/change/").content.decode()
    assert 'name="agents"' in page and "selectfilter" in page.lower()


def test_a_request_in_the_admin_shows_metadata_and_cannot_be_changed_or_deleted(
        it_officer, make_submission, client):
    request = make_submission()
    page = client.get(f"/admin/intake/submission/{request.pk}/change/").content.decode()
    assert request.reference in page
    assert "payload" not in page.lower() and 'name="_save"' not in page
    assert client.get(f"/admin/intake/submission/{request.pk}/delete/").status_code == 403
    assert client.get("/admin/intake/submission/add/").status_code == 403


def test_the_access_log_cannot_be_deleted_from_the_admin(it_officer, civil_agent,
                                                        make_submission, client):
    request = make_submission()
    log_access(civil_agent, [request], AccessLog.Action.VIEW)
    row = AccessLog.objects.get()
    assert client.get(f"/admin/inbox/accesslog/{row.pk}/delete/").status_code == 403
    client.post(f"/admin/inbox/accesslog/{row.pk}/delete/", {"post": "yes"})
    listing = client.get("/admin/inbox/accesslog/").content.decode()
    assert AccessLog.objects.filter(pk=row.pk).exists() and request.reference in listing


def test_the_request_list_finds_a_reference_as_typed_and_filters_by_service(
        it_officer, make_submission, client):
    Service.objects.update_or_create(routing="commune-services-techniques",
                                     defaults={"name": "Voirie de la commune"})
    wanted, other = make_submission(), make_submission("signalement-rue")
    typed = wanted.reference.lower().replace("-", " ")
    found = client.get("/admin/intake/submission/", {"q": typed}).content.decode()
    assert wanted.reference in found and other.reference not in found
    listing = client.get("/admin/intake/submission/").content.decode()
    assert "Voirie de la commune" in listing  # the filter offers the services by name
    by_service = client.get("/admin/intake/submission/",
                            {"routing": "commune-services-techniques"}).content.decode()
    assert other.reference in by_service and wanted.reference not in by_service
