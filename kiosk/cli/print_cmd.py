"""`kiosk print-test`: print a sample receipt on the configured printer.

An installer checks three things on paper: the accents (é è ê à ç ù € « »), the reference in
big type, and a QR code a phone opens. Exit code 0 when the printer took the receipt, 1 when
not (the line printed says which device and what to do), 2 for a configuration error.
"""

from __future__ import annotations

import argparse
import sys

from kiosk.config import load_config


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "print-test", parents=[common], help="print a sample receipt on the configured printer",
        description="Print a sample receipt (accents, reference, QR code) on the printer "
                    "named by printer.kind and printer.device, to check it on site.",
    )
    parser.add_argument("--lang", default="fr", choices=("fr", "en"),
                        help="language of the sample (default: fr)")
    parser.set_defaults(handler=handle_print_test)


def handle_print_test(args: argparse.Namespace) -> int:
    from kiosk.printing import printer_from_config
    from kiosk.printing.sample import sample_receipt

    config = load_config(args.config)
    printer = printer_from_config(config)
    if printer is None:
        print("printer.kind is 'none': this kiosk prints no receipts. Set [printer] in "
              f"{config.source} (see docs/printing.md).", file=sys.stderr)
        return 1
    lines, payload = sample_receipt(config["hub.url"], args.lang)
    print(f"Printing a sample receipt on {printer.description} ...")
    result = printer.print_receipt(lines, payload)
    if result.ok:
        print(f"ok: {result.detail}")
        print("Check on paper: the accents, the reference in big type, and that a phone "
              "opens the QR code.")
        return 0
    print(f"not printed: {result.detail}", file=sys.stderr)
    return 1
