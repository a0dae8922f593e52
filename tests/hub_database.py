"""Which database a hub process started by a test works on (`kiosk-hub serve`, `list`, `init`...).

On SQLite the database is `hub.sqlite3` inside the hub's data folder, so a test's folder is
its database. On the PostgreSQL pass (tests/hub/postgres_pass.py exports HUB_DATABASE_URL)
each data folder gets a database of its own on that cluster, made at first use: a served hub
and the CLI on the same folder then share it, as they share hub.sqlite3, and two folders never
see each other's rows. tests/hub/conftest.py drops them after each test. They are copies of
HUB_TEST_DATABASE_TEMPLATE when the pass names one (a database the hub's own `migrate` brought
to the current schema once): a copy takes a tenth of a second where migrating an empty
database takes seconds, and each test starts from what a first start would have made.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

URL_VARIABLE = "HUB_DATABASE_URL"
TEMPLATE_VARIABLE = "HUB_TEST_DATABASE_TEMPLATE"
_made: set[str] = set()


def base_url() -> str:
    """The PostgreSQL cluster of this pass; empty on SQLite."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    return url if url.startswith(("postgres://", "postgresql://")) else ""


def _with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def url_for(data_dir: Path) -> str:
    """The database URL of a hub on `data_dir` (made now if new); empty on SQLite."""
    base = base_url()
    if not base:
        return ""
    digest = hashlib.sha1(str(Path(data_dir).resolve()).encode()).hexdigest()[:20]
    name = f"hub_{digest}"
    if name not in _made:
        import psycopg
        from psycopg import errors, sql

        with psycopg.connect(base, autocommit=True) as admin, \
                contextlib.suppress(errors.DuplicateDatabase):
            template = os.environ.get(TEMPLATE_VARIABLE, "template1")
            admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)))
        _made.add(name)
    return _with_database(base, name)


def env_for(data_dir: Path) -> dict[str, str]:
    """What to add to a hub process's environment for `data_dir` (nothing on SQLite)."""
    url = url_for(data_dir)
    return {URL_VARIABLE: url} if url else {}


def cli_env(arguments: tuple[str, ...] | list[str],
            extra: dict[str, str] | None = None) -> dict[str, str]:
    """The whole environment for `python -m hub ARGUMENTS`: the database of the folder its
    `--data-dir` names (none named: HUB_DATA_DIR's, the pass's own), then `extra`."""
    arguments = list(arguments)
    named = arguments[arguments.index("--data-dir") + 1] if "--data-dir" in arguments else ""
    return {**os.environ, **(env_for(Path(named)) if named else {}), **(extra or {})}


def drop_made() -> None:
    """Drop the databases made since the last call (a hub still connected is cut off)."""
    if not _made:
        return
    import psycopg
    from psycopg import sql

    with psycopg.connect(base_url(), autocommit=True) as admin:
        for name in sorted(_made):
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
    _made.clear()
