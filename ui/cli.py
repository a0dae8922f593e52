"""The `kiosk` command as installed: the core commands plus those that open a screen."""

from __future__ import annotations

import argparse
import sys

from kiosk import cli

SCREEN_COMMANDS = {
    "run": "ui.commands.run_cmd",
    "demo": "ui.commands.demo_cmd",
    "screenshots": "ui.commands.screenshots_cmd",
}
SCREEN_COMMAND_MODULES = tuple(SCREEN_COMMANDS.values())
COMMAND_MODULES = SCREEN_COMMAND_MODULES + cli.COMMAND_MODULES


def build_parser() -> argparse.ArgumentParser:
    return cli.build_parser(COMMAND_MODULES)


def screen_command_asked(argv: list[str]) -> str | None:
    """The screen command `argv` names, if its first word that is not an option is one.

    `kiosk run` and `kiosk demo` then register their own parser only: registering every
    command costs tens of milliseconds before the first paint. Anything else (`--help`,
    `--version`, a core command) gets the full parser, so help and errors stay the same.
    """
    words = iter(argv)
    for word in words:
        if word == "--config":
            next(words, None)
        elif word in ("-h", "--help", "--version"):
            return None
        elif not word.startswith("-"):
            return word if word in SCREEN_COMMANDS else None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    asked = screen_command_asked(argv)
    return cli.main(argv, (SCREEN_COMMANDS[asked],) if asked else COMMAND_MODULES)
