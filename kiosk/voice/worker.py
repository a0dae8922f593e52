"""The speech worker: a child process that owns the TTS engine and only writes WAV files.

Why a process: pyttsx3's `runAndWait()` can block for a whole playback or forever, and a
thread cannot be killed. A process can be SIGKILLed and restarted by the service's watchdog,
whatever state the engine is in. The worker never plays audio (pyttsx3 plays through `aplay`
and swallows its errors); the service plays the file itself, so it sees the exit status.

Protocol: JSON lines. The worker first writes a hello
`{"type": "hello", "engine": "espeak-ng", "voices": [{"id": "roa/fr", "languages": ["fr-fr"]}]}`
(`engine` is null and `error` says why when no engine works), then answers each request
`{"id": 1, "text": "...", "voice": "roa/fr", "wpm": 150, "volume": 100, "out": "/x.wav"}`
with `{"type": "done", "id": 1, "ok": true}` or `{..., "ok": false, "error": "..."}`.

Run as `python -m kiosk.voice.worker` (or `kiosk voice worker` in the frozen bundle). Imports
nothing from the kiosk beyond this module, so it starts in a few tens of milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import wave
from typing import IO, Any, Protocol


class Engine(Protocol):
    name: str

    def voices(self) -> list[dict[str, Any]]: ...

    def synthesize(self, text: str, voice: str, wpm: int, volume: int, out: str) -> None: ...


class Pyttsx3Engine:
    """pyttsx3 with its traps worked around: one utterance per run, voice checked afterwards."""

    name = "pyttsx3"
    RUNS_FOR_AN_EMPTY_FILE = 3

    def __init__(self) -> None:
        import pyttsx3  # an ImportError here is reported in the hello, not raised

        self._engine = pyttsx3.init()

    def voices(self) -> list[dict[str, Any]]:
        return [
            {"id": str(voice.id), "languages": [str(lang) for lang in voice.languages or []]}
            for voice in self._engine.getProperty("voices")
        ]

    def synthesize(self, text: str, voice: str, wpm: int, volume: int, out: str) -> None:
        # pyttsx3 2.99's espeak driver writes the file before adding the samples that came
        # with espeak's last callback; under load that can be all of them (measured: 2 empty
        # files in 200). One more run is then enough; an empty file is never played as speech.
        for _ in range(self.RUNS_FOR_AN_EMPTY_FILE):
            self._run(text, voice, wpm, volume, out)
            if _has_frames(out):
                return
        raise RuntimeError(f"pyttsx3 wrote no sound to {out} in {self.RUNS_FOR_AN_EMPTY_FILE} runs")

    def _run(self, text: str, voice: str, wpm: int, volume: int, out: str) -> None:
        # setProperty is queued until runAndWait and an unknown voice is silently ignored
        # (measured): the previous voice would speak. So check the voice after the run.
        self._engine.setProperty("voice", voice)
        self._engine.setProperty("rate", wpm)
        self._engine.setProperty("volume", volume / 100)
        self._engine.save_to_file(text, out)
        self._engine.runAndWait()
        current = self._engine.getProperty("voice")
        if current != voice:
            raise RuntimeError(f"voice {voice!r} not applied (engine reports {current!r})")


def _has_frames(path: str) -> bool:
    try:
        with wave.open(path, "rb") as wav:
            return wav.getnframes() > 0
    except (OSError, EOFError, wave.Error):
        return False


class EspeakCliEngine:
    """The espeak-ng command line: one short process per sentence, exact and killable."""

    name = "espeak-ng"

    def __init__(self) -> None:
        self._binary = shutil.which("espeak-ng")
        if self._binary is None:
            raise FileNotFoundError("espeak-ng is not on PATH")

    def voices(self) -> list[dict[str, Any]]:
        listing = subprocess.run(
            [self._binary, "--voices"], capture_output=True, text=True, timeout=10, check=True
        ).stdout.splitlines()[1:]
        found = []
        for line in listing:
            columns = line.split()
            if len(columns) >= 5 and not columns[4].startswith("mb/"):
                found.append({"id": columns[4], "languages": [columns[1]]})
        return found

    def synthesize(self, text: str, voice: str, wpm: int, volume: int, out: str) -> None:
        # espeak-ng's amplitude is 0..200 with 100 as normal; our volume is 0..100 percent.
        subprocess.run(
            [self._binary, "-v", voice, "-s", str(wpm), "-a", str(volume), "-w", out, "--", text],
            capture_output=True, timeout=60, check=True,
        )


ENGINES: dict[str, type] = {"espeak-ng": EspeakCliEngine, "pyttsx3": Pyttsx3Engine}


def start_engine() -> tuple[Engine | None, str]:
    """The first engine that starts, and why the ones before it did not.

    espeak-ng's command line comes first where it exists: measured here, pyttsx3's espeak
    driver applied a rate change one utterance late in 4 of 40 tries (its properties go
    through espeak's asynchronous queue), while the command line is exact and starts in
    ~15 ms. pyttsx3 is the engine where there is no espeak-ng binary (SAPI5 on Windows,
    NSSpeechSynthesizer on macOS). KIOSK_VOICE_ENGINE=pyttsx3 puts it first.
    """
    preferred = os.environ.get("KIOSK_VOICE_ENGINE", "espeak-ng")
    order = sorted(ENGINES, key=lambda name: name != preferred)
    problems = []
    for name in order:
        try:
            return ENGINES[name](), "; ".join(problems)
        except Exception as error:  # ImportError, OSError from ctypes, RuntimeError...
            problems.append(f"{name}: {type(error).__name__}: {error}")
    return None, "; ".join(problems)


def _answer(channel: IO[str], message: dict[str, Any]) -> None:
    channel.write(json.dumps(message) + "\n")
    channel.flush()


def serve(requests: IO[str], channel: IO[str]) -> int:
    engine, problems = start_engine()
    if engine is None:
        _answer(channel, {"type": "hello", "engine": None, "error": problems})
        return 3
    try:
        voices = engine.voices()
    except Exception as error:
        _answer(channel, {"type": "hello", "engine": None, "error": f"listing voices: {error}"})
        return 3
    _answer(channel, {"type": "hello", "engine": engine.name, "voices": voices, "note": problems})
    for line in requests:
        request = json.loads(line)
        text = str(request["text"]).strip()
        if not text:  # pyttsx3 asserts on it; its loop could wait forever on nothing
            _answer(channel, {"type": "done", "id": request["id"], "ok": False,
                              "error": "empty text"})
            continue
        try:
            engine.synthesize(text, request["voice"], int(request["wpm"]),
                              int(request["volume"]), request["out"])
            reply = {"type": "done", "id": request["id"], "ok": True}
        except Exception as error:
            reply = {"type": "done", "id": request["id"], "ok": False,
                     "error": f"{type(error).__name__}: {error}"}
            with contextlib.suppress(OSError):
                os.remove(request["out"])  # a file in the wrong voice must not be cached
        _answer(channel, reply)
    return 0


def main() -> int:
    # The protocol gets a private copy of stdout; fd 1 then goes to stderr, because pyttsx3
    # prints "Audio saved to ..." and anything printed there would corrupt the protocol.
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with contextlib.suppress(BrokenPipeError, KeyboardInterrupt):
        return serve(sys.stdin, channel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
