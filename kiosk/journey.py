"""The citizen journey as one plain state machine: the screen shows `state`, taps call methods.

One machine, the guided request folded in: the form engine keeps the answers, and every
move of the form is turned into the journey's place here, in `_show_form`, nowhere else.
What covers a place (help, comfort, the idle warning, a confirmation, the assisted-mode
consent, a mediator's screen) is a stack of overlays: closing one uncovers the one below,
so the citizen never loses their place, whatever opened on top of what.

`reset()` forgets everything, answers included (what "Terminer", the idle timeout and a new
citizen all need): it wipes first, then tells its listeners, each on its own, so a failing
listener (a full disk under the statistics) can neither stop the wipe nor the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from kiosk import log_sessions
from kiosk.catalog import Action, Catalog
from kiosk.journey_state import (
    FORM_PLACES,
    PARENT,
    AfterConsent,
    AssistedConsentStage,
    Comfort,
    Confirm,
    JourneyState,
    SessionEnd,
    SpeechRate,
    Step,
    TextSize,
)

if TYPE_CHECKING:  # the form engine loads phone and NIR validators: only when a form starts
    from kiosk.forms.engine import FormEngine, Outbox, Submission
    from kiosk.forms.validators import Invalid

__all__ = ["Comfort", "Confirm", "Journey", "JourneyState", "SessionEnd", "SpeechRate", "Step",
           "TextSize"]

log = logging.getLogger(__name__)
Listener = Callable[[JourneyState], None]
EndListener = Callable[[SessionEnd], None]
# FormEngine phase value -> the journey's place: the one translation of the form's phases.
FORM_STEPS = {"question": Step.QUESTION, "review": Step.REVIEW, "consent": Step.CONSENT,
              "submitted": Step.RECEIPT}
NO_NAV_OVERLAYS = (Step.IDLE_WARNING, Step.STAFF, Step.CONFIRM, Step.ASSISTED_CONSENT)


class Journey:
    def __init__(self, catalog: Catalog, languages: tuple[str, ...], default_language: str,
                 outbox: Callable[[], Outbox] | None = None,
                 default_comfort: Comfort = Comfort(),  # noqa: B008 (frozen: shared safely)
                 needs_assisted_consent: Callable[[str], bool] = lambda _service_id: False):
        """`outbox` builds the request queue on first use (it is slow to open at start-up);
        `needs_assisted_consent(service_id)` is True while a mediator is at the controls
        without the citizen's consent for that procedure (kiosk.session.MediatorDesk)."""
        self.catalog = catalog
        self._outbox_factory = outbox
        self._outbox: Outbox | None = None
        self._needs_assisted_consent = needs_assisted_consent
        self.form: FormEngine | None = None
        # Passed to each FormEngine (its clock, new_id): screenshots use fixed ones.
        self.form_options: dict[str, Callable[[], object]] = {}
        self.submission: Submission | None = None
        self.submit_failed = False  # the queue refused the request: the consent screen says so
        self.languages = languages
        self.default_language = default_language
        self.default_comfort = default_comfort
        self._state = JourneyState(language=default_language, comfort=default_comfort)
        self._after_consent: AfterConsent | None = None  # what waits for the assisted consent
        self._listeners: list[Listener] = []
        self._end_listeners: list[EndListener] = []

    @property
    def state(self) -> JourneyState:
        return self._state

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def subscribe_end(self, listener: EndListener) -> None:
        """Called by `reset()` once the session is wiped, with what statistics may keep."""
        self._end_listeners.append(listener)

    def _go(self, state: JourneyState) -> None:
        self._state = state
        _tell(self._listeners, state, reraise=True)

    def _place(self, step: Step, **changes: object) -> None:
        """Go to a place: every overlay closes."""
        self._go(replace(self._state, place=step, overlays=(), confirm=None, assisted=None,
                         **changes))

    def _push(self, overlay: Step, **changes: object) -> None:
        self._go(replace(self._state, overlays=(*self._state.overlays, overlay), **changes))

    def _pop(self) -> None:
        """Uncover the overlay below, down to the place; comfort choices are kept."""
        state = self._state
        if state.overlays:
            top = state.overlays[-1]
            changes: dict[str, object] = {"overlays": state.overlays[:-1]}
            if top is Step.CONFIRM:
                changes["confirm"] = None
            if top is Step.ASSISTED_CONSENT:
                changes["assisted"] = None
            self._go(replace(state, **changes))

    @property
    def form_alive(self) -> bool:
        """A request is being filled in: leaving would throw its answers away."""
        return self.form is not None and self.submission is None

    # Citizen intents -------------------------------------------------------------------
    def start(self) -> None:
        """The attract screen was touched."""
        if self._state.step is Step.ATTRACT:
            log_sessions.begin_citizen_session()
            log.info("citizen session started")
            self._place(Step.LANGUAGE if len(self.languages) > 1 else Step.COMFORT)

    def open_language(self) -> None:
        """The language choice over the current screen (the nav bar's language button)."""
        state = self._state
        if len(self.languages) > 1 and state.place not in (Step.ATTRACT, Step.LANGUAGE) \
                and state.step not in (Step.LANGUAGE, *NO_NAV_OVERLAYS):
            self._push(Step.LANGUAGE)

    def choose_language(self, language: str) -> None:
        """At the start, then the comfort screen; over a screen, that screen in the new
        language, with everything typed and answered where it was (the form keeps it)."""
        if language not in self.languages:
            raise ValueError(f"language {language!r} is not offered here")
        state = self._state
        if state.step is not Step.LANGUAGE or not state.overlays:
            self._place(Step.COMFORT, language=language)
            return
        if self.form is not None:
            self.form.lang = language  # the request says which language the citizen used
        self._go(replace(state, language=language, overlays=state.overlays[:-1]))

    def set_comfort(self, **changes: object) -> None:
        """A comfort choice takes effect at once, on the comfort screen itself."""
        self._go(replace(self._state, comfort=replace(self._state.comfort, **changes)))

    def open_comfort(self) -> None:
        """The comfort screen over the current one; "Continuer" or "Retour" uncovers it."""
        state = self._state
        if state.place not in (Step.ATTRACT, Step.COMFORT) and state.step not in (
                Step.COMFORT, *NO_NAV_OVERLAYS):
            self._push(Step.COMFORT)

    def comfort_done(self) -> None:
        if self._state.step is Step.COMFORT and self._state.overlays:
            self._pop()
        elif self._state.place is Step.COMFORT:
            self._place(Step.HOME)

    def choose_theme(self, theme_id: str) -> None:
        self.catalog.theme(theme_id)  # fails loudly on an unknown id
        self._place(Step.THEME, theme_id=theme_id, service_id=None)

    def open_tracking(self) -> None:
        """"Suivre ma demande" on the home screen; "Retour" comes back home."""
        if self._state.step is Step.HOME:
            self._place(Step.TRACK)

    def choose_service(self, service_id: str) -> None:
        service = self.catalog.service(service_id)
        self._place(Step.SERVICE, theme_id=service.theme, service_id=service_id)

    def back(self) -> None:
        """"Retour": closes what covers the place, else one place back; never a dead end."""
        state = self._state
        if state.overlays:
            if state.step is not Step.STAFF:
                self._pop()
        elif state.place in FORM_PLACES:
            if self.form.back():
                self._show_form()
            else:  # before the first question: the service page, answers dropped
                self._drop_form()
                self._place(Step.SERVICE, question_id=None)
        elif state.place is Step.RECEIPT:
            self.finish()
        elif state.place is Step.LANGUAGE or (
                state.place is Step.COMFORT and len(self.languages) == 1):  # start over
            self.reset()
        elif state.place in PARENT:  # each place has one place before it, whatever the way
            self._place(PARENT[state.place], service_id=None)

    def home(self) -> None:
        """"Accueil": asks first when answers would be thrown away."""
        state = self._state
        if state.step in NO_NAV_OVERLAYS or state.place is Step.ATTRACT or (
                state.place is Step.HOME and not state.overlays):
            return
        if self.form_alive and state.place in FORM_PLACES:
            self._push(Step.CONFIRM, confirm=Confirm.LEAVE_FORM)
            return
        if state.place is Step.RECEIPT:
            self.finish()
            return
        self._go_home()

    def _go_home(self) -> None:
        self._drop_form()
        self._place(Step.HOME, theme_id=None, service_id=None, question_id=None, attempt=0)

    def finish(self) -> None:
        """"Terminer" on the receipt: asks first when the receipt was not printed."""
        if self._state.place is Step.RECEIPT and not self._state.printed:
            self._push(Step.CONFIRM, confirm=Confirm.FINISH_UNPRINTED)
        else:
            self.reset()

    def confirm_yes(self) -> None:
        """Yes on the confirmation: throw away, as asked."""
        asked = self._state.confirm
        if asked is Confirm.LEAVE_FORM:
            self._go_home()
        elif asked is Confirm.FINISH_UNPRINTED:
            self.reset()

    def confirm_no(self) -> None:
        """No: back to what was there, untouched."""
        if self._state.step is Step.CONFIRM:
            self._pop()

    def printed(self) -> None:
        """The receipt came out of the printer: "Terminer" no longer asks."""
        if self._state.place is Step.RECEIPT:
            self._go(replace(self._state, printed=True))

    def ask_for_help(self) -> None:
        if self._state.step not in (Step.HELP, *NO_NAV_OVERLAYS) \
                and not self._state.covered(Step.HELP):
            self._push(Step.HELP)

    def ticket_taken(self, code: str) -> None:
        """A ticket number for a mediator: shown on the help overlay, opened if need be."""
        if self._state.step is not Step.HELP:
            self._push(Step.HELP, ticket=code)
        else:
            self._go(replace(self._state, ticket=code))

    # Guided request -----------------------------------------------------------------------
    def start_request(self) -> None:
        """"Faire la demande ici" on a service page: the first question.

        With a mediator at the controls, the citizen is asked first whether they agree that
        the mediator does it with them (and sees the answers).
        """
        service = self.catalog.service(self._state.service_id)
        if Action.GUIDED_REQUEST not in service.actions:
            raise ValueError(f"service {service.id!r} offers no guided request")
        if self._needs_assisted_consent(service.id):
            self._ask_assisted_consent(AfterConsent.START_REQUEST)
            return
        if self._outbox is None and self._outbox_factory is not None:
            self._outbox = self._outbox_factory()
        if self._outbox is None:
            raise RuntimeError("this kiosk has no request queue configured")
        from kiosk.forms.engine import FormEngine

        self.form = FormEngine(service, self._outbox, lang=self._state.language,
                               **self.form_options)
        self.submission = None
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
        """Consent given: queue the request. If the queue fails, nothing typed is lost.

        Call it off the GUI thread (the queue syncs to disk), then `consent_done` with its
        outcome on the GUI thread; `send()` does both, for code without a screen.
        """
        self.consent_done(self.send())

    def send(self) -> Exception | None:
        """Queue the request (blocking: fsync); returns the error instead of raising it."""
        from kiosk.mediator.takeover import ConsentRequired

        if self._state.place is not Step.CONSENT or self.form is None:
            return None
        self.form.give_consent()
        try:
            self.submission = self.form.submit()
        except ConsentRequired as error:
            return error
        except Exception as error:  # disk full, damaged queue: said to the citizen, not a crash
            log.exception("the request queue refused a request for %s", self.form.service.id)
            return error
        return None

    def consent_done(self, error: Exception | None) -> None:
        from kiosk.mediator.takeover import ConsentRequired

        if isinstance(error, ConsentRequired):  # a mediator took the controls since the start
            self._ask_assisted_consent(AfterConsent.SEND)
            return
        self.submit_failed = error is not None
        self._show_form(refused=error is not None)

    # Assisted mode --------------------------------------------------------------------------
    def ask_assisted_consent(self) -> None:
        """A mediator asks to take the controls: the citizen is asked first, on screen."""
        self._ask_assisted_consent(None)

    def _ask_assisted_consent(self, then: AfterConsent | None) -> None:
        self._after_consent = then
        self._push(Step.ASSISTED_CONSENT, assisted=AssistedConsentStage.ASKED)

    def assisted_consent_given(self) -> bool:
        """"J'accepte": the overlay closes and what waited for it goes on.

        True when the request waits to be queued: the caller sends it (`send()` off the GUI
        thread, then `consent_done`), as for the consent screen's own "J'accepte".
        """
        waiting, self._after_consent = self._after_consent, None
        self._pop()
        if waiting is AfterConsent.START_REQUEST:
            self.start_request()
        return waiting is AfterConsent.SEND

    def assisted_consent_refused(self) -> None:
        """"Je refuse": the overlay says what happens now (nothing is sent, nobody takes over)."""
        self._after_consent = None
        self._go(replace(self._state, assisted=AssistedConsentStage.REFUSED))

    def assisted_refusal_read(self) -> None:
        self._pop()

    # Staff mode -----------------------------------------------------------------------------
    def open_staff(self) -> None:
        """A mediator's screen covers the journey: no idle warning, nothing spoken under it."""
        if not self._state.covered(Step.STAFF):
            self._push(Step.STAFF)

    def close_staff(self) -> None:
        state = self._state
        if state.covered(Step.STAFF):
            self._go(replace(state, overlays=tuple(o for o in state.overlays
                                                   if o is not Step.STAFF)))

    # The form's phases --------------------------------------------------------------------
    def _show_form(self, refused: bool = False) -> None:
        place = FORM_STEPS[self.form.phase.value]
        question = self.form.current_step.id if self.form.current_step else None
        attempt = self._state.attempt + 1 if refused else 0
        self._place(place, question_id=question, attempt=attempt)

    def _drop_form(self) -> None:
        if self.form is not None:
            self.form.clear()
        self.form = None
        self.submission = None
        self.submit_failed = False

    # Idle handling ------------------------------------------------------------------------
    def idle_warning(self) -> None:
        """Nobody touched the screen for a while: ask before wiping anything."""
        state = self._state
        if state.place is Step.ATTRACT and not state.overlays:
            return
        if state.covered(Step.IDLE_WARNING) or state.covered(Step.STAFF):
            return
        self._push(Step.IDLE_WARNING)

    def resume(self) -> None:
        """Back to the screen the top overlay covers ("I need more time", "Revenir")."""
        if self._state.step not in (Step.STAFF,):
            self._pop()

    def reset(self) -> None:
        """Wipe everything, show the attract screen, then tell who needs to know."""
        state = self._state
        ended = None
        if state.place is not Step.ATTRACT:
            ended = SessionEnd(state.service_id, self.submission is not None, state.place.value)
        staff = (Step.STAFF,) if state.covered(Step.STAFF) else ()
        self._drop_form()
        self._after_consent = None
        self._state = JourneyState(language=self.default_language,
                                   comfort=self.default_comfort, overlays=staff)
        try:
            _tell(self._listeners, self._state, reraise=True)  # screens forget what they showed
        finally:
            if ended is not None:
                _tell(self._end_listeners, ended, reraise=False)
                log.info("citizen session ended on %s (%s)%s", ended.last_step,
                         ended.service_id or "no procedure",
                         ", request queued" if ended.completed else "")
            log_sessions.end_citizen_session()


def _tell(listeners: list, event: object, reraise: bool) -> None:
    """Each listener on its own: one that fails is logged and the others still hear; with
    `reraise`, the first failure is raised again once all have heard (a screen's bug must
    show), without it the kiosk goes on (statistics on a full disk)."""
    failure: Exception | None = None
    for listener in list(listeners):
        try:
            listener(event)
        except Exception as error:
            log.exception("a journey listener failed on %s", type(event).__name__)
            failure = failure or error
    if failure is not None and reraise:
        raise failure
