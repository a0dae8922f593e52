"""Every sentence of mediator mode a mediator or a citizen sees or hears, French first.

Same shape as kiosk.i18n.MESSAGES (key -> {"fr": ..., "en": ...}) with {named} fields; a test
checks that both languages use the same fields. The Qt screens read from here too.
"""

from __future__ import annotations

from kiosk.i18n import translate

MESSAGES: dict[str, dict[str, str]] = {
    # Unlock
    "unlock.ok": {"fr": "Bonjour {name}, mode équipe ouvert.",
                  "en": "Hello {name}, staff mode is open."},
    "unlock.wrong_pin": {
        "fr": "Code incorrect. Encore {attempts_left} essai(s) avant blocage.",
        "en": "Wrong PIN. {attempts_left} attempt(s) left before the account is locked.",
    },
    "unlock.locked_out": {
        "fr": "Trop d'essais : compte bloqué pendant {minutes} min {seconds} s.",
        "en": "Too many attempts: account locked for {minutes} min {seconds} s.",
    },
    "unlock.locked": {
        "fr": "Compte bloqué. Réessayez dans {minutes} min {seconds} s.",
        "en": "Account locked. Try again in {minutes} min {seconds} s.",
    },
    "unlock.unknown": {
        "fr": "Compte inconnu ou désactivé. Demandez à votre responsable.",
        "en": "Unknown or disabled account. Ask your manager.",
    },
    "staff.locked_idle": {"fr": "Mode équipe fermé : personne n'a touché l'écran.",
                          "en": "Staff mode closed: nobody touched the screen."},
    "staff.locked_quit": {"fr": "Mode équipe fermé.", "en": "Staff mode closed."},
    # Waiting list
    "ticket.taken": {
        "fr": "Votre numéro : {code}. Quelqu'un de l'accueil va vous appeler.",
        "en": "Your number: {code}. Someone from the front desk will call you.",
    },
    "ticket.call.display": {"fr": "Ticket {code}, {counter}",
                            "en": "Ticket {code}, {counter}"},
    "ticket.call.speech": {"fr": "Ticket {spoken}, {counter}.",
                           "en": "Ticket {spoken}, please go to {counter}."},
    "ticket.reason.help": {"fr": "Aide", "en": "Help"},
    "help.raised": {"fr": "L'accueil est prévenu. Quelqu'un arrive.",
                    "en": "The front desk has been told. Someone is coming."},
    # Take-over
    "assist.banner": {"fr": "Mode accompagné — {name}", "en": "Assisted mode — {name}"},
    "assist.handed_back": {"fr": "Vous continuez sans aide. Vos réponses sont gardées.",
                           "en": "You go on without help. Your answers are kept."},
    # Consent to act on someone's behalf (read aloud to the citizen before they accept)
    "consent.title": {"fr": "Accepter l'aide de {name}",
                      "en": "Accept help from {name}"},
    "consent.body": {
        "fr": "{name}, de l'accueil, va faire la démarche « {service} » avec vous et pour "
              "vous, pour cette visite seulement. {name} verra : {sees}. Votre demande sera "
              "envoyée à : {recipient}. Elle dira qu'elle a été faite avec de l'aide.",
        "en": "{name}, from the front desk, will do the \"{service}\" procedure with you and "
              "for you, for this visit only. {name} will see: {sees}. Your request will be "
              "sent to: {recipient}. It will say that it was made with help.",
    },
    "consent.accept": {"fr": "J'accepte", "en": "I agree"},
    "consent.refuse": {"fr": "Je refuse", "en": "I do not agree"},
    # The sending queue, as the staff screen says it (offline_cache's alerts are for IT logs)
    "queue.alert.demo_key": {
        "fr": "Clé de chiffrement de démonstration : cette borne ne doit pas recevoir de "
              "vraies demandes. Prévenez le service informatique.",
        "en": "Demo encryption key: this kiosk must not take real requests. Tell IT.",
    },
    "queue.alert.refused": {
        "fr": "Le serveur refuse cette borne (jeton). Prévenez le service informatique.",
        "en": "The hub refuses this kiosk (token). Tell IT.",
    },
    "queue.alert.held": {
        "fr": "{count} demande(s) refusée(s) par le serveur : à regarder ci-dessous.",
        "en": "{count} request(s) refused by the hub: see below.",
    },
    "queue.alert.held_soon": {
        "fr": "{count} demande(s) bloquée(s) seront effacées dans moins de {days} jours.",
        "en": "{count} held request(s) will be deleted within {days} days.",
    },
    "queue.alert.recovered": {
        "fr": "Le fichier des envois était abîmé. Il a été mis de côté et {rows} ligne(s) "
              "récupérée(s). Prévenez le service informatique.",
        "en": "The queue file was damaged. It was set aside and {rows} row(s) recovered. "
              "Tell IT.",
    },
    "queue.alert.hub_wait": {
        "fr": "Le serveur a demandé d'attendre : prochain envoi vers {time}.",
        "en": "The hub asked to wait: next send around {time}.",
    },
    "queue.damaged": {
        "fr": "Le fichier des envois est abîmé. Les demandes sont gardées. Prévenez le service "
              "informatique (commande « kiosk outbox repair »).",
        "en": "The queue file is damaged. Requests are kept. Tell IT (`kiosk outbox repair`).",
    },
    "queue.unavailable": {
        "fr": "La file d'envoi ne peut pas être lue. Prévenez le service informatique.",
        "en": "The sending queue cannot be read. Tell IT.",
    },
    "queue.refused_by_hub": {"fr": "refusée par le serveur", "en": "refused by the hub"},
    "stop.confirm": {
        "fr": "Arrêter la borne ? Les personnes ne pourront plus l'utiliser. Touchez "
              "« Oui, arrêter » pour confirmer.",
        "en": "Stop the kiosk? Nobody will be able to use it. Touch \"Yes, stop\" to confirm.",
    },
    "stop.yes": {"fr": "Oui, arrêter", "en": "Yes, stop"},
    "stop.no": {"fr": "Non, garder la borne", "en": "No, keep it running"},
    # What staff screens call each journey screen (kiosk.mediator.names)
    "screen.attract": {"fr": "Écran d'accueil", "en": "Welcome screen"},
    "screen.language": {"fr": "Choix de la langue", "en": "Language"},
    "screen.comfort": {"fr": "Réglages de lecture", "en": "Reading comfort"},
    "screen.home": {"fr": "Choix du thème", "en": "Themes"},
    "screen.theme": {"fr": "Liste des démarches", "en": "Procedures"},
    "screen.service": {"fr": "Présentation de la démarche", "en": "About the procedure"},
    "screen.question": {"fr": "Questions du formulaire", "en": "Form questions"},
    "screen.review": {"fr": "Relecture des réponses", "en": "Review"},
    "screen.consent": {"fr": "Vos données", "en": "Your data"},
    "screen.assisted_consent": {"fr": "Accord pour l'aide", "en": "Agreeing to help"},
    "screen.receipt": {"fr": "Récépissé", "en": "Receipt"},
    "screen.track": {"fr": "Suivre ma demande", "en": "Track my request"},
    "screen.help": {"fr": "Demande d'aide", "en": "Asking for help"},
    "screen.idle_warning": {"fr": "« Êtes-vous toujours là ? »", "en": "\"Are you still there?\""},
    "screen.confirm": {"fr": "Confirmation avant d'effacer", "en": "Confirmation before erasing"},
    "screen.staff": {"fr": "Mode équipe", "en": "Staff mode"},
}


def text(key: str, language: str = "fr", **fields: object) -> str:
    return translate(MESSAGES, key, language, **fields)


def both(key: str, **fields: object) -> dict[str, str]:
    """The sentence in every language, for screens that switch language live."""
    return {language: template.format(**fields) for language, template in MESSAGES[key].items()}
