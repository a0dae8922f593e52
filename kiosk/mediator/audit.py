"""Journal helpers for staff actions the dashboard performs with other services.

The dashboard calls OutboxService.retry/export and changes settings itself; these helpers record
those actions in the journal with only what an auditor needs (which setting, which request id,
how many items), never a payload, a folder name or a free-text value.
"""

from __future__ import annotations

import uuid
from typing import Any

from kiosk.config import SETTINGS
from kiosk.mediator.common import check_identifier
from kiosk.mediator.journal import Event, Journal

_KNOWN_KEYS = {setting.key for setting in SETTINGS}


def _loggable(value: Any) -> Any:
    """Numbers, booleans and one-word values are kept; any other text becomes None ("changed")."""
    if value is None or isinstance(value, bool | int | float):
        return value
    try:
        return check_identifier(value, "value")
    except ValueError:
        return None


def record_settings_change(journal: Journal, mediator_id: str, key: str, old: Any,
                           new: Any) -> dict:
    """A setting changed behind the PIN (idle time, volume, speech rate, language...)."""
    if key not in _KNOWN_KEYS:
        raise ValueError(f"'{key}' is not a setting (see kiosk/config.py SETTINGS)")
    return journal.record(Event.SETTINGS_CHANGE, mediator_id, key=key, old=_loggable(old),
                          new=_loggable(new))


def record_retry(journal: Journal, mediator_id: str, item_id: str) -> dict:
    """A held request put back in the queue from the dashboard (`OutboxService.retry`)."""
    return journal.record(Event.RETRY, mediator_id, item=str(uuid.UUID(item_id)))


def record_export(journal: Journal, mediator_id: str, items: int) -> dict:
    """Unsent requests written to a folder (`OutboxService.export`): the count only."""
    return journal.record(Event.EXPORT, mediator_id, items=int(items))
