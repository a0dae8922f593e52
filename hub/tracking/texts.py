"""Every word of the citizen's tracking page, one dict per language (French first, FALC).

A plain dict rather than Django's gettext catalogues: compiled `.mo` files would need
`msgfmt` on every machine that builds the hub, and this page has a few dozen short texts.
A language is added by adding one dict with the same keys and the same {fields} (a test
checks both). Dates are written here too: the hub has no Babel.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from offline_cache.protocol import RequestState

FALLBACK = "fr"

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "page_title": "Suivi de votre demande",
        "brand": "Borne d'accès accompagné — suivi de votre demande",
        "heading": "Votre demande {reference}",
        "state_caption": "Où en est votre demande :",
        "state.new": "Reçue",
        "state.in_progress": "En cours",
        "state.waiting": "En attente de vous",
        "state.done": "Traitée",
        "state.refused": "Refusée",
        "explain.new": "Votre demande est bien arrivée. Un agent va bientôt s'en occuper.",
        "explain.in_progress": "Un agent s'occupe de votre demande.",
        "explain.waiting": "Le service attend quelque chose de vous. Lisez son message.",
        "explain.done": "Votre demande est traitée.",
        "explain.refused": "Votre demande ne peut pas être traitée. Le message dit pourquoi.",
        "service_caption": "Le service qui s'en occupe :",
        "changed_caption": "Dernières nouvelles :",
        "message_caption": "Message du service :",
        "no_message": "Pas de message pour le moment.",
        "help": "Une question ? Allez à l'accueil de votre mairie ou de votre espace "
                "France Services. Donnez votre numéro de demande.",
        "privacy": "Cette page ne montre aucune donnée personnelle.",
        "unknown_heading": "Nous ne trouvons pas cette demande",
        "unknown_body": "Le numéro ne correspond à aucune demande reçue. "
                        "Vérifiez le numéro écrit sur votre ticket.",
        "unknown_not_arrived": "Votre demande n'est peut-être pas encore arrivée : la borne "
                               "l'enverra dès que la connexion revient. Revenez plus tard.",
        "throttled_heading": "Trop d'essais",
        "throttled_body": "Trop d'essais depuis cet appareil. Attendez quelques minutes, "
                          "puis réessayez.",
        "today": "aujourd'hui à {time}",
        "yesterday": "hier à {time}",
        "on_date": "le {day} {month} {year} à {time}",
        "time": "{hour} h {minute:02d}",
        "months": "janvier février mars avril mai juin juillet août septembre octobre "
                  "novembre décembre",
    },
    "en": {
        "page_title": "Follow your request",
        "brand": "Assisted-access kiosk — follow your request",
        "heading": "Your request {reference}",
        "state_caption": "Where your request is:",
        "state.new": "Received",
        "state.in_progress": "Being handled",
        "state.waiting": "Waiting for you",
        "state.done": "Done",
        "state.refused": "Refused",
        "explain.new": "Your request has arrived. Someone will handle it soon.",
        "explain.in_progress": "Someone is handling your request.",
        "explain.waiting": "The office is waiting for something from you. Read its message.",
        "explain.done": "Your request is done.",
        "explain.refused": "Your request cannot be handled. The message says why.",
        "service_caption": "The office that handles it:",
        "changed_caption": "Latest news:",
        "message_caption": "Message from the office:",
        "no_message": "No message yet.",
        "help": "A question? Go to the front desk of your town hall or France Services "
                "centre. Give your request number.",
        "privacy": "This page shows no personal data.",
        "unknown_heading": "We cannot find this request",
        "unknown_body": "The number matches no request we received. "
                        "Check the number on your ticket.",
        "unknown_not_arrived": "Your request may not have arrived yet: the kiosk will send it "
                               "as soon as the connection is back. Come back later.",
        "throttled_heading": "Too many tries",
        "throttled_body": "Too many tries from this device. Wait a few minutes, then try "
                          "again.",
        "today": "today at {time}",
        "yesterday": "yesterday at {time}",
        "on_date": "{day} {month} {year} at {time}",
        "time": "{hour}:{minute:02d}",
        "months": "January February March April May June July August September October "
                  "November December",
    },
}
LANGUAGES = tuple(TEXTS)


def language(code: str | None) -> str:
    """A language this page speaks: `code` ("en", "en-GB") when it has it, else French."""
    short = (code or "").split("-")[0].lower()
    return short if short in TEXTS else FALLBACK


def text(key: str, lang: str, **fields: object) -> str:
    texts = TEXTS[language(lang)]
    return (texts.get(key) or TEXTS[FALLBACK][key]).format(**fields)


def state_label(state: RequestState, lang: str) -> str:
    return text(f"state.{state.value}", lang)


def state_explanation(state: RequestState, lang: str) -> str:
    return text(f"explain.{state.value}", lang)


def when(moment: datetime, lang: str, now: datetime | None = None) -> str:
    """"aujourd'hui à 10 h 12", "hier à 9 h 05", "le 3 mars 2026 à 14 h 30" (local time)."""
    local = timezone.localtime(moment)
    today = timezone.localtime(now).date() if now else timezone.localdate()
    clock = text("time", lang, hour=local.hour, minute=local.minute)
    days = (today - local.date()).days
    if days == 0:
        return text("today", lang, time=clock)
    if days == 1:
        return text("yesterday", lang, time=clock)
    month = text("months", lang).split()[local.month - 1]
    return text("on_date", lang, day=local.day, month=month, year=local.year, time=clock)
