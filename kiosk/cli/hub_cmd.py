"""`kiosk hub [serve|list|import PATH|keygen DIR]`: the reference back-office hub.

`kiosk hub` alone serves on the address of `hub.url` with the hub's data in `<data dir>/hub`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.config import KioskConfig, load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "hub", parents=[common], help="run the reference hub that receives requests",
        description="Run the reference hub (the back-office end of the sync protocol), list "
                    "what it received, import a kiosk's USB export, or make a site's keys.",
    )
    place = argparse.ArgumentParser(add_help=False)
    place.add_argument("--data-dir", type=Path, metavar="DIR",
                       help="hub database and keys (default: <storage.data_dir>/hub)")
    actions = parser.add_subparsers(dest="hub_command", metavar="ACTION")
    serve = actions.add_parser("serve", parents=[common, place], help="serve (the default)")
    _serve_options(serve)
    _serve_options(parser)
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help=argparse.SUPPRESS)
    listing = actions.add_parser("list", parents=[common, place], help="received requests")
    listing.add_argument("--limit", type=int, default=50, help="at most N (default 50)")
    listing.add_argument("--content", action="store_true",
                         help="also print the decrypted content (personal data!)")
    imports = actions.add_parser("import", parents=[common, place],
                                 help="import a `kiosk outbox export` file or folder")
    imports.add_argument("path", type=Path, metavar="PATH")
    keygen = actions.add_parser("keygen", parents=[common],
                                help="make a site's key pair (private halves stay on the hub)")
    keygen.add_argument("folder", type=Path, metavar="DIR")
    parser.set_defaults(handler=handle)


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="address to listen on (default: from hub.url)")
    parser.add_argument("--port", type=int, help="port (default: from hub.url; 0: any free)")
    parser.add_argument("--token", action="append", metavar="TOKEN[=KIOSK_ID]",
                        help="accept this bearer token, for one kiosk id or any (repeatable; "
                             "default: the demo token)")
    parser.add_argument("--staff-key", metavar="KEY",
                        help="require ?key=KEY on the staff page")


def _data_dir(args: argparse.Namespace, config: KioskConfig) -> Path:
    return args.data_dir or config.data_dir / "hub"


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    command = args.hub_command or "serve"
    if command == "keygen":
        from kiosk.hub.keys import generate_keys

        for path in generate_keys(args.folder):
            print(path)
        print("Keep the *-private.pem files on the hub only; give kiosks the *-public.pem "
              "files (hub.public_key, hub.catalog_public_key).")
        return 0
    from kiosk.hub.server import open_hub, serve_forever
    from offline_cache.store import StoreBusy

    data_dir = _data_dir(args, config)
    if command == "serve":
        url = urlsplit(config["hub.url"])
        tokens = dict(t.split("=", 1) if "=" in t else (t, "*") for t in args.token or [])
        try:
            hub = open_hub(data_dir, tokens or None, staff_key=args.staff_key)
        except StoreBusy as error:
            print(f"{error}: is a hub already running here?", file=sys.stderr)
            return 1
        if hub.keys.is_demo:
            print("WARNING: demo keys in use; run `kiosk hub keygen DIR` for a real site.")
        serve_forever(hub, args.host or url.hostname or "127.0.0.1",
                      (url.port or 8750) if args.port is None else args.port)
        return 0
    return _offline_command(command, args, data_dir)


def _offline_command(command: str, args: argparse.Namespace, data_dir: Path) -> int:
    from kiosk.hub.importer import import_exports
    from kiosk.hub.keys import load_keys
    from kiosk.hub.server import DB_NAME
    from kiosk.hub.store import HubStore, open_payload
    from offline_cache.store import StoreBusy, StoreError

    keys = load_keys(data_dir / "keys")
    try:
        store = HubStore(data_dir / DB_NAME, readonly=command == "list")
    except StoreBusy as error:
        print(f"{error}: stop the hub, then import.", file=sys.stderr)
        return 1
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return 1
    try:
        if command == "import":
            totals = import_exports(store, keys, args.path)
            print(", ".join(f"{status} {n}" for status, n in sorted(totals.items()))
                  or "nothing to import")
            return 0
        records = store.latest(args.limit)
        print(f"{store.count()} request(s) received; newest first")
        for record in records:
            print(f"{record.received_at}  {record.uuid}  {record.kiosk_id:<16} "
                  f"{record.service:<28} {record.routing}  ({record.source})")
            if args.content:
                print("    " + json.dumps(open_payload(record, keys.seal_private),
                                          ensure_ascii=False))
        return 0
    finally:
        store.close()
