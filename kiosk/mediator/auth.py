"""Unlocking staff mode: the lock-out policy and the staff session that locks itself.

Policy: `max_attempts` wrong PINs in a row lock the account for `base_lockout` seconds, doubled
at each further lock-out (30 s, 60 s, 120 s... capped at MAX_LOCKOUT_SECONDS); a success resets
both counters. While locked, the PIN is not even checked, so the right one does not help and a
guesser learns nothing. Counters live in the database and are written in the same transaction
as the check, so pulling the plug does not give a fresh set of attempts.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from kiosk.mediator import messages
from kiosk.mediator.accounts import Accounts, Mediator
from kiosk.mediator.common import SYSTEM_CLOCK, Clock
from kiosk.mediator.journal import Event, Journal
from kiosk.mediator.pins import check_pin, dummy_hash

MAX_LOCKOUT_SECONDS = 3600


class UnlockOutcome(enum.Enum):
    UNLOCKED = "unlocked"  # right PIN: here is a staff session
    WRONG_PIN = "wrong_pin"  # wrong PIN, attempts left
    LOCKED_OUT = "locked_out"  # this wrong PIN used the last attempt: the account is now locked
    LOCKED = "locked"  # the account was already locked; the PIN was not checked
    UNKNOWN = "unknown"  # no such account, or it is disabled


class LockReason(enum.Enum):
    QUIT = "quit"  # the mediator touched "Quitter"
    IDLE = "idle"  # no activity for mediator.idle_lock_seconds


def lockout_seconds(lockouts_before: int, base: int) -> int:
    """Delay of the next lock-out after `lockouts_before` earlier ones in a row."""
    return min(base * 2 ** min(lockouts_before, 20), MAX_LOCKOUT_SECONDS)


class StaffSession:
    """An open staff mode for one mediator; locks after `idle_seconds` without `touch()`."""

    def __init__(self, mediator: Mediator, journal: Journal, clock: Clock,
                 idle_seconds: int) -> None:
        self.mediator, self.journal, self.clock = mediator, journal, clock
        self.idle_seconds = idle_seconds
        self.started_at = self.last_activity = clock()
        self.lock_reason: LockReason | None = None

    @property
    def locked(self) -> bool:
        self.check_idle()
        return self.lock_reason is not None

    def touch(self) -> bool:
        """Record activity; False (and nothing renewed) when the session has already locked."""
        if self.locked:
            return False
        self.last_activity = self.clock()
        return True

    def seconds_until_lock(self) -> float:
        """For the screen's timer: 0 once locked."""
        if self.lock_reason is not None:
            return 0.0
        return max(0.0, self.last_activity + self.idle_seconds - self.clock())

    def check_idle(self) -> bool:
        """Lock if idle too long; True when this call locked it (the screen then leaves)."""
        if self.lock_reason is None and self.clock() - self.last_activity >= self.idle_seconds:
            self.lock(LockReason.IDLE)
            return True
        return False

    def quit(self) -> None:
        self.lock(LockReason.QUIT)

    def lock(self, reason: LockReason) -> None:
        if self.lock_reason is None:
            self.lock_reason = reason
            self.journal.record(Event.STAFF_LOCK, self.mediator.id, reason=reason.value)

    def message(self, language: str = "fr") -> str:
        key = "staff.locked_idle" if self.lock_reason is LockReason.IDLE else "staff.locked_quit"
        return messages.text(key, language)


@dataclass(frozen=True, slots=True)
class UnlockResult:
    outcome: UnlockOutcome
    mediator: Mediator | None  # None when UNKNOWN
    session: StaffSession | None  # only when UNLOCKED
    attempts_left: int | None  # after a WRONG_PIN
    retry_in_seconds: int | None  # when LOCKED_OUT or LOCKED

    @property
    def ok(self) -> bool:
        return self.outcome is UnlockOutcome.UNLOCKED

    def message(self, language: str = "fr") -> str:
        """The sentence for the PIN pad, in the citizen-facing catalogue's style."""
        wait = self.retry_in_seconds or 0
        fields = {"name": self.mediator.name if self.mediator else "",
                  "count": self.attempts_left, "minutes": wait // 60,
                  "seconds": wait % 60}
        return messages.text(f"unlock.{'ok' if self.ok else self.outcome.value}", language,
                             **fields)


class MediatorAuth:
    """Checks PINs against the accounts and applies the lock-out policy."""

    def __init__(self, accounts: Accounts, journal: Journal, clock: Clock = SYSTEM_CLOCK, *,
                 max_attempts: int = 5, base_lockout: int = 30,
                 idle_lock_seconds: int = 180) -> None:
        self.accounts, self.journal, self.clock = accounts, journal, clock
        self.max_attempts, self.base_lockout = max_attempts, base_lockout
        self.idle_lock_seconds = idle_lock_seconds

    def unlock(self, name_or_id: str, pin: str) -> UnlockResult:
        with self.accounts.store.write():  # one transaction: check and count together
            return self._unlock(name_or_id, pin)

    def _unlock(self, name_or_id: str, pin: str) -> UnlockResult:
        now = self.clock()
        mediator = self.accounts.find(name_or_id)
        if mediator is None or not mediator.active:
            # Same work as a real check: timing does not tell which names exist.
            check_pin(pin, dummy_hash(self.accounts.kdf))
            self.journal.record(Event.FAILED_PIN, mediator.id if mediator else None,
                                unknown_account=True)
            return UnlockResult(UnlockOutcome.UNKNOWN, None, None, None, None)
        if mediator.locked_at(now):
            self.journal.record(Event.FAILED_PIN, mediator.id, while_locked=True)
            return UnlockResult(UnlockOutcome.LOCKED, mediator, None, None,
                                _ceil(mediator.locked_until - now))
        if check_pin(pin, self.accounts.pin_hash(mediator.id)):
            self.accounts._update(mediator.id, failed_attempts=0, lockouts=0, locked_until=0,
                                  last_unlock_at=now)
            mediator = self.accounts.get(mediator.id)
            self.journal.record(Event.UNLOCK, mediator.id)
            session = StaffSession(mediator, self.journal, self.clock, self.idle_lock_seconds)
            return UnlockResult(UnlockOutcome.UNLOCKED, mediator, session, None, None)
        return self._wrong_pin(mediator, now)

    def _wrong_pin(self, mediator: Mediator, now: float) -> UnlockResult:
        attempts = mediator.failed_attempts + 1
        self.journal.record(Event.FAILED_PIN, mediator.id, attempt=attempts)
        if attempts < self.max_attempts:
            self.accounts._update(mediator.id, failed_attempts=attempts)
            return UnlockResult(UnlockOutcome.WRONG_PIN, self.accounts.get(mediator.id), None,
                                self.max_attempts - attempts, None)
        delay = lockout_seconds(mediator.lockouts, self.base_lockout)
        self.accounts._update(mediator.id, failed_attempts=0, lockouts=mediator.lockouts + 1,
                              locked_until=now + delay)
        self.journal.record(Event.LOCK_OUT, mediator.id, seconds=delay,
                            lockouts=mediator.lockouts + 1)
        return UnlockResult(UnlockOutcome.LOCKED_OUT, self.accounts.get(mediator.id), None,
                            0, delay)


def _ceil(seconds: float) -> int:
    return max(1, int(-(-seconds // 1)))
