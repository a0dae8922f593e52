"""Fixtures for the voice tests: real espeak-ng through the real worker, a stand-in player.

There is no sound card on the test machines. `fake_player` is a small script that stands in
for a speaker: it reads the WAV it is given, "plays" it by sleeping for (a fraction of) its
duration, and logs start and end, so tests can see what was played, what was interrupted, and
make it fail like a missing device would.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kiosk.voice import SpeechService, VoiceOptions, VoiceStatus

FAKE_PLAYER = """#!{python}
import sys, time, wave
path = sys.argv[-1]
with wave.open(path) as w:
    duration = w.getnframes() / w.getframerate()
with open({log!r}, "a") as log:
    log.write(f"start {{path}} {{duration:.3f}}\\n")
time.sleep(duration * {speed})
with open({log!r}, "a") as log:
    log.write(f"end {{path}}\\n")
sys.exit({status})
"""


@dataclass
class FakePlayer:
    command: str  # value for voice.player
    log: Path

    def lines(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def started(self) -> list[str]:
        return [line.split()[1] for line in self.lines() if line.startswith("start ")]

    def ended(self) -> list[str]:
        return [line.split()[1] for line in self.lines() if line.startswith("end ")]


@pytest.fixture
def make_player(tmp_path: Path) -> Callable[..., FakePlayer]:
    def make(speed: float = 0.3, status: int = 0, name: str = "fake-player") -> FakePlayer:
        log = tmp_path / f"{name}.log"
        script = tmp_path / name
        script.write_text(FAKE_PLAYER.format(python=sys.executable, log=str(log),
                                             speed=speed, status=status))
        script.chmod(0o755)
        return FakePlayer(f"{script} {{file}}", log)

    return make


@pytest.fixture
def fake_player(make_player) -> FakePlayer:
    return make_player()


@pytest.fixture
def no_engine_env(tmp_path: Path) -> dict[str, str]:
    """Worker environment of a kiosk with no engine: pyttsx3 fails to import, no espeak-ng."""
    package = tmp_path / "broken" / "pyttsx3"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('simulated: pyttsx3 is broken')\n")
    empty = tmp_path / "no-bin"
    empty.mkdir()
    return {"PYTHONPATH": str(package.parent), "PATH": str(empty)}


@dataclass
class Recorder:
    """Collects health changes and speaking flags from the dispatcher thread."""

    statuses: list[VoiceStatus] = field(default_factory=list)
    speaking: list[bool] = field(default_factory=list)

    def healths(self) -> list[str]:
        return [status.health.value for status in self.statuses]


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def make_service(tmp_path: Path, recorder: Recorder):
    """A SpeechService with a cache in tmp_path and short watchdog timeouts; shut down after."""
    services: list[SpeechService] = []

    def make(**overrides) -> SpeechService:
        values = {"cache_dir": tmp_path / "cache", "synth_timeout_s": 1.5,
                  "start_timeout_s": 10.0, "engine_retry_s": 0.0}
        values.update(overrides)
        service = SpeechService(VoiceOptions(**values), on_health=recorder.statuses.append,
                                on_speaking=recorder.speaking.append)
        services.append(service)
        return service

    yield make
    for service in services:
        service.shutdown()


def _wait_for(predicate: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")


@pytest.fixture
def wait_for():
    """Poll until `predicate()` is true: real processes need real, bounded, waiting."""
    return _wait_for
