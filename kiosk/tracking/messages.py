"""What "Suivre ma demande" shows and says, French first (FALC: short sentences, one idea
each), looked up through kiosk.i18n.translate like every other catalogue."""

from __future__ import annotations

from kiosk.i18n import translate

MESSAGES: dict[str, dict[str, str]] = {
    "track.open": {"fr": "Suivre ma demande", "en": "Follow my request"},
    "track.title": {"fr": "Suivre ma demande", "en": "Follow my request"},
    "track.prompt": {
        "fr": "Tapez le numéro écrit sur votre ticket, puis touchez « Valider ».",
        "en": "Type the number on your ticket, then touch \"Confirm\".",
    },
    "track.field": {"fr": "Numéro de la demande", "en": "Request number"},
    "track.example": {"fr": "Exemple : K7M-4QF", "en": "Example: K7M-4QF"},
    "track.again": {"fr": "Taper un autre numéro", "en": "Type another number"},
    "track.unavailable": {
        "fr": "La recherche ne marche pas pour le moment. Demandez à l'accueil.",
        "en": "Searching does not work right now. Ask at the front desk.",
    },
    "track.label.new": {"fr": "Reçue", "en": "Received"},
    "track.label.in_progress": {"fr": "En cours", "en": "Being handled"},
    "track.label.waiting": {"fr": "En attente de vous", "en": "Waiting for you"},
    "track.label.done": {"fr": "Traitée", "en": "Done"},
    "track.label.refused": {"fr": "Refusée", "en": "Refused"},
    "track.label.not_sent": {"fr": "Pas encore envoyée", "en": "Not sent yet"},
    "track.label.held": {"fr": "Bloquée sur la borne", "en": "Held on this kiosk"},
    "track.label.sent": {"fr": "Envoyée", "en": "Sent"},
    "track.state.new": {
        "fr": "Votre demande {reference} est bien arrivée. Un agent va s'en occuper.",
        "en": "Your request {reference} has arrived. Someone will handle it.",
    },
    "track.state.in_progress": {
        "fr": "Votre demande {reference} est en cours. Un agent s'en occupe.",
        "en": "Your request {reference} is being handled.",
    },
    "track.state.waiting": {
        "fr": "Votre demande {reference} attend quelque chose de vous. Lisez le message du "
              "service.",
        "en": "Your request {reference} is waiting for something from you. Read the "
              "office's message.",
    },
    "track.state.done": {
        "fr": "Votre demande {reference} est traitée.",
        "en": "Your request {reference} is done.",
    },
    "track.state.refused": {
        "fr": "Votre demande {reference} ne peut pas être traitée. Le message du service dit "
              "pourquoi.",
        "en": "Your request {reference} cannot be handled. The office's message says why.",
    },
    "track.state.not_sent": {
        "fr": "Votre demande {reference} n'est pas encore envoyée. La borne l'enverra dès que "
              "la connexion revient.",
        "en": "Your request {reference} is not sent yet. The kiosk will send it as soon as "
              "the connection is back.",
    },
    "track.state.held": {
        "fr": "Votre demande {reference} n'a pas pu partir. Demandez à l'accueil : "
              "quelqu'un peut la renvoyer.",
        "en": "Your request {reference} could not leave. Ask at the front desk: someone "
              "can send it again.",
    },
    "track.state.sent": {
        "fr": "Votre demande {reference} est bien partie. Le service n'a pas encore donné de "
              "nouvelles.",
        "en": "Your request {reference} has left. The office has not given news yet.",
    },
    "track.message": {"fr": "Message du service : {message}", "en": "Message from the office: "
                                                                  "{message}"},
    "track.no_message": {
        "fr": "Pas de message du service pour le moment.",
        "en": "No message from the office yet.",
    },
    "track.updated": {
        "fr": "Dernières nouvelles du service : {when}.",
        "en": "Latest news from the office: {when}.",
    },
    "track.heard": {
        "fr": "La borne a eu des nouvelles du serveur {when}.",
        "en": "This kiosk last heard from the server {when}.",
    },
    "track.never_heard": {
        "fr": "La borne n'a pas encore eu de nouvelles du serveur.",
        "en": "This kiosk has not heard from the server yet.",
    },
    "track.unknown": {
        "fr": "Nous ne trouvons pas la demande {reference}. Vérifiez le numéro sur votre "
              "ticket.",
        "en": "We cannot find the request {reference}. Check the number on your ticket.",
    },
    "track.unknown_help": {
        "fr": "Demande faite ailleurs ? Demandez à l'accueil.",
        "en": "Made somewhere else? Ask at the front desk.",
    },
    "track.malformed": {
        "fr": "Ce numéro n'a pas la bonne forme. Il a 6 signes, lettres et chiffres. "
              "Par exemple : K7M-4QF.",
        "en": "This number does not look right. It has 6 signs, letters and digits. "
              "For example: K7M-4QF.",
    },
    "track.today": {"fr": "aujourd'hui à {time}", "en": "today at {time}"},
    "track.yesterday": {"fr": "hier à {time}", "en": "yesterday at {time}"},
    "track.on_date": {"fr": "le {day} {month} à {time}", "en": "on {day} {month} at {time}"},
    "track.time": {"fr": "{hour} h {minute:02d}", "en": "{hour}:{minute:02d}"},
    "track.months": {
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
              "décembre",
        "en": "January February March April May June July August September October November "
              "December",
    },
}


def message(key: str, lang: str, **fields: object) -> str:
    return translate(MESSAGES, key, lang, **fields)
