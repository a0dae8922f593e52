"""Pages over a region's history without counting it on every view.

Counting a million rows costs more than showing fifty of them: on PostgreSQL a `COUNT(*)` of
the whole table takes a few hundred milliseconds at 1,000,000 requests, and a list page paid
it once per tab. So counts stop at COUNT_CAP ("plus de 1 000"), read from an index in a few
milliseconds whatever the table's size, and pages past that are numbered without a last one.
The admin, whose paging needs a total, reads PostgreSQL's own estimate of a large count.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet

COUNT_CAP = 1000


def capped_count(rows: QuerySet, cap: int = COUNT_CAP) -> int:
    """The number of rows, up to `cap + 1` (more than `cap` means "more than `cap`")."""
    return rows.order_by()[:cap + 1].count()


def count_words(count: int, cap: int = COUNT_CAP) -> str:
    """"3", or "plus de 1 000" past the cap."""
    return f"plus de {cap:,}".replace(",", "\u202f") if count > cap else str(count)


@dataclass(frozen=True, slots=True)
class CappedPage:
    """One page of rows; `num_pages` is None when the count passed the cap."""

    object_list: list
    number: int
    count: int  # capped: COUNT_CAP + 1 means "more"
    num_pages: int | None
    has_next: bool

    @property
    def over_cap(self) -> bool:
        return self.num_pages is None

    @property
    def count_words(self) -> str:
        return count_words(self.count)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def _page_number(text: object) -> int:
    try:
        return max(1, int(str(text)))
    except ValueError:
        return 1


def capped_page(rows: QuerySet, page: object, per_page: int) -> CappedPage:
    """Page `page` of ordered `rows`: as Django's Paginator.get_page under the cap (a number
    past the end shows the last page), numbered without an end past it."""
    count = capped_count(rows)
    number = _page_number(page)
    if count <= COUNT_CAP:
        num_pages = max(1, math.ceil(count / per_page))
        number = min(number, num_pages)
    else:
        num_pages = None
    start = (number - 1) * per_page
    found = list(rows[start:start + per_page + 1])
    return CappedPage(found[:per_page], number, count, num_pages, len(found) > per_page)


def estimated_count(rows: QuerySet) -> int | None:
    """PostgreSQL's planner estimate of len(rows) (no scan); None on another engine."""
    if connection.vendor != "postgresql":
        return None
    plan = json.loads(rows.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """Exact counts up to COUNT_CAP; above, PostgreSQL's estimate (the admin's large lists:
    their page count is then approximate, and the last pages may be short or empty)."""

    @cached_property
    def count(self) -> int:
        exact = capped_count(self.object_list)
        if exact <= COUNT_CAP:
            return exact
        estimate = estimated_count(self.object_list)
        return max(estimate, exact) if estimate is not None else self.object_list.count()
