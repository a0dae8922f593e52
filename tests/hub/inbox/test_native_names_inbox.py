"""Names typed on the kiosk's Arabic, Ukrainian, Turkish, Romanian or Persian keyboard reach
the agent as written: on the request's page and in the CSV export, letter for letter."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.utils import timezone

from hub.intake.models import Submission

NAMES = ["محمد بن علي", "Олена Мар'яна Шевченко", "İlker Işık Çağlar", "Ștefan Țurcanu",
         "امیر\u200cحسین رضایی"]


@pytest.mark.parametrize("name", NAMES)
def test_the_agent_reads_the_name_as_the_citizen_typed_it(civil_agent, make_submission,
                                                          signed_in, name):
    request = make_submission("acte-naissance", {"type_acte": "copie-integrale", "nom": name})
    agent = signed_in(civil_agent)
    page = agent.get(f"/demandes/{request.uuid}/").content.decode()
    assert name.replace("'", "&#x27;") in page
    Submission.objects.filter(pk=request.pk).update(state="done", closed_at=timezone.now())
    today = date.today().isoformat()
    export = agent.get("/demandes/export.csv",
                       {"service": "commune-etat-civil", "du": today, "au": today})
    header, row = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")),
                                  delimiter=";"))
    assert dict(zip(header, row, strict=True))["Quel est votre nom de naissance ?"] == name


@pytest.mark.parametrize(("code", "shown"), [("ar", "Arabe (ar)"), ("uk", "Ukrainien (uk)"),
                                             ("fa", "Persan (fa)"), ("en", "Anglais (en)")])
def test_the_agent_sees_which_language_the_citizen_reads(civil_agent, make_submission,
                                                        signed_in, code, shown):
    """Django knows no "Persan" in French staff pages, nor our registry: the page names every
    kiosk language in French, so the agent knows in which language to answer."""
    request = make_submission("acte-naissance", {"type_acte": "copie-integrale", "nom": "Ali"})
    Submission.objects.filter(pk=request.pk).update(language=code)
    page = signed_in(civil_agent).get(f"/demandes/{request.uuid}/").content.decode()
    assert shown in page
