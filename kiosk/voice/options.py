"""What the speech service needs to know, as one frozen record built from the kiosk config.

The service never reads the config itself: tests and the `kiosk voice` command build options
directly, and the GUI rebuilds them when the citizen changes the comfort settings.
"""

from __future__ import annotations

import enum
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from offline_cache.languages import BY_CODE


class RateStep(enum.Enum):
    """The three speech rates offered on the comfort screen (words per minute for espeak-ng)."""

    SLOW = "slow"  # for people who hear badly or understand little French
    NORMAL = "normal"  # the default: slower than espeak-ng's own 175 wpm, on purpose
    FAST = "fast"  # for people who find the default tiresome

    @property
    def words_per_minute(self) -> int:
        return _WPM[self]


_WPM = {RateStep.SLOW: 120, RateStep.NORMAL: 150, RateStep.FAST: 185}
SPELL_WPM = 110  # a reference read character by character: slower than the slowest step
MIN_WPM, MAX_WPM = 80, 450  # espeak-ng accepts 80..450; outside it clamps silently


def words_per_minute(rate: RateStep | str | int) -> int:
    """A rate step, its name, or a number of words per minute, as words per minute."""
    if isinstance(rate, RateStep):
        return rate.words_per_minute
    if isinstance(rate, bool):
        raise ValueError(f"rate {rate!r}: expected slow, normal, fast or {MIN_WPM}..{MAX_WPM}")
    if isinstance(rate, int) or (isinstance(rate, str) and rate.isdigit()):
        wpm = int(rate)
        if not MIN_WPM <= wpm <= MAX_WPM:
            raise ValueError(f"rate {wpm}: expected {MIN_WPM}..{MAX_WPM} words per minute")
        return wpm
    try:
        return RateStep(rate).words_per_minute
    except ValueError:
        raise ValueError(
            f"rate {rate!r}: expected slow, normal, fast or {MIN_WPM}..{MAX_WPM}"
        ) from None


@dataclass(frozen=True, slots=True)
class VoiceOptions:
    """Everything the speech service is configured with; defaults match the documented ones."""

    enabled: bool = True
    rate: RateStep = RateStep.NORMAL
    volume: int = 100  # percent of espeak-ng's normal amplitude, 0..100
    cache_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()) / "kiosk-voice")
    cache_mb: int = 64
    player: str = "auto"  # auto, aplay, paplay, pw-play, play, or a command line with {file}
    language: str = "fr"
    # Watchdog: a synthesis taking longer than this is a hung worker (measured: ~10 ms/sentence).
    synth_timeout_s: float = 5.0
    # Watchdog at start: Python plus pyttsx3 load in ~0.2 s here, much more on a slow kiosk.
    start_timeout_s: float = 15.0
    # How long to wait before trying again to start a worker whose engine is missing.
    engine_retry_s: float = 30.0
    # Test and packaging hooks: the command that starts the worker, and extra environment.
    worker_command: tuple[str, ...] | None = None
    worker_env: Mapping[str, str] | None = None


def options_from_config(config: Any, **overrides: Any) -> VoiceOptions:
    """VoiceOptions from a validated KioskConfig (anything with `[key]` and `data_dir`)."""
    values: dict[str, Any] = {
        "enabled": config["voice.enabled"],
        "rate": RateStep(config["voice.rate"]),
        "volume": config["voice.volume"],
        "cache_dir": Path(config.data_dir) / "voice-cache",
        "cache_mb": config["voice.cache_mb"],
        "player": config["voice.player"],
        "language": config["interface.default_language"],
    }
    values.update(overrides)
    return VoiceOptions(**values)


def pick_voice(lang: str, voices: list[dict[str, Any]]) -> str | None:
    """The engine voice that reads `lang`, or None: the screen then says there is none.

    The language registry (offline_cache/languages.py) names the espeak-ng voice of each
    language ("fr" -> "fr-fr"); this only finds which of the engine's voices it is, by the
    language it speaks ("fr-fr" is the file "roa/fr") or by its id. Never another voice:
    a Turkish sentence read by the French voice is noise, a message on screen is not.
    """
    wanted = registry_voice(lang)
    if wanted is None:
        return None
    wanted = wanted.lower()
    for voice in voices:
        spoken = [str(name).lower() for name in voice.get("languages", [])]
        if wanted in spoken or str(voice["id"]).lower() == wanted:
            return str(voice["id"])
    return None


def registry_voice(lang: str) -> str | None:
    """The espeak-ng voice the registry gives `lang`; None for no voice or an unknown code."""
    entry = BY_CODE.get(lang)
    return entry.voice if entry is not None else None
