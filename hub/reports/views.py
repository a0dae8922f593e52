"""`/rapports/?mois=AAAA-MM`: the month's anonymous activity, on a page and as CSV.

Administrators see every service; an agent sees the services they belong to, nothing else.
"""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.inbox.models import Service
from hub.reports.figures import (
    SERVICES,
    SITES,
    BadMonth,
    Month,
    by_service,
    by_site,
    detail_rows,
    total,
)

CSV_HEADER = ["Mois", "Site", "Démarche", "Thème", "Opérateur", "Service destinataire",
              "Reçues", "Traitées", "Refusées", "Ouvertes en fin de mois",
              "Avec un médiateur"]


def _scope(user) -> list[str] | None:
    """None: every service (administrators); else the agent's routings."""
    if user.is_staff:
        return None
    routings = list(Service.objects.filter(agents=user).values_list("routing", flat=True))
    if not routings:
        raise PermissionDenied("Votre compte n'est rattaché à aucun service.")
    return routings


def _month(request) -> Month:
    text = request.GET.get("mois", "")
    return Month.parse(text) if text else Month.previous(timezone.now())


@login_required
@require_GET
def monthly(request):
    try:
        month = _month(request)
    except BadMonth as error:
        return render(request, "reports/monthly.html",
                      {"error": str(error), "mois": request.GET.get("mois", "")[:20]},
                      status=400)
    routings = _scope(request.user)
    services = by_service(detail_rows(month, routings, by=SERVICES))
    sites = by_site(detail_rows(month, routings, by=SITES))
    names = (None if routings is None else
             list(Service.objects.filter(routing__in=routings).values_list("name", flat=True)))
    return render(request, "reports/monthly.html", {
        "month": month, "mois": str(month), "services": services,
        "sites": sites, "total": total(services), "scope": names,
        "start": month.start(), "previous": month.before(), "next": month.next(),
    })


@login_required
@require_GET
def monthly_csv(request):
    try:
        month = _month(request)
    except BadMonth as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in detail_rows(month, _scope(request.user)):
        c = row.counts
        writer.writerow([str(month), row.site, row.label, row.theme, row.operator, row.routing,
                         c.received, c.done, c.refused, c.open, c.assisted])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="activite-{month}.csv"'
    return response
