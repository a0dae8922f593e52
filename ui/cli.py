"""The `kiosk` command as installed: the core commands plus those that open a screen."""

from __future__ import annotations

import argparse

from kiosk import cli

SCREEN_COMMAND_MODULES = (
    "ui.commands.run_cmd",
    "ui.commands.demo_cmd",
    "ui.commands.screenshots_cmd",
)
COMMAND_MODULES = SCREEN_COMMAND_MODULES + cli.COMMAND_MODULES


def build_parser() -> argparse.ArgumentParser:
    return cli.build_parser(COMMAND_MODULES)


def main(argv: list[str] | None = None) -> int:
    return cli.main(argv, COMMAND_MODULES)
