"""A small service using every field kind, with a conditional step, built through the loader."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.catalog import parse_catalog
from kiosk.forms.validators import Context

TODAY = date(2026, 3, 14)
NOW = datetime(2026, 3, 14, 10, 30, tzinfo=UTC)


def _text(fr: str, en: str | None = None) -> dict[str, str]:
    return {"fr": fr, "en": en or fr}


def _step(step_id: str, kind: str, **extra: object) -> dict[str, object]:
    return {"id": step_id, "kind": kind, "label": _text(f"Question {step_id}"), **extra}


STEPS = [
    _step("nom", "name"),
    _step("naissance", "date_of_birth"),
    _step("enfants", "yes_no"),
    _step("nombre_enfants", "number", min=1, max=20, show_if={"enfants": "yes"}),
    _step("situation", "single_choice", choices=[
        {"value": "seul", "label": _text("Seul", "Alone")},
        {"value": "couple", "label": _text("En couple", "In a couple")},
    ]),
    _step("aides", "multiple_choice", choices=[
        {"value": "apl", "label": _text("APL")},
        {"value": "rsa", "label": _text("RSA")},
        {"value": "prime", "label": _text("Prime d'activité", "Activity bonus")},
    ]),
    _step("telephone", "phone"),
    _step("courriel", "email", optional=True),
    _step("code_postal", "postal_code"),
    _step("nir", "nir"),
    _step("iban", "iban"),
    _step("precisions", "description", optional=True),
    _step("adresse", "text"),
]

CATALOG = {
    "schema_version": 1, "version": "test", "languages": ["fr", "en"],
    "themes": [{"id": "t", "title": _text("Thème"), "icon": "t.svg"}],
    "services": [{
        "id": "tout", "theme": "t", "title": _text("Tous les champs"),
        "summary": _text("Pour les tests."), "operator": "Commune",
        "authority": _text("La mairie", "The town hall"), "routing": "commune-test",
        "documents": {"fr": ["Rien"]}, "official_url": "https://example.org",
        "actions": ["guided_request"], "steps": STEPS,
        "next_steps": _text("La mairie vous rappelle.", "The town hall calls you back."),
    }],
}


@pytest.fixture
def service():
    return parse_catalog(CATALOG).service("tout")


@pytest.fixture
def steps(service):
    return {step.id: step for step in service.steps}


@pytest.fixture
def ctx():
    return Context(today=TODAY)


@pytest.fixture
def good():
    """Good answers for every step, in order, for walking the whole form."""
    return dict(GOOD)


@pytest.fixture
def now():
    return NOW


GOOD = {
    "nom": "N'Diaye-Le Goff",
    "naissance": (14, 7, 1948),
    "enfants": True,
    "nombre_enfants": "3",
    "situation": "seul",
    "aides": ["prime", "apl"],
    "telephone": "06 12 34 56 78",
    "courriel": "jeanne.martin@exemple.fr",
    "code_postal": "97110",
    "nir": "2 69 05 49 588 157 80",
    "iban": "FR76 3000 6000 0112 3456 7890 189",
    "precisions": "",
    "adresse": "3 rue de la Paix",
}
