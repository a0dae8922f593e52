"""Mediator tests: real SQLite files in tmp_path, a clock moved by hand, cheap scrypt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mediator_helpers import CHEAP_KDF, FakeClock

from kiosk.mediator.accounts import Accounts
from kiosk.mediator.auth import MediatorAuth
from kiosk.mediator.common import mediator_dir
from kiosk.mediator.journal import Journal
from kiosk.mediator.storage import open_store

KIOSK = Path(sys.executable).parent / "kiosk"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def journal(data_dir: Path, clock: FakeClock) -> Journal:
    return Journal(mediator_dir(data_dir), "borne-test-01", clock)


@pytest.fixture
def store(data_dir: Path):
    opened = open_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def accounts(store, journal: Journal, clock: FakeClock) -> Accounts:
    return Accounts(store, journal, clock, kdf=CHEAP_KDF)


@pytest.fixture
def auth(accounts: Accounts, journal: Journal, clock: FakeClock) -> MediatorAuth:
    return MediatorAuth(accounts, journal, clock, max_attempts=5, base_lockout=30,
                        idle_lock_seconds=180)


@pytest.fixture
def waiting_list(store, journal, clock):
    from kiosk.mediator.tickets import WaitingList

    return WaitingList(store, journal, clock, prefix="A", counter_name="Guichet 2")


@pytest.fixture
def claire_session(accounts, auth):
    """Claire's account, unlocked: an open staff session."""
    accounts.add("Claire", "4826")
    return auth.unlock("Claire", "4826").session


@pytest.fixture
def kiosk(tmp_path: Path):
    """`kiosk mediator ...` run for real as a subprocess, on a temporary config."""
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([str(KIOSK), "mediator", *args, "--config", str(config)],
                              input=stdin, capture_output=True, text=True, timeout=60)

    run.data = tmp_path / "data"
    return run
