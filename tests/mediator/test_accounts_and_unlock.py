"""Staff accounts and the unlock policy: right PIN opens, wrong PINs lock, locks persist."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mediator_helpers import CHEAP_KDF, FakeClock

from kiosk.mediator.accounts import AccountError, Accounts
from kiosk.mediator.auth import LockReason, MediatorAuth, UnlockOutcome, lockout_seconds
from kiosk.mediator.journal import Journal
from kiosk.mediator.pins import check_pin, hash_pin
from kiosk.mediator.storage import open_store


def test_a_pin_is_stored_as_a_salted_scrypt_hash_never_in_clear(accounts, store):
    accounts.add("Claire", "482915")
    stored = store.read("SELECT pin_hash FROM accounts")[0]["pin_hash"]
    assert stored.startswith("scrypt$") and "482915" not in stored
    assert hash_pin("482915", CHEAP_KDF) != hash_pin("482915", CHEAP_KDF)  # salted
    assert store.path.read_bytes().find(b"482915") == -1


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "١٢a٤"])
def test_a_pin_that_is_not_4_to_8_digits_is_refused(accounts, pin):
    with pytest.raises(AccountError, match="4 to 8 digits"):
        accounts.add("Claire", pin)


def test_two_accounts_cannot_share_a_name_whatever_the_case(accounts):
    accounts.add("Claire", "4826")
    with pytest.raises(AccountError, match="already exists"):
        accounts.add("claire", "5173")


def test_the_right_pin_opens_a_staff_session(accounts, auth):
    claire = accounts.add("Claire", "4826")
    result = auth.unlock("claire", "4826")
    assert result.ok and result.session is not None
    assert result.session.mediator.id == claire.id
    assert result.message("fr") == "Bonjour Claire, mode équipe ouvert."


def test_an_account_can_be_found_by_its_id_as_well_as_its_name(accounts, auth):
    claire = accounts.add("Claire", "4826")
    assert auth.unlock(claire.id, "4826").ok


def test_a_wrong_pin_says_how_many_attempts_are_left(accounts, auth):
    accounts.add("Claire", "4826")
    result = auth.unlock("Claire", "9999")
    assert result.outcome is UnlockOutcome.WRONG_PIN and result.attempts_left == 4
    assert "Encore 4 essais avant" in result.message("fr")  # a plural form, not "essai(s)"


def test_five_wrong_pins_lock_the_account_and_the_right_pin_then_does_not_open(
        accounts, auth, clock):
    accounts.add("Claire", "4826")
    outcomes = [auth.unlock("Claire", "0000").outcome for _ in range(5)]
    assert outcomes[-1] is UnlockOutcome.LOCKED_OUT and outcomes[:4] == [
        UnlockOutcome.WRONG_PIN] * 4
    clock.advance(29)
    blocked = auth.unlock("Claire", "4826")
    assert blocked.outcome is UnlockOutcome.LOCKED and blocked.session is None
    assert blocked.retry_in_seconds == 1
    clock.advance(1)
    assert auth.unlock("Claire", "4826").ok


def test_each_further_lock_out_doubles_the_delay(accounts, auth, clock):
    accounts.add("Claire", "4826")
    delays = []
    for _ in range(3):
        for _ in range(5):
            result = auth.unlock("Claire", "0000")
        delays.append(result.retry_in_seconds)
        clock.advance(result.retry_in_seconds)
    assert delays == [30, 60, 120]


def test_a_lock_out_survives_a_restart_of_the_kiosk(data_dir, journal, clock):
    store = open_store(data_dir)
    accounts = Accounts(store, journal, clock, kdf=CHEAP_KDF)
    accounts.add("Claire", "4826")
    auth = MediatorAuth(accounts, journal, clock)
    for _ in range(5):
        auth.unlock("Claire", "0000")
    store.close()

    reopened = open_store(data_dir)
    try:
        again = MediatorAuth(Accounts(reopened, journal, clock, kdf=CHEAP_KDF), journal, clock)
        assert again.unlock("Claire", "4826").outcome is UnlockOutcome.LOCKED
    finally:
        reopened.close()


def test_a_disabled_account_cannot_unlock_and_looks_like_an_unknown_one(accounts, auth):
    accounts.add("Claire", "4826")
    accounts.disable("Claire")
    disabled = auth.unlock("Claire", "4826")
    unknown = auth.unlock("Nobody", "4826")
    assert disabled.outcome is unknown.outcome is UnlockOutcome.UNKNOWN
    assert disabled.message("en") == unknown.message("en")


def test_resetting_a_pin_lifts_the_lock_out(accounts, auth):
    accounts.add("Claire", "4826")
    for _ in range(5):
        auth.unlock("Claire", "0000")
    accounts.reset_pin("Claire", "24681357")
    assert auth.unlock("Claire", "24681357").ok
    assert not auth.unlock("Claire", "4826").ok


def test_staff_mode_locks_itself_after_the_idle_time_and_on_quit(accounts, auth, clock, journal):
    accounts.add("Claire", "4826")
    session = auth.unlock("Claire", "4826").session
    clock.advance(179)
    assert session.touch()
    clock.advance(179)
    assert not session.locked and session.seconds_until_lock() == 1
    clock.advance(1)
    assert session.locked and session.lock_reason is LockReason.IDLE
    assert not session.touch()
    second = auth.unlock("Claire", "4826").session
    second.quit()
    assert second.locked and second.lock_reason is LockReason.QUIT
    reasons = [e["data"]["reason"] for e in journal.entries() if e["event"] == "staff_lock"]
    assert reasons == ["idle", "quit"]


def test_pin_comparison_rejects_malformed_hashes_instead_of_crashing():
    assert not check_pin("4826", "garbage")
    assert not check_pin("4826", "md5$1$2$3$00$00")


@settings(max_examples=40, deadline=None)
@given(attempts=st.lists(st.tuples(st.booleans(), st.integers(0, 200)), max_size=30))
def test_the_lock_out_policy_holds_for_any_sequence_of_attempts(tmp_path_factory, attempts):
    """Model check: never unlocked while locked; locked exactly after 5 wrong in a row."""
    folder = tmp_path_factory.mktemp("policy")
    clock = FakeClock()
    journal = Journal(folder, "borne-test-01", clock)
    store = open_store(folder)
    try:
        accounts = Accounts(store, journal, clock, kdf=CHEAP_KDF)
        accounts.add("Claire", "4826")
        auth = MediatorAuth(accounts, journal, clock)
        wrong_in_row, lockouts, locked_until = 0, 0, 0.0
        for right, wait in attempts:
            clock.advance(wait)
            result = auth.unlock("Claire", "4826" if right else "0000")
            if clock.now < locked_until:
                assert result.outcome is UnlockOutcome.LOCKED
            elif right:
                assert result.ok
                wrong_in_row, lockouts = 0, 0
            else:
                wrong_in_row += 1
                if wrong_in_row == 5:
                    assert result.outcome is UnlockOutcome.LOCKED_OUT
                    locked_until = clock.now + lockout_seconds(lockouts, 30)
                    lockouts, wrong_in_row = lockouts + 1, 0
                else:
                    assert result.outcome is UnlockOutcome.WRONG_PIN
                    assert result.attempts_left == 5 - wrong_in_row
        assert journal.verify().ok
    finally:
        store.close()
