"""Mediator mode, plain Python: staff accounts and unlock, waiting list, take-over with consent,
audit journal, today's anonymous statistics. The Qt screens in ui/ sit on top of this API.

`MediatorServices.open(config)` wires everything on one database and one journal; the kiosk
keeps one instance (one writer, see storage.py) and makes an `Assistance` per citizen session.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.mediator.accounts import AccountError, Accounts, Mediator
from kiosk.mediator.assisted_outbox import AssistedOutbox
from kiosk.mediator.auth import LockReason, MediatorAuth, StaffSession, UnlockOutcome, UnlockResult
from kiosk.mediator.common import SYSTEM_CLOCK, Clock, mediator_dir
from kiosk.mediator.journal import Event, Journal, Verification
from kiosk.mediator.pins import DEFAULT_KDF, KdfParams
from kiosk.mediator.stats import DayStats, Statistics
from kiosk.mediator.takeover import (
    Assistance,
    AssistedConsent,
    AssistState,
    ConsentRequired,
    TakeOverError,
    consent_text,
)
from kiosk.mediator.tickets import Call, HelpCall, Ticket, TicketState, WaitingList

__all__ = [
    "AccountError",
    "Accounts",
    "AssistState",
    "Assistance",
    "AssistedConsent",
    "AssistedOutbox",
    "Call",
    "ConsentRequired",
    "DayStats",
    "Event",
    "HelpCall",
    "Journal",
    "LockReason",
    "Mediator",
    "MediatorAuth",
    "MediatorServices",
    "StaffSession",
    "Statistics",
    "TakeOverError",
    "Ticket",
    "TicketState",
    "UnlockOutcome",
    "UnlockResult",
    "Verification",
    "WaitingList",
    "consent_text",
]


@dataclass(slots=True)
class MediatorServices:
    """Everything mediator mode needs, opened from the kiosk's configuration."""

    store: object  # offline_cache.store.Store over <data dir>/mediator/mediator.db
    journal: Journal
    accounts: Accounts
    auth: MediatorAuth
    waiting_list: WaitingList
    statistics: Statistics

    @classmethod
    def open(cls, config, clock: Clock = SYSTEM_CLOCK, kdf: KdfParams = DEFAULT_KDF,
             *, readonly: bool = False) -> MediatorServices:
        """Raises offline_cache.store.StoreBusy when another process holds the database."""
        from kiosk.mediator.storage import open_store

        store = open_store(config.data_dir, readonly=readonly)
        journal = Journal(mediator_dir(config.data_dir), config["site.kiosk_id"], clock)
        accounts = Accounts(store, journal, clock, kdf)
        auth = MediatorAuth(accounts, journal, clock,
                            max_attempts=config["mediator.max_pin_attempts"],
                            base_lockout=config["mediator.lockout_seconds"],
                            idle_lock_seconds=config["mediator.idle_lock_seconds"])
        waiting = WaitingList(store, journal, clock, prefix=config["mediator.ticket_prefix"],
                              counter_name=config["mediator.counter_name"])
        return cls(store, journal, accounts, auth, waiting, Statistics(store, clock))

    def new_assistance(self) -> Assistance:
        """One per citizen session (create it when the journey starts, drop it on wipe)."""
        return Assistance(self.journal, self.journal.clock, self.waiting_list)

    def close(self) -> None:
        self.store.close()
