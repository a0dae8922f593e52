"""The citizen's tracking page: the state in plain words, the service's message, nothing
personal, one kind answer for every wrong link, and a limit on guessing."""

from __future__ import annotations

import re
import string
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from hub.tracking import texts
from hub.tracking.views import LOOKUPS_PER_WINDOW
from offline_cache.protocol import RequestState
from tests.hub.tracking_helpers import PERSONAL_MARKER, link_path, stored_request

pytestmark = pytest.mark.django_db
NOT_ARRIVED = ("Votre demande n'est peut-être pas encore arrivée : la borne l'enverra dès que "
               "la connexion revient. Revenez plus tard.")


def state_on_page(html: str) -> str:
    return re.search(r'id="etat"[^>]*>([^<]+)<', html).group(1).strip()


@pytest.mark.parametrize("state, label", [
    (RequestState.NEW, "Reçue"), (RequestState.IN_PROGRESS, "En cours"),
    (RequestState.WAITING, "En attente de vous"), (RequestState.DONE, "Traitée"),
    (RequestState.REFUSED, "Refusée")])
def test_each_state_is_shown_in_plain_french_words(client, state, label):
    submission = stored_request(state=state)
    response = client.get(link_path(submission))
    assert response.status_code == 200
    html = response.content.decode()
    assert state_on_page(html) == label
    assert texts.state_explanation(state, "fr") in html.replace("&#x27;", "'")


def test_the_page_shows_the_message_the_service_and_the_date_of_the_last_change(client):
    submission = stored_request(state=RequestState.DONE,
                                message="Votre copie est prête. Venez la chercher à l'accueil.",
                                changed_at=timezone.now() - timedelta(days=3))
    html = client.get(link_path(submission)).content.decode().replace("&#x27;", "'")
    assert "Votre copie est prête. Venez la chercher à l'accueil." in html
    assert "Copie de mon acte de naissance" in html  # the catalogue's title, not the id
    assert f"Votre demande {submission.reference}" in html
    assert texts.when(submission.state_changed_at, "fr") in html
    assert re.search(r"le \d+ \w+ 20\d\d à \d+ h \d\d", html)


def test_a_request_made_in_english_is_followed_in_english(client):
    submission = stored_request(state=RequestState.IN_PROGRESS, language="en")
    html = client.get(link_path(submission)).content.decode()
    assert state_on_page(html) == "Being handled"
    assert "Copy of my birth certificate" in html
    assert '<html lang="en">' in html


def test_the_page_shows_nothing_personal(client):
    submission = stored_request(state=RequestState.WAITING, message="Il manque un justificatif.")
    response = client.get(link_path(submission))
    html = response.content.decode()
    assert PERSONAL_MARKER not in html
    assert "borne-mairie-01" not in html and "Trébeurden" not in html  # not even the kiosk
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "no-referrer"


def test_a_reference_typed_in_lower_case_with_spaces_still_finds_the_request(client):
    submission = stored_request(state=RequestState.DONE)
    typed = submission.reference.replace("-", " ").lower()
    html = client.get(link_path(submission, typed)).content.decode()
    assert state_on_page(html) == "Traitée"


def _wrong_reference(reference: str) -> str:
    alphabet = [c for c in "23456789ACDEFGHJKMNPQRTUVWXY" if c != reference[0]]
    return alphabet[0] + reference[1:]


def test_a_wrong_reference_an_unknown_uuid_and_a_malformed_one_get_the_same_kind_answer(client):
    submission = stored_request(state=RequestState.DONE, message="Secret du service")
    answers = [
        client.get(link_path(submission, _wrong_reference(submission.reference))),
        client.get(f"/suivi/{uuid.uuid4()}?ref={submission.reference}"),
        client.get(f"/suivi/pas-un-uuid?ref={submission.reference}"),
        client.get(f"/suivi/{submission.uuid}"),  # no reference at all
    ]
    statuses = {answer.status_code for answer in answers}
    bodies = {answer.content.decode() for answer in answers}
    assert statuses == {404}
    assert len(bodies) == 1  # word for word the same page: nothing to learn from it
    body = bodies.pop().replace("&#x27;", "'")
    assert NOT_ARRIVED in body
    assert "accueil de votre mairie" in body  # how to get help
    assert "Secret du service" not in body and 'id="etat"' not in body


def test_too_many_lookups_from_one_address_get_a_kind_wait_page(client):
    submission = stored_request(state=RequestState.DONE)
    for _ in range(LOOKUPS_PER_WINDOW):
        assert client.get(f"/suivi/{uuid.uuid4()}?ref=K7M-4QF").status_code == 404
    refused = client.get(link_path(submission))  # even the right link waits now
    assert refused.status_code == 429
    assert "Attendez quelques minutes" in refused.content.decode()
    other = client.get(link_path(submission), REMOTE_ADDR="10.0.0.7")
    assert other.status_code == 200  # another device is not punished


def test_every_language_has_the_same_texts_with_the_same_fields():
    def fields(value: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(value) if name}

    french = texts.TEXTS["fr"]
    for lang, table in texts.TEXTS.items():
        assert table.keys() == french.keys(), lang
        for key, value in table.items():
            assert fields(value) == fields(french[key]), (lang, key)
    for state in RequestState:
        assert texts.state_label(state, "en") != texts.state_label(state, "fr")
