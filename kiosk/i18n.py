"""Every interface string a citizen sees or hears, French first, with {named} fields.

Screens and speech read from here, so a sentence is written once and spoken as shown.
Catalogue texts (services, questions) live in the catalogue, not here.
"""

from __future__ import annotations

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}

MESSAGES: dict[str, dict[str, str]] = {
    "attract.welcome": {"fr": "Bonjour !", "en": "Hello!"},
    "attract.touch": {
        "fr": "Touchez l'écran pour commencer",
        "en": "Touch the screen to start",
    },
    "attract.help": {
        "fr": "Je vous guide pas à pas. Vous pouvez aussi parler à un conseiller.",
        "en": "I guide you step by step. You can also talk to an adviser.",
    },
    "language.title": {"fr": "Choisissez votre langue", "en": "Choose your language"},
    "home.title": {"fr": "De quoi avez-vous besoin ?", "en": "What do you need?"},
    "home.hint": {"fr": "Touchez un sujet.", "en": "Touch a topic."},
    "theme.hint": {"fr": "Touchez une démarche.", "en": "Touch a procedure."},
    "service.who": {"fr": "Qui s'en occupe ?", "en": "Who handles it?"},
    "service.documents": {"fr": "Ce qu'il faut avoir", "en": "What you need"},
    "service.qr": {
        "fr": "Avec votre téléphone, visez ce code pour retrouver la démarche.",
        "en": "Point your phone at this code to find the procedure.",
    },
    "nav.back": {"fr": "Retour", "en": "Back"},
    "nav.home": {"fr": "Accueil", "en": "Home"},
    "nav.repeat": {"fr": "Répéter", "en": "Repeat"},
    "nav.help": {"fr": "Parler à quelqu'un", "en": "Talk to someone"},
    "idle.title": {"fr": "Êtes-vous toujours là ?", "en": "Are you still there?"},
    "idle.body": {
        "fr": "Sans réponse, tout sera effacé dans {seconds} secondes.",
        "en": "Without an answer, everything will be erased in {seconds} seconds.",
    },
    "idle.more_time": {"fr": "J'ai besoin de plus de temps", "en": "I need more time"},
    "idle.finish": {"fr": "J'ai fini", "en": "I am done"},
    "keyboard.capitals": {"fr": "Majuscule", "en": "Capital"},
    "keyboard.space": {"fr": "Espace", "en": "Space"},
    "keyboard.erase": {"fr": "Effacer", "en": "Delete"},
    "keyboard.done": {"fr": "Valider", "en": "Confirm"},
    "voice.unavailable": {"fr": "Voix indisponible", "en": "Voice unavailable"},
    "help.title": {"fr": "Besoin d'aide ?", "en": "Need help?"},
    "help.body": {
        "fr": "Demandez à l'accueil. Un conseiller peut venir avec vous.",
        "en": "Ask at the front desk. An adviser can come with you.",
    },
    "help.back": {"fr": "Revenir où j'étais", "en": "Go back where I was"},
}


def tr(key: str, lang: str, **fields: object) -> str:
    """The message `key` in `lang` (French when missing), with its {fields} filled in."""
    texts = MESSAGES[key]
    return (texts.get(lang) or texts["fr"]).format(**fields)
