"""The kiosk window: a nav bar over a stack of screens, one per journey step.

It only paints: the composition object (ui.composition.KioskApp) builds it, hands it the
view of the screen on top, and wires the screens' intents. Screens are built the first time
they are needed (ui.screen_table), so start-up pays only for the attract screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from kiosk.journey_state import Step
from offline_cache.languages import SOURCE_LANGUAGE
from ui.layout_direction import follow_language
from ui.screens.base import Screen
from ui.widgets.nav_bar import NavBar

if TYPE_CHECKING:
    from ui.composition import KioskApp

# No top bar over these: the citizen answers what is asked, or a mediator is at work.
NO_NAV_BAR = frozenset({Step.ATTRACT, Step.IDLE_WARNING, Step.CONFIRM, Step.ASSISTED_CONSENT,
                        Step.STAFF})


class KioskWindow(QWidget):
    def __init__(self, kiosk: KioskApp, site_name: str,
                 build_screen: Callable[[Step], Screen],
                 wire_nav_bar: Callable[[NavBar], None]):
        """`wire_nav_bar` connects the top bar's buttons when it is built: on the first
        screen that shows it, so the attract screen is painted without it."""
        super().__init__()
        self.setWindowTitle(site_name)
        self.kiosk = kiosk  # the composition that built this window (read-only for tests)
        self.site_name = site_name
        self._build_screen = build_screen
        self._wire_nav_bar = wire_nav_bar
        self._nav_bar: NavBar | None = None
        self._nav_bar_wanted = False
        self.stack = QStackedWidget()
        self.screens: dict[Step, Screen] = {}
        self.staff_view: QWidget | None = None  # a staff screen covering the journey
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(0)
        self.layout_.addWidget(self.stack, stretch=1)
        self.attract = self.screen(Step.ATTRACT)

    @property
    def nav_bar(self) -> NavBar:
        """The top bar, built on first use (measured: a tenth of the work before the first
        paint when the attract screen, which has none, waited for it)."""
        if self._nav_bar is None:
            self._nav_bar = NavBar(self.site_name)
            self._nav_bar.setVisible(self._nav_bar_wanted)  # a hidden bar stays hidden
            self.layout_.insertWidget(0, self._nav_bar)
            self._wire_nav_bar(self._nav_bar)
        return self._nav_bar

    def _show_nav_bar(self, shown: bool) -> None:
        self._nav_bar_wanted = shown
        if shown or self._nav_bar is not None:
            self.nav_bar.setVisible(shown)

    def screen(self, step: Step) -> Screen:
        """The screen for `step`, built and wired on first use."""
        if step not in self.screens:
            screen = self._build_screen(step)
            self.screens[step] = screen
            self.stack.addWidget(screen)
        return self.screens[step]

    # The parts tests and the tour reach through the window (built by the composition).
    @property
    def journey(self):
        return self.kiosk.journey

    @property
    def services(self):
        return self.kiosk.services

    @property
    def desk(self):
        return self.kiosk.desk

    @property
    def staff(self):
        return self.kiosk.staff

    # Screens by name, for tests and the guided tour.
    language = property(lambda self: self.screen(Step.LANGUAGE))
    comfort = property(lambda self: self.screen(Step.COMFORT))
    home = property(lambda self: self.screen(Step.HOME))
    theme = property(lambda self: self.screen(Step.THEME))
    service = property(lambda self: self.screen(Step.SERVICE))
    help = property(lambda self: self.screen(Step.HELP))
    idle = property(lambda self: self.screen(Step.IDLE_WARNING))
    question = property(lambda self: self.screen(Step.QUESTION))
    review = property(lambda self: self.screen(Step.REVIEW))
    consent = property(lambda self: self.screen(Step.CONSENT))
    receipt = property(lambda self: self.screen(Step.RECEIPT))
    assisted_consent = property(lambda self: self.screen(Step.ASSISTED_CONSENT))
    track = property(lambda self: self.screen(Step.TRACK))
    confirm = property(lambda self: self.screen(Step.CONFIRM))

    @property
    def current_screen(self) -> QWidget:
        return self.stack.currentWidget()

    def add_banner(self, banner: QWidget) -> None:
        """A strip under the top bar (the assisted-mode banner), over the screens."""
        self.layout_.insertWidget(self.layout_.indexOf(self.stack), banner)

    def show_view(self, view) -> None:
        """Paint the view of the screen on top; a staff screen stays until it is left.
        The layout reads the way the view's language does (staff screens are French)."""
        step = view.step
        follow_language(SOURCE_LANGUAGE if step is Step.STAFF else view.language)
        self._show_nav_bar(step not in NO_NAV_BAR)
        if step is Step.STAFF:
            if self.staff_view is not None:
                self.stack.setCurrentWidget(self.staff_view)
            return
        screen = self.screen(step)
        screen.present(view)
        if step not in NO_NAV_BAR:  # a hidden bar is set when it shows again
            self.nav_bar.set_language(view.language)
            self.nav_bar.comfort_button.setEnabled(step is not Step.COMFORT)
            self.nav_bar.language_button.setEnabled(step is not Step.LANGUAGE)
        self.stack.setCurrentWidget(screen)

    def show_staff(self, widget: QWidget) -> None:
        """A staff screen covers the journey, which waits underneath (nothing is spoken)."""
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.staff_view = widget
        self._show_nav_bar(False)
        self.stack.setCurrentWidget(widget)
        self.journey.open_staff()

    def leave_staff(self) -> None:
        """Back to the citizen's screen exactly as it was (and said again)."""
        if self.staff_view is not None:
            self.staff_view = None
            self.journey.close_staff()

    def wipe(self) -> None:
        """The session is over: no screen keeps what the citizen typed, nor the clipboard."""
        for screen in self.screens.values():
            screen.wipe()
        QApplication.clipboard().clear()
