"""The one configuration file: declared as data, validated at start, errors that name the key.

Every setting lives in SETTINGS with its type, default and a help line; docs/configuration.md
documents each one (a test checks it), so an IT officer deploying 40 sites has one reference.
A setting that names a file or a folder is checked at load too (kiosk/config_files.py): a
missing key file must stop the kiosk with the key named, not with a traceback at the first
citizen's request.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.paths import demo_config_path, demo_key_path

ENV_VAR = "KIOSK_CONFIG"
SUPPORTED_LANGUAGES = ("fr", "en")
MESSAGE_OF_THE_DAY_MAX = 100  # three lines at the largest text size on a portrait screen


class ConfigError(Exception):
    """A configuration problem an operator can fix; the message says where and how."""


@dataclass(frozen=True, slots=True)
class Setting:
    key: str  # "section.name" as written in the TOML file
    kind: type | tuple[type, ...]
    default: Any
    help: str
    expected: str  # what a valid value looks like, in the operator's words
    check: Callable[[Any], bool] = lambda _value: True


def _in_range(low: int, high: int) -> Callable[[Any], bool]:
    return lambda value: low <= value <= high


def _languages_ok(value: Any) -> bool:
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
    Setting("interface.languages", list, ["fr", "en"],
            "Languages offered to citizens, in order.",
            f"a list drawn from {list(SUPPORTED_LANGUAGES)}", _languages_ok),
    Setting("interface.default_language", str, "fr", "Language of the attract screen.",
            f"one of {list(SUPPORTED_LANGUAGES)}", lambda v: v in SUPPORTED_LANGUAGES),
    Setting("interface.fullscreen", bool, True, "Show the kiosk full screen (`kiosk run`).",
            "true or false"),
    Setting("interface.idle_warning_seconds", int, 90,
            "Seconds without a touch before the 'are you still there?' warning.",
            "a whole number of seconds from 15 to 1800", _in_range(15, 1800)),
    Setting("interface.idle_reset_seconds", int, 30,
            "Seconds the warning waits before wiping the session.",
            "a whole number of seconds from 10 to 600", _in_range(10, 600)),
    Setting("storage.data_dir", str, "",
            "Folder for the queue and caches; empty means the platform's data folder.",
            "a folder path, or empty"),
    # Voice
    Setting("voice.enabled", bool, True,
            "Read every screen aloud; false keeps the kiosk silent.",
            "true or false"),
    Setting("voice.rate", str, "normal",
            "Speech rate at the start of a session; citizens change it on the comfort screen.",
            "one of 'slow', 'normal', 'fast'", lambda v: v in ("slow", "normal", "fast")),
    Setting("voice.volume", int, 100,
            "Loudness of the voice, percent of the engine's normal level.",
            "a whole number from 0 to 100", _in_range(0, 100)),
    Setting("voice.read_answers_aloud", bool, False,
            "Read a citizen's personal answers aloud (review, tracking); only for a kiosk whose "
            "audio is a headset. False: they are shown, and the voice says so.",
            "true or false"),
    Setting("voice.cache_mb", int, 64,
            "Disk space for synthesised sentences (least recently used go first).",
            "a whole number of megabytes from 0 to 4096", _in_range(0, 4096)),
    Setting("voice.player", str, "auto",
            "Program that plays the voice: auto, aplay, paplay, pw-play, play, or a command "
            "line with {file}.",
            "auto, aplay, paplay, pw-play, play, or a command line containing {file}",
            lambda v: bool(v.strip())),
    # Outbox and sync
    Setting("hub.public_key", str, "",
            "PEM file of the hub's X25519 public key that seals every request on this kiosk; "
            "empty means the DEMO key, which is public: never for real data.",
            "a file path (relative to this file), or empty"),
    Setting("hub.catalog_public_key", str, "",
            "PEM file of the Ed25519 key that must have signed a catalogue update; "
            "empty means the DEMO key.",
            "a file path (relative to this file), or empty"),
    Setting("sync.interval_seconds", int, 60,
            "Seconds between sync rounds and heartbeats when nothing else wakes the engine.",
            "a whole number of seconds from 5 to 3600", _in_range(5, 3600)),
    Setting("sync.probe_seconds", int, 15,
            "While the hub is unreachable, seconds between small probes that detect its return.",
            "a whole number of seconds from 2 to 600", _in_range(2, 600)),
    Setting("sync.batch_size", int, 50, "Most requests sent together in one HTTP request.",
            "a whole number from 1 to 500", _in_range(1, 500)),
    Setting("sync.connect_timeout_seconds", int, 10,
            "Seconds to wait for the hub to accept a connection.",
            "a whole number of seconds from 1 to 120", _in_range(1, 120)),
    Setting("sync.request_deadline_seconds", int, 120,
            "Overall limit for one request, sending and receiving included, however slowly "
            "the link trickles.",
            "a whole number of seconds from 5 to 1800", _in_range(5, 1800)),
    Setting("sync.max_backoff_seconds", int, 900,
            "Longest wait between attempts after repeated failures.",
            "a whole number of seconds from 10 to 86400", _in_range(10, 86400)),
    Setting("outbox.held_retention_days", int, 30,
            "Days a request refused by the hub is kept for a person to fix before deletion.",
            "a whole number of days from 1 to 365", _in_range(1, 365)),
    Setting("outbox.held_warning_days", int, 7,
            "Days before that deletion when the kiosk starts warning about it.",
            "a whole number of days from 1 to 60", _in_range(1, 60)),
    # Mediator
    Setting("mediator.counter_name", str, "Guichet 1",
            "Where a called ticket should go, shown and spoken: 'Ticket A-012, Guichet 1'.",
            "a non-empty text of at most 40 characters", lambda v: 0 < len(v.strip()) <= 40),
    Setting("mediator.ticket_prefix", str, "A",
            "Letter in front of the ticket numbers of this kiosk (A-001, A-002...).",
            "one capital letter from A to Z", lambda v: re.fullmatch(r"[A-Z]", v) is not None),
    Setting("mediator.idle_lock_seconds", int, 180,
            "Seconds without a touch before staff mode locks itself.",
            "a whole number of seconds from 30 to 3600", _in_range(30, 3600)),
    Setting("mediator.max_pin_attempts", int, 5,
            "Wrong PINs in a row that lock a staff account.",
            "a whole number from 3 to 10", _in_range(3, 10)),
    Setting("mediator.lockout_seconds", int, 30,
            "First lock-out delay; each further lock-out in a row doubles it (up to one hour).",
            "a whole number of seconds from 5 to 3600", _in_range(5, 3600)),
    # Printer (kiosk/printing, docs/printing.md)
    Setting("printer.kind", str, "none",
            "Where receipts go: none, pdf (files in printer.pdf_dir), escpos-usb, "
            "escpos-serial, escpos-network (thermal printers) or system (a CUPS queue).",
            "one of 'none', 'pdf', 'escpos-usb', 'escpos-serial', 'escpos-network', 'system'",
            lambda v: v in ("none", "pdf", "escpos-usb", "escpos-serial", "escpos-network",
                            "system")),
    Setting("printer.device", str, "",
            "The printer: a device path (/dev/usb/lp0, /dev/ttyUSB0), host:port "
            "(192.168.1.50:9100), or a CUPS queue name; empty for none and pdf.",
            "a device path, host:port, a CUPS queue name, or empty"),
    Setting("printer.codepage", str, "cp858",
            "ESC/POS character table that prints French accents: cp858 (ESC t 19, has €), "
            "cp1252 (ESC t 16) or cp850 (ESC t 2, no €).",
            "one of 'cp858', 'cp1252', 'cp850'", lambda v: v in ("cp858", "cp1252", "cp850")),
    Setting("printer.width_chars", int, 48,
            "Characters per line on the thermal printer: 48 (80 mm), 42 (80 mm, 512 dots), "
            "32 (58 mm).",
            "32, 42 or 48", lambda v: v in (32, 42, 48)),
    Setting("printer.baudrate", int, 9600,
            "Speed of a serial thermal printer (escpos-serial); see its self-test page.",
            "one of 9600, 19200, 38400, 57600, 115200",
            lambda v: v in (9600, 19200, 38400, 57600, 115200)),
    Setting("printer.timeout_seconds", int, 10,
            "Seconds to reach a network printer or hand a receipt to it before giving up.",
            "a whole number of seconds from 1 to 120", _in_range(1, 120)),
    Setting("printer.pdf_dir", str, "",
            "Folder for PDF receipts (kind pdf); empty means receipts/ in the data folder.",
            "a folder path, or empty"),
    Setting("printer.pdf_paper", str, "a6",
            "Page of a PDF receipt (kinds pdf and system): a6, or roll80 (80 mm wide roll).",
            "'a6' or 'roll80'", lambda v: v in ("a6", "roll80")),
    # Field (kiosk/system: the kiosk as a service of its machine, docs/configuration.md)
    Setting("field.nightly_restart", str, "03:30",
            "Hour (HH:MM, 24-hour clock) of the daily restart under the service manager, "
            "once no session is in progress; empty for never.",
            "a time such as '03:30' (00:00 to 23:59), or empty",
            lambda v: v == "" or re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", v) is not None),
    # Logs (kiosk/log_files.py, docs/operations.md 'Logs')
    Setting("logs.keep_days", int, 30,
            "Days the log files in logs/ of the data folder are kept; older ones are deleted.",
            "a whole number of days from 1 to 365", _in_range(1, 365)),
    Setting("logs.level", str, "info",
            "Least important lines written to the log file: debug, info, warning or error.",
            "one of 'debug', 'info', 'warning', 'error'",
            lambda v: v in ("debug", "info", "warning", "error")),
    # Opening hours (offline_cache/opening_hours.py checks them, for the hub too)
    Setting("opening.hours", dict, {},
            "The desk's hours: a table of days mon to sun, each '09:00-12:00, 14:00-17:30'; "
            "a missing day or '' is closed; an empty table is always open.",
            "a table of days, each a text like '09:00-12:00, 14:00-17:30'"),
    Setting("opening.requests_when_closed", bool, True,
            "Outside the hours, citizens can still use the kiosk and make requests; false "
            "keeps it closed too (only the hours are shown).",
            "true or false"),
    Setting("opening.timezone", str, "Europe/Paris",
            "Time zone of the hours (an overseas site sets its own, e.g. 'Indian/Reunion').",
            "a time zone name such as 'Europe/Paris'"),
    Setting("site.message_of_the_day", str, "",
            "A short message on the attract screen, shown and spoken, e.g. "
            "'Fermé le 24 décembre'; empty for none.",
            f"one line of at most {MESSAGE_OF_THE_DAY_MAX} characters, or empty",
            lambda v: len(v) <= MESSAGE_OF_THE_DAY_MAX and "\n" not in v),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}
TABLE_SETTINGS = frozenset(s.key for s in SETTINGS if s.kind is dict)  # a TOML table, whole


@dataclass(frozen=True, slots=True)
class KeySetting:
    """A setting naming a public key file: its type, the file's usual (and demo) name, and
    what it is for, in the words an IT officer's messages use."""

    kind: str
    file_name: str
    what: str
    used_for: str


KEY_SETTINGS = {
    "hub.public_key": KeySetting("X25519", "hub-x25519-public.pem", "the hub's encryption key",
                                 "requests are sealed with"),
    "hub.catalog_public_key": KeySetting("Ed25519", "catalog-ed25519-public.pem",
                                         "the catalogue-signing key",
                                         "catalogue updates are checked against"),
}
ESCPOS_DEVICE_EXAMPLES = {
    "escpos-usb": "/dev/usb/lp0",
    "escpos-serial": "/dev/ttyUSB0",
    "escpos-network": "192.168.1.50:9100",
}


@dataclass(frozen=True, slots=True)
class KioskConfig:
    """Validated settings; `source` is the file they came from (for messages)."""

    values: dict[str, Any]
    source: Path
    base_dir: Path = field(default=Path("."))
    from_file: frozenset[str] = frozenset()  # keys written in the file; the rest are defaults

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def with_values(self, changes: dict[str, Any]) -> KioskConfig:
        """A copy with some settings changed (validated), e.g. a scratch data folder."""
        raw: dict[str, dict[str, Any]] = {}
        kept = {key: self.values[key] for key in self.from_file}
        for key, value in {**kept, **changes}.items():
            section, name = key.split(".", 1)
            raw.setdefault(section, {})[name] = value
        return validate(raw, self.source)

    @property
    def data_dir(self) -> Path:
        configured = self.values["storage.data_dir"]
        if not configured:
            import platformdirs  # only when needed: it costs start-up time

            return Path(platformdirs.user_data_dir("borne-kiosk", appauthor=False))
        return self.path_of("storage.data_dir")

    def path_of(self, key: str) -> Path:
        """A path setting as written (`~` expanded), relative to the configuration file."""
        path = Path(os.path.expanduser(self.values[key]))
        return path if path.is_absolute() else self.base_dir / path

    def key_file(self, key: str) -> tuple[Path, bool]:
        """The PEM file of `hub.public_key` or `hub.catalog_public_key`, and whether it is the
        public DEMO key (the setting left empty)."""
        if not self.values[key]:
            return demo_key_path(KEY_SETTINGS[key].file_name), True
        return self.path_of(key), False


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict) and key not in TABLE_SETTINGS:
            flat.update(_flatten(value, f"{key}."))
        else:
            flat[key] = value
    return flat


def _type_ok(setting: Setting, value: Any) -> bool:
    if setting.kind is int and isinstance(value, bool):
        return False  # TOML `true` must not pass for a number of seconds
    return isinstance(value, setting.kind)


def validate(raw: dict[str, Any], source: Path) -> KioskConfig:
    values = {setting.key: setting.default for setting in SETTINGS}
    written = _flatten(raw)
    for key, value in written.items():
        setting = _BY_KEY.get(key)
        if setting is None:
            known = ", ".join(sorted(_BY_KEY))
            raise ConfigError(f"{source}: unknown key '{key}'. Known keys: {known}.")
        if not _type_ok(setting, value) or not setting.check(value):
            raise ConfigError(
                f"{source}: key '{key}' has the value {value!r}; expected {setting.expected}."
            )
        values[key] = value
    if values["interface.default_language"] not in values["interface.languages"]:
        raise ConfigError(
            f"{source}: key 'interface.default_language' is "
            f"{values['interface.default_language']!r}, which is not in 'interface.languages' "
            f"{values['interface.languages']!r}; add it there or pick one of those."
        )
    _check_printer(values, source)
    if any(key.startswith("opening.") for key in written):  # the defaults are valid
        _check_opening_hours(values, source)
    config = KioskConfig(values=values, source=source, base_dir=source.parent,
                         from_file=frozenset(written))
    from kiosk.config_files import check_files

    check_files(config)
    return config


def _check_printer(values: dict[str, Any], source: Path) -> None:
    """A thermal printer with no device would fail at the first receipt: refuse it now."""
    kind, device = values["printer.kind"], values["printer.device"].strip()
    if kind not in ESCPOS_DEVICE_EXAMPLES:
        return
    if not device:
        raise ConfigError(f"{source}: key 'printer.device' is empty, but printer.kind "
                          f"{kind!r} needs one, e.g. {ESCPOS_DEVICE_EXAMPLES[kind]!r}; "
                          "or set printer.kind to 'none' or 'pdf'.")
    if kind == "escpos-network":
        from kiosk.printing.result import PrinterUnavailable
        from kiosk.printing.transports import parse_host_port

        try:
            parse_host_port(device)
        except PrinterUnavailable:
            raise ConfigError(f"{source}: key 'printer.device' is {device!r}, not host:port "
                              "as printer.kind 'escpos-network' needs, e.g. "
                              "'192.168.1.50:9100'.") from None


def _check_opening_hours(values: dict[str, Any], source: Path) -> None:
    """Each day's ranges and the time zone, with the day and the range named."""
    from offline_cache.opening_hours import OpeningHoursError, parse_hours

    try:
        parse_hours(values["opening.hours"], values["opening.timezone"])
    except OpeningHoursError as error:
        raise ConfigError(f"{source}: {error}") from None


def config_path(explicit: str | os.PathLike[str] | None) -> Path:
    """The file to read: the --config option, else $KIOSK_CONFIG, else the embedded demo."""
    chosen = explicit or os.environ.get(ENV_VAR)
    return Path(chosen) if chosen else demo_config_path()


def load_config(explicit: str | os.PathLike[str] | None = None) -> KioskConfig:
    path = config_path(explicit)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found. Pass --config PATH or set {ENV_VAR}.") from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read ({error.strerror}).") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error}).") from None
    return validate(raw, path)
