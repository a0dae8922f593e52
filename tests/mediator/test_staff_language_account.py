"""Each staff member's screen language is kept with their account in the mediator database."""

import sqlite3

import pytest
from mediator_helpers import CHEAP_KDF

from kiosk.mediator.accounts import AccountError, Accounts
from kiosk.mediator.storage import MIGRATIONS, database_path, open_store


def test_a_new_account_reads_french_and_keeps_the_language_chosen_across_a_restart(
        accounts, data_dir, journal, clock):
    assert accounts.add("Claire", "4826").language == "fr"
    assert accounts.set_language("claire", "uk").language == "uk"
    accounts.store.close()
    reopened = Accounts(open_store(data_dir), journal, clock, kdf=CHEAP_KDF)
    try:
        assert reopened.get("Claire").language == "uk"
    finally:
        reopened.store.close()


def test_a_language_the_kiosk_does_not_have_is_refused_and_the_choices_named(accounts):
    accounts.add("Claire", "4826")
    with pytest.raises(AccountError, match=r"'de' is not a kiosk language.*fr, en, ar"):
        accounts.set_language("Claire", "de")
    assert accounts.get("Claire").language == "fr"


def test_accounts_made_before_the_language_existed_open_in_french(data_dir):
    """A database left by the previous version (only the first migration) is migrated."""
    path = database_path(data_dir)
    path.parent.mkdir(parents=True)
    old = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        old.execute(statement)
    old.execute("INSERT INTO accounts (id, name, pin_hash, created_at) "
                "VALUES ('med-00000001', 'Karim', 'x', 0)")
    old.execute("PRAGMA user_version=1")
    old.commit()
    old.close()
    store = open_store(data_dir)
    try:
        assert store.read("SELECT language FROM accounts")[0]["language"] == "fr"
    finally:
        store.close()
