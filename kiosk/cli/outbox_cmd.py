"""`kiosk outbox status|list|sync|retry ID|export DIR|repair`: what has not been sent, and
fixing it.

Looking never changes anything: `status`, `list` and `export` always open the file read-only
(safe while the kiosk runs and holds the writer lock; a damaged file is reported, not moved).
The commands that change the queue (`sync`, `retry`, `repair`) need the writer lock: while the
kiosk runs they ask to use the staff screen or stop the kiosk.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from kiosk.config import load_config

# offline_cache.outbox.ItemState values, spelled out: importing it here would load SQLite
# libraries for every `kiosk` command at parse time (tests/test_layers.py guards that).
STATES = ("pending", "sending", "sent", "held")


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "outbox", parents=[common], help="see and fix requests not yet sent to the hub",
        description="Inspect the encrypted outbox of this kiosk, sync it, retry a held "
                    "request, or export unsent requests to a folder (a USB stick).",
    )
    actions = parser.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    status = actions.add_parser("status", parents=[common], help="counts, ages, link, alerts")
    status.add_argument("--json", action="store_true", help="machine-readable JSON")
    listing = actions.add_parser("list", parents=[common], help="one line per request")
    listing.add_argument("--state", choices=STATES, action="append",
                         help="only this state (repeatable)")
    listing.add_argument("--limit", type=int, default=50, help="at most N lines (default 50)")
    actions.add_parser("sync", parents=[common], help="send what is due now, ignoring backoff")
    retry = actions.add_parser("retry", parents=[common], help="try a held request again")
    retry.add_argument("item_id", metavar="ID", help="the request's UUID (see `list`)")
    export = actions.add_parser("export", parents=[common],
                                help="write unsent requests, still encrypted, to DIR")
    export.add_argument("folder", metavar="DIR", type=Path)
    actions.add_parser("repair", parents=[common],
                       help="kiosk stopped: move a damaged file to quarantine, keep its "
                            "readable rows")
    parser.set_defaults(handler=handle)


def _ago(seconds: float | None) -> str:
    if seconds is None:
        return "never"
    minutes = int(seconds // 60)
    if minutes < 1:
        return f"{int(seconds)} s ago"
    if minutes < 120:
        return f"{minutes} min ago"
    return f"{minutes // 60} h {minutes % 60} min ago"


READ_ONLY = ("status", "list", "export")
REPAIR_HINT = ("Nothing was changed. Stop the kiosk, then run `kiosk outbox repair` "
               "(docs/operations.md, 'Repair the queue').")


def handle(args: argparse.Namespace) -> int:
    from kiosk.outbox_service import OUTBOX_FILE, OutboxService  # keeps `kiosk --help` fast
    from offline_cache.store import StoreBusy, StoreDamaged, StoreError

    config = load_config(args.config)
    if args.outbox_command == "repair":
        return _repair(config)
    readonly = args.outbox_command in READ_ONLY
    path = config.data_dir / OUTBOX_FILE
    if readonly and not path.exists():
        print(f"No request queued yet: {path} is created with the first request.")
        return 0
    try:
        service = OutboxService.from_config(config, readonly=readonly)
    except StoreBusy as error:
        print(f"{error}. Use the staff screen, or stop the kiosk first.", file=sys.stderr)
        return 1
    except StoreDamaged as error:
        print(f"{error}. {REPAIR_HINT}", file=sys.stderr)
        return 1
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    try:
        return _ACTIONS[args.outbox_command](service, args)
    finally:
        service.close()


def _status(service, args) -> int:
    status = service.status()
    if args.json:
        data = asdict(status)
        data["link"] = status.link.value
        print(json.dumps(data, indent=2))
        return 0
    now = time.time()
    counts = " · ".join(f"{name} {count}" for name, count in status.counts.items())
    print(f"outbox: {service.outbox.store.path}")
    print(f"  {counts}")
    print(f"  oldest unsent: {_ago(status.oldest_pending_age)}")
    last = None if status.last_success_at is None else now - status.last_success_at
    print(f"  last success: {_ago(last)}")
    if status.last_error:
        error_age = None if status.last_error_at is None else now - status.last_error_at
        print(f"  last error: {status.last_error} ({_ago(error_age)})")
    print(f"  link: {status.link.value} (this command does not contact the hub; "
          "`kiosk outbox sync` does)")
    if status.hub_wait_until:
        until = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(status.hub_wait_until))
        print(f"  the hub asked to wait (Retry-After): nothing is sent before {until}")
    for alert in status.alerts:
        print(f"  ALERT: {alert}")
    return 0


def _list(service, args) -> int:
    from offline_cache.outbox import ItemState

    states = tuple(ItemState(s) for s in args.state) if args.state else None
    for item in service.items(states, args.limit):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(item.created_at))
        note = f"  {item.last_error}" if item.last_error and item.state is not ItemState.SENT \
            else ""
        print(f"{item.item_id}  {item.state.value:<7} {when}  {item.service:<28} "
              f"tries {item.attempts}{note}")
    return 0


def _sync(service, args) -> int:
    report = service.sync_now()
    status = service.status()
    print(f"sent {report.sent}, held {report.held}, in {report.requests} request(s); "
          f"link {status.link.value}; pending {status.counts['pending']}")
    if report.failure is not None:
        print(f"stopped: {report.failure.value}: {status.last_error}", file=sys.stderr)
        return 1
    return 0


def _retry(service, args) -> int:
    if service.retry(args.item_id):
        print(f"{args.item_id} will be sent at the next sync")
        return 0
    print(f"{args.item_id}: no held or pending request with this id", file=sys.stderr)
    return 1


def _export(service, args) -> int:
    path, count = service.export(args.folder)
    print(f"{count} request(s) exported, still encrypted, to {path}")
    print("Import them on the hub with `kiosk hub import PATH`; they stay queued here too "
          "(the hub keeps each one once).")
    return 0


def _repair(config) -> int:
    from kiosk.outbox_service import repair_outbox
    from offline_cache.store import StoreBusy, StoreError

    try:
        path, recovery = repair_outbox(config)
    except StoreBusy as error:
        print(f"{error}. Stop the kiosk first: repairing needs the file to itself.",
              file=sys.stderr)
        return 1
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    if recovery is None:
        print(f"{path} is sound: nothing to repair, nothing was changed.")
        return 0
    print(f"{path} was damaged ({recovery.reason}).")
    print(f"  the damaged file is kept in {recovery.quarantined_to.parent}")
    print(f"  {recovery.rows_recovered} readable row(s) copied into a fresh {path.name}")
    print("Next: start the kiosk (it sends what waits), or `kiosk outbox export DIR` for the "
          "hub; delete the quarantine folder once the hub has everything.")
    return 0


_ACTIONS = {"status": _status, "list": _list, "sync": _sync, "retry": _retry,
            "export": _export}
