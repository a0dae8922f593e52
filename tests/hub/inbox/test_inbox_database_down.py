"""The database does not answer: pages say so plainly (503), nothing else is attempted."""

from __future__ import annotations

from django.db import OperationalError, connection


def _database_gone(execute, sql, params, many, context):
    # A stand-in for an unreachable database server, which a test cannot cause for real on
    # the shared in-memory test database: every query fails as PostgreSQL's or SQLite's
    # driver fails when the server or the file is gone.
    raise OperationalError("could not connect to server: Connection refused")


def test_a_page_says_plainly_that_the_database_does_not_answer(civil_agent, signed_in):
    client = signed_in(civil_agent)
    with connection.execute_wrapper(_database_gone):
        response = client.get("/demandes/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    page = response.content.decode()
    assert "La base de données du hub ne répond pas" in page
    assert "Traceback" not in page
    assert client.get("/demandes/").status_code == 200  # back by itself, still signed in
