"""The inbox list (tabs with counts, filters, order, pages) and the CSV export."""

from __future__ import annotations

import csv
import io
import re
import uuid
from datetime import date, timedelta

from django.utils import timezone

from hub.fleet.models import Kiosk
from hub.inbox.models import AccessLog
from hub.intake.models import Submission


def _references(page: str) -> list[str]:
    return re.findall(r'<th scope="row"><a href="[^"]+">([A-Z0-9-]{7})</a>', page)


def test_tabs_count_each_state_and_filter_the_list(civil_agent, make_submission, signed_in):
    requests = [make_submission() for _ in range(3)]
    Submission.objects.filter(pk=requests[0].pk).update(state="done")
    client = signed_in(civil_agent)
    page = client.get("/demandes/").content.decode()
    assert re.search(r"Toutes\s*<span class=\"count\">\(3\)", page)
    assert re.search(r"Nouvelle\s*<span class=\"count\">\(2\)", page)
    assert re.search(r"Traitée\s*<span class=\"count\">\(1\)", page)
    done = client.get("/demandes/", {"etat": "done"}).content.decode()
    assert _references(done) == [requests[0].reference]
    assert 'aria-current="page">Traitée' in done


def test_newest_first_by_default_oldest_first_on_request(civil_agent, make_submission,
                                                        signed_in):
    now = timezone.now()
    old = make_submission(received_at=now - timedelta(days=2))
    new = make_submission(received_at=now)
    client = signed_in(civil_agent)
    assert _references(client.get("/demandes/").content.decode()) == [new.reference,
                                                                       old.reference]
    oldest = client.get("/demandes/", {"ordre": "ancien"}).content.decode()
    assert _references(oldest) == [old.reference, new.reference]


def test_filters_by_kiosk_period_and_a_reference_typed_loosely(civil_agent, make_submission,
                                                               signed_in):
    other_kiosk = Kiosk.objects.create(kiosk_id="borne-fs-02", site="France Services Aubenas")
    here = make_submission(received_at=timezone.now() - timedelta(days=10))
    there = make_submission(on=other_kiosk)
    client = signed_in(civil_agent)
    by_kiosk = client.get("/demandes/", {"borne": "borne-fs-02"}).content.decode()
    assert _references(by_kiosk) == [there.reference]
    since = (date.today() - timedelta(days=3)).isoformat()
    assert _references(client.get("/demandes/", {"du": since}).content.decode()) == [
        there.reference]
    typed = here.reference.lower().replace("-", " ")
    assert _references(client.get("/demandes/", {"reference": typed}).content.decode()) == [
        here.reference]
    wrong = client.get("/demandes/", {"reference": "abc"}).content.decode()
    assert "Une référence a 6 lettres ou chiffres" in wrong


def test_the_list_shows_fifty_a_page(civil_agent, make_submission, signed_in):
    for _ in range(51):
        make_submission()
    client = signed_in(civil_agent)
    first = client.get("/demandes/").content.decode()
    assert len(_references(first)) == 50 and "Page suivante" in first
    assert len(_references(client.get("/demandes/", {"page": 2}).content.decode())) == 1


def _many(kiosk, count: int, **fields) -> None:
    """`count` requests of the civil registry in one insert (sealed content not needed)."""
    now = timezone.now()
    Submission.objects.bulk_create(Submission(
        uuid=uuid.uuid4(), reference=f"K{n:02d}-{n % 1000:03d}"[:7], kiosk=kiosk,
        service="acte-naissance", routing="commune-etat-civil", created_at=now,
        received_at=now - timedelta(seconds=n), payload=b"x", payload_sha256="0" * 64, **fields)
        for n in range(count))


def test_past_a_thousand_requests_the_list_says_so_and_still_pages(civil_agent, kiosk,
                                                                  signed_in):
    _many(kiosk, 1060)
    _many(kiosk, 3, state="done")
    client = signed_in(civil_agent)
    page = client.get("/demandes/").content.decode()
    assert "Plus de 1\u202f000 demandes — page 1. Filtrez la liste pour les compter." in page
    assert re.search(r"Toutes\s*<span class=\"count\">\(plus de 1\u202f000\)", page)
    assert re.search(r"Traitée\s*<span class=\"count\">\(3\)", page)
    assert len(_references(page)) == 50 and "Page suivante" in page
    last = client.get("/demandes/", {"page": 22}).content.decode()
    assert len(_references(last)) == 13 and "Page 22</li>" in last
    assert "Page précédente" in last and "Page suivante" not in last
    done = client.get("/demandes/", {"etat": "done"}).content.decode()
    assert "3 demandes</caption>" in done


def test_a_kiosk_id_typed_that_no_kiosk_has_is_said_plainly(civil_agent, make_submission,
                                                             signed_in):
    make_submission()
    page = signed_in(civil_agent).get("/demandes/", {"borne": "borne-inconnue"})
    assert "Aucune borne ne porte cet identifiant." in page.content.decode()


def test_the_csv_export_opens_in_french_excel_and_is_access_logged(civil_agent,
                                                                   make_submission, signed_in):
    request = make_submission("acte-naissance", {"type_acte": "extrait-filiation",
                                                 "nom": "Lefèvre", "adresse": "=HYPERLINK()"})
    Submission.objects.filter(pk=request.pk).update(state="done", closed_at=timezone.now())
    today = date.today().isoformat()
    response = signed_in(civil_agent).get("/demandes/export.csv", {
        "service": "commune-etat-civil", "du": today, "au": today})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, row = rows
    assert header[:6] == ["Référence", "Démarche", "Reçue le", "État", "Clôturée le", "Borne"]
    assert "Quel est votre nom de naissance ?" in header
    values = dict(zip(header, row, strict=True))
    assert values["Référence"] == request.reference
    assert values["Démarche"] == "Copie de mon acte de naissance"
    assert values["État"] == "Traitée" and values["Clôturée le"]
    assert values["Quel est votre nom de naissance ?"] == "Lefèvre"
    assert values["Quel document voulez-vous ?"] == "Un extrait avec le nom des parents"
    assert values["À quelle adresse faut-il envoyer l'acte ?"] == "'=HYPERLINK()"
    log = AccessLog.objects.get()
    assert (log.action, log.submission, log.user) == ("export", request, civil_agent)


def test_the_export_form_refuses_a_period_that_ends_before_it_starts(civil_agent, signed_in):
    response = signed_in(civil_agent).get("/demandes/export.csv", {
        "service": "commune-etat-civil", "du": "2026-12-02", "au": "2026-11-01"})
    assert response.status_code == 400
    assert "La date de début est après la date de fin" in response.content.decode()


def test_each_row_names_the_procedure_the_kiosk_site_the_state_and_the_agent(
        civil_agent, make_submission, signed_in):
    request = make_submission()
    Submission.objects.filter(pk=request.pk).update(state="waiting", assigned_to=civil_agent)
    page = signed_in(civil_agent).get("/demandes/").content.decode()
    row = page[page.index(request.reference):page.index("</tr>", page.index(request.reference))]
    for text in ("Copie de mon acte de naissance", "borne-mairie-01", "Mairie de Saint-Privat",
                 "En attente du demandeur", "Claire Dupont"):
        assert text in row, text
