"""`kiosk screenshots`: every screen rendered to PNG, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "screenshots", parents=[common], help="render every screen to PNG, headless",
        description="Render every screen to PNG files without a display.",
    )
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="folder for the PNG files (created if missing)")
    parser.add_argument("--variants", action="store_true",
                        help="also render each text size and the high-contrast palette")
    parser.add_argument("--languages", action="store_true",
                        help="also render every screen in each of the nine languages, at the "
                             "largest text size, into one folder per language")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    from ui import launch

    written = launch.render_screenshots(config, args.out, variants=args.variants,
                                        languages=args.languages)
    print(f"{len(written)} screens written to {args.out.resolve()}/")
    return 0
