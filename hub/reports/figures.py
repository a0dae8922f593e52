"""The month's figures: counts only, grouped by service (with its theme and operator from the
catalogue) and by kiosk site; the same rows whether the content was deleted or not.

- received: requests made at a kiosk during the month (their `created_at`);
- done / refused: requests closed during the month in that state;
- open: requests made before the month's end and not closed by then;
- assisted: requests of the month made with a mediator.
Months are calendar months in the hub's time zone (Europe/Paris).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from hub.catalog import catalogue
from hub.intake.models import Submission
from offline_cache.protocol import RequestState

NO_SITE = "(site non renseigné)"


class BadMonth(ValueError):
    """The `mois` parameter is not a month; str() says what to type, in French."""


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
        if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
            raise BadMonth(f"« {text[:20]} » n'est pas un mois : écrivez-le AAAA-MM, "
                           "par exemple 2026-11.")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def previous(cls, now: datetime) -> Month:
        local = timezone.localtime(now)
        return cls(local.year, local.month).before()

    def before(self) -> Month:
        return Month(self.year - (self.month == 1), 12 if self.month == 1 else self.month - 1)

    def next(self) -> Month:
        return Month(self.year + (self.month == 12), 1 if self.month == 12 else self.month + 1)

    def start(self) -> datetime:
        return timezone.make_aware(datetime(self.year, self.month, 1))

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class Counts:
    received: int = 0
    done: int = 0
    refused: int = 0
    open: int = 0
    assisted: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a table: a service (with its theme and operator) or a site."""

    label: str
    theme: str
    operator: str
    routing: str
    site: str
    counts: Counts


DETAIL = ("service", "routing", "kiosk__site")
SERVICES = ("service", "routing")
SITES = ("kiosk__site",)


def detail_rows(month: Month, routings: Iterable[str] | None = None,
                by: tuple[str, ...] = DETAIL) -> list[Row]:
    """One row per (service, site) with any figure for the month: the CSV's lines.

    `by=SERVICES` or `by=SITES` groups in the database instead: a region's 2,800 sites times
    its services make tens of thousands of (service, site) rows, too many to merge in Python
    for a page that shows one table per service and one per site."""
    start, end = month.start(), month.next().start()
    made = Q(created_at__gte=start, created_at__lt=end)
    closed = Q(closed_at__gte=start, closed_at__lt=end)
    # Two plain conditions rather than one with an OR inside: each of the four reads an index
    # (intake's submission_made, _closed, _open_made), not the whole history.
    open_now = Q(created_at__lt=end, closed_at__isnull=True)
    closed_later = Q(created_at__lt=end, closed_at__gte=end)
    still_open = open_now | closed_later
    rows = Submission.objects.filter(made | closed | open_now | closed_later)
    if routings is not None:
        rows = rows.filter(routing__in=list(routings))
    grouped = rows.values(*by).annotate(
        received=Count("pk", filter=made),
        done=Count("pk", filter=closed & Q(state=RequestState.DONE.value)),
        refused=Count("pk", filter=closed & Q(state=RequestState.REFUSED.value)),
        open=Count("pk", filter=still_open),
        assisted=Count("pk", filter=made & Q(assisted=True)),
    ).order_by()
    book = catalogue()
    found = []
    for group in grouped:
        counts = Counts(group["received"], group["done"], group["refused"], group["open"],
                        group["assisted"])
        site = (group["kiosk__site"] or NO_SITE) if "kiosk__site" in by else ""
        if "service" not in by:
            found.append(Row("", "", "", "", site, counts))
            continue
        info = book.service(group["service"])
        found.append(Row(info.title if info else group["service"],
                         info.theme if info else "—", info.operator if info else "—",
                         group["routing"], site, counts))
    return sorted(found, key=lambda r: (r.theme, r.label, r.site))


def by_service(rows: list[Row]) -> list[Row]:
    return _merge(rows, lambda r: (r.theme, r.label, r.operator, r.routing), site="")


def by_site(rows: list[Row]) -> list[Row]:
    return _merge(rows, lambda r: (r.site,), label="", theme="", operator="", routing="")


def total(rows: list[Row]) -> Counts:
    return sum((row.counts for row in rows), Counts())


def _merge(rows: list[Row], key, **blank: str) -> list[Row]:
    merged: dict[tuple, Row] = {}
    for row in rows:
        k = key(row)
        base = merged.get(k)
        values = {f.name: getattr(row, f.name) for f in fields(Row)} | blank
        values["counts"] = row.counts + (base.counts if base else Counts())
        merged[k] = Row(**values)
    return sorted(merged.values(), key=key)
