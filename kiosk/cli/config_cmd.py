"""`kiosk config check [FILE]`: check a site's configuration alone and show what it amounts to.

For an IT officer preparing many sites: every setting validated, every file it names opened
(keys of the right type...), then the effective configuration, each value with its origin
(the file or the default), so a typo that fell back to a default shows.
"""

from __future__ import annotations

import argparse
import json

from kiosk.config import KEY_SETTINGS, SETTINGS, KioskConfig, load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "config", parents=[common], help="check a configuration file and show its values",
        description="Check a configuration file (values and the files it names) without "
                    "starting anything; print the effective configuration.",
    )
    actions = parser.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", parents=[common],
                               help="validate FILE, then print each value and its origin")
    check.add_argument("file", metavar="FILE", nargs="?", default=None,
                       help="the file to check (default: --config, $KIOSK_CONFIG, the demo)")
    parser.set_defaults(handler=handle)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):  # a table setting (opening.hours), as an inline TOML table
        pairs = ", ".join(f"{name} = {_toml(item)}" for name, item in value.items())
        return f"{{ {pairs} }}" if pairs else "{}"
    return json.dumps(value, ensure_ascii=False)


def effective_lines(config: KioskConfig) -> list[str]:
    """`key = value   # origin` for every setting, with where a key file really is."""
    rows = []
    for setting in SETTINGS:
        origin = "file" if setting.key in config.from_file else "default"
        if setting.key in KEY_SETTINGS:
            path, demo = config.key_file(setting.key)
            origin += f"; DEMO key {path}" if demo else f"; {path}"
        if setting.key == "storage.data_dir":
            origin += f"; {config.data_dir}"
        rows.append((f"{setting.key} = {_toml(config[setting.key])}", origin))
    width = max(len(left) for left, _ in rows)
    return [f"{left:<{width}}  # {origin}" for left, origin in rows]


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.file or args.config)  # ConfigError: exit 2 in kiosk.cli.main
    print(f"{config.source}: ok (every value valid, every file it names usable)")
    for line in effective_lines(config):
        print(line)
    return 0
