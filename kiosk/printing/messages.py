"""What the citizen reads or hears about printing, French first, then English.

Kept apart from the operator's `detail` (English, technical, names the device): a citizen is
never shown a device path or an errno, only what to do next.
"""

from __future__ import annotations

from kiosk.paths import locale_dir
from offline_cache.translations import Messages

MESSAGES = Messages("kiosk", locale_dir(), {
    "print.printed": "Votre reçu est imprimé. Prenez-le sous l'écran.",
    "print.saved": "Votre reçu est enregistré sur la borne (démonstration, pas d'imprimante).",
    "print.failed": (
        "Le reçu n'a pas pu être imprimé. Notez votre numéro : {reference}. Un agent peut vous "
        "aider."
    ),
    "print.failed_no_reference": "Le reçu n'a pas pu être imprimé. Un agent peut vous aider.",
    "print.test_title": "Essai d'impression",
    "print.test_accents": "Accents : é è ê ë à â ç ù û ô î ï œ É È À Ç € « »",
})


def message(key: str, lang: str, /, **fields: object) -> str:
    return MESSAGES.text(key, lang, **fields)
