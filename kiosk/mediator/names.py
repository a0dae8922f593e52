"""What staff screens call things: the catalogue's service titles and each screen's name.

Ids ("carte-identite", "question") are what the database keeps; a mediator reads names, in the
kiosk's language, whatever the id (an id no longer in the catalogue is shown as is).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalog import Catalog
from kiosk.catalog.model import localized
from kiosk.mediator.messages import text
from kiosk.mediator.tickets import HELP_REASON

SCREEN_NAMES: dict[str, dict[str, str]] = {
    "attract": {"fr": "Écran d'accueil", "en": "Welcome screen"},
    "language": {"fr": "Choix de la langue", "en": "Language"},
    "comfort": {"fr": "Réglages de lecture", "en": "Reading comfort"},
    "home": {"fr": "Choix du thème", "en": "Themes"},
    "theme": {"fr": "Liste des démarches", "en": "Procedures"},
    "service": {"fr": "Présentation de la démarche", "en": "About the procedure"},
    "question": {"fr": "Questions du formulaire", "en": "Form questions"},
    "review": {"fr": "Relecture des réponses", "en": "Review"},
    "consent": {"fr": "Vos données", "en": "Your data"},
    "assisted_consent": {"fr": "Accord pour l'aide", "en": "Agreeing to help"},
    "receipt": {"fr": "Récépissé", "en": "Receipt"},
    "track": {"fr": "Suivre ma demande", "en": "Track my request"},
    "help": {"fr": "Demande d'aide", "en": "Asking for help"},
    "idle_warning": {"fr": "« Êtes-vous toujours là ? »", "en": "\"Are you still there?\""},
    "confirm": {"fr": "Confirmation avant d'effacer", "en": "Confirmation before erasing"},
    "staff": {"fr": "Mode équipe", "en": "Staff mode"},
}


@dataclass(frozen=True, slots=True)
class StaffNames:
    catalog: Catalog | None  # None: ids are shown as they are (no catalogue at hand)

    def service(self, service_id: str, lang: str = "fr") -> str:
        if service_id == HELP_REASON:
            return text("ticket.reason.help", lang)
        services = self.catalog.services if self.catalog else ()
        service = next((s for s in services if s.id == service_id), None)
        return localized(service.title, lang) if service else service_id

    @staticmethod
    def screen(screen_id: str, lang: str = "fr") -> str:
        names = SCREEN_NAMES.get(screen_id)
        return names.get(lang, names["fr"]) if names else screen_id
