"""Which answers are personal data: shown on the screen, not read through the speakers.

A kiosk stands in a public hall. The review reads the question and says where the answer
is ("Votre numéro est affiché à l'écran."); with `voice.read_answers_aloud` (a headset) it
reads the answers too, as private speech that the voice never caches.
"""

from __future__ import annotations

from kiosk.catalog.model import Step

# Answers picked from the catalogue's own words say nothing about the person by themselves.
PUBLIC_KINDS = frozenset({"single_choice", "multiple_choice", "yes_no", "number"})
_SHOWN = {"phone": "private.number", "nir": "private.number", "iban": "private.number",
          "postal_code": "private.number", "date_of_birth": "private.date",
          "email": "private.email"}


def is_private(step: Step) -> bool:
    """Names, dates, numbers, addresses and free text may identify the citizen."""
    return step.kind not in PUBLIC_KINDS


def shown_instead_key(step: Step) -> str:
    """The message key for what the voice says in place of a private answer."""
    return _SHOWN.get(step.kind, "private.answer")
