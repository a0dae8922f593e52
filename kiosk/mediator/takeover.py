"""Take-over: a mediator continues a citizen's session beside them, then hands it back.

    ALONE --request_help--> HELP_REQUESTED --take_over--> ASSISTED --hand_back--> HANDED_BACK
      \\_____________________________take_over___________________/         (then as ALONE)

The journey and its answers are not touched here: the same session goes on, only who is at the
controls changes, and the screen shows the banner "Mode accompagné — <prénom>".

Acting on the citizen's behalf needs their recorded consent, modelled on Aidants Connect's
mandate: which procedure, for this session only, what the mediator will see, who receives the
request. A request submitted while a mediator is at the controls without that consent is
refused (ConsentRequired), so the screen must show the consent step first. The consent lives
in this object, which dies with the citizen's session: nothing is kept for a later visit.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.mediator import messages
from kiosk.mediator.auth import StaffSession
from kiosk.mediator.common import SYSTEM_CLOCK, Clock, check_identifier, iso_utc
from kiosk.mediator.journal import Event, Journal
from kiosk.mediator.tickets import HelpCall, WaitingList
from offline_cache.bidi import list_in

CONSENT_TEXT_VERSION = 2  # bump when consent.body changes: the hub sees which text was read
# 2: the questions the mediator will see are quoted ("« Où est le problème ? », « ... »")


class AssistState(enum.Enum):
    ALONE = "alone"  # the citizen uses the kiosk on their own
    HELP_REQUESTED = "help_requested"  # "Parler à quelqu'un" touched; waiting for someone
    ASSISTED = "assisted"  # a mediator is at the controls, banner shown
    HANDED_BACK = "handed_back"  # the mediator left; the citizen continues alone


class ConsentScope(enum.Enum):
    THIS_SESSION = "this_session"  # the only scope: it ends when the session is wiped


class TakeOverError(Exception):
    """A take-over step that the current state does not allow."""


class ConsentRequired(Exception):
    """A mediator is acting for the citizen on a procedure they have not consented to."""


@dataclass(frozen=True, slots=True)
class AssistedConsent:
    """The citizen's agreement that a mediator does one procedure for them, this session only."""

    id: str  # UUID
    mediator_id: str
    mediator_name: str  # read to the citizen; not sent to the hub
    service_id: str  # the procedure
    service_name: str  # as read to the citizen
    sees: tuple[str, ...]  # what the mediator will see, e.g. the form's question labels
    sends_to: str  # who receives the request, as read to the citizen
    language: str  # language the text was read in
    given_at: float
    scope: ConsentScope = ConsentScope.THIS_SESSION

    def as_payload(self) -> dict:
        """The "consent" object that travels with the request to the hub."""
        return {"id": self.id, "mediator_id": self.mediator_id, "service_id": self.service_id,
                "scope": self.scope.value, "sees": list(self.sees), "sends_to": self.sends_to,
                "language": self.language, "text_version": CONSENT_TEXT_VERSION,
                "given_at": iso_utc(self.given_at)}


def consent_text(mediator_name: str, service_name: str, sees: Sequence[str], sends_to: str,
                 language: str = "fr") -> dict[str, str]:
    """Title, body and buttons of the consent screen, to show and read aloud before `consent`."""
    fields = {"name": mediator_name, "service": service_name,
              "sees": _quoted_list(sees, language), "recipient": sends_to}
    return {part: messages.text(f"consent.{part}", language, **fields)
            for part in ("title", "body", "accept", "refuse")}


def _quoted_list(items: Sequence[str], language: str) -> str:
    """Each item quoted as the language quotes, after the language's comma: the questions end
    with their own question mark, and "problème ?, Où" would read as a mistake."""
    separator = messages.text("consent.list_separator", language)
    return list_in(language, separator.join(messages.text("consent.quoted", language, item=item)
                                            for item in items))


class Assistance:
    """The help status of ONE citizen session; make a new one when the journey starts."""

    def __init__(self, journal: Journal, clock: Clock = SYSTEM_CLOCK,
                 waiting_list: WaitingList | None = None) -> None:
        self.journal, self.clock, self.waiting_list = journal, clock, waiting_list
        self.session_ref = str(uuid.uuid4())  # links journal entries; not the journey's id
        self.state = AssistState.ALONE
        self.staff: StaffSession | None = None
        self.help_call: HelpCall | None = None
        self.helped_by: list[str] = []  # mediator ids, in order of take-over
        self.consents: dict[str, AssistedConsent] = {}  # service id -> consent

    @property
    def was_assisted(self) -> bool:
        """For today's statistics: did a mediator take over at any point?"""
        return bool(self.helped_by)

    def request_help(self, screen_id: str) -> HelpCall | None:
        """The citizen asks for someone; raises a help call on the waiting list if there is one."""
        check_identifier(screen_id, "the screen id")
        if self.state is AssistState.ASSISTED:
            return None  # someone is already there
        self.state = AssistState.HELP_REQUESTED
        if self.waiting_list is not None and self.help_call is None:
            self.help_call = self.waiting_list.raise_help(screen_id)
        return self.help_call

    def take_over(self, staff: StaffSession, screen_id: str) -> str:
        """The unlocked mediator takes the controls; returns the French banner text."""
        check_identifier(screen_id, "the screen id")
        if staff.locked:
            raise TakeOverError("staff mode is locked: unlock again to take over")
        if self.state is AssistState.ASSISTED:
            if self.staff is not None and self.staff.mediator.id == staff.mediator.id:
                return self.banner("fr") or ""
            raise TakeOverError("another mediator is assisting; they must hand back first")
        if self.help_call is not None and self.waiting_list is not None:
            self.waiting_list.answer_help(self.help_call.id, staff.mediator.id)
            self.help_call = None
        self.staff, self.state = staff, AssistState.ASSISTED
        self.helped_by.append(staff.mediator.id)
        staff.touch()
        self.journal.record(Event.TAKE_OVER, staff.mediator.id, session=self.session_ref,
                            screen=screen_id)
        return self.banner("fr") or ""

    def banner(self, language: str = "fr") -> str | None:
        """"Mode accompagné — Claire" while assisted, else None (no banner)."""
        if self.state is not AssistState.ASSISTED or self.staff is None:
            return None
        return messages.text("assist.banner", language, name=self.staff.mediator.name)

    def record_consent(self, service_id: str, service_name: str, sees: Sequence[str],
                       sends_to: str, language: str = "fr") -> AssistedConsent:
        """The citizen touched "J'accepte" on the consent screen (see consent_text)."""
        check_identifier(service_id, "the service id")
        if self.state is not AssistState.ASSISTED or self.staff is None:
            raise TakeOverError("consent is recorded while a mediator is assisting")
        if not sees or not all(isinstance(item, str) and item.strip() for item in sees):
            raise ValueError("say what the mediator will see: at least one non-empty label")
        consent = AssistedConsent(
            id=str(uuid.uuid4()), mediator_id=self.staff.mediator.id,
            mediator_name=self.staff.mediator.name, service_id=service_id,
            service_name=service_name, sees=tuple(sees), sends_to=sends_to, language=language,
            given_at=self.clock())
        self.consents[service_id] = consent
        self.journal.record(Event.CONSENT, consent.mediator_id, session=self.session_ref,
                            consent=consent.id, service=service_id)
        return consent

    def consent_needed(self, service_id: str) -> bool:
        """True when submitting `service_id` now would raise ConsentRequired."""
        return self.state is AssistState.ASSISTED and service_id not in self.consents

    def payload_fields(self, service_id: str) -> dict:
        """Fields to add to the request's payload before it is queued.

        {} when nobody helped; {"assisted_by": id, "consent": {...}} when the citizen consented
        for this procedure; {"assisted_by": id, "consent": None} when a mediator helped earlier
        but the citizen finished alone. Raises ConsentRequired when a mediator is at the
        controls without consent for this procedure.
        """
        consent = self.consents.get(service_id)
        if consent is not None:
            return {"assisted_by": consent.mediator_id, "consent": consent.as_payload()}
        if self.state is AssistState.ASSISTED:
            raise ConsentRequired(f"record the citizen's consent for '{service_id}' first")
        if self.helped_by:
            return {"assisted_by": self.helped_by[-1], "consent": None}
        return {}

    def check_staff(self) -> bool:
        """Hand back by itself when the mediator's staff mode locked (idle); True if it did."""
        if self.state is AssistState.ASSISTED and self.staff is not None and self.staff.locked:
            self.hand_back()
            return True
        return False

    def hand_back(self) -> None:
        """The citizen continues alone; answers and consents of this session are kept."""
        if self.state is not AssistState.ASSISTED or self.staff is None:
            raise TakeOverError("nobody is assisting this session")
        self.journal.record(Event.HAND_BACK, self.staff.mediator.id, session=self.session_ref)
        self.state, self.staff = AssistState.HANDED_BACK, None

    def end(self) -> None:
        """The session is wiped: an open help call is withdrawn, consents are forgotten."""
        if self.state is AssistState.ASSISTED:
            self.hand_back()
        if self.help_call is not None and self.waiting_list is not None:
            self.waiting_list.cancel_help(self.help_call.id)
            self.help_call = None
        self.consents.clear()
