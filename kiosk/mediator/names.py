"""What staff screens call things: the catalogue's service titles and each screen's name
(`screen.<id>` in the mediator messages).

Ids ("carte-identite", "question") are what the database keeps; a mediator reads names, in the
kiosk's language, whatever the id (an id no longer in the catalogue is shown as is).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.catalog import Catalog
from kiosk.catalog.model import localized
from kiosk.mediator.messages import MESSAGES, text
from kiosk.mediator.tickets import HELP_REASON


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
        key = f"screen.{screen_id}"
        return text(key, lang) if key in MESSAGES else screen_id
