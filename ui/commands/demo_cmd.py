"""`kiosk demo`: the kiosk in a window on the embedded demo; headless, a guided tour instead."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.config import load_config
from kiosk.display import display_available

DEFAULT_TOUR_DIR = Path("kiosk-tour")


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[common], help="try the kiosk on its embedded demo",
        description="Open the kiosk in a window on the embedded demo catalogue. Without a "
                    "display, walk through the screens as a citizen would and save each one "
                    "as a PNG.",
    )
    parser.add_argument("--tour-dir", type=Path, default=DEFAULT_TOUR_DIR, metavar="DIR",
                        help=f"where the headless tour saves its PNGs "
                             f"(default: {DEFAULT_TOUR_DIR})")
    parser.add_argument("--headless", action="store_true",
                        help="run the guided tour even when a display is available")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    from ui import launch

    if display_available() and not args.headless:
        return launch.run_window(config, fullscreen=False, demo_hub=True)
    if not args.headless:
        print(f"No display found: running the headless guided tour instead, "
              f"screens saved in {args.tour_dir.resolve()}/")
    result = launch.run_headless_tour(config, args.tour_dir)
    for number, step in enumerate(result.steps, start=1):
        print(f"{number:2d}. {step.action:<48} -> {step.screen:<15} {step.png.name}")
        if step.spoken:
            print(f"    says: {step.spoken[:110]}{'…' if len(step.spoken) > 110 else ''}")
    print(f"Tour complete: {len(result.steps)} screens shown, PNGs in "
          f"{args.tour_dir.resolve()}/")
    if result.hub_missing:
        print(f"Request {result.reference}: queued encrypted; no local hub to send it to "
              f"({result.hub_missing}).")
        return 0
    print(f"Request {result.reference}: queued encrypted, sent to the local hub at "
          f"{result.hub_url}, which holds {len(result.hub_received)} request(s):")
    for line in result.hub_received:
        print(f"    {line}")
    if result.tracking_url:
        print(f"Tracking page {result.tracking_url}: {result.tracking_state}")
    return 0
