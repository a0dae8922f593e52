"""When to try again: exponential backoff with full jitter, and `Retry-After` clamped.

Why full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): forty kiosks that lost
the same link at the same moment must not all come back at the same second; drawing the wait
uniformly from [0, cap] spreads them best for the least total wait.

Why clamp `Retry-After`: a hub (or a proxy in front of it) may ask for 0 seconds, which would
hammer it, or for a day, which would leave a citizen's request unsent for no good reason.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime


@dataclass(slots=True)
class Backoff:
    base: float = 2.0  # first ceiling, in seconds
    cap: float = 900.0  # never wait longer than this between attempts
    retry_after_min: float = 1.0
    retry_after_max: float = 900.0
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, failures: int) -> float:
        """The largest wait after `failures` consecutive failures (>= 1)."""
        exponent = min(max(failures, 1) - 1, 32)  # 2**32 * base is far past any cap
        return min(self.cap, self.base * (2 ** exponent))

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait: the server's clamped wish if it gave one, else full jitter."""
        if retry_after is not None:
            return self.clamp_retry_after(retry_after)
        return self.rng.uniform(0.0, self.ceiling(failures))

    def clamp_retry_after(self, seconds: float) -> float:
        return min(self.retry_after_max, max(self.retry_after_min, seconds))


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds from a `Retry-After` header (delta-seconds or an HTTP date), None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None or moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - now)
