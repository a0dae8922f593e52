"""The guided request as a plain state machine: one question at a time, review, consent, submit.

The Qt screens render `engine.phase` and `engine.current_step` and forward taps to `answer`,
`back`, `edit`, `confirm_review`, `give_consent` and `submit`; everything here runs (and is
tested) without a screen. What a citizen typed is kept as a draft even when it is refused, so
a validation message never wipes their work; `clear()` drops everything when they leave.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from kiosk.catalog.model import Service, Step, localized
from kiosk.forms.communes import communes_for_postal_code
from kiosk.forms.messages import message
from kiosk.forms.validators import (
    CommuneLookup,
    Context,
    Invalid,
    Valid,
    display_answer,
    validate,
)
from kiosk.receipt import reference_for

PAYLOAD_VERSION = 1


class Phase(enum.Enum):
    """Where the citizen is in one guided request."""

    QUESTION = "question"  # one question on screen: current_step
    REVIEW = "review"  # every answer listed, each with "Modifier"
    CONSENT = "consent"  # the "your data" screen, waiting for an explicit yes
    SUBMITTED = "submitted"  # handed to the outbox; answers already dropped from memory


class FormError(Exception):
    """The engine was driven out of order (a bug in the caller, never a citizen's input)."""


class Outbox(Protocol):
    """Where a finished request goes; the real one encrypts and syncs (kiosk.outbox_service)."""

    def enqueue(self, service_id: str, routing: str, payload: Mapping[str, Any]) -> str:
        """Store durably and return the outbox's id for the item."""
        ...


@dataclass(frozen=True, slots=True)
class Progress:
    """"Question 2 sur 5", counting the questions the current answers may still show."""

    number: int
    total: int

    def text(self, lang: str) -> str:
        return message("form.progress", lang, number=self.number, total=self.total)


@dataclass(frozen=True, slots=True)
class ReviewLine:
    """One row of the review screen: the question, the answer as shown, and its step to edit."""

    step_id: str
    label: str
    answer: str


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """A finished request, as handed to the outbox. Holds personal data: never log it."""

    client_id: str  # UUID made on the kiosk: the idempotency key at the hub, forever
    reference: str  # short code read aloud and printed, derived from client_id
    service_id: str
    routing: str  # destination key at the hub (catalogue `routing`)
    answers: Mapping[str, Any]  # step id -> normalised value; only the steps that applied
    created_at: datetime  # timezone-aware, UTC
    language: str  # the language the citizen used
    consent_at: datetime  # when the citizen said yes on the "your data" screen

    def payload(self) -> dict[str, Any]:
        """The JSON-ready dict the outbox stores."""
        return {
            "payload_version": PAYLOAD_VERSION,
            "client_id": self.client_id,
            "reference": self.reference,
            "service_id": self.service_id,
            "routing": self.routing,
            "created_at": self.created_at.isoformat(),
            "consent_at": self.consent_at.isoformat(),
            "language": self.language,
            "answers": dict(self.answers),
        }


@dataclass(frozen=True, slots=True)
class Submission:
    """What the receipt needs after submit: no personal data, only where and how to follow it."""

    client_id: str
    reference: str
    service_id: str
    routing: str
    created_at: datetime
    outbox_id: str


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _matches(answer: Any, expected: str | tuple[str, ...]) -> bool:
    """A yes/no or choice answer meets a condition; a multiple choice meets it by any item."""
    wanted = expected if isinstance(expected, tuple) else (expected,)
    given = answer if isinstance(answer, list) else [answer]
    return any(item in wanted for item in given)


class FormEngine:
    """One citizen, one service, one guided request."""

    def __init__(
        self,
        service: Service,
        outbox: Outbox,
        *,
        lang: str = "fr",
        clock: Callable[[], datetime] = _utc_now,
        new_id: Callable[[], uuid.UUID] = uuid.uuid4,
        communes: CommuneLookup = communes_for_postal_code,
    ) -> None:
        if not service.steps:
            raise FormError(f"service {service.id!r} has no form steps")
        self.service = service
        self.lang = lang
        self._outbox = outbox
        self._clock = clock
        self._new_id = new_id
        self._communes = communes
        self.clear()

    # --- State the screens read -----------------------------------------------------------

    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def current_step(self) -> Step | None:
        """The question on screen; None outside the QUESTION phase."""
        return self._current if self._phase is Phase.QUESTION else None

    @property
    def editing(self) -> bool:
        """True when the question was opened with "Modifier": answering returns to the review."""
        return self._editing

    @property
    def error(self) -> Invalid | None:
        """Why the last answer to the current question was refused, until it is accepted."""
        return self._errors.get(self._current.id) if self._phase is Phase.QUESTION else None

    @property
    def client_id(self) -> str:
        return self._client_id

    def visible_steps(self) -> tuple[Step, ...]:
        """The questions that apply given the answers so far (a step's condition looks back)."""
        visible: list[Step] = []
        shown: dict[str, Any] = {}
        for step in self.service.steps:
            if all(
                key in shown and _matches(shown[key], expected)
                for key, expected in step.show_if.items()
            ):
                visible.append(step)
                if step.id in self._answers:
                    shown[step.id] = self._answers[step.id]
        return tuple(visible)

    def possible_steps(self) -> tuple[Step, ...]:
        """The questions that apply, or still may: a condition on a question not answered yet
        is open. Counting these, the total only shrinks as answers come ("5 sur 7", then the
        review after a "no"), never grows under the citizen's feet ("5 sur 5", then "6 sur 7").
        """
        possible: dict[str, Step] = {}
        for step in self.service.steps:
            if all(
                key in possible and (key not in self._answers
                                     or _matches(self._answers[key], expected))
                for key, expected in step.show_if.items()
            ):
                possible[step.id] = step
        return tuple(possible.values())

    def progress(self) -> Progress:
        steps = self.possible_steps()
        number = steps.index(self._current) + 1 if self._current in steps else len(steps)
        return Progress(number=number, total=len(steps))

    def draft(self, step_id: str | None = None) -> Any:
        """What was last typed for a question (accepted or not), to put back in the field."""
        return self._drafts.get(step_id or self._current.id)

    def answer_value(self, step_id: str) -> Any:
        """The accepted, normalised answer to a question, or None."""
        return self._answers.get(step_id)

    def review(self, lang: str | None = None) -> tuple[ReviewLine, ...]:
        lang = lang or self.lang
        return tuple(
            ReviewLine(step.id, localized(step.label, lang),
                       display_answer(step, self._answers.get(step.id), lang))
            for step in self.visible_steps()
        )

    # --- Taps the screens forward ----------------------------------------------------------

    def keep_draft(self, raw: Any) -> None:
        """Remember a half-typed answer (e.g. before "Retour") without judging it."""
        self._require(Phase.QUESTION)
        self._drafts[self._current.id] = raw

    def answer(self, raw: Any) -> Invalid | None:
        """Check the answer to the current question: None and move on, or why it was refused."""
        self._require(Phase.QUESTION)
        step = self._current
        self._drafts[step.id] = raw
        ctx = Context(today=self._clock().astimezone().date(), communes=self._communes)
        result = validate(step, raw, ctx)
        if isinstance(result, Invalid):
            self._errors[step.id] = result
            return result
        assert isinstance(result, Valid)
        self._errors.pop(step.id, None)
        self._answers[step.id] = result.value
        self._advance()
        return None

    def back(self) -> bool:
        """One screen back; False at the first question (the caller shows the service page)."""
        if self._phase is Phase.QUESTION:
            steps = self.visible_steps()
            if self._editing and self._current.id in self._answers:
                self._editing = False
                self._phase = Phase.REVIEW
                return True
            index = steps.index(self._current) if self._current in steps else 0
            if index == 0:
                return False
            self._current = steps[index - 1]
            return True
        if self._phase is Phase.REVIEW:
            self._current = self.visible_steps()[-1]
            self._phase = Phase.QUESTION
            return True
        if self._phase is Phase.CONSENT:
            self._consent_at = None
            self._phase = Phase.REVIEW
            return True
        return False

    def edit(self, step_id: str) -> None:
        """"Modifier" on the review screen: open that question, then come back to the review."""
        self._require(Phase.REVIEW)
        step = next((s for s in self.visible_steps() if s.id == step_id), None)
        if step is None:
            raise FormError(f"no visible step {step_id!r} in service {self.service.id!r}")
        self._current = step
        self._editing = True
        self._phase = Phase.QUESTION

    def confirm_review(self) -> bool:
        """The citizen checked the answers: show the "your data" screen and return True.

        If a question that applies still has no answer (an edit opened it, then "Retour"),
        show that question instead and return False.
        """
        self._require(Phase.REVIEW)
        missing = [step for step in self.visible_steps() if step.id not in self._answers]
        if missing:
            self._current, self._editing, self._phase = missing[0], True, Phase.QUESTION
            return False
        self._phase = Phase.CONSENT
        return True

    def give_consent(self) -> None:
        """The citizen said yes on the "your data" screen; recorded with its time."""
        self._require(Phase.CONSENT)
        self._consent_at = self._clock()

    def submit(self) -> Submission:
        """Hand the request to the outbox, then drop the answers from memory.

        If the outbox raises (disk full...), the answers and the client id stay, so a retry
        sends the same request under the same idempotency key.
        """
        self._require(Phase.CONSENT)
        if self._consent_at is None:
            raise FormError("submit() before give_consent()")
        record = self.record()
        outbox_id = self._outbox.enqueue(record.service_id, record.routing, record.payload())
        submission = Submission(
            client_id=record.client_id, reference=record.reference, service_id=record.service_id,
            routing=record.routing, created_at=record.created_at, outbox_id=outbox_id,
        )
        self._wipe()
        self._phase = Phase.SUBMITTED
        return submission

    def record(self) -> RequestRecord:
        """The request as it would be sent now (answers of the steps that apply only)."""
        if self._consent_at is None:
            raise FormError("no consent recorded")
        return RequestRecord(
            client_id=self._client_id, reference=reference_for(self._client_id),
            service_id=self.service.id, routing=self.service.routing,
            answers={step.id: self._answers.get(step.id) for step in self.visible_steps()},
            created_at=self._clock().astimezone(UTC), language=self.lang,
            consent_at=self._consent_at.astimezone(UTC),
        )

    def clear(self) -> None:
        """Forget everything typed, start again at the first question under a new client id."""
        self._wipe()
        self._client_id = str(self._new_id())
        self._phase = Phase.QUESTION

    # --- Inside ----------------------------------------------------------------------------

    def _wipe(self) -> None:
        self._answers: dict[str, Any] = {}
        self._drafts: dict[str, Any] = {}
        self._errors: dict[str, Invalid] = {}
        self._consent_at: datetime | None = None
        self._editing = False
        self._current: Step = self.service.steps[0]

    def _advance(self) -> None:
        steps = self.visible_steps()
        if not self._editing:
            later = steps[steps.index(self._current) + 1:] if self._current in steps else ()
            if later:
                self._current = later[0]
                return
        # After an edit (or at the end), an answer may have opened a new question: ask it.
        missing = [step for step in steps if step.id not in self._answers]
        if missing:
            self._current = missing[0]
            return
        self._editing = False
        self._phase = Phase.REVIEW

    def _require(self, phase: Phase) -> None:
        if self._phase is not phase:
            raise FormError(f"expected phase {phase.name}, the form is in {self._phase.name}")
