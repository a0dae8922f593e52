"""The speech service: `speak()` returns at once; a dispatcher thread does everything else.

Why this shape: the GUI thread must never wait on speech (pyttsx3 can block for a whole
playback, or forever). Public methods only post an event to the dispatcher's queue
(dispatcher.py), which owns the worker process, the cache and the player.

Callbacks (`on_health`, `on_speaking`) run on the dispatcher thread: the Qt bridge must turn
them into queued signals.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from kiosk.spelling import spell_out
from kiosk.voice.dispatcher import Dispatcher, Utterance
from kiosk.voice.health import HealthTracker, VoiceHealth, VoiceStatus
from kiosk.voice.options import SPELL_WPM, RateStep, VoiceOptions, words_per_minute


class SpeechService:
    """Speak texts without ever blocking the caller. See docs/voice.md for the states."""

    def __init__(self, options: VoiceOptions | None = None, *,
                 on_health: Callable[[VoiceStatus], None] | None = None,
                 on_speaking: Callable[[bool], None] | None = None) -> None:
        self._health = HealthTracker(on_health)
        self._dispatcher = Dispatcher(options or VoiceOptions(), self._health, on_speaking)
        self._generations = itertools.count(1)
        self._last: tuple[str, str | None, Any, bool, bool] | None = None
        self._closed = False

    # ---- each call only reads a field or posts an event: it returns in microseconds ----

    @property
    def health(self) -> VoiceHealth:
        return self._health.status.health

    @property
    def status(self) -> VoiceStatus:
        return self._health.status

    @property
    def speaking(self) -> bool:
        """Whether a player is running now."""
        return self._dispatcher.speaking

    @property
    def worker_pid(self) -> int | None:
        """The current worker's process id (doctor output, fault tests); None without one."""
        return self._dispatcher.worker_pid

    @property
    def restart_count(self) -> int:
        """Workers replaced so far (hung, killed or crashed)."""
        return self._dispatcher.restart_count

    @property
    def cache_bytes(self) -> int:
        """Size of the audio cache; read it when the service is idle (e.g. after prepare)."""
        return self._dispatcher.cache_bytes

    @property
    def voices(self) -> list[dict[str, Any]]:
        """The engine's voices (id, languages) once it has started; empty before."""
        return self._dispatcher.voices

    def speak(self, text: str, lang: str | None = None, rate: RateStep | str | int | None = None,
              spell: bool = False, private: bool = False,
              then: Sequence[tuple[str, str]] = ()) -> None:
        """Stop what is being said and say `text`; `spell` reads it character by character.

        `private` marks text holding a citizen's answers: its audio is never kept on disk.
        `then`: (text, language) pairs said after it, each in its language's voice.
        """
        self._last = (text, lang, rate, spell, private, tuple(then))
        generation = next(self._generations)
        utterance = self._utterance(text, lang, rate, spell, generation)
        following = tuple(self._utterance(more, more_lang, rate, False, generation)
                          for more, more_lang in then)
        self._post("speak", dataclasses.replace(utterance, private=private, then=following))

    def repeat(self) -> None:
        """Say the last utterance again (the "Répéter" button)."""
        if self._last is not None:
            self.speak(*self._last)

    def stop(self) -> None:
        """Silence now; anything still being synthesised is not played."""
        self._post("stop", next(self._generations))

    def update(self, **changes: Any) -> None:
        """Change options (rate, volume, language, player...) for the next utterances."""
        self._post("update", changes)

    def synthesize(self, text: str, lang: str | None = None,
                   rate: RateStep | str | int | None = None, spell: bool = False) -> Future[Path]:
        """Synthesise into the cache without playing; the future gives the WAV path.

        For the command line and `kiosk voice prepare`, never for the GUI thread to wait on.
        """
        future: Future[Path] = Future()
        if self._closed or not self._dispatcher.options.enabled:
            future.set_exception(RuntimeError("the voice is disabled or shut down"))
            return future
        self._post("synthesize", self._utterance(text, lang, rate, spell, 0), future)
        return future

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop speech, end the worker and the dispatcher. Waits at most about `timeout`."""
        if not self._closed:
            self._closed = True
            self._dispatcher.join(timeout)

    def __enter__(self) -> SpeechService:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.shutdown()

    def _utterance(self, text: str, lang: str | None, rate: RateStep | str | int | None,
                   spell: bool, generation: int) -> Utterance:
        options = self._dispatcher.options  # replaced as a whole by update(): no torn read
        lang = lang or options.language
        wpm = SPELL_WPM if spell else words_per_minute(rate or options.rate)
        return Utterance(spell_out(text, lang) + "." if spell else text, lang, wpm, generation)

    def _post(self, *event: Any) -> None:
        if not self._closed and self._dispatcher.options.enabled:
            self._dispatcher.post(*event)
