"""What the citizen reads or hears about printing, French first, then English.

Kept apart from the operator's `detail` (English, technical, names the device): a citizen is
never shown a device path or an errno, only what to do next.
"""

from __future__ import annotations

from kiosk.i18n import translate

MESSAGES: dict[str, dict[str, str]] = {
    "print.printed": {
        "fr": "Votre reçu est imprimé. Prenez-le sous l'écran.",
        "en": "Your receipt is printed. Take it below the screen.",
    },
    "print.saved": {
        "fr": "Votre reçu est enregistré sur la borne (démonstration, pas d'imprimante).",
        "en": "Your receipt is saved on the kiosk (demonstration, no printer).",
    },
    "print.failed": {
        "fr": "Le reçu n'a pas pu être imprimé. Notez votre numéro : {reference}. "
              "Un agent peut vous aider.",
        "en": "The receipt could not be printed. Write down your number: {reference}. "
              "A member of staff can help you.",
    },
    "print.failed_no_reference": {
        "fr": "Le reçu n'a pas pu être imprimé. Un agent peut vous aider.",
        "en": "The receipt could not be printed. A member of staff can help you.",
    },
    "print.test_title": {"fr": "Essai d'impression", "en": "Print test"},
    "print.test_accents": {
        "fr": "Accents : é è ê ë à â ç ù û ô î ï œ É È À Ç € « »",
        "en": "Accents: é è ê ë à â ç ù û ô î ï œ É È À Ç € « »",
    },
}


def message(key: str, lang: str, **fields: object) -> str:
    return translate(MESSAGES, key, lang, **fields)
