"""One Service row for every `routing` of the catalogue, so a fresh hub lists them to staff.

Run after every `migrate` (post_migrate) and callable from elsewhere (a catalogue update).
Existing rows are never renamed: the IT officer's names and mailboxes stay.
"""

from __future__ import annotations

from collections import Counter

from hub.catalog import catalogue
from hub.inbox.models import Service


def service_names() -> dict[str, str]:
    """routing -> a readable default name: the operator, with the procedures when several
    routings share one operator (e.g. "Commune — Copie de mon acte de naissance")."""
    found: dict[str, tuple[str, list[str]]] = {}
    for info in catalogue().services.values():
        found.setdefault(info.routing, (info.operator or info.routing, []))[1].append(info.title)
    per_operator = Counter(operator for operator, _ in found.values())
    return {routing: operator if per_operator[operator] == 1
            else f"{operator} — {', '.join(titles)}"[:200]
            for routing, (operator, titles) in found.items()}


def ensure_services() -> list[Service]:
    """Create the missing services; returns those created."""
    existing = set(Service.objects.values_list("routing", flat=True))
    created = [Service(routing=routing, name=name)
               for routing, name in service_names().items() if routing not in existing]
    Service.objects.bulk_create(created, ignore_conflicts=True)
    return created


def ensure_services_after_migrate(sender, **kwargs) -> None:
    """post_migrate receiver: only once the inbox tables exist."""
    if sender.label == "inbox":
        ensure_services()
