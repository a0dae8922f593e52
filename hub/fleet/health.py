"""A kiosk's health as read from its last heartbeat, computed when the page is read.

Nothing is stored about silence: a kiosk is silent when its last heartbeat is older than
HUB_KIOSK_SILENT_MINUTES at the moment someone looks, so the flag clears by itself as soon
as the kiosk speaks again. The status JSON is what the kiosk sent (counts, oldest pending,
versions, voice, printer); anything missing or malformed reads "non signalé".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from hub.fleet.models import Kiosk
from hub.fleet.remote_settings import version_of

NOTHING_SENT = version_of({})  # the version of a document without any setting

NOT_REPORTED = "non signalé"
# Words for the values kiosks send for voice and printer; anything else is shown as sent.
HEALTH_WORDS = {"ok": "en service", "ready": "en service", "unavailable": "indisponible",
                "error": "en panne", "offline": "hors ligne", "none": "aucune",
                "disabled": "désactivée", "absent": "absente", "paper_out": "plus de papier"}


def silent_after() -> timedelta:
    return timedelta(minutes=settings.HUB_KIOSK_SILENT_MINUTES)


def is_silent(now: datetime) -> Q:
    cutoff = now - silent_after()
    return Q(last_seen_at__isnull=True) | Q(last_seen_at__lt=cutoff)


def silent_first(kiosks: QuerySet[Kiosk], now: datetime) -> QuerySet[Kiosk]:
    """Silent kiosks first (never heard from, then longest silent), then the others by id."""
    return kiosks.annotate(heard=Case(
        When(is_silent(now), then=Value(0)), default=Value(1), output_field=IntegerField(),
    )).order_by("heard", "last_seen_at", "kiosk_id")


def duration_words(elapsed: timedelta) -> str:
    """"45 min", "2 h", "3 jours": rounded down, as a person would say it."""
    minutes = int(elapsed.total_seconds() // 60)
    if minutes < 60:
        return f"{max(minutes, 1)} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} jours"


def _count(counts: Any, key: str) -> int:
    value = counts.get(key) if isinstance(counts, dict) else None
    return value if isinstance(value, int) and value >= 0 else 0


def parse_time(value: Any) -> datetime | None:
    """An ISO 8601 time as a kiosk sent it (UTC when it names no zone), or None."""
    if not isinstance(value, str):
        return None
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return None
    if parsed is not None and timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.utc)
    return parsed


def health_words(value: Any) -> str:
    """A device's health as the kiosk reported it: a word, a boolean or {"ok", "detail"}."""
    if isinstance(value, bool):
        return "en service" if value else "en panne"
    if isinstance(value, dict):
        state = health_words(value.get("ok", value.get("state")))
        detail = value.get("detail") or value.get("message")
        return f"{state} ({detail})" if isinstance(detail, str) and detail else state
    if isinstance(value, str) and value.strip():
        return HEALTH_WORDS.get(value.strip().lower(), value.strip()[:80])
    return NOT_REPORTED


def _text(value: Any) -> str:
    return value.strip()[:80] if isinstance(value, str) and value.strip() else NOT_REPORTED


@dataclass(frozen=True, slots=True)
class KioskHealth:
    kiosk: Kiosk
    site: str  # as set in the back office, else as the kiosk names it; "" when neither
    silent: bool
    silence: str  # "Silencieuse depuis 2 h", "Jamais entendue", "" when heard lately
    queue_depth: int  # pending + sending
    held: int
    oldest_pending_at: datetime | None
    voice: str
    printer: str
    app_version: str
    catalog_version: str
    versions: Versions | None = None

    @classmethod
    def of(cls, kiosk: Kiosk, now: datetime, config_offered: str = "",
           catalog_offered: str = "") -> KioskHealth:
        status = kiosk.status if isinstance(kiosk.status, dict) else {}
        counts = status.get("counts")
        if kiosk.last_seen_at is None:
            silent, silence = True, "Jamais entendue"
        else:
            elapsed = now - kiosk.last_seen_at
            silent = elapsed > silent_after()
            silence = f"Silencieuse depuis {duration_words(elapsed)}" if silent else ""
        reported = status.get("site")
        site = kiosk.site or (reported.strip()[:200] if isinstance(reported, str) else "")
        return cls(kiosk, site, silent, silence,
                   _count(counts, "pending") + _count(counts, "sending"), _count(counts, "held"),
                   parse_time(status.get("oldest_pending_at")),
                   health_words(status.get("voice")), health_words(status.get("printer")),
                   _text(status.get("app_version")), _text(status.get("catalog_version")),
                   Versions.of(kiosk, status, config_offered, catalog_offered))


@dataclass(frozen=True, slots=True)
class Versions:
    """What the back office sent the kiosk, against what the kiosk says it runs."""

    config_offered: str  # the settings' version the hub serves this kiosk now
    config_sent: str  # the version the kiosk last fetched ("" never)
    config_applied: str  # the version the kiosk's heartbeat says is in use ("" none)
    config_at_restart: tuple[str, ...]  # keys accepted, waiting for the kiosk's next start
    config_refused: str  # why the kiosk refused the last document ("" it did not)
    catalog_offered: str
    catalog_applied: str

    @property
    def nothing_sent(self) -> bool:
        """No setting is sent to this kiosk, and it uses none: its file alone, as intended."""
        return self.config_offered == NOTHING_SENT and not self.config_applied

    @property
    def config_current(self) -> bool:
        return self.nothing_sent or (bool(self.config_offered)
                                     and self.config_applied == self.config_offered)

    @property
    def catalog_waiting(self) -> bool:
        """The kiosk named its catalogue, and it is not the one the hub serves."""
        return bool(self.catalog_applied) and self.catalog_applied != self.catalog_offered

    @classmethod
    def of(cls, kiosk: Kiosk, status: dict[str, Any], config_offered: str,
           catalog_offered: str) -> Versions:
        waiting = status.get("config_pending_restart")
        refused = status.get("config_refused")
        reason = refused.get("reason") if isinstance(refused, dict) else None
        applied = status.get("config_version")
        catalog = status.get("catalog_version")
        return cls(config_offered, kiosk.config_sent_version,
                   applied.strip()[:64] if isinstance(applied, str) else "",
                   tuple(str(key)[:80] for key in waiting[:20]) if isinstance(waiting, list)
                   else (),
                   reason.strip()[:300] if isinstance(reason, str) else "",
                   catalog_offered, catalog.strip()[:80] if isinstance(catalog, str) else "")
