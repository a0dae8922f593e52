"""The files and folders a configuration names, checked when it is loaded.

Why at load: a key file that is missing, unreadable, not PEM, or the other key's file would
otherwise surface as a traceback at the first citizen's request (or never, for the catalogue
key). Each problem becomes a ConfigError naming the file, the key, the path and what to do.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.config import ConfigError, KioskConfig

# For each key setting: the key type expected, and where a site gets the right file.
KEY_FILES = {
    "hub.public_key": ("X25519", "hub-x25519-public.pem", "the hub's encryption key"),
    "hub.catalog_public_key": ("Ed25519", "catalog-ed25519-public.pem",
                               "the catalogue-signing key"),
}
FOLDERS = ("storage.data_dir", "printer.pdf_dir")


def check_files(config: KioskConfig) -> None:
    """Raise ConfigError for the first key file or folder setting that cannot be used."""
    for key in KEY_FILES:
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


def key_type(path: Path) -> str:
    """'X25519' or 'Ed25519' (or the class name of another key) for a PEM public key file.

    Raises OSError when unreadable and ValueError when it is not a PEM public key.
    """
    from cryptography.hazmat.primitives import serialization

    data = path.read_bytes()
    if b"PRIVATE KEY" in data:
        raise ValueError("private")
    key = serialization.load_pem_public_key(data)
    return type(key).__name__.removesuffix("PublicKey").removeprefix("_")


def key_file_problem(path: Path, key: str) -> str | None:
    """None when `path` holds the public key `key` expects, else what is wrong and what to do."""
    expected, file_name, what = KEY_FILES[key]
    remedy = (f"copy {what} there ({file_name}, made on the hub by `kiosk-hub keygen DIR`) "
              "or correct the path")
    if not path.exists():
        return f"{path} does not exist; {remedy}."
    if path.is_dir():
        return f"{path} is a folder; name the PEM file itself ({file_name})."
    try:
        found = key_type(path)
    except OSError as error:
        return (f"{path} cannot be read ({error.strerror}); let the kiosk's account read it "
                f"(chmod 644 {path.name}).")
    except ValueError as error:
        if str(error) == "private":
            return (f"{path} holds a PRIVATE key: it must never be on a kiosk. Delete this "
                    f"copy and use the public half ({file_name}).")
        return f"{path} is not a PEM public key file; {remedy}."
    if found != expected:
        other = next((k for k, (t, _f, _w) in KEY_FILES.items() if t == found), None)
        hint = f" (the key for '{other}'?)" if other else ""
        return (f"{path} holds an {found} key{hint}, but this setting needs {what}, an "
                f"{expected} key: use {file_name}.")
    return None
