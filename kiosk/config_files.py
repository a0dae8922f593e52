"""The files and folders a configuration names, checked when it is loaded.

Why at load: a key file that is missing, unreadable, not PEM, or the other key's file would
otherwise surface as a traceback at the first citizen's request (or never, for the catalogue
key). Each problem becomes a ConfigError naming the file, the key, the path and what to do.
The keys are read with the loaders the kiosk uses them with, so "valid" means one thing.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.config import KEY_SETTINGS, ConfigError, KioskConfig

FOLDERS = ("storage.data_dir", "printer.pdf_dir")


def check_files(config: KioskConfig) -> None:
    """Raise ConfigError for the first key file or folder setting that cannot be used."""
    for key in KEY_SETTINGS:
        if config[key]:
            problem = key_file_problem(config.path_of(key), key)
            if problem:
                raise ConfigError(f"{config.source}: key '{key}': {problem}")
    for key in FOLDERS:
        if config[key]:
            path = config.path_of(key)
            if path.exists() and not path.is_dir():
                raise ConfigError(f"{config.source}: key '{key}': {path} is a file, not a "
                                  "folder; name a folder (it is created if missing).")


def _loads(key: str, data: bytes) -> bool:
    """Whether the loader the kiosk uses for `key` accepts `data` (imported only when a key
    file is set: the catalogue's loader comes with the HTTP client, 0.3 s of start-up)."""
    from offline_cache.content_cache import ed25519_verifier
    from offline_cache.envelope import EnvelopeError, load_public_key

    loader = {"hub.public_key": load_public_key, "hub.catalog_public_key": ed25519_verifier}[key]
    try:
        loader(data)
    except (ValueError, EnvelopeError):
        return False
    return True


def key_file_problem(path: Path, key: str) -> str | None:
    """None when `path` holds the public key `key` expects, else what is wrong and what to do."""
    expected = KEY_SETTINGS[key]
    remedy = (f"copy {expected.what} there ({expected.file_name}, made on the hub by "
              "`kiosk-hub keygen DIR`) or correct the path")
    if not path.exists():
        return f"{path} does not exist; {remedy}."
    if path.is_dir():
        return f"{path} is a folder; name the PEM file itself ({expected.file_name})."
    try:
        data = path.read_bytes()
    except OSError as error:
        return (f"{path} cannot be read ({error.strerror}); let the kiosk's account read it "
                f"(chmod 644 {path.name}).")
    if b"PRIVATE KEY" in data:
        return (f"{path} holds a PRIVATE key: it must never be on a kiosk. Delete this "
                f"copy and use the public half ({expected.file_name}).")
    if _loads(key, data):
        return None
    other = next((k for k in KEY_SETTINGS if k != key and _loads(k, data)), None)
    if other is None:
        return f"{path} is not a PEM public key file; {remedy}."
    found = KEY_SETTINGS[other]
    return (f"{path} holds an {found.kind} key (the key for '{other}'?), but this setting "
            f"needs {expected.what}, an {expected.kind} key: use {expected.file_name}.")
