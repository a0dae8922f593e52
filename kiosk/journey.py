"""The citizen journey as a plain state machine: the screen shows `current`, taps call methods.

It holds what the citizen chose (language, theme, service) and nothing personal; `reset()`
forgets everything, which is what "Terminer", the idle timeout and a new citizen all need.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace

from kiosk.catalog import Catalog


class Step(enum.Enum):
    """Where the citizen is."""

    ATTRACT = "attract"  # waiting for someone to touch the screen
    LANGUAGE = "language"  # choosing the interface language
    HOME = "home"  # life themes as large tiles
    THEME = "theme"  # the procedures of one theme
    SERVICE = "service"  # one procedure explained in plain words
    HELP = "help"  # how to get a person to help
    IDLE_WARNING = "idle_warning"  # "are you still there?" before the wipe


@dataclass(frozen=True, slots=True)
class JourneyState:
    step: Step = Step.ATTRACT
    language: str = "fr"
    theme_id: str | None = None
    service_id: str | None = None


Listener = Callable[[JourneyState], None]


class Journey:
    def __init__(self, catalog: Catalog, languages: tuple[str, ...], default_language: str):
        self.catalog = catalog
        self.languages = languages
        self.default_language = default_language
        self._state = JourneyState(language=default_language)
        self._history: list[JourneyState] = []
        self._paused: JourneyState | None = None  # the screen an overlay (help, idle) covers
        self._listeners: list[Listener] = []

    @property
    def state(self) -> JourneyState:
        return self._state

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _go(self, state: JourneyState, remember: bool = True) -> None:
        if remember:
            self._history.append(self._state)
        self._state = state
        for listener in list(self._listeners):
            listener(state)

    # Citizen intents -------------------------------------------------------------------
    def start(self) -> None:
        """The attract screen was touched."""
        if self._state.step is Step.ATTRACT:
            next_step = Step.LANGUAGE if len(self.languages) > 1 else Step.HOME
            self._go(replace(self._state, step=next_step))

    def choose_language(self, language: str) -> None:
        if language not in self.languages:
            raise ValueError(f"language {language!r} is not offered here")
        self._go(replace(self._state, step=Step.HOME, language=language))

    def choose_theme(self, theme_id: str) -> None:
        self.catalog.theme(theme_id)  # fails loudly on an unknown id
        self._go(replace(self._state, step=Step.THEME, theme_id=theme_id, service_id=None))

    def choose_service(self, service_id: str) -> None:
        service = self.catalog.service(service_id)
        self._go(replace(self._state, step=Step.SERVICE, theme_id=service.theme,
                         service_id=service_id))

    def back(self) -> None:
        if self._state.step in (Step.HELP, Step.IDLE_WARNING):
            self.resume()
        elif self._history:
            previous = self._history.pop()
            self._go(previous, remember=False)

    def home(self) -> None:
        if self._state.step not in (Step.ATTRACT, Step.HOME):
            self._go(replace(self._state, step=Step.HOME, theme_id=None, service_id=None))

    def ask_for_help(self) -> None:
        if self._state.step not in (Step.HELP, Step.IDLE_WARNING):
            self._paused = self._state
            self._go(replace(self._state, step=Step.HELP), remember=False)

    # Idle handling ------------------------------------------------------------------------
    def idle_warning(self) -> None:
        """Nobody touched the screen for a while: ask before wiping anything."""
        if self._state.step is Step.ATTRACT or self._state.step is Step.IDLE_WARNING:
            return
        if self._state.step is not Step.HELP:
            self._paused = self._state
        self._go(replace(self._state, step=Step.IDLE_WARNING), remember=False)

    def resume(self) -> None:
        """Back to the screen the overlay covered ("I need more time")."""
        if self._paused is not None:
            paused, self._paused = self._paused, None
            self._go(paused, remember=False)

    def reset(self) -> None:
        """Forget everything and show the attract screen: the next citizen starts clean."""
        self._history.clear()
        self._paused = None
        self._go(JourneyState(language=self.default_language), remember=False)
