"""The `kiosk` command's core: one module per subcommand, each registering itself here.

A subcommand module exposes `register(subparsers, common)`; it adds its parser with
`parents=[common]` (so every subcommand takes --config) and sets `handler=fn(args) -> int`.
The commands that open a screen live in ui/commands; `ui.cli` adds them (ui -> kiosk), so
this package never imports Qt. `python -m kiosk` runs the core commands alone.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from kiosk import __version__
from kiosk.config import ENV_VAR, ConfigError

COMMAND_MODULES = (
    "kiosk.cli.doctor_cmd",
    "kiosk.cli.config_cmd",
    "kiosk.cli.catalog_cmd",
    "kiosk.cli.hub_cmd", "kiosk.cli.outbox_cmd", "kiosk.cli.simulate_cmd",
    "kiosk.cli.voice_cmd",
    "kiosk.cli.print_cmd",
    "kiosk.cli.mediator_cmd",
    "kiosk.cli.session_cmd",
)


def _config_option(default: object) -> argparse.ArgumentParser:
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--config", metavar="PATH", default=default,
        help=f"configuration file (default: ${ENV_VAR}, else the embedded demo)",
    )
    return options


def build_parser(command_modules: tuple[str, ...] = COMMAND_MODULES) -> argparse.ArgumentParser:
    # `kiosk --config F mediator add X` and `kiosk mediator add X --config F` must mean the
    # same: a subcommand's own --config has no default (SUPPRESS), so it never overwrites the
    # value given before the subcommand with None.
    common = _config_option(argparse.SUPPRESS)
    parser = argparse.ArgumentParser(
        prog="kiosk", parents=[_config_option(None)],
        description="Assisted-access kiosk for public-service points.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in command_modules:
        importlib.import_module(module_name).register(subparsers, common)
    return parser


def main(argv: list[str] | None = None,
         command_modules: tuple[str, ...] = COMMAND_MODULES) -> int:
    parser = build_parser(command_modules)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except ConfigError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
