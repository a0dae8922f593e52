"""`kiosk mediator add|list|disable|enable|reset-pin NAME`, `journal [--verify]`, `tickets`.

PINs are never arguments (they would sit in the shell history and in `ps`): they are asked twice
with getpass. When standard input is not a terminal (scripts, tests), the two PIN lines are read
from it instead, e.g. `printf '2468\\n2468\\n' | kiosk mediator add Claire`.

While the kiosk runs it holds the mediator database (one writer); the commands that change
accounts then say to stop the kiosk first, and `list` and `tickets` read a snapshot.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import datetime

from kiosk.config import load_config

STOP_KIOSK = "stop the kiosk (or close it from the staff screen), then run this command again"


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "mediator", parents=[common], help="staff accounts, audit journal, today's tickets",
        description="Manage the staff accounts that unlock mediator mode, check the audit "
                    "journal, list today's waiting-list tickets. PINs are asked, never passed.",
    )
    actions = parser.add_subparsers(dest="mediator_command", metavar="ACTION", required=True)
    for name, help_text in (("add", "create an account (asks the PIN twice)"),
                            ("disable", "stop an account from unlocking (kept for the journal)"),
                            ("enable", "let a disabled account unlock again"),
                            ("reset-pin", "set a new PIN (asks it twice); lifts a lock-out")):
        action = actions.add_parser(name, parents=[common], help=help_text)
        action.add_argument("name", metavar="NAME", help="first name or login, e.g. Claire")
    actions.add_parser("list", parents=[common], help="accounts, state, lock-outs")
    journal = actions.add_parser("journal", parents=[common],
                                 help="print the audit journal, or check its hash chain")
    journal.add_argument("--verify", action="store_true",
                         help="check every entry's hash; exit code 1 on tampering")
    journal.add_argument("--json", action="store_true", help="entries as JSON lines")
    journal.add_argument("--limit", type=int, default=50, help="last N entries (default 50)")
    actions.add_parser("tickets", parents=[common], help="today's waiting list")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.mediator_command == "journal":
        return _journal(config, args)
    from kiosk.mediator import MediatorServices
    from kiosk.mediator.storage import database_path
    from offline_cache.store import StoreBusy, StoreError  # SQLite only when needed

    readonly = args.mediator_command in ("list", "tickets")
    if readonly and not database_path(config.data_dir).exists():
        print(f"No staff account yet ({database_path(config.data_dir)} does not exist): "
              "create one with `kiosk mediator add NAME`.")
        return 0
    try:
        services = MediatorServices.open(config, readonly=readonly)
    except StoreBusy as error:
        print(f"{error}: {STOP_KIOSK}.", file=sys.stderr)
        return 1
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    try:
        return _ACTIONS[args.mediator_command](services, args)
    finally:
        services.close()


def ask_pin(prompt: str) -> str:
    """getpass on a terminal; otherwise one line of standard input (scripts and tests)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    print(prompt, end="", flush=True)
    line = sys.stdin.readline()
    print()
    return line.rstrip("\r\n")


def _new_pin(name: str) -> str | None:
    first = ask_pin(f"New PIN for {name} (4 to 8 digits): ")
    second = ask_pin("Same PIN again: ")
    if first != second:
        print("The two PINs differ; nothing was changed. Run the command again.",
              file=sys.stderr)
        return None
    return first


def _account_change(services, args) -> int:
    from kiosk.mediator import AccountError

    accounts, name = services.accounts, args.name
    where = services.store.path
    try:
        if args.mediator_command in ("add", "reset-pin"):
            if args.mediator_command == "reset-pin":
                name = accounts.get(name).name  # fail before asking for a PIN
            pin = _new_pin(name)
            if pin is None:
                return 1
            if args.mediator_command == "add":
                mediator = accounts.add(name, pin)
                print(f"Account '{mediator.name}' created ({mediator.id}) in {where}. "
                      "It unlocks staff mode on this kiosk with its PIN.")
            else:
                mediator = accounts.reset_pin(name, pin)
                print(f"New PIN set for '{mediator.name}' ({mediator.id}); "
                      "any lock-out is lifted.")
        elif args.mediator_command == "disable":
            mediator = accounts.disable(name)
            print(f"Account '{mediator.name}' ({mediator.id}) disabled: it can no longer "
                  f"unlock. `kiosk mediator enable {mediator.name}` undoes it.")
        else:
            mediator = accounts.enable(name)
            print(f"Account '{mediator.name}' ({mediator.id}) enabled.")
    except AccountError as error:
        print(f"{where}: {error}", file=sys.stderr)
        return 1
    return 0


def _when(at: float | None) -> str:
    return "never" if at is None else datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M")


def _list(services, args) -> int:
    mediators = services.accounts.list()
    if not mediators:
        print("No staff account yet: create one with `kiosk mediator add NAME`.")
        return 0
    now = services.journal.clock()
    for mediator in mediators:
        state = "active" if mediator.active else "disabled"
        if mediator.locked_at(now):
            state = f"locked {int(mediator.locked_until - now)} s more"
        print(f"{mediator.name:<20} {mediator.id}  {state:<18} "
              f"last unlock {_when(mediator.last_unlock_at)}")
    return 0


def _tickets(services, args) -> int:
    tickets = services.waiting_list.today()
    now = services.journal.clock()
    if not tickets:
        print("No ticket today.")
    for ticket in tickets:
        print(f"{ticket.code}  {ticket.state.value:<9}  {ticket.reason:<24} "
              f"waited {ticket.waiting_seconds(now) // 60} min")
    waiting = sum(1 for t in tickets if t.state.value == "waiting")
    calls = services.waiting_list.open_help_calls()
    print(f"{waiting} waiting, {len(calls)} open help call(s).")
    return 0


def _journal(config, args) -> int:
    from kiosk.mediator.common import mediator_dir
    from kiosk.mediator.journal import Journal, JournalError

    journal = Journal(mediator_dir(config.data_dir), config["site.kiosk_id"])
    if args.verify:
        result = journal.verify()
        if result.ok:
            print(f"ok: {journal.path}: {result.reason}.")
            return 0
        print(f"PROBLEM: {result.reason}. The {result.entries} entries before it are intact. "
              "Do not edit or delete the file: copy it (with journal.head.json) for the "
              "audit and report it to the site's IT officer.", file=sys.stderr)
        return 1
    try:
        entries = journal.entries()[-args.limit:] if args.limit > 0 else journal.entries()
    except (JournalError, ValueError) as error:
        print(f"{journal.path} cannot be read ({error}); run with --verify.", file=sys.stderr)
        return 1
    if not entries:
        print(f"The journal is empty ({journal.path}).")
    for entry in entries:
        if args.json:
            print(json.dumps(entry, ensure_ascii=False))
        else:
            data = " ".join(f"{key}={value}" for key, value in entry["data"].items())
            print(f"{entry['seq']:>6}  {entry['at']}  {entry['event']:<16} "
                  f"{entry['mediator'] or '-':<13} {data}")
    return 0


_ACTIONS = {"add": _account_change, "disable": _account_change, "enable": _account_change,
            "reset-pin": _account_change, "list": _list, "tickets": _tickets}
