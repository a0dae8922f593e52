"""`kiosk run`: the kiosk itself, full screen, from the site's configuration file."""

from __future__ import annotations

import argparse
import sys

from kiosk.config import load_config
from kiosk.display import display_available


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "run", parents=[common], help="start the kiosk full screen from a config file",
        description="Start the kiosk full screen (or windowed if interface.fullscreen = false).",
    )
    parser.add_argument("--windowed", action="store_true", help="ignore interface.fullscreen")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if not display_available():
        print("No display found: `kiosk run` needs the kiosk's graphical session "
              "(DISPLAY or WAYLAND_DISPLAY). Try `kiosk demo` or `kiosk screenshots`.",
              file=sys.stderr)
        return 1
    from ui import launch

    return launch.run_window(config, fullscreen=config["interface.fullscreen"]
                                 and not args.windowed)
