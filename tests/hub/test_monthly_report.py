"""The monthly anonymous report: known rows give known figures, per service, theme, operator
and site; agents see their services only; the CSV holds the same figures."""

from __future__ import annotations

import csv
import html
import io
from datetime import datetime

import backoffice_helpers
import hub_rows
import pytest
from django.urls import reverse
from django.utils import timezone

from hub.reports.figures import (
    SERVICES,
    SITES,
    Counts,
    Month,
    by_service,
    by_site,
    detail_rows,
    total,
)

pytestmark = pytest.mark.django_db
inbox_addresses = backoffice_helpers.inbox_addresses
it_officer, staff_client = backoffice_helpers.it_officer, backoffice_helpers.staff_client
MARKER = "ZQX-MARQUEUR-7731"


def paris(day: int, month: int = 11, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(2026, month, day, hour))


@pytest.fixture
def november():
    """November 2026 at two sites, three services, with rows just outside the month."""
    gordes = hub_rows.kiosk("borne-gordes", "Mairie de Gordes")
    mazan = hub_rows.kiosk("borne-mazan", "France Services Mazan")
    make = hub_rows.submission
    make("acte-naissance", paris(3), gordes, answers={"nom": MARKER})  # open
    make("acte-naissance", paris(5), gordes, assisted=True, state="done", closed_at=paris(9))
    make("acte-naissance", paris(6), mazan, state="refused", closed_at=paris(7))
    make("carte-vitale", paris(12), mazan, assisted=True, state="in_progress")
    make("signalement-rue", paris(30, hour=23), gordes)  # 23:00 in Paris: still November
    make("signalement-rue", paris(1, month=12, hour=0), gordes)  # December: not received
    make("carte-vitale", paris(20, month=10), mazan, state="done", closed_at=paris(2))
    make("carte-vitale", paris(15, month=10), mazan)  # open since October: open at the end
    make("carte-vitale", paris(10, month=10), mazan, state="done", closed_at=paris(25, 10))


def test_the_months_figures_for_a_known_set_of_rows(november):
    rows = detail_rows(Month(2026, 11))
    services = {row.label: row for row in by_service(rows)}
    birth = services["Copie de mon acte de naissance"]
    assert (birth.theme, birth.operator) == ("Famille et aides", "Commune")
    assert birth.counts == Counts(received=3, done=1, refused=1, open=1, assisted=1)
    vitale = next(row for label, row in services.items() if row.routing == "cpam")
    assert vitale.counts == Counts(received=1, done=1, refused=0, open=2, assisted=1)
    street = next(row for row in services.values() if row.routing.endswith("techniques"))
    assert street.counts == Counts(received=1, open=1)
    sites = {row.site: row.counts for row in by_site(rows)}
    assert sites["Mairie de Gordes"] == Counts(received=3, done=1, open=2, assisted=1)
    assert sites["France Services Mazan"] == Counts(received=2, done=1, refused=1, open=2,
                                                    assisted=1)
    assert total(rows) == Counts(received=5, done=2, refused=1, open=4, assisted=2)


def test_the_page_grouped_in_the_database_shows_the_same_figures_as_the_csv_lines(november):
    month = Month(2026, 11)
    lines = detail_rows(month)
    assert by_service(detail_rows(month, by=SERVICES)) == by_service(lines)
    assert by_site(detail_rows(month, by=SITES)) == by_site(lines)


def test_an_agent_sees_only_their_services_figures(client, django_user_model, november):
    agent = django_user_model.objects.create_user("agent-ec", password="x" * 16)
    hub_rows.service("commune-etat-civil").agents.add(agent)
    hub_rows.service("cpam")
    client.force_login(agent)
    page = html.unescape(client.get(reverse("reports:monthly") + "?mois=2026-11")
                         .content.decode())
    assert "Copie de mon acte de naissance" in page and "Carte Vitale" not in page
    assert "Vos services : Commune Etat Civil" in page
    lines = client.get(reverse("reports:csv") + "?mois=2026-11").content.decode("utf-8-sig")
    assert {row["Service destinataire"] for row in csv.DictReader(io.StringIO(lines),
                                                                   delimiter=";")} == {
        "commune-etat-civil"}


def test_an_account_with_no_service_is_refused(client, django_user_model, november):
    client.force_login(django_user_model.objects.create_user("nobody", password="x" * 16))
    assert client.get(reverse("reports:monthly") + "?mois=2026-11").status_code == 403


def test_the_csv_has_the_same_figures_with_a_bom_and_semicolons(staff_client, november):
    response = staff_client.get(reverse("reports:csv") + "?mois=2026-11")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="activite-2026-11.csv"' in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode()) and MARKER.encode() not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert sum(int(row["Reçues"]) for row in rows) == 5
    assert sum(int(row["Ouvertes en fin de mois"]) for row in rows) == 4
    gordes_birth = [row for row in rows if row["Site"] == "Mairie de Gordes"
                    and row["Démarche"] == "Copie de mon acte de naissance"]
    assert [(r["Reçues"], r["Traitées"], r["Avec un médiateur"]) for r in gordes_birth] == [
        ("2", "1", "1")]


def test_the_report_page_shows_the_month_in_french_and_no_personal_data(staff_client,
                                                                        november):
    page = html.unescape(staff_client.get(reverse("reports:monthly") + "?mois=2026-11")
                         .content.decode())
    assert "Rapport d'activité : novembre 2026" in page
    assert "France Services Mazan" in page and MARKER not in page


def test_a_month_that_is_not_one_is_explained(staff_client):
    response = staff_client.get(reverse("reports:monthly") + "?mois=2026-13")
    assert response.status_code == 400
    assert "écrivez-le AAAA-MM" in html.unescape(response.content.decode())
