"""Play a WAV through a player process the service starts, watches and can stop at once.

Why not let pyttsx3 play: it runs `aplay` itself and ignores the exit status, so a kiosk with
no sound card "speaks" in silence and reports success. Our own player process gives us its
exit status and its error text (the "no audio device" health state), and stopping speech is
one `terminate()`.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# Known players, tried in this order by "auto": aplay is in alsa-utils, which the kiosk
# installs; PipeWire and PulseAudio players come next; sox's `play` last.
KNOWN_PLAYERS: dict[str, tuple[str, ...]] = {
    "aplay": ("aplay", "-q", "{file}"),
    "paplay": ("paplay", "{file}"),
    "pw-play": ("pw-play", "{file}"),
    "play": ("play", "-q", "{file}"),
}


class PlayerMissing(Exception):
    """No usable player program; the message says which one and how to get it."""


@dataclass(frozen=True, slots=True)
class PlayerExit:
    """How a playback ended: `stopped` means we ended it ourselves (a new utterance)."""

    returncode: int
    stopped: bool
    error: str  # the last lines the player wrote to stderr


def resolve_player(setting: str) -> tuple[str, ...]:
    """The argv template (with "{file}") for the `voice.player` setting, or PlayerMissing."""
    setting = setting.strip()
    if setting == "auto":
        for name, template in KNOWN_PLAYERS.items():
            if shutil.which(name):
                return template
        raise PlayerMissing(
            "no audio player found (tried " + ", ".join(KNOWN_PLAYERS) + "); "
            "install alsa-utils (aplay) or set voice.player"
        )
    template = KNOWN_PLAYERS.get(setting) or tuple(shlex.split(setting))
    if "{file}" not in template:
        template = (*template, "{file}")
    if not template or not (shutil.which(template[0]) or Path(template[0]).is_file()):
        raise PlayerMissing(f"audio player {template[0]!r} (voice.player) is not installed")
    return template


class Playback:
    """One running player process; once `watch()` is called, `on_exit(self, ended)` is
    called once, from a watcher thread."""

    def __init__(self, template: tuple[str, ...], wav: Path,
                 on_exit: Callable[[Playback, PlayerExit], None]) -> None:
        argv = [part.replace("{file}", str(wav)) for part in template]
        self._stopped = False
        self._on_exit = on_exit
        # New session: the player (and any helper it forks) gets its own process group,
        # and a Ctrl-C in the terminal running the kiosk does not reach it.
        self._process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, start_new_session=True,
        )
        self.pid = self._process.pid

    def watch(self) -> None:
        """Start reporting the exit. Separate from the constructor so the caller can announce
        "speaking" first: starting a thread can take a millisecond on a busy machine."""
        threading.Thread(target=self._watch, name="voice-player-watch", daemon=True).start()

    def _watch(self) -> None:
        assert self._process.stderr is not None
        error = self._process.stderr.read().decode("utf-8", "replace")
        returncode = self._process.wait()
        self._process.stderr.close()
        tail = " / ".join(line.strip() for line in error.strip().splitlines()[-2:])
        self._on_exit(self, PlayerExit(returncode, self._stopped, tail))

    def stop(self) -> None:
        """End playback now. Does not wait: the watcher thread reaps the process."""
        if self._process.poll() is None:
            self._stopped = True
            with contextlib.suppress(ProcessLookupError):
                self._process.kill()  # SIGKILL: a player stopped with SIGSTOP must die too
