"""The audit journal: append-only JSON lines, each chained to the previous by SHA-256.

Why a text file and not a table: an auditor can read it with `less`, the hub can store it as is,
and "alter one byte and the check fails" holds for every byte, because each line must be
exactly the canonical JSON of its entry (sorted keys, no spaces, ASCII only).

Hash of entry n = SHA-256(hash of entry n-1 + canonical JSON of entry n without its "hash").
The first entry chains to GENESIS. A small head file (`journal.head.json`) remembers the last
sequence number and hash, so cutting entries off the end is detected too, and how far the hub
has acknowledged (`sent_through`). Someone able to rewrite both files can forge a new chain;
the copy the hub receives with each heartbeat is the witness against that (docs/mediator.md).

No citizen personal data: each event accepts only the keys listed in EVENT_FIELDS, and every
value must be a number, a boolean, None or an identifier (see common.check_identifier).
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.mediator.common import SYSTEM_CLOCK, Clock, check_identifier, iso_utc
from offline_cache.journal_chain import GENESIS, canonical, check_entry, entry_hash

try:  # POSIX: the CLI and the kiosk may append at the same time
    import fcntl
except ImportError:  # pragma: no cover - not on Debian
    fcntl = None  # type: ignore[assignment]

JOURNAL_FORMAT = 1


class Event(enum.Enum):
    UNLOCK = "unlock"  # a mediator opened staff mode with the right PIN
    FAILED_PIN = "failed_pin"  # a wrong PIN, or a name that is no active account
    LOCK_OUT = "lock_out"  # too many wrong PINs: the account waits `seconds`
    STAFF_LOCK = "staff_lock"  # staff mode closed: "Quitter" or idle time
    TAKE_OVER = "take_over"  # a mediator continues a citizen's session beside them
    HAND_BACK = "hand_back"  # the session returns to the citizen alone
    CONSENT = "consent"  # the citizen agreed that the mediator acts on their behalf
    RETRY = "retry"  # a held request was put back in the queue
    EXPORT = "export"  # unsent requests were written to a folder (USB stick)
    SETTINGS_CHANGE = "settings_change"  # a setting changed behind the PIN
    TICKET_CALLED = "ticket_called"  # "Appeler la personne suivante" called a waiting ticket
    ACCOUNT_ADDED = "account_added"  # `kiosk mediator add`
    ACCOUNT_DISABLED = "account_disabled"  # `kiosk mediator disable`
    ACCOUNT_ENABLED = "account_enabled"  # `kiosk mediator enable`
    PIN_RESET = "pin_reset"  # `kiosk mediator reset-pin` (also lifts a lock-out)
    KIOSK_STOP = "kiosk_stop"  # "Arrêter la borne" behind the PIN (maintenance)


# The only keys each event may carry besides the mediator id. Anything else is refused,
# so a caller cannot slip a citizen's answer into the journal.
EVENT_FIELDS: dict[Event, frozenset[str]] = {
    Event.UNLOCK: frozenset(),
    Event.FAILED_PIN: frozenset({"attempt", "unknown_account", "while_locked"}),
    Event.LOCK_OUT: frozenset({"seconds", "lockouts"}),
    Event.STAFF_LOCK: frozenset({"reason"}),
    Event.TAKE_OVER: frozenset({"session", "screen"}),
    Event.HAND_BACK: frozenset({"session"}),
    Event.CONSENT: frozenset({"session", "consent", "service"}),
    Event.RETRY: frozenset({"item"}),
    Event.EXPORT: frozenset({"items"}),
    Event.SETTINGS_CHANGE: frozenset({"key", "old", "new"}),
    Event.TICKET_CALLED: frozenset({"ticket", "reason", "waited_seconds"}),
    Event.ACCOUNT_ADDED: frozenset(),
    Event.ACCOUNT_DISABLED: frozenset(),
    Event.ACCOUNT_ENABLED: frozenset(),
    Event.PIN_RESET: frozenset(),
    Event.KIOSK_STOP: frozenset(),
}
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TICKET = re.compile(r"[A-Z]-\d{3,4}")
_MEDIATOR_ID = re.compile(r"med-[0-9a-f]{8}")


class JournalError(Exception):
    """The journal cannot be written or read; the message names the file."""


def _check_value(key: str, value: Any) -> Any:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, str) and (_UUID.fullmatch(value) or _TICKET.fullmatch(value)):
        return value
    return check_identifier(value, f"journal field '{key}'")


@dataclass(frozen=True, slots=True)
class Verification:
    """Result of `Journal.verify()`: ok, or the first bad entry and why."""

    ok: bool
    entries: int  # entries read before the first problem (all of them when ok)
    first_bad_line: int | None  # 1-based line in the file
    first_bad_seq: int | None  # the sequence number expected there
    reason: str


class Journal:
    """Append and verify the audit journal in `folder` (journal.jsonl + journal.head.json)."""

    def __init__(self, folder: Path, kiosk_id: str, clock: Clock = SYSTEM_CLOCK) -> None:
        self.path = Path(folder) / "journal.jsonl"
        self.head_path = Path(folder) / "journal.head.json"
        self.kiosk_id = kiosk_id
        self.clock = clock

    # -- writing ----------------------------------------------------------------------------

    def record(self, event: Event, mediator_id: str | None = None, **fields: Any) -> dict:
        """Append one entry and return it (with its hash). Refuses unknown fields."""
        unknown = set(fields) - EVENT_FIELDS[event]
        if unknown:
            raise ValueError(f"event '{event.value}' does not take {sorted(unknown)}")
        if mediator_id is not None and not _MEDIATOR_ID.fullmatch(mediator_id):
            raise ValueError("mediator_id must look like 'med-1a2b3c4d'")
        data = {key: _check_value(key, value) for key, value in sorted(fields.items())}
        with self._locked():
            head = self._read_head()
            body = {
                "v": JOURNAL_FORMAT, "seq": head["seq"] + 1, "at": iso_utc(self.clock()),
                "kiosk": self.kiosk_id, "event": event.value, "mediator": mediator_id,
                "data": data, "prev": head["hash"],
            }
            entry = {**body, "hash": entry_hash(head["hash"], body)}
            line = canonical(entry) + "\n"
            with open(self.path, "a", encoding="ascii") as stream:
                stream.write(line)
                stream.flush()
                os.fsync(stream.fileno())  # durable before the head says it exists
            self._write_head({**head, "seq": entry["seq"], "hash": entry["hash"]})
        return entry

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _read_head(self) -> dict[str, Any]:
        try:
            head = json.loads(self.head_path.read_text(encoding="ascii"))
        except FileNotFoundError:
            if self.path.exists() and self.path.stat().st_size:
                raise JournalError(
                    f"{self.head_path} is missing while {self.path} has entries; run "
                    "`kiosk mediator journal --verify` and keep both files for the audit"
                ) from None
            return {"seq": 0, "hash": GENESIS, "sent_through": 0}
        except (OSError, ValueError) as error:
            raise JournalError(f"{self.head_path} cannot be read ({error})") from None
        return head

    def _write_head(self, head: dict[str, Any]) -> None:
        # Write-then-rename: a crash leaves the old head or the new one, never half of one.
        temporary = self.head_path.with_suffix(".tmp")
        with open(temporary, "w", encoding="ascii") as stream:
            stream.write(canonical(head))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, self.head_path)

    # -- reading ----------------------------------------------------------------------------

    def entries(self) -> list[dict]:
        """Every entry as written (no check: use `verify()` for that)."""
        if not self.path.exists():
            return []
        with open(self.path, encoding="ascii", errors="replace") as stream:
            return [json.loads(line) for line in stream if line.strip()]

    def verify(self) -> Verification:
        """Re-walk the chain; name the first entry that was altered, removed or moved."""
        previous, seq, count = GENESIS, 0, 0
        raw = self.path.read_bytes() if self.path.exists() else b""
        lines = raw.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        elif raw:
            return self._bad(len(lines), seq + len(lines), "the last line is cut short")
        for number, line in enumerate(lines, start=1):
            seq += 1
            problem = self._check_line(line, previous, seq)
            if problem:
                return self._bad(number, seq, problem)
            previous = json.loads(line)["hash"]
            count += 1
        try:
            head = self._read_head()
        except JournalError as error:
            return Verification(False, count, None, None, str(error))
        if head["seq"] != count or head["hash"] != previous:
            return self._bad(count + 1, head["seq"],
                             f"the journal ends at entry {count} but the kiosk recorded "
                             f"{head['seq']} entries: entries were removed from the end")
        return Verification(True, count, None, None, f"{count} entries, chain intact")

    @staticmethod
    def _check_line(line: bytes, previous: str, seq: int) -> str | None:
        try:
            entry = json.loads(line.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            return "not a valid JSON line"
        if not isinstance(entry, dict) or canonical(entry).encode("ascii") != line:
            return "not written in the canonical form: the line was edited"
        return check_entry(entry, previous, seq)

    def _bad(self, line: int, seq: int, reason: str) -> Verification:
        return Verification(False, line - 1, line, seq,
                            f"{self.path}: line {line} (entry {seq}): {reason}")

    # -- heartbeat --------------------------------------------------------------------------

    def unsent(self, limit: int = 200) -> list[dict]:
        """The oldest entries the hub has not acknowledged yet, at most `limit`."""
        with self._locked():
            head = self._read_head()
        sent_through = head.get("sent_through", 0)
        if sent_through >= head["seq"]:
            return []  # the usual case, every sync interval: no need to read the file
        return [entry for entry in self.entries() if entry["seq"] > sent_through][:limit]

    def mark_sent(self, through_seq: int) -> None:
        """Record that the hub acknowledged every entry up to `through_seq` (never goes back)."""
        with self._locked():
            head = self._read_head()
            if through_seq > head["seq"]:
                raise ValueError(f"entry {through_seq} does not exist (last is {head['seq']})")
            if through_seq > head.get("sent_through", 0):
                self._write_head({**head, "sent_through": through_seq})

    def take_unsent(self, limit: int = 200) -> list[dict]:
        """Return unsent entries and mark them sent at once (at most once delivery).

        Prefer `unsent()` then `mark_sent()` after the hub's answer: a heartbeat lost on the
        way then sends the same entries again, and the hub ignores repeated sequence numbers.
        """
        batch = self.unsent(limit)
        if batch:
            self.mark_sent(batch[-1]["seq"])
        return batch
