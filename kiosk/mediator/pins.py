"""PIN hashing: salted scrypt, compared in constant time.

Why scrypt from hashlib: it is in the standard library (no import of `cryptography` at start-up)
and memory-hard. A 4-digit PIN has only 10,000 values, so no hash makes a stolen database safe
against guessing; the hash keeps the PINs from being *read*, and the lock-out policy
(auth.py) is what stops guessing at the kiosk. The cost parameters are stored with each hash,
so raising them later keeps old PINs valid.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import re
import secrets
from dataclasses import dataclass

from offline_cache.digits import western_digits

PIN_PATTERN = re.compile(r"[0-9]{4,8}")  # after western_digits: "١٢٣٤" is the PIN 1234


@dataclass(frozen=True, slots=True)
class KdfParams:
    n: int = 2**14  # CPU/memory cost: about 16 MiB and a few tens of ms per check
    r: int = 8  # block size
    p: int = 1  # parallelism


DEFAULT_KDF = KdfParams()


def _pin_digits(pin: object) -> str | None:
    """The PIN in Western digits, or None when it is not 4 to 8 digits: read once, used by
    each function below."""
    if not isinstance(pin, str):
        return None
    digits = western_digits(pin)
    return digits if PIN_PATTERN.fullmatch(digits) else None


def valid_pin(pin: str) -> bool:
    """4 to 8 digits, nothing else (the PIN pad has only digits)."""
    return _pin_digits(pin) is not None


# The most used PINs that no rule below catches (repeated digits, runs, repeated pairs).
COMMON_PINS = frozenset({"1004", "2000", "2001", "1122", "2580", "0852", "1379", "112233",
                         "123123", "159753"})


def trivial_pin(pin: str) -> bool:
    """A PIN a passer-by tries first: one digit repeated, a run up or down (1234, 9876,
    345678), a repeated pair (1212, 4545) or one of the most used (lists of leaked PINs)."""
    pin = western_digits(pin)
    digits = [int(c) for c in pin]
    steps = {b - a for a, b in itertools.pairwise(digits)}
    repeated_pair = len(pin) % 2 == 0 and pin == pin[:2] * (len(pin) // 2)
    return (len(steps) == 1 and steps <= {-1, 0, 1}) or repeated_pair or pin in COMMON_PINS


def hash_pin(pin: str, params: KdfParams = DEFAULT_KDF) -> str:
    """'scrypt$n$r$p$salt_hex$hash_hex' for a fresh random salt."""
    digits = _pin_digits(pin)
    if digits is None:
        raise ValueError("a PIN is 4 to 8 digits")
    salt = secrets.token_bytes(16)
    digest = _derive(digits, salt, params)
    return f"scrypt${params.n}${params.r}${params.p}${salt.hex()}${digest.hex()}"


def check_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches `stored`; the comparison takes the same time wherever it differs."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        params = KdfParams(int(n), int(r), int(p))
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    # A malformed PIN still pays for one derivation, so timing does not tell it apart.
    digits = _pin_digits(pin)
    candidate = _derive(digits or "0000", salt, params)
    return hmac.compare_digest(candidate, expected) and digits is not None


def dummy_hash(params: KdfParams = DEFAULT_KDF) -> str:
    """A hash to check an unknown name's PIN against: one derivation, as for a real account.

    Made without deriving anything (a fixed salt, a digest no PIN gives in practice), so the
    first unknown name costs no more than the next ones or than a known name.
    """
    return f"scrypt${params.n}${params.r}${params.p}${'00' * 16}${'00' * 32}"


def _derive(pin: str, salt: bytes, params: KdfParams) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=params.n, r=params.r, p=params.p,
                          maxmem=256 * 1024 * 1024, dklen=32)
