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
        "fr": "Je vous guide pas à pas. Vous pouvez aussi parler à quelqu'un de l'accueil.",
        "en": "I guide you step by step. You can also talk to someone at the front desk.",
    },
    "language.title": {"fr": "Choisissez votre langue", "en": "Choose your language"},
    "comfort.title": {"fr": "Lecture et voix", "en": "Reading and voice"},
    "comfort.hint": {
        "fr": "Choisissez ce qui vous convient. Vous pourrez changer plus tard avec « Confort ».",
        "en": "Choose what suits you. You can change it later with \"Comfort\".",
    },
    "comfort.text_size": {"fr": "Taille du texte", "en": "Text size"},
    "comfort.size.normal": {"fr": "Normale", "en": "Normal"},
    "comfort.size.large": {"fr": "Grande", "en": "Large"},
    "comfort.size.larger": {"fr": "Très grande", "en": "Very large"},
    "comfort.colors": {"fr": "Couleurs", "en": "Colours"},
    "comfort.standard": {"fr": "Standard", "en": "Standard"},
    "comfort.high_contrast": {"fr": "Contraste fort", "en": "High contrast"},
    "comfort.voice": {"fr": "Voix", "en": "Voice"},
    "comfort.voice_on": {"fr": "Oui", "en": "On"},
    "comfort.voice_off": {"fr": "Non", "en": "Off"},
    "comfort.rate": {"fr": "Vitesse de la voix", "en": "Voice speed"},
    "comfort.rate.slow": {"fr": "Lente", "en": "Slow"},
    "comfort.rate.normal": {"fr": "Normale", "en": "Normal"},
    "comfort.rate.fast": {"fr": "Rapide", "en": "Fast"},
    "comfort.continue": {"fr": "Continuer", "en": "Continue"},
    "nav.comfort": {"fr": "Confort", "en": "Comfort"},
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
    "service.start_request": {"fr": "Faire la demande ici", "en": "Make the request here"},
    "form.skip": {"fr": "Passer", "en": "Skip"},
    "form.day": {"fr": "Jour", "en": "Day"},
    "form.month": {"fr": "Mois", "en": "Month"},
    "form.year": {"fr": "Année", "en": "Year"},
    "form.choose_commune": {"fr": "Touchez votre commune.", "en": "Touch your town."},
    "review.confirm": {"fr": "C'est correct, continuer", "en": "This is right, continue"},
    "consent.title": {"fr": "Vos données", "en": "Your data"},
    "consent.what": {
        "fr": "Ce qui est envoyé : les réponses que vous venez de vérifier.",
        "en": "What is sent: the answers you have just checked.",
    },
    "consent.why": {
        "fr": "Pourquoi : pour traiter votre demande « {service} ».",
        "en": "Why: to handle your request \"{service}\".",
    },
    "consent.who": {"fr": "Qui les reçoit : {authority}.", "en": "Who receives them: {authority}."},
    "consent.how_long": {
        "fr": "Sur cette borne, vos réponses sont protégées par un code secret. Personne ne "
              "peut les lire. Elles sont effacées dès l'envoi. Ensuite, elles sont gardées le "
              "temps de traiter votre demande.",
        "en": "On this kiosk, your answers are protected by a secret code. Nobody can read "
              "them. They are erased once sent. Then they are kept while your request is "
              "handled.",
    },
    "consent.rights": {
        "fr": "Vos droits : vous pouvez voir, corriger ou faire effacer vos données. "
              "Pour cela, demandez à l'accueil. Vous pouvez aussi écrire à cet organisme : "
              "{authority}.",
        "en": "Your rights: you can see, correct or have your data erased. "
              "Ask {authority} or the front desk.",
    },
    "consent.accept": {"fr": "J'accepte et j'envoie ma demande", "en": "I agree, send my request"},
    "consent.refuse": {"fr": "Revenir à mes réponses", "en": "Back to my answers"},
    "consent.failed": {
        "fr": "Votre demande n'a pas pu être enregistrée. Vos réponses sont gardées. "
              "Touchez « Parler à quelqu'un ».",
        "en": "Your request could not be recorded. Your answers are kept. "
              "Touch \"Talk to someone\".",
    },
    "receipt.finish": {"fr": "Terminer", "en": "Finish"},
    "receipt.listen_again": {"fr": "Réécouter le numéro", "en": "Hear the number again"},
    "receipt.print": {"fr": "Imprimer mon ticket", "en": "Print my ticket"},
    "receipt.printing": {"fr": "Impression en cours…", "en": "Printing…"},
    "help.title": {"fr": "Besoin d'aide ?", "en": "Need help?"},
    "help.body": {
        "fr": "Demandez à l'accueil. Quelqu'un peut venir avec vous.",
        "en": "Ask at the front desk. Someone can come with you.",
    },
    "help.back": {"fr": "Revenir où j'étais", "en": "Go back where I was"},
    "help.take_ticket": {"fr": "Prendre un ticket", "en": "Take a ticket"},
    "help.ticket_title": {"fr": "Votre numéro", "en": "Your number"},
    "staff.pin.choose": {
        "fr": "Mode équipe : qui êtes-vous ?",
        "en": "Staff mode: who are you?",
    },
    "staff.pin.enter": {"fr": "Code de {name}", "en": "PIN for {name}"},
    "staff.pin.field": {
        "fr": "Code secret, les chiffres restent cachés",
        "en": "Secret PIN, digits stay hidden",
    },
    "staff.pin.no_accounts": {
        "fr": "Aucun compte pour l'équipe. Créez-en un : kiosk mediator add",
        "en": "No staff account. Create one: kiosk mediator add",
    },
    "staff.cancel": {"fr": "Annuler", "en": "Cancel"},
    "staff.other_account": {"fr": "Changer de compte", "en": "Other account"},
    "staff.title": {"fr": "Mode équipe — {name}", "en": "Staff mode — {name}"},
    "staff.quit": {"fr": "Quitter", "en": "Quit"},
    "staff.tab.waiting": {"fr": "Attente", "en": "Waiting"},
    "staff.tab.queue": {"fr": "Envois", "en": "Sending"},
    "staff.tab.kiosk": {"fr": "Borne", "en": "Kiosk"},
    "staff.tab.today": {"fr": "Aujourd'hui", "en": "Today"},
    "staff.tab.settings": {"fr": "Réglages", "en": "Settings"},
    "staff.tab.shown": {"fr": "{tab} : onglet affiché", "en": "{tab}: tab shown"},
    "staff.call_next": {"fr": "Appeler la personne suivante", "en": "Call the next person"},
    "staff.called": {"fr": "Appelé : {text}", "en": "Called: {text}"},
    "staff.nobody_waits": {"fr": "Personne n'attend.", "en": "Nobody is waiting."},
    "staff.waiting.ticket": {
        "fr": "Ticket {code} — {reason} — attend depuis {minutes} min",
        "en": "Ticket {code} — {reason} — waiting for {minutes} min",
    },
    "staff.waiting.help": {
        "fr": "Appel à l'aide — écran « {screen} » — depuis {minutes} min",
        "en": "Help call — screen \"{screen}\" — for {minutes} min",
    },
    "staff.accompany": {"fr": "Accompagner", "en": "Assist"},
    "staff.hand_back": {"fr": "Rendre la main", "en": "Hand back"},
    "staff.dashboard": {"fr": "Tableau de bord", "en": "Dashboard"},
    "staff.queue.counts": {
        "fr": "En attente : {pending} · En cours : {sending} · Envoyées : {sent} · "
              "Bloquées : {held}",
        "en": "Waiting: {pending} · Sending: {sending} · Sent: {sent} · Held: {held}",
    },
    "staff.queue.oldest": {
        "fr": "Plus ancienne demande non envoyée : {age}",
        "en": "Oldest unsent request: {age}",
    },
    "staff.queue.last_success": {
        "fr": "Dernier envoi réussi : {when}",
        "en": "Last successful send: {when}",
    },
    "staff.queue.held_item": {
        "fr": "Bloquée : {service} — {reason}",
        "en": "Held: {service} — {reason}",
    },
    "staff.queue.retry": {"fr": "Renvoyer les bloquées", "en": "Retry held requests"},
    "staff.queue.export": {"fr": "Exporter les non envoyées", "en": "Export unsent requests"},
    "staff.queue.retried": {
        "fr": "{count} demande(s) remise(s) dans la file.",
        "en": "{count} request(s) put back in the queue.",
    },
    "staff.queue.exported": {
        "fr": "{count} demande(s) exportée(s) dans {path}",
        "en": "{count} request(s) exported to {path}",
    },
    "staff.queue.export_failed": {
        "fr": "L'export n'a pas pu être écrit. Les demandes restent dans la file. "
              "Prévenez le service informatique.",
        "en": "The export could not be written. The requests stay in the queue. Tell IT.",
    },
    "staff.action_failed": {
        "fr": "Cela n'a pas marché. Réessayez. Si cela revient, prévenez le service "
              "informatique.",
        "en": "That did not work. Try again. If it happens again, tell IT.",
    },
    "staff.unreadable": {
        "fr": "Ces chiffres ne peuvent pas être lus. Prévenez le service informatique.",
        "en": "These figures cannot be read. Tell IT.",
    },
    "staff.never": {"fr": "jamais", "en": "never"},
    "staff.none": {"fr": "aucune", "en": "none"},
    "staff.ago": {"fr": "il y a {minutes} min", "en": "{minutes} min ago"},
    "staff.health.link": {
        "fr": "Liaison avec le serveur : {state}",
        "en": "Link to the hub: {state}",
    },
    "staff.health.hub": {"fr": "Serveur : {url}", "en": "Hub: {url}"},
    "staff.health.voice": {"fr": "Voix : {state}", "en": "Voice: {state}"},
    "staff.health.printer": {"fr": "Imprimante : {state}", "en": "Printer: {state}"},
    "staff.health.disk": {"fr": "Disque libre : {free} Go", "en": "Free disk: {free} GB"},
    "staff.health.catalog": {
        "fr": "Catalogue : version {version}",
        "en": "Catalogue: version {version}",
    },
    "staff.state.ok": {"fr": "fonctionne", "en": "working"},
    "staff.state.unavailable": {"fr": "indisponible", "en": "unavailable"},
    "staff.state.configured": {"fr": "configurée", "en": "configured"},
    "staff.state.absent": {"fr": "aucune", "en": "none"},
    "staff.link.unknown": {"fr": "pas encore d'échange", "en": "no exchange yet"},
    "staff.link.online": {"fr": "en ligne", "en": "online"},
    "staff.link.degraded": {
        "fr": "lente, le serveur demande d'attendre",
        "en": "slow, the hub asks to wait",
    },
    "staff.link.offline": {"fr": "hors ligne", "en": "offline"},
    "staff.link.refused": {"fr": "refusée (jeton)", "en": "refused (token)"},
    "staff.today.counts": {
        "fr": "Visites : {sessions} · Demandes envoyées : {completed} · Avec de l'aide : "
              "{assisted} · Sans aide : {alone}",
        "en": "Visits: {sessions} · Requests sent: {completed} · With help: {assisted} · "
              "Without help: {alone}",
    },
    "staff.today.by_service": {
        "fr": "Demandes envoyées par démarche : {items}",
        "en": "Requests sent per procedure: {items}",
    },
    "staff.today.abandoned": {
        "fr": "Abandons, dernière étape : {items}",
        "en": "Left before the end, last step: {items}",
    },
    "staff.settings.note": {
        "fr": "Valable jusqu'au redémarrage de la borne. Chaque changement est noté "
              "dans le journal.",
        "en": "Until the kiosk restarts. Each change is written in the journal.",
    },
    "staff.settings.idle": {
        "fr": "Délai avant « Êtes-vous là ? » : {seconds} s",
        "en": "Delay before \"Are you there?\": {seconds} s",
    },
    "staff.settings.rate": {
        "fr": "Vitesse de la voix par défaut : {rate}",
        "en": "Default voice speed: {rate}",
    },
    "staff.settings.language": {
        "fr": "Langue par défaut : {language}",
        "en": "Default language: {language}",
    },
    "staff.settings.volume": {
        "fr": "Volume de la voix : {percent} %", "en": "Voice volume: {percent}%",
    },
    "staff.settings.stop": {"fr": "Arrêter la borne", "en": "Stop the kiosk"},
    "staff.settings.stop_help": {
        "fr": "Pour la maintenance. La borne se ferme ; elle redémarre avec le poste.",
        "en": "For maintenance. The kiosk closes; it starts again with the computer.",
    },
    "staff.settings.less": {"fr": "Moins", "en": "Less"},
    "staff.settings.more": {"fr": "Plus", "en": "More"},
    "staff.settings.change": {"fr": "Changer", "en": "Change"},
    # Screens' next steps, confirmations and what private speech says instead (kiosk.views)
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
        "fr": "Personne ne fait la démarche à votre place. Rien n'est envoyé. "
              "Vous pouvez continuer sans aide. Vous pouvez aussi prendre un ticket.",
        "en": "Nobody does the procedure for you. Nothing is sent. "
              "You can go on without help. You can also take a ticket.",
    },
    "assisted.refused.continue": {"fr": "Continuer sans aide", "en": "Go on without help"},
    "assisted.general": {"fr": "ce qui est affiché à l'écran",
                         "en": "what is shown on the screen"},
    "assisted.any_procedure": {"fr": "votre démarche", "en": "your procedure"},
    # Opening hours (kiosk.opening): shown "9 h", spoken "9 heures"
    "opening.closed": {"fr": "L'accueil est fermé.", "en": "The front desk is closed."},
    "opening.opens": {"fr": "Il ouvre {when}.", "en": "It opens {when}."},
    "opening.today": {"fr": "aujourd'hui à {time}", "en": "today at {time}"},
    "opening.tomorrow": {"fr": "demain à {time}", "en": "tomorrow at {time}"},
    "opening.weekday": {"fr": "{day} à {time}", "en": "on {day} at {time}"},
    "opening.next_week": {"fr": "{day} prochain à {time}", "en": "next {day} at {time}"},
    "opening.clock": {"fr": "{hour} h {minute}", "en": "{hour}:{minute}"},
    "opening.clock.on_the_hour": {"fr": "{hour} h", "en": "{hour}:00"},
    "opening.clock.spoken": {"fr": "{hour} heures {minute}", "en": "{hour} {minute}"},
    "opening.clock.spoken.on_the_hour": {"fr": "{hour} heures", "en": "{hour} o'clock"},
    "opening.day.mon": {"fr": "lundi", "en": "Monday"},
    "opening.day.tue": {"fr": "mardi", "en": "Tuesday"},
    "opening.day.wed": {"fr": "mercredi", "en": "Wednesday"},
    "opening.day.thu": {"fr": "jeudi", "en": "Thursday"},
    "opening.day.fri": {"fr": "vendredi", "en": "Friday"},
    "opening.day.sat": {"fr": "samedi", "en": "Saturday"},
    "opening.day.sun": {"fr": "dimanche", "en": "Sunday"},
    "opening.still_requests": {"fr": "Vous pouvez quand même faire une demande.",
                               "en": "You can still make a request."},
    "opening.come_back": {"fr": "Revenez quand l'accueil est ouvert.",
                          "en": "Please come back when the desk is open."},
    "attract.help_closed": {"fr": "Je vous guide pas à pas.", "en": "I guide you step by step."},
    "help.closed_alone": {
        "fr": "Personne ne peut venir maintenant. Vous pouvez continuer sur la borne.",
        "en": "Nobody can come now. You can go on using the kiosk.",
    },
    "private.number": {"fr": "Votre numéro est affiché à l'écran.",
                       "en": "Your number is shown on the screen."},
    "private.date": {"fr": "La date est affichée à l'écran.",
                     "en": "The date is shown on the screen."},
    "private.email": {"fr": "Votre adresse e-mail est affichée à l'écran.",
                      "en": "Your e-mail address is shown on the screen."},
    "private.answer": {"fr": "Votre réponse est affichée à l'écran.",
                       "en": "Your answer is shown on the screen."},
}


Catalogue = dict[str, dict[str, str]]


def translate(catalogue: Catalogue, key: str, lang: str, **fields: object) -> str:
    """`key` from `catalogue` in `lang` (French when missing), with its {fields} filled in.

    Forms, mediator mode and printing keep their own catalogues (kiosk/*/messages.py) and
    look them up through this one function.
    """
    texts = catalogue[key]
    return (texts.get(lang) or texts["fr"]).format(**fields)


def tr(key: str, lang: str, **fields: object) -> str:
    """An interface message (this module's catalogue)."""
    return translate(MESSAGES, key, lang, **fields)
