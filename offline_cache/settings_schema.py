"""The settings schema: every setting of the kiosk's configuration, declared once as data.

Why here, in the layer both ends share: the kiosk validates its TOML file against it
(kiosk/config.py), and the back office validates the settings it sends to kiosks against the
very same entries (the hub never imports the kiosk). One entry per setting: its key, type,
default, range or check, the help line docs/configuration.md repeats, and whether the back
office may send it (`remote`). Making a setting editable from the back office is that one
field: the hub's form, its check and the kiosk's acceptance all read it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from offline_cache.languages import CODES

SUPPORTED_LANGUAGES = CODES  # offline_cache/languages.py: the registry
MESSAGE_OF_THE_DAY_MAX = 100  # three lines at the largest text size on a portrait screen


class Remote(enum.Enum):
    """When a setting sent by the back office takes effect on a running kiosk."""

    LIVE = "live"  # at once: the kiosk reads it at each use or is told of the change
    AT_RESTART = "at_restart"  # at the next start (planned nightly restart or by hand)


# What must work offline stays in the site's TOML file: the hub's address, the keys, the
# kiosk's identity and its data folder. The back office can never send these.
LOCAL_ONLY_PREFIXES = ("hub.", "site.kiosk_id", "storage.")


@dataclass(frozen=True, slots=True)
class Setting:
    key: str  # "section.name" as written in the TOML file
    kind: type | tuple[type, ...]
    default: Any
    help: str
    expected: str  # what a valid value looks like, in the operator's words
    check: Callable[[Any], bool] = lambda _value: True
    remote: Remote | None = None  # None: only the site's TOML file sets it

    def __post_init__(self) -> None:
        if self.remote is not None and self.key.startswith(LOCAL_ONLY_PREFIXES):
            raise ValueError(f"{self.key} must work offline: it cannot be set remotely")


def in_range(low: int, high: int) -> Callable[[Any], bool]:
    return lambda value: low <= value <= high


def languages_ok(value: Any) -> bool:
    return bool(value) and all(lang in SUPPORTED_LANGUAGES for lang in value)


SETTINGS: tuple[Setting, ...] = (
    Setting("site.name", str, "Mairie de démonstration", "Name shown on the attract screen.",
            "a non-empty text", lambda v: bool(v.strip())),
    Setting("site.commune", str, "Démoville", "Commune where the kiosk stands.",
            "a non-empty text", lambda v: bool(v.strip())),
    Setting("site.kiosk_id", str, "borne-demo-01",
            "Identifier of this kiosk at the hub (letters, digits, dash).",
            "letters, digits and dashes, 3 to 40 characters",
            lambda v: re.fullmatch(r"[A-Za-z0-9-]{3,40}", v) is not None),
    Setting("hub.url", str, "http://127.0.0.1:8750", "Base URL of the back-office hub.",
            "an http:// or https:// URL", lambda v: re.match(r"https?://[^\s/]+", v) is not None),
    Setting("hub.token", str, "demo-token", "Bearer token this kiosk presents to the hub.",
            "a non-empty text", lambda v: bool(v.strip())),
    Setting("interface.languages", list, list(SUPPORTED_LANGUAGES),
            "Languages offered to citizens, in order.",
            f"a list drawn from {list(SUPPORTED_LANGUAGES)}", languages_ok,
            remote=Remote.AT_RESTART),
    Setting("interface.default_language", str, "fr", "Language of the attract screen.",
            f"one of {list(SUPPORTED_LANGUAGES)}", lambda v: v in SUPPORTED_LANGUAGES,
            remote=Remote.AT_RESTART),
    Setting("interface.fullscreen", bool, True, "Show the kiosk full screen (`kiosk run`).",
            "true or false"),
    Setting("interface.idle_warning_seconds", int, 90,
            "Seconds without a touch before the 'are you still there?' warning.",
            "a whole number of seconds from 15 to 1800", in_range(15, 1800),
            remote=Remote.LIVE),
    Setting("interface.idle_reset_seconds", int, 30,
            "Seconds the warning waits before wiping the session.",
            "a whole number of seconds from 10 to 600", in_range(10, 600),
            remote=Remote.LIVE),
    Setting("storage.data_dir", str, "",
            "Folder for the queue and caches; empty means the platform's data folder.",
            "a folder path, or empty"),
    # Voice
    Setting("voice.enabled", bool, True,
            "Read every screen aloud; false keeps the kiosk silent.",
            "true or false",
            remote=Remote.AT_RESTART),
    Setting("voice.rate", str, "normal",
            "Speech rate at the start of a session; citizens change it on the comfort screen.",
            "one of 'slow', 'normal', 'fast'", lambda v: v in ("slow", "normal", "fast"),
            remote=Remote.LIVE),
    Setting("voice.volume", int, 100,
            "Loudness of the voice, percent of the engine's normal level.",
            "a whole number from 0 to 100", in_range(0, 100),
            remote=Remote.LIVE),
    Setting("voice.read_answers_aloud", bool, False,
            "Read a citizen's personal answers aloud (review, tracking); only for a kiosk whose "
            "audio is a headset. False: they are shown, and the voice says so.",
            "true or false",
            remote=Remote.AT_RESTART),
    Setting("voice.cache_mb", int, 64,
            "Disk space for synthesised sentences (least recently used go first).",
            "a whole number of megabytes from 0 to 4096", in_range(0, 4096),
            remote=Remote.AT_RESTART),
    Setting("voice.player", str, "auto",
            "Program that plays the voice: auto, aplay, paplay, pw-play, play, or a command "
            "line with {file}.",
            "auto, aplay, paplay, pw-play, play, or a command line containing {file}",
            lambda v: bool(v.strip()),
            remote=Remote.AT_RESTART),
    # Outbox and sync
    Setting("hub.public_key", str, "",
            "PEM file of the hub's X25519 public key that seals every request on this kiosk; "
            "empty means the DEMO key, which is public: never for real data.",
            "a file path (relative to this file), or empty"),
    Setting("hub.catalog_public_key", str, "",
            "PEM file of the Ed25519 key that must have signed a catalogue or settings update; "
            "empty means the DEMO key.",
            "a file path (relative to this file), or empty"),
    Setting("sync.interval_seconds", int, 60,
            "Seconds between sync rounds and heartbeats when nothing else wakes the engine.",
            "a whole number of seconds from 5 to 3600", in_range(5, 3600)),
    Setting("sync.probe_seconds", int, 15,
            "While the hub is unreachable, seconds between small probes that detect its return.",
            "a whole number of seconds from 2 to 600", in_range(2, 600)),
    Setting("sync.batch_size", int, 50, "Most requests sent together in one HTTP request.",
            "a whole number from 1 to 500", in_range(1, 500)),
    Setting("sync.connect_timeout_seconds", int, 10,
            "Seconds to wait for the hub to accept a connection.",
            "a whole number of seconds from 1 to 120", in_range(1, 120)),
    Setting("sync.request_deadline_seconds", int, 120,
            "Overall limit for one request, sending and receiving included, however slowly "
            "the link trickles.",
            "a whole number of seconds from 5 to 1800", in_range(5, 1800)),
    Setting("sync.max_backoff_seconds", int, 900,
            "Longest wait between attempts after repeated failures.",
            "a whole number of seconds from 10 to 86400", in_range(10, 86400)),
    Setting("outbox.held_retention_days", int, 30,
            "Days a request refused by the hub is kept for a person to fix before deletion.",
            "a whole number of days from 1 to 365", in_range(1, 365)),
    Setting("outbox.held_warning_days", int, 7,
            "Days before that deletion when the kiosk starts warning about it.",
            "a whole number of days from 1 to 60", in_range(1, 60)),
    # Mediator
    Setting("mediator.counter_name", str, "Guichet 1",
            "Where a called ticket should go, shown and spoken: 'Ticket A-012, Guichet 1'.",
            "a non-empty text of at most 40 characters", lambda v: 0 < len(v.strip()) <= 40),
    Setting("mediator.ticket_prefix", str, "A",
            "Letter in front of the ticket numbers of this kiosk (A-001, A-002...).",
            "one capital letter from A to Z", lambda v: re.fullmatch(r"[A-Z]", v) is not None),
    Setting("mediator.idle_lock_seconds", int, 180,
            "Seconds without a touch before staff mode locks itself.",
            "a whole number of seconds from 30 to 3600", in_range(30, 3600)),
    Setting("mediator.max_pin_attempts", int, 5,
            "Wrong PINs in a row that lock a staff account.",
            "a whole number from 3 to 10", in_range(3, 10)),
    Setting("mediator.lockout_seconds", int, 30,
            "First lock-out delay; each further lock-out in a row doubles it (up to one hour).",
            "a whole number of seconds from 5 to 3600", in_range(5, 3600)),
    # Printer (kiosk/printing, docs/printing.md)
    Setting("printer.kind", str, "none",
            "Where receipts go: none, pdf (files in printer.pdf_dir), escpos-usb, "
            "escpos-serial, escpos-network (thermal printers) or system (a CUPS queue).",
            "one of 'none', 'pdf', 'escpos-usb', 'escpos-serial', 'escpos-network', 'system'",
            lambda v: v in ("none", "pdf", "escpos-usb", "escpos-serial", "escpos-network",
                            "system"),
            remote=Remote.AT_RESTART),
    Setting("printer.device", str, "",
            "The printer: a device path (/dev/usb/lp0, /dev/ttyUSB0), host:port "
            "(192.168.1.50:9100), or a CUPS queue name; empty for none and pdf.",
            "a device path, host:port, a CUPS queue name, or empty",
            remote=Remote.AT_RESTART),
    Setting("printer.codepage", str, "cp858",
            "ESC/POS character table that prints French accents: cp858 (ESC t 19, has €), "
            "cp1252 (ESC t 16) or cp850 (ESC t 2, no €).",
            "one of 'cp858', 'cp1252', 'cp850'", lambda v: v in ("cp858", "cp1252", "cp850"),
            remote=Remote.AT_RESTART),
    Setting("printer.width_chars", int, 48,
            "Characters per line on the thermal printer: 48 (80 mm), 42 (80 mm, 512 dots), "
            "32 (58 mm).",
            "32, 42 or 48", lambda v: v in (32, 42, 48),
            remote=Remote.AT_RESTART),
    Setting("printer.baudrate", int, 9600,
            "Speed of a serial thermal printer (escpos-serial); see its self-test page.",
            "one of 9600, 19200, 38400, 57600, 115200",
            lambda v: v in (9600, 19200, 38400, 57600, 115200),
            remote=Remote.AT_RESTART),
    Setting("printer.timeout_seconds", int, 10,
            "Seconds to reach a network printer or hand a receipt to it before giving up.",
            "a whole number of seconds from 1 to 120", in_range(1, 120),
            remote=Remote.AT_RESTART),
    Setting("printer.pdf_dir", str, "",
            "Folder for PDF receipts (kind pdf); empty means receipts/ in the data folder.",
            "a folder path, or empty"),
    Setting("printer.pdf_paper", str, "a6",
            "Page of a PDF receipt (kinds pdf and system): a6, or roll80 (80 mm wide roll).",
            "'a6' or 'roll80'", lambda v: v in ("a6", "roll80"),
            remote=Remote.AT_RESTART),
    # Field (kiosk/system: the kiosk as a service of its machine, docs/configuration.md)
    Setting("field.nightly_restart", str, "03:30",
            "Hour (HH:MM, 24-hour clock) of the daily restart under the service manager, "
            "once no session is in progress; empty for never.",
            "a time such as '03:30' (00:00 to 23:59), or empty",
            lambda v: v == "" or re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", v) is not None),
    # Logs (kiosk/log_files.py, docs/operations.md 'Logs')
    Setting("logs.keep_days", int, 30,
            "Days the log files in logs/ of the data folder are kept; older ones are deleted.",
            "a whole number of days from 1 to 365", in_range(1, 365)),
    Setting("logs.level", str, "info",
            "Least important lines written to the log file: debug, info, warning or error.",
            "one of 'debug', 'info', 'warning', 'error'",
            lambda v: v in ("debug", "info", "warning", "error")),
    # Opening hours (offline_cache/opening_hours.py; the attract screen rereads them each time)
    Setting("opening.hours", dict, {},
            "The desk's hours: a table of days mon to sun, each '09:00-12:00, 14:00-17:30'; "
            "a missing day or '' is closed; an empty table is always open.",
            "a table of days, each a text like '09:00-12:00, 14:00-17:30'",
            remote=Remote.LIVE),  # each day's ranges: combination_problems, with the zone
    Setting("opening.requests_when_closed", bool, True,
            "Outside the hours, citizens can still use the kiosk and make requests; false "
            "keeps it closed too (only the hours are shown).",
            "true or false", remote=Remote.LIVE),
    Setting("opening.timezone", str, "Europe/Paris",
            "Time zone of the hours (an overseas site sets its own, e.g. 'Indian/Reunion').",
            "a time zone name such as 'Europe/Paris'", remote=Remote.LIVE),
    Setting("site.message_of_the_day", str, "",
            "A short message on the attract screen, shown and spoken, e.g. "
            "'Fermé le 24 décembre'; empty for none.",
            f"one line of at most {MESSAGE_OF_THE_DAY_MAX} characters, or empty",
            lambda v: len(v) <= MESSAGE_OF_THE_DAY_MAX and "\n" not in v, remote=Remote.LIVE),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}


def type_ok(setting: Setting, value: Any) -> bool:
    if setting.kind is int and isinstance(value, bool):
        return False  # TOML `true` must not pass for a number of seconds
    return isinstance(value, setting.kind)
REMOTE_SETTINGS = tuple(setting for setting in SETTINGS if setting.remote is not None)


def value_problem(key: str, value: Any) -> str | None:
    """Why `value` cannot be sent for `key` from the back office, or None when it can."""
    setting = BY_KEY.get(key)
    if setting is None:
        return f"unknown key '{key}'"
    if setting.remote is None:
        return f"key '{key}' is set only in the kiosk's configuration file, never remotely"
    if not type_ok(setting, value) or not setting.check(value):
        return f"key '{key}' has the value {value!r}; expected {setting.expected}"
    return None


def combination_problems(values: Mapping[str, Any]) -> list[str]:
    """What is wrong between settings that are each valid (both keys present in `values`),
    and in the opening hours, whose days and ranges are named (with their time zone)."""
    problems = []
    languages, default = values.get("interface.languages"), values.get("interface.default_language")
    if languages is not None and default is not None and default not in languages:
        problems.append(f"key 'interface.default_language' is {default!r}, which is not in "
                        f"'interface.languages' {languages!r}; add it there or pick one of those")
    hours, zone = values.get("opening.hours"), values.get("opening.timezone")
    if hours or zone not in (None, BY_KEY["opening.timezone"].default):
        # Loaded only for a site with hours: not before a first paint otherwise.
        from offline_cache.opening_hours import OpeningHoursError, parse_hours

        try:
            parse_hours(hours or {}, zone or BY_KEY["opening.timezone"].default)
        except OpeningHoursError as error:
            problems.append(str(error).rstrip("."))
    return problems
