"""Synthesised audio on disk, keyed by what was said and how, bounded in size.

A slow kiosk speaks without delay when the audio is already here (`kiosk voice prepare` fills
it at deployment). One file per utterance, named by a hash of the key; the least recently
played files go first when the folder grows past its bound. Files are written under a
temporary name and renamed, so a worker killed mid-write never leaves a truncated WAV that
would later be played as if it were whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
from dataclasses import dataclass
from pathlib import Path

PARTIAL_PREFIX = "partial-"


@dataclass(frozen=True, slots=True)
class UtteranceKey:
    """What makes two audio files interchangeable. Volume is part of it: it is applied at
    synthesis (players have no portable volume option)."""

    text: str
    voice: str  # engine voice id, e.g. "roa/fr"
    wpm: int
    volume: int

    def file_name(self) -> str:
        payload = json.dumps([self.text, self.voice, self.wpm, self.volume], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32] + ".wav"


class AudioCache:
    """Not thread-safe: only the service's dispatcher thread (or the CLI) uses it."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        folder.mkdir(parents=True, exist_ok=True)
        self._sizes: dict[str, int] = {}
        self._counter = itertools.count()
        for path in folder.iterdir():
            if path.name.startswith(PARTIAL_PREFIX):
                with contextlib.suppress(OSError):
                    path.unlink()  # left by a worker killed mid-write
            elif path.suffix == ".wav":
                self._sizes[path.name] = path.stat().st_size

    @property
    def total_bytes(self) -> int:
        return sum(self._sizes.values())

    def lookup(self, key: UtteranceKey, touch: bool = True) -> Path | None:
        """The cached file, touched so that eviction sees it as recently used. Live speech
        passes touch=False and calls `touch` once the player is started: one syscall less
        between a screen change and the sound."""
        name = key.file_name()
        if name not in self._sizes:
            return None
        path = self.folder / name
        if touch and not self.touch(path):
            return None
        return path

    def touch(self, path: Path) -> bool:
        """Mark as just used; False (and forgotten) if it was removed behind our back."""
        try:
            os.utime(path)
            return True
        except FileNotFoundError:
            self._sizes.pop(path.name, None)
            return False

    def partial_path(self) -> Path:
        """A fresh temporary name for the worker to write into."""
        return self.folder / f"{PARTIAL_PREFIX}{os.getpid()}-{next(self._counter)}.wav"

    def store(self, key: UtteranceKey, partial: Path) -> Path:
        """Adopt a finished file; evict the least recently used beyond the bound (never it)."""
        name = key.file_name()
        final = self.folder / name
        os.replace(partial, final)
        self._sizes[name] = final.stat().st_size
        self._evict(keep=name)
        return final

    def _evict(self, keep: str) -> None:
        if self.total_bytes <= self.max_bytes:
            return
        by_age = []
        for name in self._sizes:
            with contextlib.suppress(FileNotFoundError):
                by_age.append(((self.folder / name).stat().st_mtime_ns, name))
        by_age.sort()
        for _mtime, name in by_age:
            if self.total_bytes <= self.max_bytes:
                break
            if name != keep:
                with contextlib.suppress(FileNotFoundError):
                    (self.folder / name).unlink()
                del self._sizes[name]
        # Files that vanished meanwhile no longer count.
        for name in [n for n in self._sizes if not (self.folder / n).exists()]:
            del self._sizes[name]

    def discard(self, partial: Path) -> None:
        with contextlib.suppress(OSError):
            partial.unlink()
