"""Backoff properties, for any number of failures and any server wish."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from offline_cache.backoff import Backoff, parse_retry_after


@given(failures=st.integers(1, 10_000), seed=st.integers(0, 2**32))
def test_a_wait_is_never_negative_nor_above_the_ceiling_nor_the_cap(failures, seed):
    backoff = Backoff(base=2.0, cap=900.0, rng=random.Random(seed))
    wait = backoff.delay(failures)
    assert 0.0 <= wait <= backoff.ceiling(failures) <= 900.0


@given(failures=st.integers(1, 60))
def test_the_ceiling_doubles_until_the_cap_and_never_shrinks(failures):
    backoff = Backoff(base=1.0, cap=600.0)
    assert backoff.ceiling(failures + 1) >= backoff.ceiling(failures)
    assert backoff.ceiling(failures + 1) in (600.0, 2 * backoff.ceiling(failures))


@given(wish=st.floats(-1e9, 1e9, allow_nan=False))
def test_a_server_wish_is_honoured_within_its_clamp(wish):
    backoff = Backoff(retry_after_min=1.0, retry_after_max=900.0)
    assert 1.0 <= backoff.delay(3, retry_after=wish) <= 900.0
    if 1.0 <= wish <= 900.0:
        assert backoff.delay(3, retry_after=wish) == wish


def test_retry_after_reads_seconds_and_http_dates_and_ignores_nonsense():
    now = 1_700_000_000.0
    assert parse_retry_after("120", now) == 120.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:53:20 GMT", now) == 2400.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("", now) is None
