"""Turn the journey's state into the record of the screen on top: texts, speech, privacy.

`ViewFacts` carries what the journey does not know (is the hub reachable, is there a
printer, who is the mediator, the headset setting); the composition object reads them
fresh each time a screen is presented.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from kiosk.i18n import tr
from kiosk.journey import Journey
from kiosk.journey_state import JourneyState, Step
from kiosk.views.records import AttractView, Speech, StaffView

if TYPE_CHECKING:
    from kiosk.views.records import View


@dataclass(frozen=True, slots=True)
class ViewFacts:
    """What a view needs beyond the journey, read when the screen is presented."""

    idle_reset_seconds: int = 30
    hub_url: str = ""  # base of the tracking link in the receipt's QR code
    link_up: bool = False  # did the hub answer at the last exchange?
    can_print: bool = False  # is a printer configured?
    read_answers_aloud: bool = False  # voice.read_answers_aloud: the audio is a headset
    mediator_name: str = ""  # the mediator asking to help (assisted-mode consent)


def build_view(journey: Journey, facts: ViewFacts = ViewFacts()) -> View:
    """The record of the screen on top of the journey now."""
    state = journey.state
    return _BUILDERS[state.step](journey, state, facts)


def _attract(journey: Journey, state: JourneyState, facts: ViewFacts) -> AttractView:
    lang = state.language
    welcome, touch = tr("attract.welcome", lang), tr("attract.touch", lang)
    return AttractView(lang, welcome, touch, tr("attract.help", lang),
                       Speech(f"{welcome} {touch}."))


def _staff(journey: Journey, state: JourneyState, facts: ViewFacts) -> StaffView:
    return StaffView(state.language)


def _later(module: str, name: str) -> Callable[[Journey, JourneyState, ViewFacts], View]:
    """A builder of kiosk.views.screen_views or form_views: those modules and their records
    load the first time a screen of theirs is shown, not before the first paint."""
    def build(journey: Journey, state: JourneyState, facts: ViewFacts) -> View:
        return getattr(import_module(f"kiosk.views.{module}"), name)(journey, state, facts)
    return build


_BUILDERS: dict[Step, Callable[[Journey, JourneyState, ViewFacts], View]] = {
    Step.ATTRACT: _attract, Step.STAFF: _staff,
    **{step: _later("screen_views", name) for step, name in (
        (Step.LANGUAGE, "language"), (Step.COMFORT, "comfort"), (Step.HOME, "home"),
        (Step.THEME, "theme"), (Step.SERVICE, "service"), (Step.TRACK, "track"),
        (Step.HELP, "help"), (Step.IDLE_WARNING, "idle"), (Step.CONFIRM, "confirm"),
        (Step.ASSISTED_CONSENT, "assisted_consent"))},
    **{step: _later("form_views", name) for step, name in (
        (Step.QUESTION, "question"), (Step.REVIEW, "review"), (Step.CONSENT, "consent"),
        (Step.RECEIPT, "receipt"))},
}
