"""Settings the back office sends this kiosk: checked, kept, laid over the site's TOML file.

Why a separate document and not a new TOML file: what must work offline (the hub's address,
the keys, the kiosk's identity, its data folder) stays in the local file, and the back office
changes only the settings the schema marks `remote` (offline_cache/settings_schema.py). The
document arrives signed (offline_cache/content_cache.py checks the signature before this
module sees it); here it is checked key by key against the same schema as the TOML, and as a
whole against the local file (a default language the file does not offer). One bad key and
the whole document is refused, the previous one kept, and the refusal is written down for the
heartbeat and `kiosk doctor`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.config import ConfigError, KioskConfig
from offline_cache.settings_schema import BY_KEY, Remote, combination_problems, value_problem

SETTINGS_FILE = "settings.json"  # the last accepted document, in <data dir>/cache/
REFUSAL_FILE = "settings-refused.json"  # the last refusal, until a good document arrives


class SettingsRefused(Exception):
    """A document the kiosk will not use; str() says why, naming the key."""


@dataclass(frozen=True, slots=True)
class RemoteSettings:
    version: str  # the hub's name for this content: reported back in every heartbeat
    values: dict[str, Any]


def cache_dir(config: KioskConfig) -> Path:
    return config.data_dir / "cache"


def parse(body: bytes, kiosk_id: str) -> RemoteSettings:
    """The document as sent, or SettingsRefused naming what is wrong."""
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise SettingsRefused("the settings document is not JSON") from None
    if not isinstance(document, dict) or not isinstance(document.get("settings"), dict):
        raise SettingsRefused("the settings document has no 'settings' object")
    if document.get("kiosk_id") != kiosk_id:
        raise SettingsRefused(f"the settings document is for kiosk {document.get('kiosk_id')!r}, "
                              f"not this one ({kiosk_id!r})")
    version = document.get("version")
    if not isinstance(version, str) or not version.strip():
        raise SettingsRefused("the settings document has no version")
    values = document["settings"]
    for key, value in values.items():
        problem = value_problem(key, value)
        if problem:
            raise SettingsRefused(problem)
    problems = combination_problems(values)
    if problems:
        raise SettingsRefused(problems[0])
    return RemoteSettings(version.strip()[:64], dict(values))


def wanted(local: KioskConfig, remote: RemoteSettings | None) -> KioskConfig:
    """What a start would run: the site's file with the back office's settings over it."""
    if remote is None:
        return local
    try:
        return local.overlaid(remote.values)
    except ConfigError as error:
        raise SettingsRefused(str(error)) from None


def checker(local: KioskConfig):
    """For ContentCache(accept=...): why a signed body cannot be used here, or None."""

    def problem(body: bytes) -> str | None:
        try:
            wanted(local, parse(body, local["site.kiosk_id"]))
        except SettingsRefused as refused:
            return str(refused)
        return None

    return problem


def load_stored(local: KioskConfig, set_aside: bool = True) -> RemoteSettings | None:
    """The document accepted last time (its signature was checked before it was written), or
    None; one this kiosk version no longer accepts is set aside, with the reason recorded
    (`set_aside=False`, for `kiosk doctor` while the kiosk runs: only read)."""
    try:
        body = (cache_dir(local) / SETTINGS_FILE).read_bytes()
    except FileNotFoundError:
        return None
    try:
        remote = parse(body, local["site.kiosk_id"])
        wanted(local, remote)
    except SettingsRefused as refused:
        if not set_aside:
            return None
        record_refusal(local, f"the stored settings are not usable ({refused}); the site's "
                              "configuration file alone is in use")
        (cache_dir(local) / SETTINGS_FILE).unlink()  # so the next fetch is not a 304
        return None
    return remote


def keys_that(how: Remote) -> tuple[str, ...]:
    return tuple(key for key, setting in BY_KEY.items() if setting.remote is how)


def record_refusal(config: KioskConfig, reason: str) -> dict[str, str]:
    """Kept on disk for `kiosk doctor` (another process) and the next start; returned for
    the heartbeat."""
    folder = cache_dir(config)
    folder.mkdir(parents=True, exist_ok=True)
    refusal = {"reason": reason, "at": datetime.now(UTC).isoformat(timespec="seconds")}
    temporary = folder / f".{REFUSAL_FILE}.new"
    temporary.write_text(json.dumps(refusal), "utf-8")
    os.replace(temporary, folder / REFUSAL_FILE)
    return refusal


def clear_refusal(config: KioskConfig) -> None:
    (cache_dir(config) / REFUSAL_FILE).unlink(missing_ok=True)


def last_refusal(config: KioskConfig) -> dict[str, str] | None:
    """{"reason", "at"} of the last refused document, or None since a good one arrived."""
    try:
        found = json.loads((cache_dir(config) / REFUSAL_FILE).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return None
    return found if isinstance(found, dict) else None
