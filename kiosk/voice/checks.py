"""`kiosk doctor`'s voice checks: engine, a voice per language, player, synthesis, device.

Each check is (name, ok, message) and the message says what to do when it fails, because the
person reading it is an IT officer on site, not the developer. The checks go through the same
worker and player code as the kiosk, so "ok" here means the kiosk will really speak.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from kiosk.voice.options import options_from_config, pick_voice, registry_voice
from kiosk.voice.player import PlayerMissing, resolve_player
from kiosk.voice.service import SpeechService
from kiosk.voice.wavinfo import measure

Check = tuple[str, bool, str]
TEST_SENTENCE = "Bonjour, ceci est un essai de la voix de la borne."
MIN_RMS = 0.01  # espeak-ng speech measures ~0.07 at full volume; silence is ~0


def voice_checks(config: Any, timeout_s: float = 20.0, **overrides: Any) -> list[Check]:
    """Run the voice checks for a validated KioskConfig. Takes about a second (the sound card
    check plays a two-second sentence). `overrides` are VoiceOptions fields, for tests."""
    if not config["voice.enabled"]:
        return [("voice", True, "voice disabled (voice.enabled = false): nothing to check")]
    with tempfile.TemporaryDirectory(prefix="kiosk-voice-doctor-") as folder:
        options = options_from_config(config, cache_dir=Path(folder), **overrides)
        service = SpeechService(options)
        try:
            future = service.synthesize(TEST_SENTENCE, lang="fr")
            try:
                wav: Path | None = future.result(timeout_s)
                synth_error = ""
            except Exception as error:  # TimeoutError or the engine's error
                wav, synth_error = None, str(error) or type(error).__name__
            checks = [_engine_check(service)]
            checks += _language_checks(service, config["interface.languages"])
            checks.append(_synthesis_check(wav, synth_error))
            checks += _player_checks(config["voice.player"], wav)
        finally:
            service.shutdown()
    return checks


def _engine_check(service: SpeechService) -> Check:
    status = service.status
    if status.engine is None:
        return ("voice engine", False,
                f"no speech engine ({status.detail}); install espeak-ng and libespeak-ng1 "
                "(apt-get install espeak-ng libespeak-ng1) and reinstall the kiosk")
    return ("voice engine", True, f"{status.engine} started")


def _language_checks(service: SpeechService, languages: list[str]) -> list[Check]:
    voices = service.voices
    checks = []
    for lang in languages:
        voice = pick_voice(lang, voices) if voices else None
        wanted = registry_voice(lang)
        if wanted is None:
            checks.append((f"voice for '{lang}'", False,
                           f"the language registry (offline_cache/languages.py) gives '{lang}' "
                           "no voice: its screens say so and stay silent"))
        elif voice is None:
            checks.append((f"voice for '{lang}'", False,
                           f"the engine has no '{wanted}' voice for '{lang}': the kiosk will "
                           f"say so on screen and stay silent in this language; install "
                           f"espeak-ng-data or drop '{lang}' from interface.languages"))
        else:
            checks.append((f"voice for '{lang}'", True, f"espeak-ng voice {voice}"))
    return checks


def _synthesis_check(wav: Path | None, error: str) -> Check:
    if wav is None:
        return ("voice test synthesis", False, f"synthesis failed ({error}); run "
                "`kiosk voice say --to test.wav Bonjour` to see the error")
    figures = measure(wav)
    if figures.duration_s < 0.5 or figures.rms < MIN_RMS:
        return ("voice test synthesis", False,
                f"the test sentence came out empty or silent ({figures.duration_s:.2f} s, "
                f"RMS {figures.rms:.3f}); check voice.volume and the espeak-ng installation")
    return ("voice test synthesis", True,
            f"{figures.duration_s:.1f} s at {figures.sample_rate} Hz, RMS {figures.rms:.3f}")


def _player_checks(setting: str, wav: Path | None) -> list[Check]:
    try:
        template = resolve_player(setting)
    except PlayerMissing as missing:
        return [("audio player", False, f"{missing}")]
    checks: list[Check] = [("audio player", True, f"{template[0]} (voice.player = {setting})")]
    if wav is None:
        return checks
    argv = [part.replace("{file}", str(wav)) for part in template]
    try:
        run = subprocess.run(argv, capture_output=True, text=True, timeout=15)
    except subprocess.TimeoutExpired:
        return [*checks, ("audio device", False, "the player did not finish in 15 s; "
                          "check the sound server and the speaker cable")]
    if run.returncode != 0:
        error = " / ".join(run.stderr.strip().splitlines()[-2:])
        return [*checks, ("audio device", False,
                          f"playback failed (status {run.returncode}: {error}); plug in the "
                          "speakers, check `aplay -l` lists a card and the volume in alsamixer")]
    return [*checks, ("audio device", True, "the test sentence was played: did you hear it?")]
