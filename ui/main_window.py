"""The kiosk window: a nav bar over a stack of screens, one per journey step.

It wires screen intents to the journey and shows whatever step the journey is at; it holds
no business logic of its own. Screens are built the first time they are needed, so start-up
pays only for the attract screen.

Staff screens (ui/staff) cover the journey with `show_staff` and uncover it with
`leave_staff`: while they are up, journey changes are still presented but not shown or spoken.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.journey import Comfort, Journey, JourneyState, Step
from ui.screens.attract_screen import AttractScreen
from ui.screens.base import Screen, ScreenContext
from ui.widgets.nav_bar import NavBar

Speaker = Callable[[str, str], None]  # (text, language)
log = logging.getLogger(__name__)


class KioskWindow(QWidget):
    def __init__(self, journey: Journey, context: ScreenContext):
        super().__init__()
        self.setWindowTitle(context.site_name)
        self.journey = journey
        self.context = context
        self.speak: Speaker = lambda _text, _lang: None  # the voice, once attached
        # Speech that holds answers: the voice must not keep its audio (see kiosk.voice).
        self.speak_private: Speaker = lambda text, lang: self.speak(text, lang)
        self.nav_bar = NavBar(context.site_name)
        self.stack = QStackedWidget()
        self.screens: dict[Step, Screen] = {}
        self.desk = None  # kiosk.session.MediatorDesk, set by ui.app.build_window
        self.staff_view: QWidget | None = None  # a staff screen covering the journey
        self.attract = self.screen(Step.ATTRACT)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.layout_.addWidget(self.nav_bar)
        self.layout_.addWidget(self.stack, stretch=1)
        self.nav_bar.back_requested.connect(journey.back)
        self.nav_bar.home_requested.connect(journey.home)
        self.nav_bar.help_requested.connect(journey.ask_for_help)
        self.nav_bar.repeat_requested.connect(self.repeat)
        self.nav_bar.comfort_requested.connect(journey.open_comfort)
        self.on_comfort: Callable[[Comfort], None] = lambda _comfort: None
        self._comfort: Comfort | None = None
        journey.subscribe(self.show_state)
        self.show_state(journey.state)

    def screen(self, step: Step) -> Screen:
        """The screen for `step`, built and wired to the journey on first use."""
        if step not in self.screens:
            screen = _SCREEN_BUILDERS[step](self.context, self)
            self.screens[step] = screen
            self.stack.addWidget(screen)
        return self.screens[step]

    # Screens by name, for tests and the guided tour.
    @property
    def language(self) -> Screen:
        return self.screen(Step.LANGUAGE)

    @property
    def comfort(self) -> Screen:
        return self.screen(Step.COMFORT)

    @property
    def home(self) -> Screen:
        return self.screen(Step.HOME)

    @property
    def theme(self) -> Screen:
        return self.screen(Step.THEME)

    @property
    def service(self) -> Screen:
        return self.screen(Step.SERVICE)

    @property
    def help(self) -> Screen:
        return self.screen(Step.HELP)

    @property
    def idle(self) -> Screen:
        return self.screen(Step.IDLE_WARNING)

    @property
    def question(self) -> Screen:
        return self.screen(Step.QUESTION)

    @property
    def review(self) -> Screen:
        return self.screen(Step.REVIEW)

    @property
    def consent(self) -> Screen:
        return self.screen(Step.CONSENT)

    @property
    def receipt(self) -> Screen:
        return self.screen(Step.RECEIPT)

    @property
    def assisted_consent(self) -> Screen:
        return self.screen(Step.ASSISTED_CONSENT)

    @property
    def track(self) -> Screen:
        return self.screen(Step.TRACK)

    @property
    def current_screen(self) -> Screen:
        return self.stack.currentWidget()

    def add_banner(self, banner: QWidget) -> None:
        """A strip under the top bar (the assisted-mode banner)."""
        self.layout_.insertWidget(1, banner)

    def show_staff(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.staff_view = widget
        self.nav_bar.hide()
        self.stack.setCurrentWidget(widget)

    def leave_staff(self) -> None:
        """Back to the citizen's screen exactly as it was (and said again)."""
        if self.staff_view is not None:
            self.staff_view = None
            self.show_state(self.journey.state)

    def take_ticket(self) -> None:
        """"Prendre un ticket": a number, shown and spoken; mediators see the screen it came
        from."""
        from kiosk.mediator import messages

        step = self.journey.paused_step or self.journey.state.step
        ticket = self.desk.take_ticket(step.value)
        lang = self.journey.state.language
        sentence = messages.text("ticket.taken", lang, code=ticket.code)
        self.help.show_ticket(ticket.code, sentence)
        self.speak(sentence, lang)

    def show_state(self, state: JourneyState) -> None:
        if self.journey.form is None and self.journey.submission is None:
            self.wipe()
        if state.comfort != self._comfort:  # size, contrast, voice: before the screen is drawn
            self._comfort = state.comfort
            self.on_comfort(state.comfort)
        screen = self.screen(state.step)
        screen.present(state)
        if self.staff_view is not None:
            return  # a mediator is on a staff screen: the journey waits underneath
        self.nav_bar.set_language(state.language)
        self.nav_bar.setVisible(state.step not in (Step.ATTRACT, Step.IDLE_WARNING))
        self.nav_bar.comfort_button.setEnabled(state.step is not Step.COMFORT)
        self.stack.setCurrentWidget(screen)
        self._say(screen, state.language)

    def _say(self, screen: Screen, lang: str) -> None:
        speak = self.speak_private if screen.speech_is_private else self.speak
        speak(screen.spoken_text(), lang)

    def print_receipt(self, lines: list[str], qr_payload: str) -> None:
        """Print on a worker thread; the outcome is shown and spoken on the receipt screen."""
        from ui.tasks import run_task

        printer = self.services.printer()
        lang = self.journey.state.language

        def done(result, error: Exception | None) -> None:
            if error is not None or result is None:
                from kiosk.printing.messages import message

                text = message("print.failed_no_reference", lang)
            else:
                text = result.message(lang)
            self.receipt.show_print_result(text)
            self.speak(text, lang)

        run_task(lambda: printer.print_receipt(lines, qr_payload), done, parent=self)

    def track_reference(self, typed: str) -> None:
        """Look a typed reference up on a worker (SQLite); the answer is shown and spoken."""
        from kiosk.tracking.lookup import unavailable_view
        from ui.tasks import run_task

        lang = self.journey.state.language

        def done(view, error: Exception | None) -> None:
            if error is not None:
                log.error("tracking lookup failed: %s", error)
                view = unavailable_view(typed, lang)
            self.track.show_result(view)
            if self.current_screen is self.track:
                self._say(self.track, lang)

        run_task(lambda: self.services.track(typed, lang), done, parent=self)

    def wipe(self) -> None:
        """The session is over: no screen keeps what the citizen typed, nor the clipboard."""
        for screen in self.screens.values():
            screen.wipe()
        QApplication.clipboard().clear()

    def repeat(self) -> None:
        self._say(self.current_screen, self.journey.state.language)


# Each builder imports its screen module on first use and wires the screen's intents.
def _attract(context: ScreenContext, window: KioskWindow) -> Screen:
    screen = AttractScreen(context)
    screen.started.connect(window.journey.start)
    return screen


def _language(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.language_screen import LanguageScreen

    screen = LanguageScreen(context)
    screen.language_chosen.connect(window.journey.choose_language)
    return screen


def _comfort(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.comfort_screen import ComfortScreen

    screen = ComfortScreen(context)
    screen.changed.connect(lambda setting, value: window.journey.set_comfort(**{setting: value}))
    screen.done.connect(window.journey.comfort_done)
    return screen


def _home(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.home_screen import HomeScreen

    screen = HomeScreen(context)
    screen.theme_chosen.connect(window.journey.choose_theme)
    screen.tracking_requested.connect(window.journey.open_tracking)
    return screen


def _track(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.track_screen import TrackScreen

    screen = TrackScreen(context)
    screen.lookup_requested.connect(window.track_reference)
    return screen


def _theme(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.theme_screen import ThemeScreen

    screen = ThemeScreen(context)
    screen.service_chosen.connect(window.journey.choose_service)
    return screen


def _service(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.service_screen import ServiceScreen

    screen = ServiceScreen(context)
    screen.request_started.connect(window.journey.start_request)
    return screen


def _question(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.question_screen import QuestionScreen

    screen = QuestionScreen(context)
    screen.answered.connect(window.journey.answer)
    screen.draft_changed.connect(window.journey.keep_draft)
    return screen


def _review(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.review_screen import ReviewScreen

    screen = ReviewScreen(context)
    screen.edit_requested.connect(window.journey.edit)
    screen.confirmed.connect(window.journey.confirm_review)
    return screen


def _consent(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.consent_screen import ConsentScreen

    screen = ConsentScreen(context)
    screen.accepted.connect(window.journey.give_consent)
    screen.refused.connect(window.journey.back)
    return screen


def _receipt(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.receipt_screen import ReceiptScreen

    screen = ReceiptScreen(context)
    screen.finished.connect(window.journey.reset)
    screen.spell_requested.connect(lambda spelled: window.speak(spelled,
                                                                window.journey.state.language))
    screen.print_requested.connect(window.print_receipt)
    return screen


def _help(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.help_screen import HelpScreen

    screen = HelpScreen(context)
    screen.resume_requested.connect(window.journey.resume)
    screen.ticket_requested.connect(window.take_ticket)
    return screen


def _assisted_consent(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.staff.assisted_consent_screen import AssistedConsentScreen

    screen = AssistedConsentScreen(context, window.desk)
    screen.accepted.connect(window.journey.give_consent)
    screen.refused.connect(window.journey.assisted_consent_refused)
    return screen


def _idle(context: ScreenContext, window: KioskWindow) -> Screen:
    from ui.screens.idle_screen import IdleScreen

    screen = IdleScreen(context)
    screen.more_time_requested.connect(window.journey.resume)
    screen.finish_requested.connect(window.journey.reset)
    return screen


_SCREEN_BUILDERS: dict[Step, Callable[[ScreenContext, KioskWindow], Screen]] = {
    Step.ATTRACT: _attract, Step.LANGUAGE: _language, Step.COMFORT: _comfort, Step.HOME: _home,
    Step.THEME: _theme,
    Step.SERVICE: _service, Step.QUESTION: _question, Step.REVIEW: _review,
    Step.CONSENT: _consent, Step.RECEIPT: _receipt, Step.HELP: _help, Step.IDLE_WARNING: _idle,
    Step.ASSISTED_CONSENT: _assisted_consent, Step.TRACK: _track,
}
