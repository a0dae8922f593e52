"""`kiosk-hub` (also `python -m hub`): serve the back office and look after it.

Commands: serve, keygen DIR, list, import PATH, token create|revoke|list, takeover [PATH],
backup DEST, manage ... (Django's own commands, e.g. `manage createsuperuser`). `--data-dir
DIR` sets HUB_DATA_DIR before Django loads its settings. Every error an IT officer can meet
is one line naming the thing and what to do (exit code 1; 2 for a wrong command line), never
a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_PORT = 8750


class CliError(Exception):
    """One line for the person at the terminal."""


def _parser() -> argparse.ArgumentParser:
    place = argparse.ArgumentParser(add_help=False)
    data_dir_help = ("the hub's folder: database, keys, secret key (default: HUB_DATA_DIR, "
                     "else the user's data folder)")
    # Accepted before or after the command; SUPPRESS keeps a value given before it.
    place.add_argument("--data-dir", type=Path, metavar="DIR", default=argparse.SUPPRESS,
                       help=data_dir_help)
    parser = argparse.ArgumentParser(
        prog="kiosk-hub", description="The back office where kiosk requests arrive.")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help=data_dir_help)
    actions = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    serve = actions.add_parser("serve", parents=[place], help="serve kiosks and agents")
    serve.add_argument("--host", default="127.0.0.1", help="address (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT,
                       help=f"port (default {DEFAULT_PORT}; 0: any free port)")
    serve.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    keygen = actions.add_parser("keygen", help="make a site's keys (private halves stay here)")
    keygen.add_argument("folder", type=Path, metavar="DIR")
    listing = actions.add_parser("list", parents=[place], help="received requests, newest first")
    listing.add_argument("--limit", type=int, default=50, help="at most N (default 50)")
    listing.add_argument("--json", action="store_true", help="one JSON list")
    listing.add_argument("--content", action="store_true",
                         help="also the decrypted content (personal data!)")
    imports = actions.add_parser("import", parents=[place],
                                 help="import a `kiosk outbox export` file or folder")
    imports.add_argument("path", type=Path, metavar="PATH")
    takeover = actions.add_parser("takeover", parents=[place],
                                  help="copy an old hub's database (done by serve too)")
    takeover.add_argument("path", type=Path, nargs="?", metavar="PATH",
                          help="the old hub.sqlite3 or its folder (default: the data dir's)")
    backup = actions.add_parser("backup", parents=[place],
                                help="a consistent copy of the SQLite database, hub running")
    backup.add_argument("dest", type=Path, metavar="DEST", help="the file to write (replaced "
                        "at once when complete)")
    token = actions.add_parser("token", parents=[place], help="kiosks' bearer tokens")
    token_actions = token.add_subparsers(dest="token_command", metavar="ACTION", required=True)
    create = token_actions.add_parser("create", parents=[place], help="a new token for a kiosk")
    create.add_argument("kiosk_id", metavar="KIOSK_ID")
    create.add_argument("--label", default="", help="a note, e.g. where the kiosk stands")
    create.add_argument("--to-file", type=Path, metavar="FILE",
                        help="write the token to FILE (mode 0600) instead of printing it")
    revoke = token_actions.add_parser("revoke", parents=[place], help="refuse a kiosk's tokens")
    revoke.add_argument("kiosk_id", metavar="KIOSK_ID")
    revoke.add_argument("--label", help="only the tokens with this label")
    token_actions.add_parser("list", parents=[place], help="tokens (never their value)")
    manage = actions.add_parser("manage", parents=[place], add_help=False,
                                help="Django's management commands, e.g. createsuperuser")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    return parser


def _split_data_dir(arguments: list[str]) -> tuple[Path | None, list[str]]:
    """`manage` passes everything on to Django, except our own --data-dir wherever it is."""
    folder, rest, items = None, [], iter(arguments)
    for item in items:
        if item == "--data-dir":
            folder = Path(next(items, ""))
        elif item.startswith("--data-dir="):
            folder = Path(item.split("=", 1)[1])
        else:
            rest.append(item)
    return folder, rest


def _use_data_dir(folder: Path | None) -> None:
    if folder is None:
        return
    folder = folder.expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise CliError(f"hub data folder {folder} cannot be used ({error.strerror or error}); "
                       "give a folder this user can write with --data-dir") from None
    os.environ["HUB_DATA_DIR"] = str(folder)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except (ValueError, KeyError, ImproperlyConfigured) as error:
        if not os.environ.get("HUB_DATABASE_URL", "").strip():
            raise CliError(f"a HUB_ setting is not understood ({error}); see "
                           "docs/backoffice.md") from None
        raise CliError(f"HUB_DATABASE_URL is not understood ({error}); expected e.g. "
                       "postgres://user:password@host:5432/hub, or leave it empty for "
                       "SQLite") from None
    except OSError as error:
        raise CliError(f"hub data folder {os.environ.get('HUB_DATA_DIR', '')} cannot be used "
                       f"({error.strerror or error}); give another with --data-dir") from None


def _keygen(folder: Path) -> int:
    from hub.keys import generate_keys

    try:
        written = generate_keys(folder)
    except FileExistsError as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"{folder}: cannot write keys there ({error.strerror})") from None
    for path in written:
        print(path)
    print("Keep the *-private.pem files on the hub only; give kiosks the *-public.pem "
          "files (hub.public_key, hub.catalog_public_key).")
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.command == "keygen":
        return _keygen(args.folder)
    if args.command == "manage":
        folder, args.args = _split_data_dir(args.args)
        args.data_dir = folder or args.data_dir
    _use_data_dir(args.data_dir)
    _setup_django()
    from hub import commands  # imports models: only once Django is set up
    from hub.server import ServeError, migrate, serve

    try:
        if args.command == "backup":  # reads the database as it is, never migrates it
            return commands.backup(args.dest)
        migrate()  # every command, Django's own included, expects the current schema
        if args.command == "manage":
            return commands.manage(args.args)
        if args.command == "serve":
            serve(args.host, args.port, args.threads)
            return 0
        if args.command == "list":
            return commands.list_requests(args.limit, args.json, args.content)
        if args.command == "import":
            return commands.import_path(args.path)
        if args.command == "takeover":
            return commands.takeover(args.path)
        return commands.token(args.token_command, args)
    except (ServeError, commands.CommandError) as error:
        raise CliError(str(error)) from None


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except CliError as error:
        print(f"kiosk-hub: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
