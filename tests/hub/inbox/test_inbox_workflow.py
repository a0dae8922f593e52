"""A request's page and what an agent does there: take it, move it, tell the citizen, note."""

from __future__ import annotations

from datetime import timedelta

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from django.utils import timezone

from hub.inbox.models import AccessLog, StateChange
from offline_cache.envelope import seal


def test_the_page_shows_answers_under_french_labels_with_kiosk_site_and_consent(
        civil_agent, make_submission, signed_in, assisted_fields):
    request = make_submission("acte-naissance", {
        "type_acte": "copie-integrale", "nom": "Martin", "date_naissance": "1950-03-02",
        "commune_naissance": {"postal_code": "07000", "name": "Privas"}}, assisted=assisted_fields)
    page = signed_in(civil_agent).get(f"/demandes/{request.uuid}/").content.decode()
    assert "Quel document voulez-vous ?" in page
    assert "La copie complète (copie intégrale)" in page  # the choice's label, not its value
    assert "07000 Privas" in page
    assert "Copie de mon acte de naissance" in page
    assert "borne-mairie-01" in page and "Mairie de Saint-Privat" in page
    assert "Faite à la borne le" in page and "Arrivée au hub le" in page
    assert "Français (fr)" in page
    assert "médiateur med-1a2b3c4d" in page and "Accord du demandeur donné le 01/12/2026" in page
    assert page.count("<h1") == 1


def test_taking_a_request_assigns_it_and_moves_it_in_progress(civil_agent, make_submission,
                                                            signed_in):
    request = make_submission()
    page = signed_in(civil_agent).post(f"/demandes/{request.uuid}/", {"action": "take"},
                                       follow=True).content.decode()
    assert "Vous avez pris la demande" in page
    request.refresh_from_db()
    assert (request.state, request.assigned_to) == ("in_progress", civil_agent)
    change = StateChange.objects.get()
    assert (change.from_state, change.to_state, change.by) == ("new", "in_progress", civil_agent)


def test_state_changes_write_history_set_closed_at_and_clear_it_on_reopening(
        civil_agent, make_submission, signed_in):
    request = make_submission()
    client = signed_in(civil_agent)
    url = f"/demandes/{request.uuid}/"
    done = client.post(url, {"action": "state", "state": "done",
                             "citizen_message": "Votre acte est parti par la poste."},
                       follow=True).content.decode()
    assert "La demande est maintenant « Traitée »" in done
    request.refresh_from_db()
    assert request.state == "done" and request.closed_at is not None
    assert request.citizen_message == "Votre acte est parti par la poste."
    assert request.assigned_to == civil_agent  # nobody had it: the one who acts takes it

    client.post(url, {"action": "state", "state": "in_progress", "citizen_message": ""})
    request.refresh_from_db()
    assert request.state == "in_progress" and request.closed_at is None
    assert request.citizen_message == ""
    history = list(StateChange.objects.values_list("from_state", "to_state"))
    assert history == [("new", "done"), ("done", "in_progress")]
    page = client.get(url).content.decode()
    assert "Votre acte est parti par la poste." in page  # in the history


def test_waiting_or_refused_needs_a_message_for_the_citizen(civil_agent, make_submission,
                                                           signed_in):
    request = make_submission()
    client = signed_in(civil_agent)
    for state in ("waiting", "refused"):
        page = client.post(f"/demandes/{request.uuid}/",
                           {"action": "state", "state": state, "citizen_message": "  "})
        assert page.status_code == 200
        assert "Écrivez au demandeur" in page.content.decode()
    request.refresh_from_db()
    assert request.state == "new" and not StateChange.objects.exists()


def test_an_internal_note_is_added_and_shown_to_agents(civil_agent, make_submission,
                                                      signed_in):
    request = make_submission()
    client = signed_in(civil_agent)
    page = client.post(f"/demandes/{request.uuid}/",
                       {"action": "note", "text": "Appeler la mairie de naissance."},
                       follow=True).content.decode()
    assert "La note interne est ajoutée" in page and "Appeler la mairie de naissance." in page
    assert request.notes.get().by == civil_agent


def test_a_payload_sealed_for_another_key_shows_why_and_keeps_the_metadata(
        civil_agent, make_submission, signed_in):
    request = make_submission()
    old_key = X25519PrivateKey.generate().public_key()  # the hub's key before a rotation
    request.payload = seal(old_key, b'{"answers": {}}', str(request.uuid).encode())
    request.save()
    client = signed_in(civil_agent)
    page = client.get(f"/demandes/{request.uuid}/").content.decode()
    assert "ne s&#x27;ouvre pas avec la clé actuelle du hub" in page
    assert request.reference in page and "Mairie de Saint-Privat" in page
    assert not AccessLog.objects.exists()  # nothing was read
    client.post(f"/demandes/{request.uuid}/", {"action": "state", "state": "refused",
                                               "citizen_message": "Revenez à la mairie."})
    request.refresh_from_db()
    assert request.state == "refused"  # the request can still be handled


def test_a_request_whose_content_was_deleted_says_so(civil_agent, make_submission, signed_in):
    request = make_submission()
    request.payload, request.content_deleted_at = None, timezone.now() - timedelta(days=1)
    request.save()
    page = signed_in(civil_agent).get(f"/demandes/{request.uuid}/").content.decode()
    assert "Le contenu de cette demande a été supprimé" in page
    assert "durée de conservation atteinte" in page
