"""The speech service's engine room: one thread that owns the worker, the cache and the player.

Why one thread: every piece of state (the worker process, the job in flight, the player, the
cache index) is touched here only, so there are no locks to get wrong. It sends one
synthesis at a time to the worker process, and its queue timeout is the watchdog: a worker
that does not answer in time (stopped, wedged, dead) is killed and replaced, and the
utterance is tried once more. `SpeechService` (service.py) is the thin public face.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.voice.cache import AudioCache, UtteranceKey
from kiosk.voice.health import HealthTracker, VoiceHealth
from kiosk.voice.options import VoiceOptions, pick_voice
from kiosk.voice.player import Playback, PlayerExit, PlayerMissing, resolve_player
from kiosk.voice.workerproc import WorkerProcess

logger = logging.getLogger(__name__)
MAX_RESTARTS_PER_MINUTE = 5  # beyond this the engine crashes on start: stop hammering it


@dataclass(frozen=True, slots=True)
class Utterance:
    """One request to speak: `text` is what the engine reads (already spelled out)."""

    text: str
    lang: str
    wpm: int
    generation: int  # only the newest generation is ever played
    private: bool = False  # holds a citizen's answers: never cached on disk, never logged
    # Said after it, one by one, each in its own language's voice (the language screen names
    # each language in itself); a language without a voice is left out, silently.
    then: tuple[Utterance, ...] = ()


@dataclass(slots=True)
class _Job:
    """A synthesis sent (or about to be sent) to the worker."""

    utterance: Utterance
    key: UtteranceKey
    play: bool  # live speech; False for `synthesize()` (CLI, prepare)
    future: Future[Path] | None = None
    attempts: int = 0
    request_id: int = 0
    partial: Path | None = None
    deadline: float = 0.0


class Dispatcher:
    """Runs on its own thread from construction; `post()` is its only entry from outside."""

    def __init__(self, options: VoiceOptions, health: HealthTracker,
                 on_speaking: Callable[[bool], None] | None) -> None:
        self._options = options
        self._health = health
        self._on_speaking = on_speaking
        self._events: queue.Queue[tuple[Any, ...]] = queue.Queue()
        self._request_ids = itertools.count(1)
        self._cache = AudioCache(options.cache_dir, options.cache_mb * 1024 * 1024)
        self._private_files: list[Path] = []
        self._worker: WorkerProcess | None = None
        self._ready = False
        self._voices: list[dict[str, Any]] = []
        self._voice_ids: dict[str, str | None] = {}  # language -> engine voice, per worker
        self._engine_failed_at: float | None = None
        self._restarts: collections.deque[float] = collections.deque(maxlen=10)
        self._jobs: collections.deque[_Job] = collections.deque()
        self._following: collections.deque[Utterance] = collections.deque()  # Utterance.then
        self._in_flight: _Job | None = None
        self._hello_deadline = 0.0
        self._latest = 0
        self._playback: Playback | None = None
        self._player: tuple[str, ...] | None = None
        self.restart_count = 0  # worker restarts so far, for doctor and tests
        # An explicit table, not getattr on event names: a typo fails loudly here.
        self._handlers: dict[str, Callable[..., None]] = {
            "init": self._on_init, "update": self._on_update, "speak": self._on_speak,
            "synthesize": self._on_synthesize, "stop": self._on_stop,
            "worker": self._on_worker, "player": self._on_player, "timeout": self._on_timeout,
        }
        self._thread = threading.Thread(target=self._run, name="voice-dispatcher", daemon=True)
        self._thread.start()
        self._events.put(("init",))

    @property
    def options(self) -> VoiceOptions:
        return self._options

    @property
    def worker_pid(self) -> int | None:
        worker = self._worker
        return worker.pid if worker is not None else None

    @property
    def cache_bytes(self) -> int:
        return self._cache.total_bytes

    @property
    def voices(self) -> list[dict[str, Any]]:
        return list(self._voices)

    @property
    def speaking(self) -> bool:
        return self._playback is not None

    def post(self, *event: Any) -> None:
        self._events.put(event)

    def join(self, timeout: float) -> None:
        self._events.put(("shutdown",))
        self._thread.join(timeout)


    def _run(self) -> None:
        while True:
            try:
                event = self._events.get(timeout=self._next_timeout())
            except queue.Empty:
                event = ("timeout",)
            if event[0] == "shutdown":
                self._teardown()
                return
            try:
                self._handlers[event[0]](*event[1:])
            except Exception:  # one bad event must not silence the kiosk for good
                logger.exception("voice dispatcher failed on %s", event[0])

    def _next_timeout(self) -> float | None:
        deadlines = []
        if self._in_flight is not None:
            deadlines.append(self._in_flight.deadline)
        if self._worker is not None and not self._ready:
            deadlines.append(self._hello_deadline)
        if not deadlines:
            return None
        return max(0.0, min(deadlines) - time.monotonic())

    def _on_init(self) -> None:
        if not self._options.enabled:
            self._health.set(VoiceHealth.DISABLED, "voice.enabled is false")
            return
        self._check_player()
        self._start_worker()

    def _on_update(self, changes: dict[str, Any]) -> None:
        self._options = dataclasses.replace(self._options, **changes)
        if "player" in changes:
            self._check_player()

    def _on_speak(self, utterance: Utterance) -> None:
        self._on_stop(utterance.generation)
        self._following = collections.deque(utterance.then)
        voice = self._voice_for(utterance.lang)
        if voice is None and self._ready:  # never read by another language's voice
            self._say_following()  # but the other languages' names have their own
            return
        self._say(utterance, voice)

    def _say_following(self) -> None:
        """The next of the sentence's `then` that has a voice, once the one before was heard."""
        while self._following:
            utterance = self._following.popleft()
            voice = pick_voice(utterance.lang, self._voices)  # no NO_VOICE: not the screen's
            if voice is not None:
                self._say(utterance, voice)
                return

    def _say(self, utterance: Utterance, voice: str | None) -> None:
        """Play it from the cache, or synthesise it first; `voice` None: not known yet."""
        if voice is not None and not utterance.private:
            key = self._key(utterance, voice)
            cached = self._cache.lookup(key, touch=False)
            if cached is not None:
                self._play(cached)
                if not self._cache.touch(cached):  # deleted meanwhile: synthesise it again
                    self._say(utterance, voice)
                return
            job = _Job(utterance, key, play=True)
        elif voice is not None:
            job = _Job(utterance, self._key(utterance, voice), play=True)
        else:  # worker not ready: resolve the voice when it says hello
            job = _Job(utterance, UtteranceKey(utterance.text, "", utterance.wpm, 0), play=True)
        self._jobs = collections.deque(j for j in self._jobs if not j.play)
        self._jobs.appendleft(job)  # live speech goes before any prepare work
        self._pump()

    def _on_synthesize(self, utterance: Utterance, future: Future[Path]) -> None:
        self._jobs.append(_Job(utterance, UtteranceKey(utterance.text, "", utterance.wpm, 0),
                               play=False, future=future))
        self._pump()

    def _on_stop(self, generation: int) -> None:
        self._latest = generation
        self._following.clear()
        self._jobs = collections.deque(j for j in self._jobs if not j.play)
        if self._playback is not None:
            self._playback.stop()
            self._playback = None
        self._forget_private_audio()

    def _forget_private_audio(self) -> None:
        """Delete the audio of sentences that held answers, once played or interrupted."""
        while self._private_files:
            self._cache.discard(self._private_files.pop())

    def _on_worker(self, worker: WorkerProcess, message: dict[str, Any] | None) -> None:
        if worker is not self._worker:
            return  # an old incarnation's last words
        if message is None:
            self._worker_ended()
        elif message.get("type") == "hello":
            self._hello(message)
        elif message.get("type") == "done":
            self._done(message)

    def _on_player(self, playback: Playback, ended: PlayerExit) -> None:
        current = playback is self._playback
        if current:
            self._playback = None
            self._notify_speaking(False)
            self._forget_private_audio()
        if ended.stopped:
            return
        if ended.returncode == 0:
            self._health.clear(VoiceHealth.NO_AUDIO_DEVICE)
            if current:
                self._say_following()
        else:
            self._health.set(VoiceHealth.NO_AUDIO_DEVICE,
                             f"player exited with status {ended.returncode}: {ended.error}")

    def _on_timeout(self) -> None:
        now = time.monotonic()
        if self._worker is not None and not self._ready and now >= self._hello_deadline:
            self._watchdog("the worker did not start in time")
        elif self._in_flight is not None and now >= self._in_flight.deadline:
            self._watchdog("the worker stopped answering")

    # ---- worker life ----

    def _start_worker(self) -> None:
        self._ready = False
        self._hello_deadline = time.monotonic() + self._options.start_timeout_s
        self._worker = WorkerProcess(
            lambda worker, message: self._events.put(("worker", worker, message)),
            command=self._options.worker_command, env=self._options.worker_env,
        )

    def _hello(self, message: dict[str, Any]) -> None:
        self._health.engine = message.get("engine")
        if not message.get("engine"):
            self._engine_failed(str(message.get("error")))
            return
        self._ready = True
        self._voices = list(message.get("voices", []))
        self._voice_ids = {}
        # A fresh worker answers: whatever hung is gone. If the retried sentence hangs it
        # again, the watchdog says so again.
        self._health.clear(VoiceHealth.STARTING, VoiceHealth.ENGINE_MISSING,
                           VoiceHealth.WORKER_HUNG)
        self._pump()

    def _engine_failed(self, error: str) -> None:
        self._engine_failed_at = time.monotonic()
        if self._worker is not None:
            self._worker.kill()
        self._worker, self._ready = None, False
        self._fail_jobs(f"no speech engine: {error}")
        self._health.clear(VoiceHealth.STARTING)
        self._health.set(VoiceHealth.ENGINE_MISSING, error)

    def _watchdog(self, why: str) -> None:
        logger.warning("voice watchdog: %s; restarting the worker", why)
        self._health.set(VoiceHealth.WORKER_HUNG, why)
        self._replace_worker()

    def _worker_ended(self) -> None:
        code = self._worker.process.poll() if self._worker else None
        if not self._ready and code is not None and code >= 0:
            # Left on its own before saying hello: the engine cannot start (a killed worker
            # has a negative status and is simply replaced).
            self._engine_failed(f"the worker exited at start (status {code})")
            return
        logger.warning("voice worker ended unexpectedly; restarting it")
        self._replace_worker()

    def _replace_worker(self) -> None:
        """Kill the current worker and start another; the job in flight is tried once more."""
        if self._worker is not None:
            self._worker.kill()
        job, self._in_flight = self._in_flight, None
        if job is not None:
            if job.partial is not None:
                self._cache.discard(job.partial)
            if job.attempts < 2:
                self._jobs.appendleft(job)
            else:
                self._finish(job, error="the worker failed twice on this text")
        now = time.monotonic()
        self._restarts.append(now)
        if sum(1 for t in self._restarts if now - t < 60) > MAX_RESTARTS_PER_MINUTE:
            self._engine_failed("the worker keeps failing (more than 5 restarts a minute)")
            return
        self.restart_count += 1
        self._start_worker()

    # ---- synthesis and playback ----

    def _pump(self) -> None:
        """Send the next job if the worker is free; drop live jobs that are already stale."""
        if self._in_flight is not None:
            return
        if self._worker is None:
            retry = self._options.engine_retry_s
            if self._jobs and (self._engine_failed_at is None
                               or time.monotonic() - self._engine_failed_at >= retry):
                self._start_worker()
            elif self._jobs:
                self._fail_jobs("no speech engine")
            return
        while self._ready and self._jobs:
            job = self._jobs.popleft()
            if job.play and job.utterance.generation != self._latest:
                continue
            # A voice chosen already is kept: a `then` sentence in another language must not
            # change what the health says of the screen's language.
            voice = job.key.voice or self._voice_for(job.utterance.lang)
            if voice is None:
                self._finish(job, error=f"no voice for language {job.utterance.lang!r}")
                continue
            job.key = self._key(job.utterance, voice)
            cached = None if job.utterance.private else self._cache.lookup(job.key)
            if cached is not None:
                self._finish(job, path=cached)
                continue
            self._send(job)
            return

    def _send(self, job: _Job) -> None:
        assert self._worker is not None
        job.attempts += 1
        job.request_id = next(self._request_ids)
        job.partial = self._cache.partial_path()
        # Generous: ~10 ms per sentence measured, but a long text on a slow kiosk takes more.
        job.deadline = (time.monotonic() + self._options.synth_timeout_s
                        + len(job.key.text) / 500)
        self._in_flight = job
        self._worker.send({"id": job.request_id, "text": job.key.text, "voice": job.key.voice,
                           "wpm": job.key.wpm, "volume": job.key.volume,
                           "out": str(job.partial)})

    def _done(self, message: dict[str, Any]) -> None:
        job = self._in_flight
        if job is None or message.get("id") != job.request_id:
            return
        self._in_flight = None
        assert job.partial is not None
        if message.get("ok") and job.partial.exists():
            self._health.clear(VoiceHealth.WORKER_HUNG)
            if job.utterance.private:  # played from its temporary file, deleted after
                self._private_files.append(job.partial)
                self._finish(job, path=job.partial)
            else:
                self._finish(job, path=self._cache.store(job.key, job.partial))
        else:
            self._cache.discard(job.partial)
            self._finish(job, error=str(message.get("error")))
        self._pump()

    def _finish(self, job: _Job, path: Path | None = None, error: str = "") -> None:
        if job.future is not None:
            if path is not None:
                job.future.set_result(path)
            else:
                job.future.set_exception(RuntimeError(error))
        elif path is not None and job.utterance.generation == self._latest:
            self._play(path)
        elif error:
            what = "a private sentence" if job.utterance.private else repr(job.key.text[:40])
            logger.warning("voice: could not synthesise %s: %s", what, error)
            if job.play and job.utterance.generation == self._latest:
                self._say_following()  # the next sentence need not wait for a silent one

    def _fail_jobs(self, error: str) -> None:
        while self._jobs:
            self._finish(self._jobs.popleft(), error=error)

    def _voice_for(self, lang: str) -> str | None:
        if not self._ready:
            return None
        if lang not in self._voice_ids:
            self._voice_ids[lang] = pick_voice(lang, self._voices)
        voice = self._voice_ids[lang]
        if voice is None:
            self._health.set(VoiceHealth.NO_VOICE, f"the engine has no voice for {lang!r}")
        else:
            self._health.clear(VoiceHealth.NO_VOICE)
        return voice

    def _key(self, utterance: Utterance, voice: str) -> UtteranceKey:
        return UtteranceKey(utterance.text, voice, utterance.wpm, self._options.volume)

    def _check_player(self) -> None:
        try:
            self._player = resolve_player(self._options.player)
            self._health.clear(VoiceHealth.PLAYER_MISSING)
        except PlayerMissing as missing:
            self._player = None
            self._health.set(VoiceHealth.PLAYER_MISSING, str(missing))

    def _play(self, path: Path) -> None:
        if self._player is None:
            self._check_player()  # installed since? (cheap: a PATH lookup)
        if self._player is None:
            return
        try:
            self._playback = Playback(
                self._player, path,
                lambda playback, ended: self._events.put(("player", playback, ended)),
            )
        except OSError as error:
            self._health.set(VoiceHealth.PLAYER_MISSING, f"cannot start the player: {error}")
            return
        self._notify_speaking(True)
        self._playback.watch()

    def _notify_speaking(self, speaking: bool) -> None:
        if self._on_speaking is not None:
            try:
                self._on_speaking(speaking)
            except Exception:
                logger.exception("voice speaking callback failed")

    def _teardown(self) -> None:
        self._on_stop(0)
        self._fail_jobs("the speech service was shut down")
        if self._in_flight is not None:
            self._finish(self._in_flight, error="the speech service was shut down")
            self._in_flight = None
        if self._worker is not None:
            self._worker.close(timeout=0.5)
            self._worker = None
