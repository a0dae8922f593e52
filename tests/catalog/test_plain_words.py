"""Plain words (FALC) in everything the catalogue, the forms, the screens, mediator mode and
the tracking say: no gendered forms, no
jargon left without a plain word, in French and in English.
"""

from __future__ import annotations

import json
import re

from kiosk import i18n
from kiosk.forms.messages import MESSAGES
from kiosk.mediator import messages as mediator_messages
from kiosk.paths import catalog_dir
from kiosk.tracking import messages as tracking_messages

# Each pattern: what a citizen may not understand, or a form that speaks to men only.
GENDERED_FR = [
    r"\bêtes[- ]vous née?\b", r"\bvous êtes née?\b", r"\bmariée?, pacsée?\b",
    r"\binscrite?s? sur\b", r"\bsalariée?\b", r"\b(un|le|du|au) conseiller\b", r"\bpassants\b",
    r"\bconjoint\b", r"\(e\)", r"·e",
    r", conseiller,", r"\bmode conseiller\b", r"\bcontinuer seule?\b", r"\bcontinuez seule?\b",
    r"\bseuls? :", r"\bil arrive\b", r"\ble suivant\b",
]
JARGON = [
    r"chiffrée?s?", r"\bANTS\b(?! \()", r"pré-demande", r"\brégimes?\b",
    r"\bRIB\b(?! \(|, le papier)", r"\bfoyer\b", r"\bcerfa\b", r"habilitée?", r"sur l'honneur",
    r"prélèvement à la source(?! ?[»”])", r"\bmodestes?\b", r"\bjustificatif de domicile\b",
    r"\bencrypted\b", r"pre-application", r"\bschemes?\b", r"\bhousehold\b",
]


def texts() -> list[tuple[str, str]]:
    """(where, text) for every French and English text of the catalogue and the form messages."""
    found: list[tuple[str, str]] = []

    def walk(node, where: str) -> None:
        if isinstance(node, dict):
            for lang in ("fr", "en"):
                value = node.get(lang)
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str):
                        found.append((f"{where}.{lang}", text))
            for key, value in node.items():
                if key not in ("fr", "en"):
                    walk(value, f"{where}.{node.get('id', key)}" if key != "id" else where)
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{where}[{index}]")

    walk(json.loads((catalog_dir() / "catalog.json").read_text(encoding="utf-8")), "catalog")
    for name, table in (("messages", MESSAGES), ("i18n", i18n.MESSAGES),
                        ("mediator", mediator_messages.MESSAGES),
                        ("tracking", tracking_messages.MESSAGES)):
        for lang in ("fr", "en"):
            found += [(f"{name}.{key}.{lang}", text) for key, text in table.templates(lang)]
    return found


def offenders(patterns: list[str]) -> list[str]:
    return [f"{where}: {re.search(pattern, text, re.IGNORECASE)[0]!r} in {text!r}"
            for where, text in texts() for pattern in patterns
            if re.search(pattern, text, re.IGNORECASE)]


def test_no_text_speaks_to_men_only():
    assert offenders(GENDERED_FR) == []


def test_no_jargon_is_left_without_a_plain_word():
    assert offenders(JARGON) == []


def test_the_birth_questions_ask_for_a_date_and_a_commune_of_birth():
    labels = {text for _where, text in texts()}
    assert "Quelle est votre date de naissance ?" in labels
    assert "Quelle est votre commune de naissance ?" in labels
