"""Importing items a kiosk exported to a USB stick (`kiosk outbox export DIR`).

For a site offline for weeks: the files carry the same sealed items as the network protocol,
so the hub checks and deduplicates them the same way. Importing a file twice, or importing
items that also arrive later over the network, stores each UUID once.

File format (JSON Lines, one file per export): a header line
`{"format": "kiosk-outbox-export", "version": 1, "kiosk_id": ..., "exported_at": ...}`,
then one line per item in the wire form of docs/protocol.md.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from kiosk.hub.keys import HubKeys
from kiosk.hub.store import HubStore
from kiosk.outbox_service import EXPORT_FORMAT, EXPORT_SUFFIX


class ImportError_(ValueError):
    """A file that is not an outbox export."""


def read_export(path: Path) -> tuple[str, list[dict]]:
    lines = path.read_text("utf-8").splitlines()
    try:
        header = json.loads(lines[0]) if lines else {}
        items = [json.loads(line) for line in lines[1:] if line.strip()]
    except json.JSONDecodeError as error:
        raise ImportError_(f"{path}: not an outbox export ({error})") from None
    if header.get("format") != EXPORT_FORMAT or header.get("version") != 1:
        raise ImportError_(f"{path}: not an outbox export (bad header)")
    return str(header.get("kiosk_id", "unknown"))[:40], items


def import_exports(store: HubStore, keys: HubKeys, source: Path) -> Counter[str]:
    """Import one export file or every export file in a folder; counts per result status."""
    files = sorted(source.glob(f"*{EXPORT_SUFFIX}")) if source.is_dir() else [source]
    totals: Counter[str] = Counter()
    for path in files:
        kiosk_id, items = read_export(path)
        for result in store.receive(kiosk_id, items, keys.seal_private, source="import"):
            totals[result["status"]] += 1
    return totals
