"""`kiosk catalog check [PATH]`: validate a catalogue a municipality edited, and summarise it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.catalog import CatalogError, load_catalog, localized
from kiosk.catalog.loader import CATALOG_FILE
from kiosk.catalog.schema import FIELD_KINDS, SCHEMA_VERSION
from kiosk.paths import catalog_dir


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "catalog", parents=[common], help="check and summarise a service catalogue",
        description="Work with the service catalogue (themes, services, guided forms).",
    )
    actions = parser.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", parents=[common], help="validate a catalogue and print a summary",
        description="Validate a catalogue file (or a folder holding catalog.json) and print "
                    "services per theme and operator, languages complete or missing, and the "
                    "fields of each guided form. Exit code 1 on the first error, named exactly.",
    )
    check.add_argument("path", nargs="?", type=Path, metavar="PATH",
                       help=f"catalogue file or folder (default: the embedded {CATALOG_FILE})")
    check.set_defaults(handler=handle_check)


def handle_check(args: argparse.Namespace) -> int:
    path = args.path or catalog_dir()
    try:
        catalog = load_catalog(path)
    except CatalogError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from kiosk.catalog.report import summarize  # only this command needs it

    report = summarize(catalog, FIELD_KINDS)
    print(f"{path}: valid (schema {SCHEMA_VERSION}, version {catalog.version or '-'}), "
          f"{len(catalog.services)} services in {len(catalog.themes)} themes, "
          f"languages: {', '.join(catalog.languages)}")
    print("\nServices per theme:")
    for theme in catalog.themes:
        ids = report.by_theme[theme.id]
        print(f"  {theme.id} ({localized(theme.title, 'fr')}): {len(ids)}"
              + (f" - {', '.join(ids)}" if ids else ""))
    print("\nServices per operator:")
    for operator, ids in report.by_operator.items():
        print(f"  {operator}: {len(ids)} - {', '.join(ids)}")
    print("\nLanguages:")
    print("  fr: complete (required)")
    for lang, places in report.missing.items():
        if not places:
            print(f"  {lang}: complete")
            continue
        print(f"  {lang}: missing in {len(places)} place(s), French is shown instead:")
        for place in places:
            print(f"    - {place}")
    print("\nGuided forms:")
    for form in report.forms:
        kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(form.kinds.items()))
        print(f"  {form.service_id}: {form.questions} questions "
              f"({form.conditional} conditional, {form.optional} optional) - {kinds}")
    if not report.forms:
        print("  none")
    if report.unused_kinds:
        print(f"\nField kinds no form uses: {', '.join(report.unused_kinds)}")
    return 0
