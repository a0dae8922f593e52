"""`kiosk doctor`: is this kiosk ready? One line per check."""

from __future__ import annotations

import argparse

from kiosk.config import load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "doctor", parents=[common], help="check display, fonts, speech, audio, storage, hub",
        description="Check everything the kiosk needs; print ok or the problem and what to do.",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.doctor import run_checks  # imports requests: not paid by other commands

    config = load_config(args.config)
    print(f"config: {config.source}")
    results = run_checks(config)
    for result in results:
        print(result.line())
    problems = sum(not result.ok for result in results)
    print(f"{len(results) - problems} ok, {problems} problem(s)")
    return 1 if problems else 0
