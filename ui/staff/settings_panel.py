"""Settings behind the PIN: idle delay, default voice speed, default language, and the
language of the staff member's own screens.

The first four apply to the running kiosk until it restarts (kiosk.toml is IT's, not the
mediator's); the controller writes each change to the audit journal with
record_settings_change. The staff language is the signed-in account's, kept with it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.i18n import LANGUAGE_NAMES, tr
from kiosk.journey import SpeechRate
from kiosk.mediator import messages
from offline_cache.languages import CODES, language
from ui.staff.panel import Panel
from ui.widgets.buttons import BigButton
from ui.widgets.labels import text_label

IDLE_STEP_S, IDLE_MIN_S, IDLE_MAX_S = 30, 30, 600
VOLUME_STEP = 10
RATES = [rate.value for rate in SpeechRate]


class SettingsPanel(Panel):
    def __init__(self, values: Callable[[], dict], apply: Callable[[str, object], None],
                 languages: tuple[str, ...], lang: str, parent=None,
                 stop_kiosk: Callable[[], None] | None = None,
                 choose_my_language: Callable[[str], None] | None = None):
        super().__init__(lang, parent)
        self.values, self.apply, self.languages = values, apply, languages
        self.labels = {}
        self.buttons: dict[str, BigButton] = {}
        self.settings_box = QWidget()  # hidden while "Arrêter la borne ?" is asked
        self._rows = QVBoxLayout(self.settings_box)
        self._rows.setContentsMargins(0, 0, 0, 0)
        content = self.scroll.content_layout
        content.addWidget(self.settings_box)
        self._rows.addWidget(text_label(messages.text("staff.settings.note", lang), role="muted"))
        self._row("idle", [("less", lambda: self._idle(-IDLE_STEP_S)),
                           ("more", lambda: self._idle(IDLE_STEP_S))])
        self._row("volume", [("less", lambda: self._volume(-VOLUME_STEP)),
                             ("more", lambda: self._volume(VOLUME_STEP))])
        self._row("rate", [("change", lambda: self._cycle("voice.rate", RATES))])
        self._row("language", [("change", lambda: self._cycle("interface.default_language",
                                                              list(languages)))])
        if choose_my_language is not None:  # every registry language, not only the citizens'
            self._row("my_language", [("change", lambda: choose_my_language(
                CODES[(CODES.index(self.lang) + 1) % len(CODES)]))])
        if stop_kiosk is not None:  # for maintenance: the session manager restarts it
            self._add_stop(stop_kiosk)
        content.addStretch(1)
        if stop_kiosk is not None:
            content.addWidget(self.stop_button)

    def _add_stop(self, stop_kiosk: Callable[[], None]) -> None:
        """One tap asks, a second on "Oui, arrêter" stops: a kiosk is not stopped by a brush.

        The question replaces the settings at the top of the panel, far from the bottom
        where "Arrêter la borne" was: a double tap lands on nothing.
        """
        lang = self.lang
        self.stop_button = BigButton(messages.text("staff.settings.stop", lang),
                                     description=messages.text("staff.settings.stop_help", lang))
        self.stop_box = QWidget()
        box = QVBoxLayout(self.stop_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.stop_question = text_label(messages.text("stop.confirm", lang), role="strong")
        self.stop_yes = BigButton(messages.text("stop.yes", lang), role="primary")
        self.stop_no = BigButton(messages.text("stop.no", lang))
        answers = QHBoxLayout()
        answers.addWidget(self.stop_no)
        answers.addWidget(self.stop_yes)
        box.addWidget(self.stop_question)
        box.addLayout(answers)
        self.scroll.content_layout.addWidget(self.stop_box)
        self.stop_button.clicked.connect(lambda: self._ask_stop(True))
        self.stop_no.clicked.connect(lambda: self._ask_stop(False))
        self.stop_yes.clicked.connect(stop_kiosk)
        self._ask_stop(False)

    def _ask_stop(self, asking: bool) -> None:
        self.stop_button.setVisible(not asking)
        self.settings_box.setVisible(not asking)
        self.stop_box.setVisible(asking)

    def _row(self, name: str, buttons) -> None:
        row = QHBoxLayout()
        self.labels[name] = text_label()
        row.addWidget(self.labels[name], stretch=3)
        for key, slot in buttons:
            text = messages.text(f"staff.settings.{key}", self.lang)
            button = BigButton(text, description=f"{text} : {name}")
            button.clicked.connect(slot)
            self.buttons[f"{name}.{key}"] = button
            row.addWidget(button, stretch=1)
        self._rows.addLayout(row)

    def _idle(self, delta: int) -> None:
        seconds = self.values()["interface.idle_warning_seconds"] + delta
        self.apply("interface.idle_warning_seconds", max(IDLE_MIN_S, min(IDLE_MAX_S, seconds)))
        self.refresh()

    def _volume(self, delta: int) -> None:
        percent = self.values()["voice.volume"] + delta
        self.apply("voice.volume", max(0, min(100, percent)))
        self.refresh()

    def _cycle(self, key: str, options: list[str]) -> None:
        current = self.values()[key]
        self.apply(key, options[(options.index(current) + 1) % len(options)])
        self.refresh()

    def refresh(self) -> None:
        """The running kiosk's values, in memory: nothing to read off the GUI thread."""
        values, lang = self.values(), self.lang
        self.labels["idle"].setText(messages.text("staff.settings.idle", lang,
                                       seconds=values["interface.idle_warning_seconds"]))
        self.labels["volume"].setText(messages.text("staff.settings.volume", lang,
                                         percent=values["voice.volume"]))
        self.labels["rate"].setText(messages.text("staff.settings.rate", lang,
                                       rate=tr(f"comfort.rate.{values['voice.rate']}", lang)))
        default = values["interface.default_language"]
        self.labels["language"].setText(messages.text("staff.settings.language", lang,
                                           language=LANGUAGE_NAMES.get(default, default)))
        if "my_language" in self.labels:  # in its own name: found by one who reads it
            self.labels["my_language"].setText(messages.text(
                "staff.settings.my_language", lang, language=language(lang).name))
