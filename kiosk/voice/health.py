"""The voice's health as one state the UI can show, built from what each part last reported.

The speech service never pretends: when the engine, the player or the sound card fails, the
state says so, the UI shows a discreet "voix indisponible" and everything else keeps working.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class VoiceHealth(enum.Enum):
    """What the citizen gets from the voice right now, worst first in `_PRIORITY`."""

    STARTING = "starting"  # the worker is loading the engine; speech asked now is held
    OK = "ok"  # the last utterance was synthesised and played (or nothing failed yet)
    DISABLED = "disabled"  # voice.enabled is false: silence is the operator's choice
    ENGINE_MISSING = "engine_missing"  # neither pyttsx3 nor espeak-ng can be started
    WORKER_HUNG = "worker_hung"  # the watchdog killed a worker that stopped answering
    PLAYER_MISSING = "player_missing"  # the configured audio player program is not installed
    NO_AUDIO_DEVICE = "no_audio_device"  # the player ran and failed (no card, device busy)
    NO_VOICE = "no_voice"  # the engine has no voice for the language asked

    @property
    def available(self) -> bool:
        """Whether the UI may present the voice as working."""
        return self in (VoiceHealth.OK, VoiceHealth.STARTING)


_PRIORITY = (
    VoiceHealth.DISABLED, VoiceHealth.ENGINE_MISSING, VoiceHealth.WORKER_HUNG,
    VoiceHealth.PLAYER_MISSING, VoiceHealth.NO_AUDIO_DEVICE, VoiceHealth.NO_VOICE,
    VoiceHealth.STARTING,
)


@dataclass(frozen=True, slots=True)
class VoiceStatus:
    """The state and, for logs and `kiosk doctor`, what happened and what to do."""

    health: VoiceHealth
    detail: str = ""  # operator-facing, English: e.g. "aplay: audio open error ..."
    engine: str | None = None  # "pyttsx3", "espeak-ng", or None before/without one


class HealthTracker:
    """Each part (engine, worker, player, voice) sets or clears its own problem; the worst
    one wins. `on_change` is called, on the caller's thread, only when the status changes."""

    def __init__(self, on_change: Callable[[VoiceStatus], None] | None) -> None:
        self._problems: dict[VoiceHealth, str] = {VoiceHealth.STARTING: "starting the worker"}
        self._on_change = on_change
        self.engine: str | None = None
        self.status = VoiceStatus(VoiceHealth.STARTING, "starting the worker")

    def set(self, health: VoiceHealth, detail: str) -> None:
        self._problems[health] = detail
        self._publish()

    def clear(self, *healths: VoiceHealth) -> None:
        for health in healths:
            self._problems.pop(health, None)
        self._publish()

    def _publish(self) -> None:
        worst = next((h for h in _PRIORITY if h in self._problems), VoiceHealth.OK)
        status = VoiceStatus(worst, self._problems.get(worst, ""), self.engine)
        if status != self.status:
            self._log_change(self.status, status)
            self.status = status
            if self._on_change is not None:
                try:
                    self._on_change(status)
                except Exception:  # a broken listener must not stop the voice
                    logger.exception("voice health callback failed")

    @staticmethod
    def _log_change(before: VoiceStatus, after: VoiceStatus) -> None:
        """What the IT officer reads in the log: each new problem once, and its end."""
        problem = not after.health.available and after.health is not VoiceHealth.DISABLED
        if problem and (after.health, after.detail) != (before.health, before.detail):
            logger.warning("voice unavailable (%s): %s", after.health.value, after.detail)
        elif after.health is VoiceHealth.OK and not before.health.available:
            logger.info("voice available again")
