"""Local storage and sync: an outbox of opaque items with idempotency keys, a sync engine.

A small generic library: it knows nothing of kiosks, screens or Qt.

- `envelope`: seal bytes for a recipient's X25519 public key (the sender cannot read them back);
- `store`: one SQLite file with one writer, WAL, integrity check and quarantine;
- `outbox`: the durable queue (`pending -> sending -> sent | held`);
- `transport`: protocol v1 over one `requests.Session`, with deadlines;
- `sync`: the background engine (batches, backoff, connectivity probe, status);
- `content_cache`: signed documents fetched with ETag and swapped atomically.
"""
