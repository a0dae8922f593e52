#!/usr/bin/env python3
"""Rebuild assets/communes/communes.tsv.gz from the `@etalab/decoupage-administratif` package.

Why a derived table: the package's communes.json is about 10 MB of JSON with fields the kiosk
never uses; the kiosk needs only postal code -> (INSEE code, name), compact and offline.

Usage:
    python scripts/build_communes.py                      # runs `npm pack` in a temp folder
    python scripts/build_communes.py --source PATH        # a communes.json, or the npm .tgz

Only current communes (`commune-actuelle`) are kept: Paris, Lyon and Marseille arrondissements
would otherwise appear twice under the same postal code, and delegated or associated communes
carry no postal code in the data. Overseas departments and collectivities are included.
The output is deterministic (sorted rows, gzip mtime 0) so a rebuild with the same data
gives the same bytes and an honest diff.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@etalab/decoupage-administratif"
OUTPUT = Path(__file__).resolve().parent.parent / "assets" / "communes" / "communes.tsv.gz"


def fetch_package(folder: Path) -> Path:
    """`npm pack` the package into `folder` and return the .tgz path."""
    result = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True,
        capture_output=True, text=True,
    )
    return folder / result.stdout.strip().splitlines()[-1]


def read_source(source: Path) -> tuple[list[dict], str]:
    """The communes list and a version label, from communes.json or the npm tarball."""
    if source.suffix in {".tgz", ".gz"}:
        with tarfile.open(source) as archive:
            manifest = json.load(archive.extractfile("package/package.json"))
            communes = json.load(archive.extractfile("package/data/communes.json"))
        return communes, f"{manifest['name']} {manifest['version']}"
    return json.loads(source.read_text(encoding="utf-8")), source.name


def rows(communes: list[dict]) -> list[tuple[str, str, str]]:
    table = set()
    for commune in communes:
        if commune.get("type") != "commune-actuelle":
            continue
        name = " ".join(commune["nom"].split())
        for postal_code in commune.get("codesPostaux", []):
            table.add((postal_code, commune["code"], name))
    return sorted(table, key=lambda row: (row[0], row[2], row[1]))


def write_table(table: list[tuple[str, str, str]], version: str, output: Path) -> None:
    text = io.StringIO()
    text.write(f"# source: {version}, Licence Ouverte (Etalab). See README.md.\n")
    text.write("# postal_code\tinsee\tname\n")
    for row in table:
        text.write("\t".join(row) + "\n")
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile(
        filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9
    ) as packed:
        packed.write(text.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="communes.json or the npm .tgz")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        source = args.source or fetch_package(Path(folder))
        communes, version = read_source(source)
    table = rows(communes)
    write_table(table, version, args.output)
    codes = {row[0] for row in table}
    overseas = sum(1 for row in table if row[0].startswith("97") or row[0].startswith("98"))
    size = args.output.stat().st_size
    print(f"{args.output}: {len(table)} rows, {len(codes)} postal codes, "
          f"{overseas} overseas rows, {size / 1024:.0f} KiB, from {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
