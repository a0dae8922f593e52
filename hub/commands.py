"""What `kiosk-hub` does once Django is set up: list, import, takeover, backup, tokens, manage.

Tokens never travel on a command line (shell history, `ps`): `token create` prints the new
one once, or writes it to a file only its owner can read.
"""

from __future__ import annotations

import json
import os
from argparse import Namespace
from pathlib import Path

from django.core.management import execute_from_command_line
from django.db import DatabaseError
from django.utils import timezone

from hub.fleet.models import Kiosk, KioskToken
from hub.intake.content import ContentUnavailable, open_content
from hub.intake.importer import ExportFileError, import_exports
from hub.intake.models import Submission
from hub.intake.takeover import TakeoverError, take_over


class CommandError(Exception):
    """One line naming the thing and what to do."""


def manage(arguments: list[str]) -> int:
    try:
        execute_from_command_line(["kiosk-hub manage", *arguments])
    except DatabaseError as error:
        raise CommandError(f"the database refused: {' '.join(str(error).split())}") from None
    return 0


def _record(row: Submission, content: bool) -> dict:
    record = {"uuid": str(row.uuid), "reference": row.reference,
              "kiosk_id": row.kiosk.kiosk_id, "service": row.service, "routing": row.routing,
              "language": row.language, "assisted": row.assisted,
              "created_at": row.created_at.isoformat(),
              "received_at": row.received_at.isoformat(), "source": row.source,
              "state": row.state}
    if content:
        try:
            record["content"] = open_content(row)
        except ContentUnavailable as why:
            record["content_unavailable"] = str(why)
    return record


def list_requests(limit: int, as_json: bool, content: bool) -> int:
    rows = Submission.objects.select_related("kiosk").order_by("-received_at", "-pk")[:limit]
    records = [_record(row, content) for row in rows]
    if as_json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    print(f"{Submission.objects.count()} request(s) received; newest first")
    for r in records:
        print(f"{r['received_at'][:19]}  {r['reference']}  {r['uuid']}  {r['kiosk_id']:<16} "
              f"{r['service']:<28} {r['routing']}  {r['state']}  ({r['source']})")
        if content:
            print("    " + json.dumps(r.get("content", r.get("content_unavailable")),
                                      ensure_ascii=False))
    return 0


def import_path(path: Path) -> int:
    try:
        totals = import_exports(path)
    except ExportFileError as error:
        raise CommandError(str(error)) from None
    print(", ".join(f"{status} {n}" for status, n in sorted(totals.items()))
          or "nothing to import")
    return 0


def takeover(path: Path | None) -> int:
    from django.conf import settings

    path = path or Path(settings.DATA_DIR) / "hub.sqlite3"
    if path.is_dir():
        path = path / "hub.sqlite3"
    if not path.is_file():
        raise CommandError(f"{path}: no such file; give the old hub's hub.sqlite3 "
                           "or the folder holding it")
    try:
        counts = take_over(path)
    except TakeoverError as error:
        raise CommandError(str(error)) from None
    print(counts.summary())
    return 0


def backup(dest: Path) -> int:
    from django.conf import settings

    from hub.backup import BackupError, back_up

    database = settings.DATABASES["default"]
    if "sqlite" not in database["ENGINE"]:
        raise CommandError("this hub's database is PostgreSQL (HUB_DATABASE_URL): back it up "
                           "with pg_dump -Fc, as docs/deployment.md says")
    source = Path(database["NAME"])
    try:
        done = back_up(source, dest)
    except BackupError as error:
        raise CommandError(str(error)) from None
    print(done.summary(source))
    return 0


def _write_secret(path: Path, text: str) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CommandError(f"{path} exists; refusing to overwrite it (remove it or give "
                           "another --to-file)") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot write there ({error.strerror})") from None
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text + "\n")


def token(action: str, args: Namespace) -> int:
    if action == "create":
        kiosk, _ = Kiosk.objects.get_or_create(kiosk_id=args.kiosk_id[:40])
        _row, clear = KioskToken.issue(kiosk, label=args.label)
        if args.to_file:
            _write_secret(args.to_file, clear)
            print(f"Token for {kiosk.kiosk_id} written to {args.to_file}; put it in the "
                  "kiosk's configuration (hub.token).")
        else:
            print(clear)
            print(f"Token for {kiosk.kiosk_id}: shown once, copy it to the kiosk's "
                  "configuration (hub.token) now.", flush=True)
        return 0
    if action == "revoke":
        tokens = KioskToken.objects.active().filter(kiosk__kiosk_id=args.kiosk_id)
        if args.label is not None:
            tokens = tokens.filter(label=args.label)
        revoked = tokens.update(revoked_at=timezone.now())
        if not revoked:
            raise CommandError(f"no active token for kiosk {args.kiosk_id}"
                               + (f" with label {args.label!r}" if args.label else ""))
        print(f"{revoked} token(s) of {args.kiosk_id} revoked")
        return 0
    for row in KioskToken.objects.select_related("kiosk").order_by("kiosk__kiosk_id", "pk"):
        state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
        used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never used"
        print(f"{row.kiosk.kiosk_id:<20} {row.label or '-':<24} {state:<18} {used}")
    return 0
