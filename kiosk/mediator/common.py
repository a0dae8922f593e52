"""Small shared pieces of mediator mode: the clock, identifiers, days, where the files live.

Why an injectable clock everywhere: lock-out delays, idle locks and per-day ticket numbers all
depend on time, and tests must move time by hand instead of sleeping.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

Clock = Callable[[], float]  # seconds since the epoch, like time.time

SYSTEM_CLOCK: Clock = time.time

# Identifiers we accept from callers (service ids, screen ids, step ids): lowercase words as in
# the catalogue. Refusing spaces, capitals and '@' keeps names, addresses and e-mails out of
# tickets, statistics and the journal even when a caller passes the wrong thing by mistake.
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_.-]{0,63}")


def check_identifier(value: object, what: str) -> str:
    """Return `value` if it looks like a catalogue identifier, else raise ValueError."""
    if not isinstance(value, str) or _IDENTIFIER.fullmatch(value) is None:
        raise ValueError(
            f"{what} must be an identifier such as 'carte-identite' (lowercase letters, digits, "
            f"'-', '_', '.'; up to 64 characters), never free text; got a {type(value).__name__}"
        )
    return value


def local_day(at: float) -> str:
    """The kiosk's local calendar day, 'YYYY-MM-DD': tickets and statistics restart each day."""
    return datetime.fromtimestamp(at).strftime("%Y-%m-%d")


def iso_utc(at: float) -> str:
    """A UTC timestamp to the second, as the hub and the journal expect it."""
    return datetime.fromtimestamp(int(at), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def mediator_dir(data_dir: Path) -> Path:
    """Folder of the staff accounts, tickets, statistics and the journal."""
    return Path(data_dir) / "mediator"
