"""CSV export of one service's requests for a period, for its agents, access-logged.

Semicolon-separated UTF-8 with a BOM: French Excel opens it as columns, accents intact.
Cells a spreadsheet would run as a formula (=, +, -, @ first) are quoted with an apostrophe.
"""

from __future__ import annotations

import csv
import io

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from hub.catalog import catalogue
from hub.inbox.access import agent_required, services_for, visible_submissions
from hub.inbox.forms import ExportForm
from hub.inbox.models import AccessLog
from hub.inbox.workflow import log_access
from hub.intake.content import ContentUnavailable, open_content
from hub.intake.models import Submission

FIXED_COLUMNS = ["Référence", "Démarche", "Reçue le", "État", "Clôturée le", "Borne", "Site"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@never_cache
@agent_required
def export_csv(request: HttpRequest) -> HttpResponse:
    services = list(services_for(request.user))
    form = ExportForm(request.GET or None, services)
    if not form.is_valid():
        return render(request, "inbox/export.html", {"form": form},
                      status=400 if form.is_bound else 200)
    routing = form.cleaned_data["service"]
    rows = list(visible_submissions(request.user).defer(None).select_related("kiosk")
                .filter(routing=routing, **form.period_filter()).order_by("received_at"))
    body = _csv(rows)
    log_access(request.user, rows, AccessLog.Action.EXPORT,
               detail=f"{routing} du {form.cleaned_data['du']} au {form.cleaned_data['au']}")
    name = f"demandes-{routing}-{form.cleaned_data['du']}-{form.cleaned_data['au']}.csv"
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _csv(rows: list[Submission]) -> bytes:
    titles = catalogue()
    records, labels = [], {}
    for submission in rows:
        try:
            pairs = titles.answers(submission.service, open_content(submission).get("answers"))
        except ContentUnavailable:
            pairs = [("Contenu", "indisponible (supprimé ou illisible)")]
        labels.update(dict.fromkeys(label for label, _ in pairs))
        records.append((submission, dict(pairs)))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([*FIXED_COLUMNS, *labels])
    for submission, answers in records:
        writer.writerow([_safe(cell) for cell in (
            submission.reference, titles.title(submission.service),
            _local(submission.received_at), submission.state_label,
            _local(submission.closed_at), submission.kiosk.kiosk_id, submission.kiosk.site,
            *(answers.get(label, "") for label in labels))])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M") if moment else ""


def _safe(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
