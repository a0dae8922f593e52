"""`kiosk simulate --requests N [--service ID]`: synthetic citizens, queued like real ones.

Each request walks the real form engine (kiosk.forms.engine) with fake but valid answers, is
reviewed, consented and submitted to the real encrypted outbox. For demos, soak tests and
sizing a site: `--sync` then sends the queue to the hub and prints what went over the wire.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from kiosk.config import load_config

SURNAMES = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "Bonnet")
FIRST_NAMES = ("Jeanne", "Marie", "Yvette", "Paulette", "Jean", "Michel", "André", "Pierre",
               "Monique", "Josiane", "Lucien", "Gérard", "Fatima", "Mohamed", "Nadia", "Hélène")
STREETS = ("rue de la Mairie", "route de Périgueux", "impasse des Lilas", "place de l'Église",
           "chemin du Moulin", "avenue de la Gare")


def register(subparsers, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "simulate", parents=[common], help="queue N synthetic citizen requests",
        description="Drive N synthetic citizens through the form engine, without a screen, "
                    "and queue their requests in the encrypted outbox like real ones.",
    )
    parser.add_argument("--requests", type=int, required=True, metavar="N")
    parser.add_argument("--service", metavar="ID", help="only this service (default: all "
                        "services with a form, in turn)")
    parser.add_argument("--seed", type=int, help="random seed, for a repeatable run")
    parser.add_argument("--sync", action="store_true", help="then sync to the hub and report")
    parser.set_defaults(handler=handle)


def _nir(rng: random.Random) -> str:
    body = f"{rng.choice('12')}{rng.randint(30, 99):02d}{rng.randint(1, 12):02d}75" \
           f"{rng.randint(101, 120):03d}{rng.randint(1, 999):03d}"
    return f"{body}{97 - int(body) % 97:02d}"


def fake_answers(kind: str, choices: list[str], rng: random.Random) -> list[object]:
    """Candidate raw answers for one question, most likely accepted first."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    table: dict[str, list[object]] = {
        "name": [last if rng.random() < 0.5 else first],
        "text": [f"{rng.randint(1, 80)} {rng.choice(STREETS)}"],
        "description": [f"Lampadaire éteint depuis {rng.randint(2, 9)} jours devant le "
                        f"{rng.randint(1, 80)} {rng.choice(STREETS)}."],
        "date_of_birth": [f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                          f"{rng.randint(1932, 2004)}"],
        "yes_no": [rng.choice(["oui", "non"])],
        "single_choice": [rng.choice(choices)] if choices else [],
        "multiple_choice": [[rng.choice(choices)]] if choices else [],
        "number": [str(rng.randint(1, 5)), "1", "0"],
        "phone": [f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                  f"{rng.randint(10, 99)}", "06 12 34 56 78", "05 53 12 34 56"],
        "email": [f"{first.lower()}.{last.lower()}@example.org".encode("ascii", "ignore")
                  .decode(), "contact@example.org"],
        "postal_code": [{"postal_code": "75001"}, "75001"],
        "nir": [_nir(rng)],
        "iban": ["FR7630006000011234567890189"],
    }
    return table.get(kind, ["test"])


def fill_and_submit(service, outbox, rng: random.Random):
    """One synthetic citizen: answer every question, review, consent, submit."""
    from kiosk.forms.engine import FormEngine, Phase

    engine = FormEngine(service, outbox, lang=rng.choice(["fr", "fr", "fr", "en"]))
    while engine.phase is Phase.QUESTION:
        step = engine.current_step
        candidates = fake_answers(step.kind, [c.value for c in step.choices], rng)
        if not any(engine.answer(raw) is None for raw in candidates):
            raise RuntimeError(f"no fake answer accepted for {service.id}/{step.id} "
                               f"({step.kind})")
    engine.confirm_review()
    engine.give_consent()
    return engine.submit()


def handle(args: argparse.Namespace) -> int:
    from kiosk.catalog.loader import load_catalog
    from kiosk.outbox_service import OutboxService
    from offline_cache.store import StoreError

    config = load_config(args.config)
    services = [s for s in load_catalog().services if s.steps]
    if args.service:
        services = [s for s in services if s.id == args.service]
        if not services:
            print(f"no service {args.service!r} with a form in the catalogue", file=sys.stderr)
            return 2
    rng = random.Random(args.seed)
    try:
        service = OutboxService.from_config(config)
    except StoreError as error:  # the kiosk runs (writer lock), or the file is damaged
        print(f"{error}. Stop the kiosk first; `kiosk outbox status` says more.",
              file=sys.stderr)
        return 1
    try:
        started = time.monotonic()
        for number in range(args.requests):
            fill_and_submit(services[number % len(services)], service, rng)
        elapsed = time.monotonic() - started
        print(f"{args.requests} request(s) queued in {elapsed:.2f} s "
              f"({', '.join(s.id for s in services)})")
        if args.sync:
            report = service.sync_now()
            per_item = report.bytes_sent / report.sent if report.sent else 0
            print(f"sync: sent {report.sent}, held {report.held}, {report.requests} "
                  f"request(s), {report.bytes_sent} bytes uploaded ({per_item:.0f} per request)")
            if report.failure is not None:
                print(f"sync stopped: {service.status().last_error}", file=sys.stderr)
                return 1
        return 0
    finally:
        service.close()
