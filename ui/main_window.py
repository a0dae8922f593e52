"""The kiosk window: a nav bar over a stack of screens, one per journey step.

It wires screen intents to the journey and shows whatever step the journey is at; it holds
no business logic of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.journey import Journey, JourneyState, Step
from ui.screens.attract_screen import AttractScreen
from ui.screens.base import Screen, ScreenContext
from ui.screens.help_screen import HelpScreen
from ui.screens.home_screen import HomeScreen
from ui.screens.idle_screen import IdleScreen
from ui.screens.language_screen import LanguageScreen
from ui.screens.service_screen import ServiceScreen
from ui.screens.theme_screen import ThemeScreen
from ui.widgets.nav_bar import NavBar

Speaker = Callable[[str], None]


class KioskWindow(QWidget):
    def __init__(self, journey: Journey, context: ScreenContext, speak: Speaker | None = None):
        super().__init__()
        self.setWindowTitle(context.site_name)
        self.journey = journey
        self.speak: Speaker = speak or (lambda _text: None)
        self.nav_bar = NavBar(context.site_name)
        self.stack = QStackedWidget()
        self.attract = AttractScreen(context)
        self.language = LanguageScreen(context)
        self.home = HomeScreen(context)
        self.theme = ThemeScreen(context)
        self.service = ServiceScreen(context)
        self.help = HelpScreen(context)
        self.idle = IdleScreen(context)
        self.screens: dict[Step, Screen] = {
            Step.ATTRACT: self.attract, Step.LANGUAGE: self.language, Step.HOME: self.home,
            Step.THEME: self.theme, Step.SERVICE: self.service, Step.HELP: self.help,
            Step.IDLE_WARNING: self.idle,
        }
        for screen in self.screens.values():
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav_bar)
        layout.addWidget(self.stack, stretch=1)
        self._connect_intents()
        journey.subscribe(self.show_state)
        self.show_state(journey.state)

    def _connect_intents(self) -> None:
        journey = self.journey
        self.attract.started.connect(journey.start)
        self.language.language_chosen.connect(journey.choose_language)
        self.home.theme_chosen.connect(journey.choose_theme)
        self.theme.service_chosen.connect(journey.choose_service)
        self.help.resume_requested.connect(journey.resume)
        self.idle.more_time_requested.connect(journey.resume)
        self.idle.finish_requested.connect(journey.reset)
        self.nav_bar.back_requested.connect(journey.back)
        self.nav_bar.home_requested.connect(journey.home)
        self.nav_bar.help_requested.connect(journey.ask_for_help)
        self.nav_bar.repeat_requested.connect(self.repeat)

    @property
    def current_screen(self) -> Screen:
        return self.stack.currentWidget()

    def show_state(self, state: JourneyState) -> None:
        screen = self.screens[state.step]
        screen.present(state)
        self.nav_bar.set_language(state.language)
        self.nav_bar.setVisible(state.step not in (Step.ATTRACT, Step.IDLE_WARNING))
        self.stack.setCurrentWidget(screen)
        self.speak(screen.spoken_text())

    def repeat(self) -> None:
        self.speak(self.current_screen.spoken_text())
