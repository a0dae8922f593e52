"""The journey's records: where the citizen is, what covers it, and how they want the kiosk.

Plain data, no behaviour: kiosk.journey moves from one JourneyState to the next, and
kiosk.views turns a state into what a screen shows and says.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Step(enum.Enum):
    """A screen of the journey: a place the citizen goes to, or an overlay covering one."""

    ATTRACT = "attract"  # waiting for someone to touch the screen
    LANGUAGE = "language"  # choosing the interface language
    COMFORT = "comfort"  # text size, contrast, voice on/off, speech rate (place or overlay)
    HOME = "home"  # life themes as large tiles
    THEME = "theme"  # the procedures of one theme
    SERVICE = "service"  # one procedure explained in plain words, with what can be done here
    QUESTION = "question"  # one question of a guided request
    REVIEW = "review"  # every answer, each with "modifier"
    CONSENT = "consent"  # "your data": what, why, who, how long, rights; explicit yes
    RECEIPT = "receipt"  # reference, QR code, what happens next
    TRACK = "track"  # "Suivre ma demande": a reference typed, its state shown and spoken
    HELP = "help"  # overlay: how to get a person to help, a ticket
    IDLE_WARNING = "idle_warning"  # overlay: "are you still there?" before the wipe
    CONFIRM = "confirm"  # overlay: "your answers will be erased", asked before throwing away
    ASSISTED_CONSENT = "assisted_consent"  # overlay: the citizen agrees a mediator acts for them
    STAFF = "staff"  # overlay: a mediator's screen covers the journey, which waits underneath


FORM_PLACES = frozenset({Step.QUESTION, Step.REVIEW, Step.CONSENT})
# "Retour" from a place outside a form: one place before it, whatever way led there.
PARENT = {Step.THEME: Step.HOME, Step.SERVICE: Step.THEME, Step.TRACK: Step.HOME,
          Step.HOME: Step.COMFORT, Step.COMFORT: Step.LANGUAGE}


class Confirm(enum.Enum):
    """What the confirmation overlay asks before answers or a receipt are thrown away."""

    LEAVE_FORM = "leave_form"  # "Accueil" in the middle of a request
    FINISH_UNPRINTED = "finish_unprinted"  # "Terminer" on a receipt that was not printed


class AssistedConsentStage(enum.Enum):
    """Where the citizen is on the assisted-mode consent overlay."""

    ASKED = "asked"  # "Claire will do this with you; she will see..." with yes / no
    REFUSED = "refused"  # "Je refuse": what happens now, and a way to go on


class AfterConsent(enum.Enum):
    """What waits for the citizen's "J'accepte" on the assisted-mode consent overlay."""

    START_REQUEST = "start_request"  # "Faire la demande ici" was tapped with a mediator there
    SEND = "send"  # the queue refused the request: a mediator took over since it started


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
    """One moment of the journey. `place` is where the citizen is; `overlays` cover it, the
    last one on top. Closing an overlay uncovers the one below, down to the place."""

    place: Step = Step.ATTRACT
    overlays: tuple[Step, ...] = ()
    language: str = "fr"
    theme_id: str | None = None
    service_id: str | None = None
    question_id: str | None = None  # the form step on screen, so each question is a new state
    attempt: int = 0  # bumped by a refused answer: the screen shows the error and speaks it
    comfort: Comfort = Comfort()
    confirm: Confirm | None = None  # what the CONFIRM overlay asks
    assisted: AssistedConsentStage | None = None  # the ASSISTED_CONSENT overlay's stage
    printed: bool = False  # the receipt (or a checklist) was printed in this session
    ticket: str | None = None  # the ticket number the citizen took, shown on the help overlay

    @property
    def step(self) -> Step:
        """The screen on top: what is shown and spoken now."""
        return self.overlays[-1] if self.overlays else self.place

    def covered(self, step: Step) -> bool:
        return step in self.overlays


@dataclass(frozen=True, slots=True)
class SessionEnd:
    """What today's anonymous statistics keep of a finished session: ids, never answers."""

    service_id: str | None
    completed: bool  # a request was queued
    last_step: str  # the place the citizen left from, e.g. "question"
