"""Sentences of the screens that are neither catalogue text nor the form's: the next steps
of a service page, the confirmations, private speech. Same shape as kiosk.i18n.MESSAGES."""

from __future__ import annotations

from kiosk.i18n import translate

MESSAGES: dict[str, dict[str, str]] = {
    "service.take_ticket": {"fr": "Prendre un ticket", "en": "Take a ticket"},
    "service.print_checklist": {"fr": "Imprimer la liste", "en": "Print the list"},
    "service.other": {"fr": "Autre démarche", "en": "Another procedure"},
    "service.what_now": {"fr": "Que voulez-vous faire ?", "en": "What do you want to do?"},
    "service.checklist_title": {"fr": "Papiers à apporter : {service}",
                                "en": "Documents to bring: {service}"},
    "service.checklist_where": {"fr": "Qui s'en occupe : {authority}",
                                "en": "Who handles it: {authority}"},
    "service.checklist_link": {"fr": "La démarche sur Internet : {url}",
                               "en": "The procedure online: {url}"},
    "service.checklist_printed": {"fr": "La liste est imprimée. Prenez-la.",
                                  "en": "The list is printed. Take it."},
    "wait": {"fr": "Un instant…", "en": "One moment…"},
    "ticket.failed": {"fr": "Le ticket n'a pas pu être donné. Demandez à l'accueil.",
                      "en": "No ticket could be given. Ask at the front desk."},
    "service.printing": {"fr": "Impression en cours…", "en": "Printing…"},
    "confirm.leave.title": {"fr": "Vos réponses vont être effacées",
                            "en": "Your answers will be erased"},
    "confirm.leave.body": {
        "fr": "Si vous revenez à l'accueil, votre demande n'est pas envoyée. "
              "Vos réponses sont effacées.",
        "en": "If you go back to the start, your request is not sent. Your answers are erased.",
    },
    "confirm.leave.yes": {"fr": "Effacer et revenir à l'accueil",
                          "en": "Erase and go to the start"},
    "confirm.leave.no": {"fr": "Continuer ma demande", "en": "Continue my request"},
    "confirm.finish.title": {"fr": "Votre ticket n'est pas imprimé",
                             "en": "Your ticket is not printed"},
    "confirm.finish.body": {
        "fr": "Notez votre numéro : {reference}. Après « Terminer », il n'est plus affiché.",
        "en": "Write down your number: {reference}. After \"Finish\", it is no longer shown.",
    },
    "confirm.finish.yes": {"fr": "Terminer", "en": "Finish"},
    "confirm.finish.no": {"fr": "Revenir à mon numéro", "en": "Back to my number"},
    "assisted.refused.title": {"fr": "D'accord", "en": "All right"},
    "assisted.refused.body": {
        "fr": "Le conseiller ne fait rien à votre place. Rien n'est envoyé. "
              "Vous pouvez continuer seul. Vous pouvez aussi prendre un ticket.",
        "en": "The adviser does nothing for you. Nothing is sent. "
              "You can go on alone. You can also take a ticket.",
    },
    "assisted.refused.continue": {"fr": "Continuer seul", "en": "Go on alone"},
    "assisted.general": {"fr": "ce qui est affiché à l'écran",
                         "en": "what is shown on the screen"},
    "assisted.any_procedure": {"fr": "votre démarche", "en": "your procedure"},
    "private.number": {"fr": "Votre numéro est affiché à l'écran.",
                       "en": "Your number is shown on the screen."},
    "private.date": {"fr": "La date est affichée à l'écran.",
                     "en": "The date is shown on the screen."},
    "private.email": {"fr": "Votre adresse e-mail est affichée à l'écran.",
                      "en": "Your e-mail address is shown on the screen."},
    "private.answer": {"fr": "Votre réponse est affichée à l'écran.",
                       "en": "Your answer is shown on the screen."},
}


def message(key: str, lang: str, **fields: object) -> str:
    return translate(MESSAGES, key, lang, **fields)
