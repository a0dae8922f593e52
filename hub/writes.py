"""One writer at a time on SQLite, queued in this process rather than in SQLite's busy handler.

With several waitress threads, SQLite makes a second writer wait in `busy_timeout` sleeps that
grow to 100 ms: measured, 20 kiosks at once stored six times fewer requests per second than
one lock taken before the transaction (benchmarks/hub_bench.py). PostgreSQL handles
concurrent writers itself: there, no lock. Several hub processes on one SQLite file still
work (the busy timeout remains), only slower: production with several processes uses
PostgreSQL.
"""

from __future__ import annotations

import threading
from contextlib import AbstractContextManager, nullcontext

from django.db import connection

_SQLITE_WRITER = threading.Lock()


def writer() -> AbstractContextManager:
    """Enter before opening a writing transaction."""
    return _SQLITE_WRITER if connection.vendor == "sqlite" else nullcontext()
