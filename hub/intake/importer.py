"""Importing what a kiosk exported to a USB stick (`kiosk outbox export DIR`).

For a site offline for weeks: the files carry the same sealed items as the network, so they
are checked and deduplicated the same way (hub.intake.receive). Importing a file twice, or
items that also arrive later over the network, stores each UUID once.

File format (JSON Lines, one file per export): a header line
`{"format": "kiosk-outbox-export", "version": 1, "kiosk_id": ..., "exported_at": ...}`,
then one line per item in the wire form of docs/protocol.md.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hub.fleet.models import Kiosk
from hub.intake.models import Source
from hub.intake.receive import receive_items
from offline_cache.protocol import EXPORT_FORMAT, EXPORT_SUFFIX


class ExportFileError(ValueError):
    """A file that is not an outbox export; str() names it."""


def read_export(path: Path) -> tuple[str, list]:
    try:
        lines = path.read_text("utf-8").splitlines()
        header = json.loads(lines[0]) if lines else {}
        items = [json.loads(line) for line in lines[1:] if line.strip()]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportFileError(f"{path}: not a readable outbox export ({error})") from None
    if not isinstance(header, dict) or header.get("format") != EXPORT_FORMAT \
            or header.get("version") != 1:
        raise ExportFileError(f"{path}: not an outbox export (bad header line)")
    return str(header.get("kiosk_id") or "inconnue")[:40], items


def export_files(source: Path) -> list[Path]:
    if source.is_dir():
        return sorted(source.glob(f"*{EXPORT_SUFFIX}"))
    if not source.is_file():
        raise ExportFileError(f"{source}: no such file or folder; give a `kiosk outbox "
                              "export` file or the folder holding them")
    return [source]


def import_exports(source: Path) -> Counter[str]:
    """Import one export file or every export file in a folder; counts per result status."""
    totals: Counter[str] = Counter()
    for path in export_files(source):
        kiosk_id, items = read_export(path)
        kiosk, _ = Kiosk.objects.get_or_create(kiosk_id=kiosk_id)
        for result in receive_items(kiosk, items, source=Source.IMPORT):
            totals[result["status"]] += 1
    return totals
