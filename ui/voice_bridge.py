"""The Qt side of the voice: speech service callbacks re-emitted as signals on the GUI thread.

The speech service (kiosk.voice) calls back from its own dispatcher thread; emitting a signal
from there reaches GUI-thread slots through a queued connection, so widgets are only touched
on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.config import KioskConfig
from kiosk.journey import Comfort


class VoiceBridge(QObject):
    unavailable_changed = Signal(bool)  # True: show "voix indisponible" to the citizen
    no_voice_changed = Signal(bool)  # True: the engine has no voice for the language asked
    speaking_changed = Signal(bool)

    def __init__(self, config: KioskConfig, parent: QObject | None = None):
        super().__init__(parent)
        from kiosk.voice import SpeechService, options_from_config  # after the first paint

        self.service = SpeechService(
            options_from_config(config),
            on_health=self._health_changed,
            on_speaking=self.speaking_changed.emit,
        )
        # on_health only reports changes: the window reads the start state from here.
        self.unavailable = _unavailable(self.service.status)
        self.unavailable_changed.connect(lambda value: setattr(self, "unavailable", value))
        self.no_voice = False
        self.no_voice_changed.connect(lambda value: setattr(self, "no_voice", value))
        self.enabled = True
        self.rate = "normal"

    def _health_changed(self, status) -> None:
        """On the dispatcher thread: only signals leave it (queued to the GUI thread)."""
        from kiosk.voice import VoiceHealth

        self.unavailable_changed.emit(_unavailable(status))
        self.no_voice_changed.emit(status.health is VoiceHealth.NO_VOICE)

    def set_comfort(self, comfort: Comfort) -> None:
        """The citizen's voice choices: off stops the current sentence at once."""
        self.enabled = comfort.voice_on
        self.rate = comfort.speech_rate.value
        if not self.enabled:
            self.service.stop()

    def speak(self, text: str, lang: str, then: tuple[tuple[str, str], ...] = ()) -> None:
        """`then`: (text, language) said after it, each in its language's voice."""
        if self.enabled:
            self.service.speak(text, lang=lang, rate=self.rate, then=then)

    def speak_private(self, text: str, lang: str) -> None:
        """Text with a citizen's answers (the review): its audio is never cached on disk."""
        if self.enabled:
            self.service.speak(text, lang=lang, rate=self.rate, private=True)


def _unavailable(status) -> bool:
    """Broken, as opposed to switched off on purpose (voice.enabled = false)."""
    from kiosk.voice import VoiceHealth

    return not status.health.available and status.health is not VoiceHealth.DISABLED


class SilentSpeaker:
    """Before the voice starts (and for screenshots): nothing is said."""

    def say(self, speech, lang: str) -> None:
        """A kiosk.views.Speech; ignored."""


class RecordingSpeaker:
    """Keeps what would be said, for tests and the guided tour; private speech apart."""

    def __init__(self) -> None:
        self.spoken: list[str] = []  # through the speakers
        self.then: list[tuple[str, str]] = []  # said after the last of them, other voices
        self.private: list[str] = []  # only ever on a headset
        self.uncached: list[str] = []  # said, but the voice must not keep the audio

    def say(self, speech, lang: str) -> None:
        (self.private if speech.private else self.spoken).append(speech.text)
        self.then = list(speech.then)
        if speech.private or not speech.cacheable:
            self.uncached.append(speech.text)


class VoiceSpeaker:
    """Says a view's speech through the voice. Private speech (a citizen's answers) only
    goes out when `voice.read_answers_aloud` says the audio is a headset, and its audio is
    never cached; through the hall's speakers it is never said."""

    def __init__(self, bridge: VoiceBridge, read_answers_aloud: bool) -> None:
        self.bridge, self.read_answers_aloud = bridge, read_answers_aloud

    def say(self, speech, lang: str) -> None:
        if speech.private and not self.read_answers_aloud:
            return
        if speech.private or not speech.cacheable:
            self.bridge.speak_private(speech.text, lang)  # no audio kept on disk
        else:
            self.bridge.speak(speech.text, lang, speech.then)
