"""Staff accounts an IT officer cannot get wrong: no guessable PIN, every change journaled,
and an unknown name costs exactly the work of a known one (issue 11)."""

from __future__ import annotations

import json

import pytest

import kiosk.mediator.pins as pins
from kiosk.mediator.auth import UnlockOutcome


@pytest.mark.parametrize("pin", ["1111", "1234", "0000", "9876", "12345678", "1212", "4321"])
def test_a_trivial_pin_is_refused_with_a_clear_message(kiosk, pin):
    result = kiosk("add", "Claire", stdin=f"{pin}\n{pin}\n")
    assert result.returncode == 1
    assert "too easy to guess" in result.stderr and "choose another" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "No staff account yet" in kiosk("list").stdout


def test_a_trivial_pin_is_refused_on_reset_too_and_a_sound_one_is_accepted(kiosk):
    assert kiosk("add", "Claire", stdin="2468\n2468\n").returncode == 0
    refused = kiosk("reset-pin", "Claire", stdin="5555\n5555\n")
    assert refused.returncode == 1 and "too easy to guess" in refused.stderr
    assert kiosk("reset-pin", "Claire", stdin="730914\n730914\n").returncode == 0


def test_enabling_an_account_is_journaled_like_disabling_it(kiosk):
    kiosk("add", "Claire", stdin="2468\n2468\n")
    assert kiosk("disable", "Claire").returncode == 0
    assert kiosk("enable", "Claire").returncode == 0
    journal = kiosk("journal", "--json")
    events = [json.loads(line)["event"] for line in journal.stdout.splitlines()]
    assert events == ["account_added", "account_disabled", "account_enabled"]
    assert kiosk("journal", "--verify").returncode == 0


def test_an_unknown_name_costs_one_derivation_like_a_known_one(accounts, auth, monkeypatch):
    """Counts real scrypt derivations (wrapped, not replaced): timing cannot tell names."""
    calls = []
    real = pins._derive
    monkeypatch.setattr(pins, "_derive", lambda *a: calls.append(1) or real(*a))
    accounts.add("Claire", "2468")
    calls.clear()
    assert auth.unlock("Claire", "9753").outcome is UnlockOutcome.WRONG_PIN
    known = len(calls)
    calls.clear()
    assert auth.unlock("Nadia", "9753").outcome is UnlockOutcome.UNKNOWN
    first_unknown = len(calls)
    calls.clear()
    auth.unlock("Zoé", "9753")
    assert known == first_unknown == len(calls) == 1
