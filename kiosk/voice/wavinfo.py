"""Measure a WAV file without audioop (gone in Python 3.13): rate, duration, loudness.

Used by the doctor check ("the test synthesis is not silent"), the tests and the benchmark.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class WavFigures:
    sample_rate: int  # frames per second
    channels: int
    duration_s: float
    rms: float  # root mean square of the samples, 0..1 of full scale
    peak: float  # largest absolute sample, 0..1 of full scale


def measure(path: str | Path) -> WavFigures:
    """Figures of a 16-bit PCM WAV (what espeak-ng writes); raises ValueError otherwise."""
    with wave.open(str(path), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError(f"{path}: {8 * wav.getsampwidth()}-bit samples, expected 16-bit")
        rate, channels, frames = wav.getframerate(), wav.getnchannels(), wav.getnframes()
        samples = array("h")
        samples.frombytes(wav.readframes(frames))
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    if not samples:
        return WavFigures(rate, channels, 0.0, 0.0, 0.0)
    full_scale = 32768.0
    rms = math.sqrt(math.fsum(s * s for s in samples) / len(samples)) / full_scale
    peak = max(abs(min(samples)), abs(max(samples))) / full_scale
    return WavFigures(rate, channels, frames / rate, rms, peak)
