"""Helpers shared by the mediator tests (a named module: conftest is not importable)."""

from __future__ import annotations

from kiosk.mediator.pins import KdfParams

# Real scrypt, tiny cost: the format and the comparison are the same, each check takes ~0.1 ms.
CHEAP_KDF = KdfParams(n=2**4, r=8, p=1)
START = 1_773_482_400.0  # 2026-03-14 10:00 UTC


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, now: float = START) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
