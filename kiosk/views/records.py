"""One frozen record per screen: the localised texts it shows and the speech it says.

Only what the attract screen needs is here. The other screens' records are in
kiosk.views.screen_records, the guided request's in kiosk.views.form_records: each frozen
record costs Python about half a millisecond to build, and they load after the first paint.

`Speech.private` marks speech holding a citizen's personal answers: the voice never caches
its audio, and the view builder only produces it when `voice.read_answers_aloud` says the
kiosk's audio is a headset. Screens take these records as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.journey_state import Step

if TYPE_CHECKING:
    from kiosk.views.form_records import ConsentView, QuestionView, ReceiptView, ReviewView
    from kiosk.views.screen_records import (
        AssistedConsentView,
        ComfortView,
        ConfirmView,
        HelpView,
        HomeView,
        IdleView,
        LanguageView,
        ServiceView,
        ThemeView,
        TrackView,
    )


@dataclass(frozen=True, slots=True)
class Speech:
    text: str
    private: bool = False  # holds personal data: never cached, never through open speakers
    cacheable: bool = True  # False: said once (a service's message), its audio not kept
    # (text, language) said after `text`, each in its own language's voice.
    then: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Option:
    """A button among others: what it sends back, what it says, whether it is the choice."""

    value: Any
    label: str
    chosen: bool = False
    description: str = ""


class ServiceAction:
    """What a service page offers to do next (the intents its buttons send)."""

    START_REQUEST = "start_request"  # the guided request, here
    TAKE_TICKET = "take_ticket"  # a ticket for a mediator
    PRINT_CHECKLIST = "print_checklist"  # the documents to bring and the official link
    OTHER_SERVICE = "other_service"  # back to the procedures of the theme


@dataclass(frozen=True, slots=True)
class AttractView:
    step = Step.ATTRACT
    language: str
    welcome: str
    touch: str
    help: str
    speech: Speech
    notice: str = ""  # site.message_of_the_day, as the site wrote it
    closed: str = ""  # "L'accueil est fermé. Il ouvre demain à 9 h."; empty while open
    closed_next: str = ""  # what the kiosk still offers meanwhile
    can_start: bool = True  # False: closed and opening.requests_when_closed is false


@dataclass(frozen=True, slots=True)
class StaffView:
    """A mediator's screen covers the journey: nothing of the citizen's is said."""

    step = Step.STAFF
    language: str
    speech: Speech = Speech("")


if TYPE_CHECKING:  # what build_view returns; the guided request's records load later
    View = (AttractView | LanguageView | ComfortView | HomeView | ThemeView | ServiceView
            | QuestionView | ReviewView | ConsentView | AssistedConsentView | ReceiptView
            | TrackView | HelpView | IdleView | ConfirmView | StaffView)
