"""One frozen record per screen: the localised texts it shows and the speech it says.

`Speech.private` marks speech holding a citizen's personal answers: the voice never caches
its audio, and the view builder only produces it when `voice.read_answers_aloud` says the
kiosk's audio is a headset. Screens take these records as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.journey_state import AssistedConsentStage, Confirm, Step

if TYPE_CHECKING:
    from kiosk.catalog.model import Step as FormStep


@dataclass(frozen=True, slots=True)
class Speech:
    text: str
    private: bool = False  # holds personal data: never cached, never through open speakers
    cacheable: bool = True  # False: said once (a service's message), its audio not kept


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


@dataclass(frozen=True, slots=True)
class LanguageView:
    step = Step.LANGUAGE
    language: str
    title: str  # every offered language's title, one a line: nothing is chosen yet
    options: tuple[Option, ...]
    speech: Speech


@dataclass(frozen=True, slots=True)
class ComfortRow:
    setting: str  # a field of kiosk.journey_state.Comfort
    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class ComfortView:
    step = Step.COMFORT
    language: str
    title: str
    rows: tuple[ComfortRow, ...]
    continue_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class HomeView:
    step = Step.HOME
    language: str
    title: str
    hint: str
    tiles: tuple[Option, ...]  # theme id -> title
    track_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class ThemeView:
    step = Step.THEME
    language: str
    title: str
    hint: str
    services: tuple[Option, ...]  # service id -> title, summary as description
    speech: Speech


@dataclass(frozen=True, slots=True)
class ServiceView:
    step = Step.SERVICE
    language: str
    service_id: str
    title: str
    summary: str
    who_heading: str
    who: str
    documents_heading: str
    documents: tuple[str, ...]
    official_url: str
    qr_caption: str
    what_now: str
    actions: tuple[Option, ...]  # ServiceAction values; the first is the primary one
    checklist: tuple[str, ...]  # the lines printed by PRINT_CHECKLIST
    speech: Speech


@dataclass(frozen=True, slots=True)
class QuestionView:
    step = Step.QUESTION
    language: str
    question_id: str
    form_step: FormStep  # the catalogue's question: the answer widget is built from it
    progress: str
    question: str
    help: str
    error: str  # empty when the last answer was not refused
    skip_label: str  # empty when the question cannot be skipped
    draft: Any  # what was typed last, put back in the field
    speech: Speech


@dataclass(frozen=True, slots=True)
class ReviewRow:
    step_id: str
    label: str
    answer: str
    modify_label: str
    modify_description: str


@dataclass(frozen=True, slots=True)
class ReviewView:
    step = Step.REVIEW
    language: str
    title: str
    hint: str
    rows: tuple[ReviewRow, ...]
    confirm_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class ConsentView:
    step = Step.CONSENT
    language: str
    title: str
    sections: tuple[str, ...]
    error: str  # the queue refused the request; empty otherwise
    accept_label: str
    refuse_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class AssistedConsentView:
    step = Step.ASSISTED_CONSENT
    language: str
    stage: AssistedConsentStage
    service_id: str | None  # the procedure the consent is for, when one is chosen
    title: str
    body: str
    accept_label: str
    refuse_label: str
    continue_label: str  # after "Je refuse"
    speech: Speech


@dataclass(frozen=True, slots=True)
class ReceiptView:
    step = Step.RECEIPT
    language: str
    title: str
    reference: str
    reference_name: str  # the reference line, for screen readers
    details: str
    qr_payload: str  # the tracking link: no personal data
    lines: tuple[str, ...]  # what the printer prints
    can_print: bool
    print_label: str
    printing_label: str
    listen_label: str
    finish_label: str
    spelled: Speech  # "Réécouter le numéro": the reference spelled out
    speech: Speech


@dataclass(frozen=True, slots=True)
class TrackView:
    step = Step.TRACK
    language: str
    title: str
    prompt: str
    field_name: str
    field_description: str
    again_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class HelpView:
    step = Step.HELP
    language: str
    title: str
    body: str
    ticket_label: str
    back_label: str
    ticket_code: str  # empty until a ticket is taken
    ticket_sentence: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class IdleView:
    step = Step.IDLE_WARNING
    language: str
    title: str
    body: str
    more_time_label: str
    finish_label: str
    speech: Speech

    def countdown(self, seconds: int) -> str:
        from kiosk.i18n import tr

        return tr("idle.body", self.language, seconds=seconds)


@dataclass(frozen=True, slots=True)
class ConfirmView:
    step = Step.CONFIRM
    language: str
    confirm: Confirm
    title: str
    body: str
    yes_label: str
    no_label: str
    speech: Speech


@dataclass(frozen=True, slots=True)
class StaffView:
    """A mediator's screen covers the journey: nothing of the citizen's is said."""

    step = Step.STAFF
    language: str
    speech: Speech = Speech("")


View = (AttractView | LanguageView | ComfortView | HomeView | ThemeView | ServiceView
        | QuestionView | ReviewView | ConsentView | AssistedConsentView | ReceiptView
        | TrackView | HelpView | IdleView | ConfirmView | StaffView)
