"""The waiting list: tickets citizens take, help calls from any screen, "call the next one".

A ticket holds no personal data: a short code easy to say aloud ("A-012"), the reason as an
identifier (a service id, or "aide"), its state and times. Numbers restart every local day, so
they stay short. Help calls are separate from tickets: a citizen stuck on a screen does not queue,
the mediator walks over (screen id and time only).
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from kiosk.mediator import messages
from kiosk.mediator.common import SYSTEM_CLOCK, Clock, check_identifier, local_day
from kiosk.mediator.journal import Event, Journal

HELP_REASON = "aide"


class TicketState(enum.Enum):
    WAITING = "waiting"  # taken, not called yet
    CALLED = "called"  # shown and spoken on the attract screen; the person is on the way
    SERVED = "served"  # a mediator received the person
    CANCELLED = "cancelled"  # the person left, or did not come when called


class HelpState(enum.Enum):
    OPEN = "open"  # raised from a screen, nobody has come yet
    ANSWERED = "answered"  # a mediator came (took over, or helped beside)
    CANCELLED = "cancelled"  # the citizen's session ended before anyone came


class TicketError(Exception):
    """No such ticket or help call, or a change its state does not allow."""


@dataclass(frozen=True, slots=True)
class Ticket:
    id: str  # UUID, for the screens; people use `code`
    day: str  # local day 'YYYY-MM-DD'
    number: int  # 1, 2, 3... per day
    code: str  # "A-012": shown, printed, spoken
    reason: str  # service id, or "aide"
    state: TicketState
    created_at: float
    called_at: float | None
    closed_at: float | None
    called_by: str | None  # mediator id

    @classmethod
    def from_row(cls, row: dict) -> Ticket:
        return cls(row["id"], row["day"], row["number"], row["code"], row["reason"],
                   TicketState(row["state"]), row["created_at"], row["called_at"],
                   row["closed_at"], row["called_by"])

    def waiting_seconds(self, now: float) -> int:
        """Time waited: until called, or until now while still waiting."""
        end = self.called_at if self.called_at is not None else (self.closed_at or now)
        return max(0, int(end - self.created_at))

    @property
    def spoken(self) -> str:
        """"A 12": speech engines read "A-012" as "A minus zero twelve"."""
        letter, number = self.code.split("-")
        return f"{letter} {int(number)}"


@dataclass(frozen=True, slots=True)
class Call:
    """What "Appeler la personne suivante" shows and says on the attract screen."""

    ticket: Ticket
    display: dict[str, str]  # language -> "Ticket A-012, Guichet 2"
    speech: dict[str, str]  # language -> "Ticket A 12, Guichet 2."


@dataclass(frozen=True, slots=True)
class HelpCall:
    id: str
    day: str
    screen: str  # the journey screen the call came from, e.g. "question"
    state: HelpState
    created_at: float
    answered_at: float | None
    answered_by: str | None

    @classmethod
    def from_row(cls, row: dict) -> HelpCall:
        return cls(row["id"], row["day"], row["screen"], HelpState(row["state"]),
                   row["created_at"], row["answered_at"], row["answered_by"])

    def waiting_seconds(self, now: float) -> int:
        end = self.answered_at if self.answered_at is not None else now
        return max(0, int(end - self.created_at))


class WaitingList:
    """Tickets and help calls in the mediator database (see storage.py)."""

    def __init__(self, store, journal: Journal, clock: Clock = SYSTEM_CLOCK, *,
                 prefix: str = "A", counter_name: str = "Guichet 1") -> None:
        self.store, self.journal, self.clock = store, journal, clock
        self.prefix, self.counter_name = prefix, counter_name

    # -- tickets ----------------------------------------------------------------------------

    def take_ticket(self, reason: str = HELP_REASON) -> Ticket:
        """A new ticket for today; `reason` is a service id or "aide", never free text."""
        check_identifier(reason, "a ticket's reason")
        now = self.clock()
        day = local_day(now)
        ticket_id = str(uuid.uuid4())
        with self.store.write() as db:  # number chosen and inserted in one transaction
            last = db.execute("SELECT MAX(number) FROM tickets WHERE day = ?", [day]).fetchone()
            number = (last[0] or 0) + 1
            db["tickets"].insert({
                "id": ticket_id, "day": day, "number": number,
                "code": f"{self.prefix}-{number:03d}", "reason": reason,
                "state": TicketState.WAITING.value, "created_at": now,
            })
        return self.ticket(ticket_id)

    def ticket(self, ticket_id: str) -> Ticket:
        rows = self.store.read("SELECT * FROM tickets WHERE id = ?", [ticket_id])
        if not rows:
            raise TicketError(f"no ticket {ticket_id}")
        return Ticket.from_row(rows[0])

    def today(self) -> list[Ticket]:
        """Every ticket of the day, in order of number."""
        rows = self.store.read("SELECT * FROM tickets WHERE day = ? ORDER BY number",
                               [local_day(self.clock())])
        return [Ticket.from_row(row) for row in rows]

    def waiting(self) -> list[Ticket]:
        return [t for t in self.today() if t.state is TicketState.WAITING]

    def call_next(self, mediator_id: str | None = None) -> Call | None:
        """Call the oldest waiting ticket of today; None when nobody waits."""
        waiting = self.waiting()
        if not waiting:
            return None
        ticket = waiting[0]
        now = self.clock()
        with self.store.write() as db:
            db["tickets"].update(ticket.id, {"state": TicketState.CALLED.value,
                                             "called_at": now, "called_by": mediator_id})
        called = self.ticket(ticket.id)
        self.journal.record(Event.TICKET_CALLED, mediator_id, ticket=called.code,
                            reason=called.reason, waited_seconds=called.waiting_seconds(now))
        return self.announcement(called)

    def announcement(self, ticket: Ticket) -> Call:
        """The texts for a call (also to call a ticket again when nobody came)."""
        fields = {"code": ticket.code, "spoken": ticket.spoken, "counter": self.counter_name}
        return Call(ticket, messages.both("ticket.call.display", **fields),
                    messages.both("ticket.call.speech", **fields))

    def serve(self, ticket_id: str) -> Ticket:
        return self._close(ticket_id, TicketState.SERVED)

    def cancel(self, ticket_id: str) -> Ticket:
        return self._close(ticket_id, TicketState.CANCELLED)

    def _close(self, ticket_id: str, state: TicketState) -> Ticket:
        ticket = self.ticket(ticket_id)
        if ticket.state in (TicketState.SERVED, TicketState.CANCELLED):
            raise TicketError(f"ticket {ticket.code} is already {ticket.state.value}")
        with self.store.write() as db:
            db["tickets"].update(ticket_id, {"state": state.value, "closed_at": self.clock()})
        return self.ticket(ticket_id)

    # -- help calls -------------------------------------------------------------------------

    def raise_help(self, screen_id: str) -> HelpCall:
        """A citizen touched "Parler à quelqu'un" on `screen_id` (e.g. "question")."""
        check_identifier(screen_id, "a help call's screen id")
        now = self.clock()
        help_id = str(uuid.uuid4())
        with self.store.write() as db:
            db["help_calls"].insert({"id": help_id, "day": local_day(now), "screen": screen_id,
                                     "state": HelpState.OPEN.value, "created_at": now})
        return self.help_call(help_id)

    def help_call(self, help_id: str) -> HelpCall:
        rows = self.store.read("SELECT * FROM help_calls WHERE id = ?", [help_id])
        if not rows:
            raise TicketError(f"no help call {help_id}")
        return HelpCall.from_row(rows[0])

    def open_help_calls(self) -> list[HelpCall]:
        rows = self.store.read("SELECT * FROM help_calls WHERE state = ? ORDER BY created_at",
                               [HelpState.OPEN.value])
        return [HelpCall.from_row(row) for row in rows]

    def answer_help(self, help_id: str, mediator_id: str | None) -> HelpCall:
        return self._close_help(help_id, HelpState.ANSWERED, mediator_id)

    def cancel_help(self, help_id: str) -> HelpCall:
        return self._close_help(help_id, HelpState.CANCELLED, None)

    def _close_help(self, help_id: str, state: HelpState, mediator_id: str | None) -> HelpCall:
        call = self.help_call(help_id)
        if call.state is not HelpState.OPEN:
            raise TicketError(f"help call {help_id} is already {call.state.value}")
        with self.store.write() as db:
            db["help_calls"].update(help_id, {"state": state.value, "answered_at": self.clock(),
                                              "answered_by": mediator_id})
        return self.help_call(help_id)
