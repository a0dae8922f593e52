"""Shared helpers for the catalogue tests: a minimal valid catalogue to break on purpose."""

from __future__ import annotations

import copy

import pytest


def _text(fr: str) -> dict[str, str]:
    return {"fr": fr, "en": fr}


MINIMAL = {
    "schema_version": 1, "version": "t", "languages": ["fr", "en"],
    "themes": [{"id": "commune", "title": _text("Ma commune"), "icon": "commune.svg"}],
    "services": [{
        "id": "demo", "theme": "commune", "title": _text("Démo"), "summary": _text("Résumé."),
        "operator": "Commune", "authority": _text("La mairie"), "routing": "commune",
        "documents": {"fr": ["Rien"], "en": ["Nothing"]},
        "official_url": "https://www.service-public.gouv.fr", "actions": ["guided_request"],
        "steps": [
            {"id": "aide", "kind": "yes_no", "label": _text("Besoin d'aide ?")},
            {"id": "tel", "kind": "phone", "label": _text("Téléphone ?"),
             "show_if": {"aide": "yes"}},
        ],
    }],
}


@pytest.fixture
def minimal():
    return copy.deepcopy(MINIMAL)
