"""The hub's tests: on the PostgreSQL pass, the databases made for the hub processes a test
started (tests/hub_database.py) are dropped when it ends; on SQLite there is nothing to do."""

import hub_database
import pytest


@pytest.fixture(autouse=True)
def _drop_hub_process_databases():
    yield
    hub_database.drop_made()
