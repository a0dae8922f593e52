"""Staff accounts: add, list, disable, enable, reset a PIN. PINs are only ever stored hashed.

Accounts are referred to by name (what the mediator types or picks, shown on the banner) or by
id (`med-1a2b3c4d`, what travels to the hub in "assisted_by" and the journal, so the hub learns
which account helped without learning staff first names).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from kiosk.mediator.common import SYSTEM_CLOCK, Clock
from kiosk.mediator.journal import Event, Journal
from kiosk.mediator.pins import DEFAULT_KDF, KdfParams, hash_pin, trivial_pin, valid_pin
from offline_cache.languages import CODES, SOURCE_LANGUAGE

_NAME = re.compile(r"[^\W\d_][\w .'-]{0,39}")


class AccountError(Exception):
    """A request about an account that cannot be done; the message says what to do instead."""


@dataclass(frozen=True, slots=True)
class Mediator:
    id: str  # "med-" + 8 hex digits: sent to the hub, written in the journal
    name: str  # first name or login, unique ignoring case; shown on "Mode accompagné — <name>"
    active: bool  # False once disabled: cannot unlock, kept for the journal's sake
    created_at: float
    failed_attempts: int  # wrong PINs since the last success or lock-out
    lockouts: int  # lock-outs in a row; each doubles the next delay
    locked_until: float  # epoch seconds; 0 when not locked
    last_unlock_at: float | None
    language: str = SOURCE_LANGUAGE  # of the staff screens; the citizen's screen keeps its own

    @classmethod
    def from_row(cls, row: dict) -> Mediator:
        return cls(row["id"], row["name"], bool(row["active"]), row["created_at"],
                   row["failed_attempts"], row["lockouts"], row["locked_until"],
                   row["last_unlock_at"], row["language"])

    def locked_at(self, now: float) -> bool:
        return self.locked_until > now


def check_name(name: str) -> str:
    name = name.strip() if isinstance(name, str) else ""
    if not _NAME.fullmatch(name) or name.startswith("med-"):
        raise AccountError(
            f"'{name}' is not a usable name: start with a letter, then letters, digits, spaces, "
            "dots, dashes or apostrophes, 40 characters at most (e.g. 'Claire' or 'claire.m')"
        )
    return name


class Accounts:
    """CRUD over the `accounts` table of the mediator database (see storage.py)."""

    def __init__(self, store, journal: Journal, clock: Clock = SYSTEM_CLOCK,
                 kdf: KdfParams = DEFAULT_KDF) -> None:
        self.store, self.journal, self.clock, self.kdf = store, journal, clock, kdf

    def list(self) -> list[Mediator]:
        rows = self.store.read("SELECT * FROM accounts ORDER BY name COLLATE NOCASE")
        return [Mediator.from_row(row) for row in rows]

    def find(self, name_or_id: str) -> Mediator | None:
        rows = self.store.read("SELECT * FROM accounts WHERE id = ? OR name = ? COLLATE NOCASE",
                               [name_or_id, str(name_or_id).strip()])
        return Mediator.from_row(rows[0]) if rows else None

    def get(self, name_or_id: str) -> Mediator:
        found = self.find(name_or_id)
        if found is None:
            raise AccountError(f"no account named '{name_or_id}'; "
                               "`kiosk mediator list` shows the accounts")
        return found

    def add(self, name: str, pin: str) -> Mediator:
        name = check_name(name)
        self._check_pin(pin)
        if self.find(name) is not None:
            raise AccountError(f"an account named '{name}' already exists; choose another name "
                               f"or `kiosk mediator reset-pin {name}`")
        row = {"id": f"med-{secrets.token_hex(4)}", "name": name,
               "pin_hash": hash_pin(pin, self.kdf), "active": 1, "created_at": self.clock()}
        with self.store.write() as db:
            db["accounts"].insert(row)
        self.journal.record(Event.ACCOUNT_ADDED, row["id"])
        return self.get(row["id"])

    def disable(self, name_or_id: str) -> Mediator:
        mediator = self.get(name_or_id)
        self._update(mediator.id, active=0)
        self.journal.record(Event.ACCOUNT_DISABLED, mediator.id)
        return self.get(mediator.id)

    def enable(self, name_or_id: str) -> Mediator:
        mediator = self.get(name_or_id)
        self._update(mediator.id, active=1)
        self.journal.record(Event.ACCOUNT_ENABLED, mediator.id)
        return self.get(mediator.id)

    def reset_pin(self, name_or_id: str, pin: str) -> Mediator:
        """New PIN; also lifts a lock-out, since an administrator vouched for the person."""
        mediator = self.get(name_or_id)
        self._check_pin(pin)
        self._update(mediator.id, pin_hash=hash_pin(pin, self.kdf), failed_attempts=0,
                     lockouts=0, locked_until=0)
        self.journal.record(Event.PIN_RESET, mediator.id)
        return self.get(mediator.id)

    def set_language(self, name_or_id: str, language: str) -> Mediator:
        """The language this staff member's screens are shown in, kept with the account."""
        if language not in CODES:
            raise AccountError(f"'{language}' is not a kiosk language; choose one of "
                               f"{', '.join(CODES)}")
        mediator = self.get(name_or_id)
        self._update(mediator.id, language=language)
        return self.get(mediator.id)

    def pin_hash(self, mediator_id: str) -> str:
        return self.store.read("SELECT pin_hash FROM accounts WHERE id = ?",
                               [mediator_id])[0]["pin_hash"]

    def _update(self, mediator_id: str, **values: object) -> None:
        with self.store.write() as db:
            db["accounts"].update(mediator_id, values)

    @staticmethod
    def _check_pin(pin: str) -> None:
        if not valid_pin(pin):
            raise AccountError("a PIN is 4 to 8 digits, nothing else")
        if trivial_pin(pin):
            raise AccountError("this PIN is too easy to guess (one digit repeated, a run such "
                               "as 1234 or 9876, a repeated pair such as 1212, or one of the "
                               "most used PINs); choose another one")
