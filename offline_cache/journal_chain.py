"""A hash chain over JSON records: each record's hash covers the one before it.

One definition for both ends: the writer appends records chained this way, and whoever holds
a copy (the writer itself, a server that received them) re-walks the chain the same way.

Hash of record n = SHA-256(hash of record n-1 + canonical JSON of record n without "hash").
Record 1 chains to GENESIS. Each record carries `seq` (1, 2, 3...), `prev` and `hash`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    """The one serialisation that is hashed and written: sorted keys, no spaces, ASCII."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)


def entry_hash(previous: str, body: dict[str, Any]) -> str:
    return hashlib.sha256((previous + canonical(body)).encode("ascii")).hexdigest()


def check_entry(entry: Any, previous: str, seq: int) -> str | None:
    """Why `entry` is not record `seq` chained to `previous`, or None when it is."""
    if not isinstance(entry, dict):
        return "not a record"
    if entry.get("seq") != seq:
        return (f"sequence number {entry.get('seq')!r} where {seq} was expected "
                "(a record was removed or moved)")
    if entry.get("prev") != previous:
        return "does not chain to the record before it"
    body = {key: value for key, value in entry.items() if key != "hash"}
    try:
        expected = entry_hash(previous, body)
    except (TypeError, ValueError):
        return "holds a value that cannot be hashed"
    if entry.get("hash") != expected:
        return "its content does not match its hash: the record was altered"
    return None


class ChainProblem:
    """What `verify_chain` found wrong first (codes, for the caller to word)."""

    MISSING = "missing"  # no record with the expected sequence number
    ALTERED = "altered"  # a record is there but does not verify


@dataclass(frozen=True, slots=True)
class ChainCheck:
    ok: bool
    records: int  # records verified before the first problem (all of them when ok)
    first_bad_seq: int | None
    problem: str | None  # ChainProblem.MISSING or ChainProblem.ALTERED
    reason: str  # in English, for logs


def verify_chain(records: Iterable[dict[str, Any]]) -> ChainCheck:
    """Walk `records` (in any order, each with its `seq`) from seq 1; stop at the first gap
    or altered record."""
    by_seq: dict[int, dict[str, Any]] = {}
    for record in records:
        seq = record.get("seq") if isinstance(record, dict) else None
        if isinstance(seq, int):
            by_seq.setdefault(seq, record)
    previous, count = GENESIS, 0
    for seq in range(1, (max(by_seq) if by_seq else 0) + 1):
        if seq not in by_seq:
            return ChainCheck(False, count, seq, ChainProblem.MISSING, f"record {seq} is missing")
        problem = check_entry(by_seq[seq], previous, seq)
        if problem:
            return ChainCheck(False, count, seq, ChainProblem.ALTERED, f"record {seq}: {problem}")
        previous = by_seq[seq]["hash"]
        count += 1
    return ChainCheck(True, count, None, None, f"{count} records, chain intact")
