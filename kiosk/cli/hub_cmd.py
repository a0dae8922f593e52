"""`kiosk hub [serve|list|import PATH|keygen DIR]`: a shortcut to the back office, `kiosk-hub`.

The hub is its own program (the `hub` package, `pip install borne-kiosk[hub]`): this command
runs `python -m hub` with the same arguments, its data in `<storage.data_dir>/hub` unless
`--data-dir` says otherwise. `kiosk hub` alone serves on the address of `hub.url`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from kiosk.config import load_config
from kiosk.local_hub import INSTALL_HINT, hub_command, hub_installed


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "hub", parents=[common], help="run the back-office hub that receives requests",
        description="Run the back-office hub (`kiosk-hub`), list what it received, import a "
                    "kiosk's USB export, or make a site's keys.",
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
    listing.add_argument("--json", action="store_true", help="one JSON list")
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


def hub_arguments(args: argparse.Namespace, data_dir: Path, hub_url: str) -> list[str]:
    """The `python -m hub` arguments that do what `kiosk hub ...` was asked."""
    command = args.hub_command or "serve"
    if command == "keygen":
        return ["keygen", str(args.folder)]
    place = ["--data-dir", str(data_dir)]
    if command == "serve":
        url = urlsplit(hub_url)
        port = (url.port or 8750) if args.port is None else args.port
        return ["serve", *place, "--host", args.host or url.hostname or "127.0.0.1",
                "--port", str(port)]
    if command == "list":
        return ["list", *place, "--limit", str(args.limit),
                *(["--json"] if args.json else []), *(["--content"] if args.content else [])]
    return ["import", *place, str(args.path)]


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not hub_installed():
        print(f"kiosk hub: {INSTALL_HINT}", file=sys.stderr)
        return 1
    data_dir = args.data_dir or config.data_dir / "hub"
    try:
        return subprocess.call(hub_command(*hub_arguments(args, data_dir, config["hub.url"])))
    except KeyboardInterrupt:  # Ctrl-C reached the hub too; it stops by itself
        return 130
