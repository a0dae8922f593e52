"""Every sentence of mediator mode a mediator or a citizen sees or hears, French first.

The "staff" gettext domain (assets/locale/<lang>/LC_MESSAGES/staff.po): staff screens, in the
staff member's language, and the few sentences mediator mode says to a citizen. Same shape as
kiosk.i18n.MESSAGES. The Qt screens read from here too.
"""

from __future__ import annotations

from kiosk.paths import locale_dir
from offline_cache.languages import CODES
from offline_cache.translations import Messages, Plural

MESSAGES = Messages("staff", locale_dir(), {
    # Unlock
    "unlock.ok": "Bonjour {name}, mode équipe ouvert.",
    "unlock.wrong_pin": Plural(
        "Code incorrect. Encore {count} essai avant blocage.",
        "Code incorrect. Encore {count} essais avant blocage."),
    "unlock.locked_out": "Trop d'essais : compte bloqué pendant {minutes} min {seconds} s.",
    "unlock.locked": "Compte bloqué. Réessayez dans {minutes} min {seconds} s.",
    "unlock.unknown": "Compte inconnu ou désactivé. Demandez à votre responsable.",
    "staff.locked_idle": "Mode équipe fermé : personne n'a touché l'écran.",
    "staff.locked_quit": "Mode équipe fermé.",
    # Waiting list
    "ticket.taken": "Votre numéro : {code}. Quelqu'un de l'accueil va vous appeler.",
    "ticket.call.display": "Ticket {code}, {counter}",
    "ticket.call.speech": "Ticket {spoken}, {counter}.",
    "ticket.reason.help": "Aide",
    "help.raised": "L'accueil est prévenu. Quelqu'un arrive.",
    # Take-over
    "assist.banner": "Mode accompagné — {name}",
    "assist.handed_back": "Vous continuez sans aide. Vos réponses sont gardées.",
    # Consent to act on someone's behalf (read aloud to the citizen before they accept)
    "consent.title": "Accepter l'aide de {name}",
    "consent.body": (
        "{name}, de l'accueil, va faire la démarche « {service} » avec vous et pour vous, pour "
        "cette visite seulement. {name} verra : {sees}. Votre demande sera envoyée à : "
        "{recipient}. Elle dira qu'elle a été faite avec de l'aide."
    ),
    "consent.accept": "J'accepte",
    # The list in consent.body: each question the mediator will see, quoted, then a comma.
    "consent.quoted": "«\u00a0{item}\u00a0»",
    "consent.list_separator": ", ",
    "consent.refuse": "Je refuse",
    # The sending queue, as the staff screen says it (offline_cache's alerts are for IT logs)
    "queue.alert.demo_key": (
        "Clé de chiffrement de démonstration : cette borne ne doit pas recevoir de vraies "
        "demandes. Prévenez le service informatique."
    ),
    "queue.alert.refused": (
        "Le serveur refuse cette borne (jeton). Prévenez le service informatique."
    ),
    "queue.alert.held": Plural(
        "{count} demande refusée par le serveur : à regarder ci-dessous.",
        "{count} demandes refusées par le serveur : à regarder ci-dessous."),
    "queue.alert.held_soon": Plural(
        "{count} demande bloquée sera effacée dans moins de {days} jours.",
        "{count} demandes bloquées seront effacées dans moins de {days} jours."),
    "queue.alert.recovered": Plural(
        "Le fichier des envois était abîmé. Il a été mis de côté et {count} ligne récupérée. "
        "Prévenez le service informatique.",
        "Le fichier des envois était abîmé. Il a été mis de côté et {count} lignes récupérées. "
        "Prévenez le service informatique."),
    "queue.alert.hub_wait": "Le serveur a demandé d'attendre : prochain envoi vers {time}.",
    "queue.damaged": (
        "Le fichier des envois est abîmé. Les demandes sont gardées. Prévenez le service "
        "informatique (commande « kiosk outbox repair »)."
    ),
    "queue.unavailable": "La file d'envoi ne peut pas être lue. Prévenez le service informatique.",
    "queue.refused_by_hub": "refusée par le serveur",
    "stop.confirm": (
        "Arrêter la borne ? Les personnes ne pourront plus l'utiliser. Touchez « Oui, arrêter » "
        "pour confirmer."
    ),
    "stop.yes": "Oui, arrêter",
    "stop.no": "Non, garder la borne",
    # What staff screens call each journey screen (kiosk.mediator.names)
    "screen.attract": "Écran d'accueil",
    "screen.language": "Choix de la langue",
    "screen.comfort": "Réglages de lecture",
    "screen.home": "Choix du thème",
    "screen.theme": "Liste des démarches",
    "screen.service": "Présentation de la démarche",
    "screen.question": "Questions du formulaire",
    "screen.review": "Relecture des réponses",
    "screen.consent": "Vos données",
    "screen.assisted_consent": "Accord pour l'aide",
    "screen.receipt": "Récépissé",
    "screen.track": "Suivre ma demande",
    "screen.help": "Demande d'aide",
    "screen.idle_warning": "« Êtes-vous toujours là ? »",
    "screen.confirm": "Confirmation avant d'effacer",
    "screen.staff": "Mode équipe",
    # Staff screens' own words (moved from kiosk/i18n.py)
    "staff.pin.choose": "Mode équipe : qui êtes-vous ?",
    "staff.pin.enter": "Code de {name}",
    "staff.pin.field": "Code secret, les chiffres restent cachés",
    "staff.pin.no_accounts": "Aucun compte pour l'équipe. Créez-en un : kiosk mediator add",
    "staff.cancel": "Annuler",
    "staff.other_account": "Changer de compte",
    "staff.title": "Mode équipe — {name}",
    "staff.quit": "Quitter",
    "staff.tab.waiting": "Attente",
    "staff.tab.queue": "Envois",
    "staff.tab.kiosk": "Borne",
    "staff.tab.today": "Aujourd'hui",
    "staff.tab.settings": "Réglages",
    "staff.tab.shown": "{tab} : onglet affiché",
    "staff.call_next": "Appeler la personne suivante",
    "staff.called": "Appelé : {text}",
    "staff.nobody_waits": "Personne n'attend.",
    "staff.waiting.ticket": "Ticket {code} — {reason} — attend depuis {minutes} min",
    "staff.waiting.help": "Appel à l'aide — écran « {screen} » — depuis {minutes} min",
    "staff.accompany": "Accompagner",
    "staff.hand_back": "Rendre la main",
    "staff.dashboard": "Tableau de bord",
    "staff.queue.counts": (
        "En attente : {pending} · En cours : {sending} · Envoyées : {sent} · Bloquées : {held}"
    ),
    "staff.queue.oldest": "Plus ancienne demande non envoyée : {age}",
    "staff.queue.last_success": "Dernier envoi réussi : {when}",
    "staff.queue.held_item": "Bloquée : {service} — {reason}",
    "staff.queue.retry": "Renvoyer les bloquées",
    "staff.queue.export": "Exporter les non envoyées",
    "staff.queue.retried": Plural(
        "{count} demande remise dans la file.",
        "{count} demandes remises dans la file."),
    "staff.queue.exported": Plural(
        "{count} demande exportée dans {path}",
        "{count} demandes exportées dans {path}"),
    "staff.queue.export_failed": (
        "L'export n'a pas pu être écrit. Les demandes restent dans la file. Prévenez le service "
        "informatique."
    ),
    "staff.action_failed": (
        "Cela n'a pas marché. Réessayez. Si cela revient, prévenez le service informatique."
    ),
    "staff.unreadable": "Ces chiffres ne peuvent pas être lus. Prévenez le service informatique.",
    "staff.never": "jamais",
    "staff.none": "aucune",
    "staff.ago": "il y a {minutes} min",
    "staff.health.link": "Liaison avec le serveur : {state}",
    "staff.health.hub": "Serveur : {url}",
    "staff.health.voice": "Voix : {state}",
    "staff.health.printer": "Imprimante : {state}",
    "staff.health.disk": "Disque libre : {free} Go",
    "staff.health.catalog": "Catalogue : version {version}",
    "staff.state.ok": "fonctionne",
    "staff.state.unavailable": "indisponible",
    "staff.state.configured": "configurée",
    "staff.state.absent": "aucune",
    "staff.link.unknown": "pas encore d'échange",
    "staff.link.online": "en ligne",
    "staff.link.degraded": "lente, le serveur demande d'attendre",
    "staff.link.offline": "hors ligne",
    "staff.link.refused": "refusée (jeton)",
    "staff.today.counts": (
        "Visites : {sessions} · Demandes envoyées : {completed} · Avec de l'aide : {assisted} · "
        "Sans aide : {alone}"
    ),
    "staff.today.by_service": "Demandes envoyées par démarche : {items}",
    "staff.today.abandoned": "Abandons, dernière étape : {items}",
    "staff.settings.note": (
        "Valable jusqu'au redémarrage de la borne. Chaque changement est noté dans le journal."
    ),
    "staff.settings.idle": "Délai avant « Êtes-vous là ? » : {seconds} s",
    "staff.settings.rate": "Vitesse de la voix par défaut : {rate}",
    "staff.settings.language": "Langue par défaut : {language}",
    "staff.settings.my_language": "Langue de mes écrans : {language}",
    "staff.settings.volume": "Volume de la voix : {percent} %",
    "staff.settings.stop": "Arrêter la borne",
    "staff.settings.stop_help": (
        "Pour la maintenance. La borne se ferme ; elle redémarre avec le poste."
    ),
    "staff.settings.less": "Moins",
    "staff.settings.more": "Plus",
    "staff.settings.change": "Changer",
})


def text(key: str, lang: str = "fr", /, **fields: object) -> str:
    """Positional `lang`: a sentence may have a {language} field of its own."""
    return MESSAGES.text(key, lang, **fields)


def both(key: str, **fields: object) -> dict[str, str]:
    """The sentence in every language, for screens that switch language live."""
    return {language: MESSAGES.text(key, language, **fields) for language in CODES}
