"""Every screen of the journey in one table: how it is built and where its intents go.

Each builder imports its screen module on first use (start-up pays for the attract screen
only) and connects the screen's signals to the journey or to the composition's intents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.journey_state import Step
from ui.screens.base import Screen

if TYPE_CHECKING:
    from ui.composition import KioskApp


def _attract(app: KioskApp) -> Screen:
    from ui.screens.attract_screen import AttractScreen

    screen = AttractScreen(app.site_name)
    screen.started.connect(app.journey.start)
    return screen


def _language(app: KioskApp) -> Screen:
    from kiosk.i18n import LANGUAGE_NAMES
    from ui.screens.language_screen import LanguageScreen

    screen = LanguageScreen(tuple((code, LANGUAGE_NAMES[code]) for code in app.journey.languages))
    screen.language_chosen.connect(app.journey.choose_language)
    return screen


def _comfort(app: KioskApp) -> Screen:
    from ui.screens.comfort_screen import ComfortScreen

    screen = ComfortScreen()
    screen.changed.connect(lambda setting, value: app.journey.set_comfort(**{setting: value}))
    screen.done.connect(app.journey.comfort_done)
    return screen


def _home(app: KioskApp) -> Screen:
    from ui.screens.home_screen import HomeScreen

    screen = HomeScreen()
    screen.theme_chosen.connect(app.journey.choose_theme)
    screen.tracking_requested.connect(app.journey.open_tracking)
    return screen


def _theme(app: KioskApp) -> Screen:
    from ui.screens.theme_screen import ThemeScreen

    screen = ThemeScreen()
    screen.service_chosen.connect(app.journey.choose_service)
    return screen


def _service(app: KioskApp) -> Screen:
    from ui.screens.service_screen import ServiceScreen

    screen = ServiceScreen()
    screen.action_chosen.connect(app.service_action)
    return screen


def _question(app: KioskApp) -> Screen:
    from ui.screens.question_screen import QuestionScreen

    screen = QuestionScreen()
    screen.answered.connect(app.journey.answer)
    screen.draft_changed.connect(app.journey.keep_draft)
    return screen


def _review(app: KioskApp) -> Screen:
    from ui.screens.review_screen import ReviewScreen

    screen = ReviewScreen()
    screen.edit_requested.connect(app.journey.edit)
    screen.confirmed.connect(app.journey.confirm_review)
    return screen


def _consent(app: KioskApp) -> Screen:
    from ui.screens.consent_screen import ConsentScreen

    screen = ConsentScreen()
    screen.accepted.connect(app.send_request)
    screen.refused.connect(app.journey.back)
    return screen


def _receipt(app: KioskApp) -> Screen:
    from ui.screens.receipt_screen import ReceiptScreen

    screen = ReceiptScreen()
    screen.finished.connect(app.journey.finish)
    screen.spell_requested.connect(app.spell_reference)
    screen.print_requested.connect(app.print_receipt)
    return screen


def _track(app: KioskApp) -> Screen:
    from ui.screens.track_screen import TrackScreen

    screen = TrackScreen()
    screen.lookup_requested.connect(app.track_reference)
    return screen


def _help(app: KioskApp) -> Screen:
    from ui.screens.help_screen import HelpScreen

    screen = HelpScreen()
    screen.resume_requested.connect(app.journey.resume)
    screen.ticket_requested.connect(app.take_ticket)
    return screen


def _idle(app: KioskApp) -> Screen:
    from ui.screens.idle_screen import IdleScreen

    screen = IdleScreen()
    screen.more_time_requested.connect(app.journey.resume)
    screen.finish_requested.connect(app.journey.reset)
    return screen


def _confirm(app: KioskApp) -> Screen:
    from ui.screens.confirm_screen import ConfirmScreen

    screen = ConfirmScreen()
    screen.yes.connect(app.journey.confirm_yes)
    screen.no.connect(app.journey.confirm_no)
    return screen


def _assisted_consent(app: KioskApp) -> Screen:
    from ui.staff.assisted_consent_screen import AssistedConsentScreen

    screen = AssistedConsentScreen()
    screen.accepted.connect(app.staff.consent_given)
    screen.refused.connect(app.staff.consent_refused)
    screen.refusal_read.connect(app.journey.assisted_refusal_read)
    return screen


SCREENS: dict[Step, Callable[[KioskApp], Screen]] = {
    Step.ATTRACT: _attract, Step.LANGUAGE: _language, Step.COMFORT: _comfort,
    Step.HOME: _home, Step.THEME: _theme, Step.SERVICE: _service, Step.QUESTION: _question,
    Step.REVIEW: _review, Step.CONSENT: _consent, Step.RECEIPT: _receipt, Step.TRACK: _track,
    Step.HELP: _help, Step.IDLE_WARNING: _idle, Step.CONFIRM: _confirm,
    Step.ASSISTED_CONSENT: _assisted_consent,
}
