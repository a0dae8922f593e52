"""Sealed envelopes: encrypt for a recipient's public key so the sender cannot read it back.

Why: a kiosk disk may be stolen. Each item is sealed with the hub's X25519 public key before it
is written, so the kiosk holds only ciphertext it has no key for (as ODK Collect does with RSA).

Format, version 1 (49 bytes of overhead, which matters on a 64 kbit/s link):

    0x01 | ephemeral X25519 public key (32 bytes) | AES-256-GCM ciphertext + tag (16 bytes)

The AES key is HKDF-SHA256 of the X25519 shared secret, salted with both public keys and bound
to `context` (the item's UUID); it is fresh per item and used once, so the GCM nonce is a fixed
zero block. `context` is also the GCM associated data: a ciphertext moved to another UUID fails.
The plaintext is zlib-compressed first: ciphertext does not compress, plaintext does.
"""

from __future__ import annotations

import zlib

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw
_NONCE = bytes(12)  # safe: every key is derived fresh for one message
_INFO = b"borne-outbox-envelope-v1|"
MAX_PLAINTEXT = 8 * 1024 * 1024  # refuse to inflate more than this when opening


class EnvelopeError(Exception):
    """The envelope cannot be opened: wrong key, wrong context, damaged or unknown format."""


def _derive(shared: bytes, eph_pub: bytes, recipient_pub: bytes, context: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub,
        info=_INFO + context,
    ).derive(shared)


def seal(recipient: X25519PublicKey, plaintext: bytes, context: bytes) -> bytes:
    """Encrypt `plaintext` so that only the holder of the recipient's private key can read it."""
    ephemeral = X25519PrivateKey.generate()
    eph_pub = ephemeral.public_key().public_bytes(*_RAW)
    key = _derive(ephemeral.exchange(recipient), eph_pub, recipient.public_bytes(*_RAW), context)
    body = AESGCM(key).encrypt(_NONCE, zlib.compress(plaintext, 9), context)
    return bytes([VERSION]) + eph_pub + body


def open_sealed(private: X25519PrivateKey, blob: bytes, context: bytes) -> bytes:
    """Decrypt an envelope made by `seal` for this private key and the same context."""
    if len(blob) < 1 + 32 + 16 or blob[0] != VERSION:
        raise EnvelopeError("not a version-1 envelope")
    eph_pub = blob[1:33]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        my_pub = private.public_key().public_bytes(*_RAW)
        compressed = AESGCM(_derive(shared, eph_pub, my_pub, context)).decrypt(
            _NONCE, blob[33:], context
        )
    except (InvalidTag, ValueError) as error:
        raise EnvelopeError("the envelope does not open with this key and context") from error
    inflater = zlib.decompressobj()
    plaintext = inflater.decompress(compressed, MAX_PLAINTEXT)
    if inflater.unconsumed_tail:
        raise EnvelopeError("the sealed content is larger than allowed")
    return plaintext


def load_public_key(pem: bytes) -> X25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, X25519PublicKey):
        raise EnvelopeError("expected an X25519 public key in PEM form")
    return key


def load_private_key(pem: bytes) -> X25519PrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, X25519PrivateKey):
        raise EnvelopeError("expected an X25519 private key in PEM form")
    return key


def public_pem(key: X25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def private_pem(key: X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
