"""The records of the screens between the welcome and a guided request: languages, comfort,
themes, a service, tracking, help, the idle warning, confirmations, assisted consent.

Apart from kiosk.views.records so that start-up does not build them (see there);
kiosk.views.screen_views fills them.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.journey_state import AssistedConsentStage, Confirm, Step
from kiosk.views.records import Option, Speech


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
    in_french: str = ""  # said when this page is not yet written in the citizen's language


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
