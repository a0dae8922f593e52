"""`kiosk doctor`: one line per check, ok or the problem and what to do about it.

Checks are plain functions in CHECKS (one result, or a list for the voice's several lines),
so an IT officer reads one report.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import requests

from kiosk.catalog import CatalogError, load_catalog
from kiosk.config import KioskConfig
from kiosk.display import display_available
from kiosk.paths import downloaded_catalog_path, fonts_dir

TRUETYPE_MAGICS = (b"\x00\x01\x00\x00", b"OTTO", b"true")


@dataclass(frozen=True, slots=True)
class CheckResult:
    name: str
    ok: bool
    message: str

    def line(self) -> str:
        return f"{'ok     ' if self.ok else 'PROBLEM'}  {self.name}: {self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"check": self.name, "ok": self.ok, "message": self.message}


Check = Callable[[KioskConfig], "CheckResult | list[CheckResult]"]


def check_display(_config: KioskConfig) -> CheckResult:
    if display_available():
        return CheckResult("display", True, "a screen is available")
    return CheckResult("display", False, "no display (DISPLAY is not set): `kiosk run` cannot "
                       "open its window; start it from the kiosk's graphical session")


def check_fonts(_config: KioskConfig) -> CheckResult:
    fonts = sorted(fonts_dir().glob("*.ttf"))
    broken = [f.name for f in fonts if f.read_bytes()[:4] not in TRUETYPE_MAGICS]
    if not fonts or broken:
        return CheckResult("fonts", False, f"missing or damaged fonts in {fonts_dir()} "
                           f"({', '.join(broken) or 'none found'}): reinstall the kiosk")
    return CheckResult("fonts", True, f"{len(fonts)} font files in {fonts_dir()}")


def check_catalog(_config: KioskConfig) -> CheckResult:
    try:
        catalog = load_catalog()
    except CatalogError as error:
        return CheckResult("catalogue", False, f"{error} Fix the file or reinstall the kiosk.")
    return CheckResult("catalogue", True, f"version {catalog.version}, "
                       f"{len(catalog.services)} services in {len(catalog.themes)} themes")


def check_voice(config: KioskConfig) -> list[CheckResult]:
    """Engine, a voice per language, a measured test synthesis, the player and the device."""
    from kiosk.voice import voice_checks

    return [CheckResult(name, ok, message) for name, ok, message in voice_checks(config)]


def check_data_dir(config: KioskConfig) -> CheckResult:
    folder = config.data_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder):
            pass
    except OSError as error:
        return CheckResult("data folder", False, f"{folder} is not writable ({error.strerror}): "
                           "set `storage.data_dir` to a writable folder")
    free_mb = shutil.disk_usage(folder).free // 2**20
    return CheckResult("data folder", free_mb > 200,
                       f"{folder}, {free_mb} MB free" + ("" if free_mb > 200 else
                       ": free some disk space (at least 200 MB)"))


def check_logs(config: KioskConfig) -> CheckResult:
    """Where `kiosk run` writes its log files and how much they hold (kiosk.log_files)."""
    from kiosk.log_files import log_folder, log_holdings

    holdings = log_holdings(log_folder(config.data_dir))
    summary = holdings.summary(config["logs.keep_days"])
    if holdings.folder.exists() and not os.access(holdings.folder, os.W_OK | os.X_OK):
        return CheckResult("logs", False, f"{summary}; the folder is not writable by this "
                           "account: give it to the kiosk's user (chown), mode 0700")
    return CheckResult("logs", True, summary)


def check_queue(config: KioskConfig) -> CheckResult:
    """The request queue's file: readable, sound (SQLite quick_check), and what waits in it."""
    from kiosk.outbox_service import OUTBOX_FILE

    path = config.data_dir / OUTBOX_FILE
    if not path.exists():
        return CheckResult("request queue", True, f"no {path.name} yet in {path.parent}: it is "
                           "created with the first request")
    from offline_cache.outbox import ItemState, Outbox
    from offline_cache.store import StoreDamaged, StoreError

    try:
        outbox = Outbox(path, readonly=True)  # the check `outbox status` makes: never writes
        try:
            found = outbox.counts()
        finally:
            outbox.close()
    except StoreDamaged as damaged:
        return CheckResult("request queue", False, f"{path} is damaged ({damaged.reason}): stop "
                           "the kiosk and run `kiosk outbox repair`; it moves the file to "
                           "quarantine/ and keeps every row SQLite can read (see "
                           "docs/operations.md, 'Repair the queue')")
    except StoreError as error:
        return CheckResult("request queue", False, f"{error}")
    waiting, held = found[ItemState.PENDING] + found[ItemState.SENDING], found[ItemState.HELD]
    return CheckResult("request queue", held == 0,
                       f"{path}: sound, {waiting} waiting to be sent, {held} held"
                       + ("" if held == 0 else ": a mediator must look at the held requests "
                          "(`kiosk outbox list`, `kiosk outbox retry ID`)"))


def check_keys(config: KioskConfig) -> list[CheckResult]:
    """The DEMO keys are public: with them a stolen disk can be read, a catalogue forged."""
    from kiosk.config import KEY_SETTINGS

    results = []
    for key, expected in KEY_SETTINGS.items():
        path, demo = config.key_file(key)
        if demo:
            results.append(CheckResult(key, False, f"empty: {expected.used_for} the public "
                                       "DEMO key, never for real data; set it to the site's "
                                       "key file (made on the hub by `kiosk-hub keygen DIR`)"))
        else:  # checked at load: it is the right kind of key
            results.append(CheckResult(key, True, f"{path} ({expected.kind} key)"))
    return results


def check_staff(config: KioskConfig) -> CheckResult:
    from kiosk.mediator.storage import database_path, open_store
    from offline_cache.store import StoreError

    active = 0
    if database_path(config.data_dir).exists():
        try:
            store = open_store(config.data_dir, readonly=True)
            try:
                active = store.read("SELECT count(*) AS n FROM accounts WHERE active")[0]["n"]
            finally:
                store.close()
        except StoreError as error:
            return CheckResult("staff accounts", False, f"{error}")
    if not active:
        return CheckResult("staff accounts", False, "no active staff account: nobody can open "
                           "staff mode; create one with `kiosk mediator add NAME`")
    return CheckResult("staff accounts", True, f"{active} active account(s)")


def check_printer(config: KioskConfig) -> CheckResult:
    from kiosk.printing.presence import printer_presence

    ok, message = printer_presence(config)
    return CheckResult("printer", ok, message)


def check_receipt_scripts(config: KioskConfig) -> CheckResult:
    """A right-to-left language offered needs libraqm to print its receipts; without it the
    citizen gets no receipt, so the IT officer hears of it here first."""
    from kiosk.printing.typeset import complex_layout
    from offline_cache.languages import language

    right_to_left = [f"{language(code).french_name} ({code})"
                     for code in config["interface.languages"] if language(code).right_to_left]
    if not right_to_left or complex_layout():
        return CheckResult("receipt scripts", True, "receipts can be printed in every "
                           "language offered" + ("" if right_to_left else " (none is written "
                                                 "right to left)"))
    return CheckResult("receipt scripts", False, f"receipts in {' and '.join(right_to_left)} "
                       "cannot be printed: Pillow's libraqm layout needs the system's "
                       "libfribidi0. Install it (apt-get install libfribidi0), or take "
                       "these languages out of `interface.languages`")


def check_catalog_update(config: KioskConfig) -> CheckResult:
    """The catalogue a start uses now, and whether the hub offers a newer signed one."""
    from kiosk.services import KioskServices

    catalog = KioskServices(config, sync=False).current_catalog()
    cached = downloaded_catalog_path(config.data_dir)
    origin = ("downloaded from the hub" if cached.exists()
              and catalog.version == _version_of(cached.read_bytes()) else "shipped")
    in_use = f"version {catalog.version} in use ({origin})"
    offered = _offered_version(config)
    if offered is None:
        return CheckResult("catalogue update", True, f"{in_use}; the hub could not be asked")
    if offered != catalog.version:
        return CheckResult("catalogue update", True, f"{in_use}; a newer one waits at the hub: "
                           f"version {offered}, downloaded within 6 h, used from the next "
                           "start")
    return CheckResult("catalogue update", True, f"{in_use}; the hub has no newer one")


def _version_of(body: bytes) -> str | None:
    try:
        return str(json.loads(body)["version"])
    except (ValueError, KeyError, TypeError):
        return None


def _offered_version(config: KioskConfig) -> str | None:
    """The version of the signed catalogue the hub serves (None: unreachable, unsigned)."""
    from kiosk.outbox_service import transport_from_config
    from offline_cache.content_cache import ed25519_verifier, signed_properly
    from offline_cache.protocol import CATALOG_PATH
    from offline_cache.transport import Fetched

    transport = transport_from_config(config)
    try:
        fetched = transport.fetch(CATALOG_PATH, None)
    finally:
        transport.close()
    if not isinstance(fetched, Fetched) or fetched.status != 200:
        return None
    verify = ed25519_verifier(config.key_file("hub.catalog_public_key")[0].read_bytes())
    return _version_of(fetched.body) if signed_properly(fetched, verify) else None


def check_remote_settings(config: KioskConfig) -> CheckResult:
    """The settings the back office sent that a start uses, and the last refused document."""
    from kiosk import remote_settings

    remote = remote_settings.load_stored(config, set_aside=False)
    in_use = ("none from the back office: the configuration file alone" if remote is None else
              f"version {remote.version} from the back office ("
              + (", ".join(f"{key} = {value!r}" for key, value in sorted(remote.values.items()))
                 or "no setting") + ")")
    refused = remote_settings.last_refusal(config)
    if refused:
        return CheckResult("remote settings", False, f"{in_use}; the last document the hub "
                           f"sent was REFUSED at {refused.get('at')}: {refused.get('reason')}. "
                           "Correct it on the back office's settings pages, or check the "
                           "network for a proxy that changes answers, and hub.catalog_public_key")
    return CheckResult("remote settings", True, in_use)


def check_hub(config: KioskConfig) -> CheckResult:
    url = config["hub.url"]
    try:
        requests.get(url, timeout=(3, 5))
    except requests.RequestException as error:
        return CheckResult("hub", False, f"{url} cannot be reached ({type(error).__name__}): "
                           "requests wait in the queue; check the network or `hub.url`")
    return CheckResult("hub", True, f"{url} answers")


CHECKS: tuple[Check, ...] = (
    check_display, check_fonts, check_catalog, check_voice, check_data_dir, check_logs,
    check_queue, check_keys, check_staff, check_printer, check_receipt_scripts, check_hub,
    check_catalog_update,
    check_remote_settings,
)


def run_checks(config: KioskConfig, extra_checks: Iterable[Check] = ()) -> list[CheckResult]:
    results = []
    for check in (*CHECKS, *extra_checks):
        try:
            outcome = check(config)
            results.extend(outcome if isinstance(outcome, list) else [outcome])
        except Exception as error:  # a broken check must not hide the others
            results.append(CheckResult(check.__name__, False, f"the check itself failed: {error}"))
    return results

