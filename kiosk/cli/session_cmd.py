"""`kiosk install-session` / `kiosk uninstall-session`: the kiosk alone on the screen at boot
(kiosk.system.install), as root on the Debian 12 machine, or into a folder with --root."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kiosk.system import install


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "install-session", parents=[common], help="start the kiosk at boot, locked down (root)",
        description="Create the kiosk's system user and the systemd unit that runs the kiosk "
                    "alone on tty1 inside cage at boot, restarted on failure and by the "
                    "watchdog. Idempotent: run it again to change an option. "
                    f"--config is the site's file (default {install.DEFAULT_CONFIG}).",
    )
    _root_option(parser)
    parser.add_argument("--bundle", metavar="PATH",
                        help="the kiosk's bundle folder (dist/kiosk, holding `kiosk`); "
                             "default: this kiosk program")
    parser.add_argument("--user", default=install.DEFAULT_USER,
                        help=f"the system user the kiosk runs as (default {install.DEFAULT_USER})")
    parser.add_argument("--watchdog-sec", type=int, default=install.DEFAULT_WATCHDOG_SEC,
                        metavar="N", help="restart a kiosk whose screen stops answering for N "
                                          f"seconds (default {install.DEFAULT_WATCHDOG_SEC})")
    parser.set_defaults(handler=handle_install)

    parser = subparsers.add_parser(
        "uninstall-session", parents=[common], help="undo install-session (root)",
        description="Disable and remove the unit, the session files and the user that "
                    "install-session made. The user's home (the kiosk's data, with any request "
                    "not yet sent) is kept unless --purge.",
    )
    _root_option(parser)
    parser.add_argument("--purge", action="store_true",
                        help="also delete the kiosk user's home and the data in it")
    parser.set_defaults(handler=handle_uninstall)


def _root_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", metavar="DIR", default="/",
                        help="the machine's root folder (default /; a folder for a test "
                             "or an image being prepared)")


def handle_install(args: argparse.Namespace) -> int:
    options = install.SessionOptions(
        root=Path(args.root), kiosk=install.default_kiosk_program(args.bundle),
        config=args.config or install.DEFAULT_CONFIG, user=args.user,
        watchdog_sec=args.watchdog_sec)
    now = f"; now: systemctl start {install.SERVICE}" if options.root == Path("/") else ""
    return _report(lambda: install.install(options), options.root,
                   f"the kiosk starts on tty1 at the next boot ({install.SERVICE}){now}")


def handle_uninstall(args: argparse.Namespace) -> int:
    return _report(lambda: install.uninstall(Path(args.root), purge=args.purge),
                   Path(args.root), "the kiosk no longer starts at boot")


def _report(action, root: Path, outcome: str) -> int:
    if root == Path("/") and os.geteuid() != 0:
        print("kiosk: this changes the machine's users and services: run it as root "
              "(sudo), or give --root DIR", file=sys.stderr)
        return 1
    try:
        done = action()
    except install.InstallError as error:
        print(f"kiosk: {error}", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    print(outcome if done else "nothing to change: already as asked")
    return 0
