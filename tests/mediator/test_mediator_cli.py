"""`kiosk mediator ...` run for real, on a temporary config; PINs fed through stdin."""

from __future__ import annotations


def test_add_asks_the_pin_twice_and_list_shows_the_account(kiosk):
    added = kiosk("add", "Claire", stdin="2468\n2468\n")
    assert added.returncode == 0, added.stderr
    assert "Account 'Claire' created (med-" in added.stdout
    assert "mediator.db" in added.stdout
    listed = kiosk("list")
    assert listed.returncode == 0 and listed.stdout.startswith("Claire")
    assert "active" in listed.stdout and "2468" not in listed.stdout


def test_two_different_pins_change_nothing_and_say_so(kiosk):
    result = kiosk("add", "Claire", stdin="2468\n1357\n")
    assert result.returncode == 1 and "The two PINs differ" in result.stderr
    assert "No staff account yet" in kiosk("list").stdout


def test_a_pin_too_short_is_refused_with_the_rule(kiosk):
    result = kiosk("add", "Claire", stdin="12\n12\n")
    assert result.returncode == 1 and "4 to 8 digits" in result.stderr


def test_the_pin_is_never_an_argument(kiosk):
    result = kiosk("add", "Claire", "2468")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_disable_reset_pin_and_an_unknown_name_name_the_account(kiosk):
    kiosk("add", "Claire", stdin="2468\n2468\n")
    disabled = kiosk("disable", "claire")
    assert disabled.returncode == 0 and "'Claire'" in disabled.stdout
    assert "disabled" in kiosk("list").stdout
    reset = kiosk("reset-pin", "Claire", stdin="97531\n97531\n")
    assert reset.returncode == 0 and "New PIN set for 'Claire'" in reset.stdout
    unknown = kiosk("reset-pin", "Nadia", stdin="1111\n1111\n")
    assert unknown.returncode == 1
    assert "no account named 'Nadia'" in unknown.stderr and "kiosk mediator list" in unknown.stderr


def test_journal_verify_passes_then_fails_once_an_entry_is_altered_in_the_file(kiosk):
    kiosk("add", "Claire", stdin="2468\n2468\n")
    kiosk("add", "Karim", stdin="1357\n1357\n")
    kiosk("disable", "Karim")
    printed = kiosk("journal")
    assert "account_added" in printed.stdout and "account_disabled" in printed.stdout
    ok = kiosk("journal", "--verify")
    assert ok.returncode == 0 and "3 entries, chain intact" in ok.stdout
    journal = kiosk.data / "mediator" / "journal.jsonl"
    journal.write_text(journal.read_text().replace("account_disabled", "account_added_"))
    bad = kiosk("journal", "--verify")
    assert bad.returncode == 1
    assert "line 3 (entry 3)" in bad.stderr and str(journal) in bad.stderr


def test_tickets_lists_todays_waiting_list(kiosk):
    from kiosk.config import validate
    from kiosk.mediator import MediatorServices

    config = validate({"storage": {"data_dir": str(kiosk.data)}}, kiosk.data / "k.toml")
    services = MediatorServices.open(config)
    services.waiting_list.take_ticket("passeport")
    services.waiting_list.take_ticket("aide")
    services.close()
    result = kiosk("tickets")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0].startswith("A-001  waiting    passeport")
    assert "2 waiting, 0 open help call(s)." in result.stdout


def test_changing_accounts_while_the_kiosk_holds_the_database_says_to_stop_it(kiosk):
    from kiosk.mediator.storage import open_store

    held = open_store(kiosk.data)  # stands for the running kiosk
    try:
        result = kiosk("add", "Claire", stdin="2468\n2468\n")
        assert result.returncode == 1 and "stop the kiosk" in result.stderr
        assert kiosk("list").returncode == 0  # reading still works
    finally:
        held.close()
