"""The settings document a kiosk receives (GET /v1/config), and its version.

For every kiosk, then the kiosk's own over them; only keys the schema still marks `remote`
(offline_cache/settings_schema.py), so a key a later version stops sending is dropped rather
than refused by every kiosk. The version is a digest of the settings: the same content has the
same version on every hub process (nothing to count, nothing in memory), and it is what the
kiosk reports back in its heartbeat as applied.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils import timezone

from hub.fleet.models import Kiosk, RemoteSetting
from hub.writes import writer
from offline_cache.protocol import PROTOCOL
from offline_cache.settings_schema import BY_KEY

VERSION_LENGTH = 12


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def version_of(values: dict[str, Any]) -> str:
    return hashlib.sha256(_canonical(values)).hexdigest()[:VERSION_LENGTH]


def settings_for_many(kiosks: Iterable[Kiosk]) -> dict[int, dict[str, Any]]:
    """kiosk pk -> the settings it receives, in two queries for a whole page of kiosks."""
    kiosks = list(kiosks)
    rows = RemoteSetting.objects.filter(Q(kiosk__isnull=True) | Q(kiosk__in=kiosks))
    shared: dict[str, Any] = {}
    own: dict[int, dict[str, Any]] = {}
    for row in rows.values("kiosk_id", "key", "value"):
        if row["key"] not in BY_KEY or BY_KEY[row["key"]].remote is None:
            continue
        target = shared if row["kiosk_id"] is None else own.setdefault(row["kiosk_id"], {})
        target[row["key"]] = row["value"]
    return {kiosk.pk: {**shared, **own.get(kiosk.pk, {})} for kiosk in kiosks}


def settings_for(kiosk: Kiosk) -> dict[str, Any]:
    return settings_for_many([kiosk])[kiosk.pk]


def document_for(kiosk: Kiosk) -> tuple[bytes, str]:
    """The body to sign for `kiosk`, and its version."""
    values = settings_for(kiosk)
    version = version_of(values)
    body = _canonical({"protocol": PROTOCOL, "kiosk_id": kiosk.kiosk_id, "version": version,
                       "settings": values})
    return body, version


def record_sent(kiosk: Kiosk, version: str) -> None:
    """The kiosk holds `version` now (a 200 with it, or a 304 for it): written only when it
    changes, not at each minute's 304."""
    if kiosk.config_sent_version == version:
        return
    with writer():
        Kiosk.objects.filter(pk=kiosk.pk).exclude(config_sent_version=version).update(
            config_sent_version=version, config_sent_at=timezone.now())
