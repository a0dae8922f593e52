"""The hub's two private keys, and the committed demo pair.

- an X25519 key: kiosks seal each submission for its public half; only the hub can open them;
- an Ed25519 key: the hub signs the catalogue with it; kiosks check the signature.

`kiosk hub keygen DIR` makes a real pair for a site. Without keys in its data folder the hub
falls back to the DEMO keys committed under `assets/demo-keys/`: anyone can read data sealed
with those, so the hub and the kiosk both say so loudly (`HubKeys.is_demo`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.paths import assets_dir
from offline_cache.envelope import load_private_key, private_pem, public_pem

SEAL_PRIVATE = "hub-x25519-private.pem"
SEAL_PUBLIC = "hub-x25519-public.pem"
SIGN_PRIVATE = "catalog-ed25519-private.pem"
SIGN_PUBLIC = "catalog-ed25519-public.pem"


def demo_keys_dir() -> Path:
    return assets_dir() / "demo-keys"


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
