"""`kiosk doctor`: is this kiosk ready? One line per check."""

from __future__ import annotations

import argparse
import json

from kiosk.config import load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "doctor", parents=[common], help="check display, fonts, speech, audio, storage, hub",
        description="Check everything the kiosk needs; print ok or the problem and what to do.",
    )
    parser.add_argument("--json", action="store_true",
                        help="one JSON object (for a fleet script): every check, ok or not")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from kiosk.doctor import run_checks  # imports requests: not paid by other commands

    config = load_config(args.config)
    results = run_checks(config)
    problems = sum(not result.ok for result in results)
    if args.json:
        print(json.dumps({"config": str(config.source), "kiosk_id": config["site.kiosk_id"],
                          "ok": not problems, "problems": problems,
                          "checks": [result.as_dict() for result in results]},
                         ensure_ascii=False, indent=2))
        return 1 if problems else 0
    print(f"config: {config.source}")
    for result in results:
        print(result.line())
    print(f"{len(results) - problems} ok, {problems} problem(s)")
    return 1 if problems else 0
