"""The citizen journey as a plain state machine: the screen shows `state`, taps call methods.

It holds what the citizen chose (language, theme, service); the answers of a guided request
live in its FormEngine (`form`). `reset()` forgets everything, answers included, which is
what "Terminer", the idle timeout and a new citizen all need.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kiosk.catalog import Action, Catalog

if TYPE_CHECKING:  # the form engine loads phone and NIR validators: only when a form starts
    from kiosk.forms.engine import FormEngine, Outbox, Submission
    from kiosk.forms.validators import Invalid


class Step(enum.Enum):
    """Where the citizen is."""

    ATTRACT = "attract"  # waiting for someone to touch the screen
    LANGUAGE = "language"  # choosing the interface language
    COMFORT = "comfort"  # text size, contrast, voice on/off, speech rate
    HOME = "home"  # life themes as large tiles
    THEME = "theme"  # the procedures of one theme
    SERVICE = "service"  # one procedure explained in plain words
    QUESTION = "question"  # one question of a guided request
    REVIEW = "review"  # every answer, each with "modifier"
    CONSENT = "consent"  # "your data": what, why, who, how long, rights; explicit yes
    ASSISTED_CONSENT = "assisted_consent"  # the citizen agrees a mediator acts for them
    RECEIPT = "receipt"  # reference, QR code, what happens next
    TRACK = "track"  # "Suivre ma demande": a reference typed, its state shown and spoken
    HELP = "help"  # how to get a person to help
    IDLE_WARNING = "idle_warning"  # "are you still there?" before the wipe


class TextSize(enum.Enum):
    """The three text sizes a citizen can pick (the UI theme maps them to pixels)."""

    NORMAL = "normal"  # already large: body text 28 px
    LARGE = "large"  # one step up
    LARGER = "larger"  # for low vision


class SpeechRate(enum.Enum):
    """The three speech rates a citizen can pick (the voice maps them to words a minute)."""

    SLOW = "slow"
    NORMAL = "normal"
    FAST = "fast"


@dataclass(frozen=True, slots=True)
class Comfort:
    """How this citizen wants the kiosk to look and sound; back to defaults for the next one."""

    text_size: TextSize = TextSize.NORMAL
    high_contrast: bool = False
    voice_on: bool = True
    speech_rate: SpeechRate = SpeechRate.NORMAL


@dataclass(frozen=True, slots=True)
class JourneyState:
    step: Step = Step.ATTRACT
    language: str = "fr"
    theme_id: str | None = None
    service_id: str | None = None
    question_id: str | None = None  # the form step on screen, so each question is a new state
    attempt: int = 0  # bumped by a refused answer: the screen shows the error and speaks it
    comfort: Comfort = Comfort()


@dataclass(frozen=True, slots=True)
class SessionEnd:
    """What today's anonymous statistics keep of a finished session: ids, never answers."""

    service_id: str | None
    completed: bool  # a request was queued
    last_step: str  # the step the citizen left from, e.g. "question"


log = logging.getLogger(__name__)
Listener = Callable[[JourneyState], None]
EndListener = Callable[[SessionEnd], None]
FORM_STEPS = {"question": Step.QUESTION, "review": Step.REVIEW, "consent": Step.CONSENT,
              "submitted": Step.RECEIPT}  # FormEngine phase value -> journey step


class Journey:
    def __init__(self, catalog: Catalog, languages: tuple[str, ...], default_language: str,
                 outbox: Callable[[], Outbox] | None = None,
                 default_comfort: Comfort = Comfort()):
        """`outbox` builds the request queue on first use (it is slow to open at start-up)."""
        self.catalog = catalog
        self._outbox_factory = outbox
        self._outbox: Outbox | None = None
        self.form: FormEngine | None = None
        # Passed to each FormEngine (its clock, new_id): screenshots use fixed ones.
        self.form_options: dict[str, Callable[[], object]] = {}
        self.submission: Submission | None = None
        self.submit_failed = False  # the queue refused the request: the consent screen says so
        self.languages = languages
        self.default_language = default_language
        self.default_comfort = default_comfort
        self._state = JourneyState(language=default_language, comfort=default_comfort)
        self._history: list[JourneyState] = []
        self._paused: JourneyState | None = None  # the screen an overlay (help, idle) covers
        self._listeners: list[Listener] = []
        self._end_listeners: list[EndListener] = []

    @property
    def state(self) -> JourneyState:
        return self._state

    @property
    def paused_step(self) -> Step | None:
        """The step an overlay (help, idle warning, comfort) covers, if any."""
        return self._paused.step if self._paused is not None else None

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def subscribe_end(self, listener: EndListener) -> None:
        """Called by `reset()` when a citizen session ends, before anything is forgotten."""
        self._end_listeners.append(listener)

    def _go(self, state: JourneyState, remember: bool = True) -> None:
        if remember:
            self._history.append(self._state)
        self._state = state
        for listener in list(self._listeners):
            listener(state)

    # Citizen intents -------------------------------------------------------------------
    def start(self) -> None:
        """The attract screen was touched."""
        if self._state.step is Step.ATTRACT:
            next_step = Step.LANGUAGE if len(self.languages) > 1 else Step.COMFORT
            self._go(replace(self._state, step=next_step))

    def choose_language(self, language: str) -> None:
        if language not in self.languages:
            raise ValueError(f"language {language!r} is not offered here")
        self._go(replace(self._state, step=Step.COMFORT, language=language))

    def set_comfort(self, **changes: object) -> None:
        """A comfort choice takes effect at once, on the comfort screen itself."""
        comfort = replace(self._state.comfort, **changes)
        self._go(replace(self._state, comfort=comfort), remember=False)

    def open_comfort(self) -> None:
        """The comfort screen from anywhere; "Continuer" comes back to the same place."""
        if self._state.step not in (Step.COMFORT, Step.HELP, Step.IDLE_WARNING, Step.ATTRACT):
            self._paused = self._state
            self._go(replace(self._state, step=Step.COMFORT), remember=False)

    def comfort_done(self) -> None:
        if self._paused is not None:
            self.resume()
        else:
            self._go(replace(self._state, step=Step.HOME))

    def choose_theme(self, theme_id: str) -> None:
        self.catalog.theme(theme_id)  # fails loudly on an unknown id
        self._go(replace(self._state, step=Step.THEME, theme_id=theme_id, service_id=None))

    def open_tracking(self) -> None:
        """"Suivre ma demande" on the home screen; "Retour" comes back home."""
        if self._state.step is Step.HOME:
            self._go(replace(self._state, step=Step.TRACK))

    def choose_service(self, service_id: str) -> None:
        service = self.catalog.service(service_id)
        self._go(replace(self._state, step=Step.SERVICE, theme_id=service.theme,
                         service_id=service_id))

    def back(self) -> None:
        if self._state.step in (Step.HELP, Step.IDLE_WARNING):
            self.resume()
        elif self._state.step is Step.ASSISTED_CONSENT:
            self._show_form()
        elif self._state.step in (Step.QUESTION, Step.REVIEW, Step.CONSENT):
            if self.form.back():
                self._show_form()
            else:  # before the first question: the service page, answers dropped
                self._drop_form()
                self._go(replace(self._state, step=Step.SERVICE, question_id=None),
                         remember=False)
        elif self._state.step is Step.RECEIPT:
            self.reset()
        elif self._history:
            previous = self._history.pop()
            self._go(previous, remember=False)

    def home(self) -> None:
        if self._state.step not in (Step.ATTRACT, Step.HOME):
            self._drop_form()
            self._go(replace(self._state, step=Step.HOME, theme_id=None, service_id=None,
                             question_id=None))

    def ask_for_help(self) -> None:
        if self._state.step not in (Step.HELP, Step.IDLE_WARNING, Step.COMFORT):
            self._paused = self._state
            self._go(replace(self._state, step=Step.HELP), remember=False)

    # Guided request -----------------------------------------------------------------------
    def start_request(self) -> None:
        """"Faire la demande ici" on a service page: the first question."""
        service = self.catalog.service(self._state.service_id)
        if Action.GUIDED_REQUEST not in service.actions:
            raise ValueError(f"service {service.id!r} offers no guided request")
        if self._outbox is None and self._outbox_factory is not None:
            self._outbox = self._outbox_factory()
        if self._outbox is None:
            raise RuntimeError("this kiosk has no request queue configured")
        from kiosk.forms.engine import FormEngine

        self.form = FormEngine(service, self._outbox, lang=self._state.language,
                               **self.form_options)
        self.submission = None
        self._history.append(self._state)
        self._show_form()

    def answer(self, raw: object) -> Invalid | None:
        """The citizen confirmed an answer; a refusal keeps it as a draft and is shown."""
        error = self.form.answer(raw)
        self._show_form(refused=error is not None)
        return error

    def keep_draft(self, raw: object) -> None:
        """Half-typed text survives "Retour", "Aide" and the idle warning."""
        if self.form is not None and self.form.current_step is not None:
            self.form.keep_draft(raw)

    def edit(self, step_id: str) -> None:
        self.form.edit(step_id)
        self._show_form()

    def confirm_review(self) -> None:
        self.form.confirm_review()
        self._show_form()

    def give_consent(self) -> None:
        """Consent given: queue the request. If the queue fails, nothing typed is lost."""
        from kiosk.mediator.takeover import ConsentRequired

        self.form.give_consent()
        try:
            self.submission = self.form.submit()
        except ConsentRequired:  # a mediator is at the controls: the citizen must agree first
            self._go(replace(self._state, step=Step.ASSISTED_CONSENT), remember=False)
            return
        except Exception:  # disk full, damaged queue: the citizen must hear it, not a crash
            log.exception("the request queue refused a request for %s", self.form.service.id)
            self.submit_failed = True
            self._show_form(refused=True)
            return
        self.submit_failed = False
        self._show_form()

    def assisted_consent_refused(self) -> None:
        """Back to "your data": nothing is sent until the mediator hands back or it is agreed."""
        self._show_form()

    def _show_form(self, refused: bool = False) -> None:
        step = FORM_STEPS[self.form.phase.value]
        question = self.form.current_step.id if self.form.current_step else None
        attempt = self._state.attempt + 1 if refused else 0
        self._go(replace(self._state, step=step, question_id=question, attempt=attempt),
                 remember=False)

    def _drop_form(self) -> None:
        if self.form is not None:
            self.form.clear()
        self.form = None
        self.submission = None
        self.submit_failed = False

    # Idle handling ------------------------------------------------------------------------
    def idle_warning(self) -> None:
        """Nobody touched the screen for a while: ask before wiping anything."""
        if self._state.step is Step.ATTRACT or self._state.step is Step.IDLE_WARNING:
            return
        if self._state.step is not Step.HELP:
            self._paused = self._state
        self._go(replace(self._state, step=Step.IDLE_WARNING), remember=False)

    def resume(self) -> None:
        """Back to the screen the overlay covered ("I need more time")."""
        if self._paused is not None:
            paused, self._paused = self._paused, None
            self._go(replace(paused, comfort=self._state.comfort), remember=False)

    def reset(self) -> None:
        """Forget everything and show the attract screen: the next citizen starts clean."""
        if self._state.step is not Step.ATTRACT:
            left = self._paused or self._state
            end = SessionEnd(left.service_id, self.submission is not None, left.step.value)
            for listener in list(self._end_listeners):
                listener(end)
        self._drop_form()
        self._history.clear()
        self._paused = None
        self._go(JourneyState(language=self.default_language, comfort=self.default_comfort),
                 remember=False)
