"""Every interface string a citizen sees or hears, French first, with {named} fields.

Screens and speech read from here, so a sentence is written once and spoken as shown. The other
languages are gettext catalogues (assets/locale/<lang>/LC_MESSAGES/kiosk.po), keyed by these
keys; see offline_cache/translations.py. Catalogue texts (services, questions) live in the
catalogue, staff screens' words in kiosk/mediator/messages.py.
"""

from __future__ import annotations

from kiosk.paths import locale_dir
from offline_cache.languages import LANGUAGES
from offline_cache.translations import Messages

LANGUAGE_NAMES = {language.code: language.name for language in LANGUAGES}

MESSAGES = Messages("kiosk", locale_dir(), {
    "attract.welcome": "Bonjour !",
    "attract.touch": "Touchez l'écran pour commencer",
    "attract.help": "Je vous guide pas à pas. Vous pouvez aussi parler à quelqu'un de l'accueil.",
    "language.title": "Choisissez votre langue",
    "comfort.title": "Lecture et voix",
    "comfort.hint": (
        "Choisissez ce qui vous convient. Vous pourrez changer plus tard avec « Confort »."
    ),
    "comfort.text_size": "Taille du texte",
    "comfort.size.normal": "Normale",
    "comfort.size.large": "Grande",
    "comfort.size.larger": "Très grande",
    "comfort.colors": "Couleurs",
    "comfort.standard": "Standard",
    "comfort.high_contrast": "Contraste fort",
    "comfort.voice": "Voix",
    "comfort.voice_on": "Oui",
    "comfort.voice_off": "Non",
    "comfort.rate": "Vitesse de la voix",
    "comfort.rate.slow": "Lente",
    "comfort.rate.normal": "Normale",
    "comfort.rate.fast": "Rapide",
    "comfort.continue": "Continuer",
    "nav.comfort": "Confort",
    "home.title": "De quoi avez-vous besoin ?",
    "home.hint": "Touchez un sujet.",
    "theme.hint": "Touchez une démarche.",
    "service.who": "Qui s'en occupe ?",
    "service.documents": "Ce qu'il faut avoir",
    "service.in_french": "Cette page n'est pas encore traduite. Elle est écrite en français.",
    "service.qr": "Avec votre téléphone, visez ce code pour retrouver la démarche.",
    "nav.back": "Retour",
    "nav.home": "Accueil",
    "nav.repeat": "Répéter",
    "nav.help": "Parler à quelqu'un",
    "nav.language": "Changer de langue",
    "idle.title": "Êtes-vous toujours là ?",
    "idle.body": "Sans réponse, tout sera effacé dans {seconds} secondes.",
    "idle.more_time": "J'ai besoin de plus de temps",
    "idle.finish": "J'ai fini",
    "keyboard.capitals": "Majuscule",
    "keyboard.space": "Espace",
    "keyboard.non_joiner": "Demi-espace",
    "keyboard.erase": "Effacer",
    "keyboard.done": "Valider",
    "voice.unavailable": "Voix indisponible",
    "voice.no_voice": "La voix n'existe pas dans cette langue.",
    # Symbols a reference may hold, named when the voice spells it (kiosk.spelling)
    "spell.dash": "tiret",
    "spell.slash": "barre oblique",
    "spell.dot": "point",
    "spell.underscore": "tiret bas",
    "spell.space": "espace",
    "spell.at": "arobase",
    "spell.plus": "plus",
    "spell.hash": "dièse",
    "spell.colon": "deux points",
    "service.start_request": "Faire la demande ici",
    "form.skip": "Passer",
    "form.day": "Jour",
    "form.month": "Mois",
    "form.year": "Année",
    "form.choose_commune": "Touchez votre commune.",
    "review.confirm": "C'est correct, continuer",
    "consent.title": "Vos données",
    "consent.what": "Ce qui est envoyé : les réponses que vous venez de vérifier.",
    "consent.why": "Pourquoi : pour traiter votre demande « {service} ».",
    "consent.who": "Qui les reçoit : {authority}.",
    "consent.how_long": (
        "Sur cette borne, vos réponses sont protégées par un code secret. Personne ne peut les "
        "lire. Elles sont effacées dès l'envoi. Ensuite, elles sont gardées le temps de traiter "
        "votre demande."
    ),
    "consent.rights": (
        "Vos droits : vous pouvez voir, corriger ou faire effacer vos données. Pour cela, demandez "
        "à l'accueil. Vous pouvez aussi écrire à cet organisme : {authority}."
    ),
    "consent.accept": "J'accepte et j'envoie ma demande",
    "consent.refuse": "Revenir à mes réponses",
    "consent.failed": (
        "Votre demande n'a pas pu être enregistrée. Vos réponses sont gardées. Touchez « Parler à "
        "quelqu'un »."
    ),
    "receipt.finish": "Terminer",
    "receipt.listen_again": "Réécouter le numéro",
    "receipt.print": "Imprimer mon ticket",
    "receipt.printing": "Impression en cours…",
    "help.title": "Besoin d'aide ?",
    "help.body": "Demandez à l'accueil. Quelqu'un peut venir avec vous.",
    "help.back": "Revenir où j'étais",
    "help.take_ticket": "Prendre un ticket",
    "help.ticket_title": "Votre numéro",
    # Screens' next steps, confirmations and what private speech says instead (kiosk.views)
    "service.print_checklist": "Imprimer la liste",
    "service.other": "Autre démarche",
    "service.what_now": "Que voulez-vous faire ?",
    "service.checklist_title": "Papiers à apporter : {service}",
    "service.checklist_where": "Qui s'en occupe : {authority}",
    "service.checklist_link": "La démarche sur Internet : {url}",
    "service.checklist_printed": "La liste est imprimée. Prenez-la.",
    "wait": "Un instant…",
    "ticket.failed": "Le ticket n'a pas pu être donné. Demandez à l'accueil.",
    "confirm.leave.title": "Vos réponses vont être effacées",
    "confirm.leave.body": (
        "Si vous revenez à l'accueil, votre demande n'est pas envoyée. Vos réponses sont effacées."
    ),
    "confirm.leave.yes": "Effacer et revenir à l'accueil",
    "confirm.leave.no": "Continuer ma demande",
    "confirm.finish.title": "Votre ticket n'est pas imprimé",
    "confirm.finish.body": (
        "Notez votre numéro : {reference}. Après « Terminer », il n'est plus affiché."
    ),
    "confirm.finish.yes": "Terminer",
    "confirm.finish.no": "Revenir à mon numéro",
    "assisted.refused.title": "D'accord",
    "assisted.refused.body": (
        "Personne ne fait la démarche à votre place. Rien n'est envoyé. Vous pouvez continuer sans "
        "aide. Vous pouvez aussi prendre un ticket."
    ),
    "assisted.refused.continue": "Continuer sans aide",
    "assisted.general": "ce qui est affiché à l'écran",
    "assisted.any_procedure": "votre démarche",
    # Opening hours (kiosk.opening): shown "9 h", spoken "9 heures"
    "opening.closed": "L'accueil est fermé.",
    "opening.opens": "Il ouvre {when}.",
    "opening.today": "aujourd'hui à {time}",
    "opening.tomorrow": "demain à {time}",
    "opening.weekday": "{day} à {time}",
    "opening.next_week": "{day} prochain à {time}",
    "opening.clock": "{hour} h {minute}",
    "opening.clock.on_the_hour": "{hour} h",
    "opening.clock.spoken": "{hour} heures {minute}",
    "opening.clock.spoken.on_the_hour": "{hour} heures",
    "opening.day.mon": "lundi",
    "opening.day.tue": "mardi",
    "opening.day.wed": "mercredi",
    "opening.day.thu": "jeudi",
    "opening.day.fri": "vendredi",
    "opening.day.sat": "samedi",
    "opening.day.sun": "dimanche",
    "opening.still_requests": "Vous pouvez quand même faire une demande.",
    "opening.come_back": "Revenez quand l'accueil est ouvert.",
    "attract.help_closed": "Je vous guide pas à pas.",
    "help.closed_alone": "Personne ne peut venir maintenant. Vous pouvez continuer sur la borne.",
    "private.number": "Votre numéro est affiché à l'écran.",
    "private.date": "La date est affichée à l'écran.",
    "private.email": "Votre adresse e-mail est affichée à l'écran.",
    "private.answer": "Votre réponse est affichée à l'écran.",
})



def tr(key: str, lang: str, /, **fields: object) -> str:
    """An interface message (this module's catalogue)."""
    return MESSAGES.text(key, lang, **fields)
