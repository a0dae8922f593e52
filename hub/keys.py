"""The hub's keys: X25519 to open what kiosks sealed, Ed25519 to sign the catalogue.

`<data dir>/keys/` holds a real site's keys (`kiosk-hub keygen`); without them the hub runs
on the public demo keys shipped in `hub/demo_keys/`, and says so everywhere.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from offline_cache.envelope import load_private_key, private_pem, public_pem

SEAL_PRIVATE = "hub-x25519-private.pem"
SEAL_PUBLIC = "hub-x25519-public.pem"
SIGN_PRIVATE = "catalog-ed25519-private.pem"
SIGN_PUBLIC = "catalog-ed25519-public.pem"


def demo_keys_dir() -> Path:
    return Path(__file__).resolve().parent / "demo_keys"


@dataclass(frozen=True, slots=True)
class HubKeys:
    seal_private: X25519PrivateKey
    sign_private: Ed25519PrivateKey
    folder: Path
    is_demo: bool


def load_keys(folder: Path) -> HubKeys:
    """Keys from `folder` if it holds them, else the demo keys (flagged `is_demo`)."""
    chosen = folder if (folder / SEAL_PRIVATE).exists() else demo_keys_dir()
    seal = load_private_key((chosen / SEAL_PRIVATE).read_bytes())
    sign = serialization.load_pem_private_key((chosen / SIGN_PRIVATE).read_bytes(), None)
    if not isinstance(sign, Ed25519PrivateKey):
        raise ValueError(f"{chosen / SIGN_PRIVATE}: expected an Ed25519 private key")
    return HubKeys(seal, sign, chosen, is_demo=chosen.resolve() == demo_keys_dir().resolve())


@lru_cache(maxsize=1)
def current_keys() -> HubKeys:
    """The keys of this hub process (settings.KEYS_DIR), loaded once."""
    from django.conf import settings

    return load_keys(Path(settings.KEYS_DIR))


def generate_keys(folder: Path) -> list[Path]:
    """Write a fresh pair of each kind; private files are readable by their owner only."""
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / SEAL_PRIVATE).exists():
        raise FileExistsError(f"{folder / SEAL_PRIVATE} exists; refusing to overwrite a key")
    seal, sign = X25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    files = {
        SEAL_PRIVATE: (private_pem(seal), 0o600),
        SEAL_PUBLIC: (public_pem(seal.public_key()), 0o644),
        SIGN_PRIVATE: (sign.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()), 0o600),
        SIGN_PUBLIC: (sign.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo), 0o644),
    }
    written = []
    for name, (data, mode) in files.items():
        path = folder / name
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        written.append(path)
    return written
