"""The one configuration file: declared as data, validated at start, errors that name the key.

Every setting lives in SETTINGS (offline_cache/settings_schema.py, shared with the back
office, which checks the settings it sends against the same entries) with its type, default
and a help line; docs/configuration.md documents each one (a test checks it), so an IT officer
deploying 40 sites has one reference.
A setting that names a file or a folder is checked at load too (kiosk/config_files.py): a
missing key file must stop the kiosk with the key named, not with a traceback at the first
citizen's request.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.paths import demo_config_path, demo_key_path
from offline_cache.settings_schema import (  # noqa: F401 (Setting, SUPPORTED_LANGUAGES: API)
    BY_KEY,
    SETTINGS,
    SUPPORTED_LANGUAGES,
    Setting,
    combination_problems,
    type_ok,
)

ENV_VAR = "KIOSK_CONFIG"
TABLE_SETTINGS = frozenset(s.key for s in SETTINGS if s.kind is dict)  # a TOML table, whole


class ConfigError(Exception):
    """A configuration problem an operator can fix; the message says where and how."""


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
                                         "catalogue and settings updates are "
                                         "checked against"),
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

    def overlaid(self, changes: dict[str, Any]) -> KioskConfig:
        """A copy with settings the back office sent (each checked against the schema by the
        caller): their combination with the rest is checked again; the files are not re-read,
        since no file or folder setting can come from the back office."""
        values = {**self.values, **changes}
        label = Path("settings sent by the back office")
        problems = combination_problems(values)
        if problems:
            raise ConfigError(f"{label}: {problems[0]}.")
        _check_printer(values, label)
        return replace(self, values=values)

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


def validate(raw: dict[str, Any], source: Path) -> KioskConfig:
    values = {setting.key: setting.default for setting in SETTINGS}
    written = _flatten(raw)
    for key, value in written.items():
        setting = BY_KEY.get(key)
        if setting is None:
            known = ", ".join(sorted(BY_KEY))
            raise ConfigError(f"{source}: unknown key '{key}'. Known keys: {known}.")
        if not type_ok(setting, value) or not setting.check(value):
            raise ConfigError(
                f"{source}: key '{key}' has the value {value!r}; expected {setting.expected}."
            )
        values[key] = value
    problems = combination_problems(values)
    if problems:
        raise ConfigError(f"{source}: {problems[0]}.")
    _check_printer(values, source)
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
