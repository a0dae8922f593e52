"""A kiosk's mediator audit journal as the hub holds it: verified, then worded for a person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hub.fleet.health import parse_time
from hub.fleet.models import Kiosk
from offline_cache.journal_chain import ChainCheck, ChainProblem, verify_chain

# The kiosk's journal events (kiosk.mediator.journal.Event), in French; unknown ones as sent.
EVENT_LABELS = {
    "unlock": "Ouverture du mode médiateur", "failed_pin": "Code erroné",
    "lock_out": "Blocage après codes erronés", "staff_lock": "Fermeture du mode médiateur",
    "take_over": "Reprise d'une démarche", "hand_back": "Démarche rendue à l'usager",
    "consent": "Consentement de l'usager", "retry": "Demande remise en file",
    "export": "Export sur clé USB", "settings_change": "Réglage modifié",
    "ticket_called": "Ticket appelé", "account_added": "Compte médiateur créé",
    "account_disabled": "Compte médiateur désactivé",
    "account_enabled": "Compte médiateur réactivé", "pin_reset": "Code réinitialisé",
    "kiosk_stop": "Arrêt de la borne",
}


def chain_verdict(kiosk: Kiosk) -> tuple[ChainCheck, str]:
    """The check and its sentence: "Chaîne vérifiée : intacte" or the first bad entry."""
    entries = kiosk.journal.order_by("seq").values_list("entry", flat=True)
    check = verify_chain(entries)
    if check.ok:
        return check, (f"Chaîne vérifiée : intacte ({check.records} entrées)." if check.records
                      else "Aucune entrée de journal reçue de cette borne.")
    if check.problem == ChainProblem.MISSING:
        return check, (f"Chaîne vérifiée : rompue. L'entrée n° {check.first_bad_seq} manque "
                       f"({check.records} entrées vérifiées avant elle).")
    return check, (f"Chaîne vérifiée : rompue. L'entrée n° {check.first_bad_seq} a été modifiée "
                   f"ou ne suit pas la précédente ({check.records} entrées vérifiées avant elle).")


@dataclass(frozen=True, slots=True)
class JournalLine:
    seq: int
    at: datetime | None  # None: the entry's time is unreadable
    event: str
    mediator: str
    details: str

    @classmethod
    def of(cls, entry: dict[str, Any]) -> JournalLine:
        data = entry.get("data") if isinstance(entry.get("data"), dict) else {}
        event = str(entry.get("event", ""))
        return cls(entry.get("seq", 0), parse_time(entry.get("at")),
                   EVENT_LABELS.get(event, event), str(entry.get("mediator") or "—"),
                   ", ".join(f"{key} = {value}" for key, value in sorted(data.items())))
