"""Mediator mode for one kiosk process, composed for the screens: no Qt here.

Why one object: the window, the journey's outbox and the staff screens all need the same
mediator database (one writer), the same staff session and the Assistance of the citizen
session on screen. `MediatorDesk` holds those three and nothing else; the rules stay in
kiosk.mediator.

- `services` opens the mediator database on first use (SQLite costs start-up time).
- `assistance` is made when first needed and ended by `session_ended` (the journey's reset):
  a help call is withdrawn, consents are forgotten, today's anonymous counters go up by one.
- `payload_fields` makes the desk usable as the "assistance" of an AssistedOutbox: the outbox
  built once for the journey always asks the Assistance of the session on screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk import log_sessions
from kiosk.config import KioskConfig

if TYPE_CHECKING:
    from kiosk.catalog import Service
    from kiosk.mediator import (
        Assistance,
        Call,
        MediatorServices,
        StaffSession,
        Ticket,
        UnlockResult,
    )
    from kiosk.mediator.accounts import Mediator

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class ConsentRequest:
    """What the citizen is asked before a mediator does a procedure with them: built once,
    so the consent screen says exactly what the recorded consent keeps."""

    service_id: str
    service_name: str
    sees: tuple[str, ...]  # the form's question labels: what the mediator sees
    sends_to: str  # the authority that receives the request
    language: str

    @classmethod
    def for_service(cls, service: Service, language: str) -> ConsentRequest:
        from kiosk.catalog import localized

        name = localized(service.title, language)
        sees = tuple(localized(step.label, language) for step in service.steps) or (name,)
        return cls(service.id, name, sees, localized(service.authority, language), language)

    def text(self, mediator_name: str) -> dict[str, str]:
        """Title, body and buttons of the consent screen (kiosk.mediator.consent_text)."""
        from kiosk.mediator import consent_text

        return consent_text(mediator_name, self.service_name, self.sees, self.sends_to or "—",
                            self.language)


class MediatorDesk:
    def __init__(self, config: KioskConfig, clock: Callable[[], float] | None = None,
                 kdf: Any = None,
                 opener: Callable[[], MediatorServices] | None = None) -> None:
        self.config = config
        self._clock, self._kdf, self._opener = clock, kdf, opener
        self._services: MediatorServices | None = None
        self._assistance: Assistance | None = None
        self.staff: StaffSession | None = None

    # Opening -----------------------------------------------------------------------------
    @property
    def services(self) -> MediatorServices:
        if self._services is None:
            self._services = self._opener() if self._opener else self._open()
        return self._services

    def _open(self) -> MediatorServices:
        from kiosk.mediator import DEFAULT_KDF, MediatorServices
        from kiosk.mediator.common import SYSTEM_CLOCK

        return MediatorServices.open(self.config, clock=self._clock or SYSTEM_CLOCK,
                                     kdf=self._kdf or DEFAULT_KDF)

    @property
    def assistance(self) -> Assistance:
        if self._assistance is None:
            self._assistance = self.services.new_assistance()
        return self._assistance

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None

    # Staff mode --------------------------------------------------------------------------
    def accounts(self) -> list[Mediator]:
        """Active accounts, for the big name buttons of the PIN screen."""
        return [account for account in self.services.accounts.list() if account.active]

    def unlock(self, name_or_id: str, pin: str) -> UnlockResult:
        result = self.services.auth.unlock(name_or_id, pin)
        if result.ok:
            self.staff = result.session
            log.info("staff mode opened", extra={"session": log_sessions.begin_staff_session()})
        else:
            log.log(logging.WARNING if result.retry_in_seconds else logging.INFO,
                    "staff mode not opened: %s", result.outcome.value)
        return result

    @property
    def staff_open(self) -> bool:
        return self.staff is not None and not self.staff.locked

    def touch(self) -> None:
        if self.staff is not None:
            self.staff.touch()

    def check_idle(self) -> bool:
        """True when staff mode has just closed after inactivity (the assistance hands back)."""
        if self.staff is None or not self.staff.check_idle():
            return False
        if self._assistance is not None:
            self._assistance.check_staff()
        self.staff = None
        log.info("staff mode locked after inactivity")
        log_sessions.end_staff_session()
        return True

    def quit_staff(self) -> None:
        if self.staff is not None:
            self.staff.quit()
            self.staff = None
            log.info("staff mode closed")
            log_sessions.end_staff_session()

    # Waiting list ------------------------------------------------------------------------
    def take_ticket(self, screen_id: str) -> Ticket:
        """A ticket for the citizen and a help call carrying the screen they called from."""
        ticket = self.services.waiting_list.take_ticket()
        self.assistance.request_help(screen_id)
        return ticket

    def call_next(self) -> Call | None:
        return self.services.waiting_list.call_next(self.staff.mediator.id if self.staff
                                                    else None)

    # Take-over ---------------------------------------------------------------------------
    @property
    def assisting(self) -> bool:
        return self._assistance is not None and self._assistance.banner() is not None

    def is_this_session(self, help_id: str) -> bool:
        call = self._assistance.help_call if self._assistance is not None else None
        return call is not None and call.id == help_id

    def take_over(self, screen_id: str) -> str:
        """The unlocked mediator continues the session on screen; returns the banner text."""
        return self.assistance.take_over(self.staff, screen_id)

    def hand_back(self) -> None:
        """The citizen continues alone; staff mode closes with it (nobody left at the desk)."""
        if self.assisting:
            self.assistance.hand_back()
        self.quit_staff()

    def banner(self, language: str) -> str | None:
        return self._assistance.banner(language) if self._assistance is not None else None

    def record_service_consent(self, service: Service, language: str) -> None:
        """The citizen's "J'accepte", recorded while the mediator is at the controls."""
        self.record_consent(ConsentRequest.for_service(service, language))

    def record_consent(self, request: ConsentRequest) -> None:
        self.assistance.record_consent(request.service_id, request.service_name,
                                       request.sees, request.sends_to, request.language)

    def payload_fields(self, service_id: str) -> dict:
        """For AssistedOutbox: may raise ConsentRequired (the journey shows the consent)."""
        if self._assistance is None:
            return {}
        return self._assistance.payload_fields(service_id)

    def assisted_outbox(self, inner):
        from kiosk.mediator import AssistedOutbox

        return AssistedOutbox(inner, self)

    # End of a citizen session ------------------------------------------------------------
    def session_ended(self, service_id: str | None, completed: bool, last_step: str) -> None:
        """Count the session (anonymous), end its assistance; the next citizen starts alone."""
        assisted = self._assistance is not None and self._assistance.was_assisted
        if self._assistance is not None:
            self._assistance.end()
            self._assistance = None
        self.services.statistics.record_session_end(service_id, completed, assisted, last_step)
