"""Local storage and sync: an outbox of opaque items with idempotency keys, a sync engine.

A small generic library: it knows nothing of kiosks, screens or Qt.
"""
