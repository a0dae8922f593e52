"""What "Suivre ma demande" shows and says, French first (FALC: short sentences, one idea
each); part of the "kiosk" gettext domain, like kiosk.i18n.MESSAGES."""

from __future__ import annotations

from kiosk.paths import locale_dir
from offline_cache.translations import Messages

MESSAGES = Messages("kiosk", locale_dir(), {
    "track.open": "Suivre ma demande",
    "track.title": "Suivre ma demande",
    "track.prompt": "Tapez le numéro écrit sur votre ticket, puis touchez « Valider ».",
    "track.field": "Numéro de la demande",
    "track.example": "Exemple : K7M-4QF",
    "track.again": "Taper un autre numéro",
    "track.unavailable": "La recherche ne marche pas pour le moment. Demandez à l'accueil.",
    "track.label.new": "Reçue",
    "track.label.in_progress": "En cours",
    "track.label.waiting": "En attente de vous",
    "track.label.done": "Traitée",
    "track.label.refused": "Refusée",
    "track.label.not_sent": "Pas encore envoyée",
    "track.label.held": "Bloquée sur la borne",
    "track.label.sent": "Envoyée",
    "track.state.new": "Votre demande {reference} est bien arrivée. Un agent va s'en occuper.",
    "track.state.in_progress": "Votre demande {reference} est en cours. Un agent s'en occupe.",
    "track.state.waiting": (
        "Votre demande {reference} attend quelque chose de vous. Lisez le message du service."
    ),
    "track.state.done": "Votre demande {reference} est traitée.",
    "track.state.refused": (
        "Votre demande {reference} ne peut pas être traitée. Le message du service dit pourquoi."
    ),
    "track.state.not_sent": (
        "Votre demande {reference} n'est pas encore envoyée. La borne l'enverra dès que la "
        "connexion revient."
    ),
    "track.state.held": (
        "Votre demande {reference} n'a pas pu partir. Demandez à l'accueil : quelqu'un peut la "
        "renvoyer."
    ),
    "track.state.sent": (
        "Votre demande {reference} est bien partie. Le service n'a pas encore donné de nouvelles."
    ),
    "track.message": "Message du service : {message}",
    "track.no_message": "Pas de message du service pour le moment.",
    "track.updated": "Dernières nouvelles du service : {when}.",
    "track.heard": "La borne a eu des nouvelles du serveur {when}.",
    "track.never_heard": "La borne n'a pas encore eu de nouvelles du serveur.",
    "track.unknown": (
        "Nous ne trouvons pas la demande {reference}. Vérifiez le numéro sur votre ticket."
    ),
    "track.unknown_help": "Demande faite ailleurs ? Demandez à l'accueil.",
    "track.malformed": (
        "Ce numéro n'a pas la bonne forme. Il a 6 signes, lettres et chiffres. Par exemple : "
        "K7M-4QF."
    ),
    "track.today": "aujourd'hui à {time}",
    "track.yesterday": "hier à {time}",
    "track.on_date": "le {date} à {time}",
    "track.time": "{hour} h {minute:02d}",
})


def message(key: str, lang: str, /, **fields: object) -> str:
    return MESSAGES.text(key, lang, **fields)
