"""The hub's tests on either database. On the PostgreSQL pass (tests/hub/postgres_pass.py):
pytest-django's test database starts as a copy of the pass's migrated template (Django's
migrate then finds nothing to do, where migrating an empty database takes many seconds), and
the databases made for the hub processes a test started (tests/hub_database.py) are dropped
when it ends. On SQLite neither applies."""

import os

import hub_database
import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    template = os.environ.get(hub_database.TEMPLATE_VARIABLE)
    if hub_database.base_url() and template:
        from django.conf import settings

        settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = template


@pytest.fixture(autouse=True)
def _drop_hub_process_databases():
    yield
    hub_database.drop_made()
