"""Another version of a request: the same UUID came again with other content.

The first content stays the request; each later one is a Conflict, named on the request's
page with its arrival time. An agent who may read the request may open one, and that
reading is written to the access log first, as an opening of the request is.
"""

from __future__ import annotations

import uuid as uuid_module

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from hub.catalog import catalogue
from hub.inbox.access import agent_required, not_found, visible_submissions
from hub.inbox.models import AccessLog
from hub.inbox.workflow import log_access
from hub.intake.content import ContentUnavailable, open_conflict
from hub.intake.models import Conflict


def conflicts_of(submission) -> list[Conflict]:
    """The other versions, oldest first, without their sealed content (the page's list)."""
    return list(submission.conflicts.defer("payload").order_by("received_at", "pk"))


@never_cache
@agent_required
def other_version(request: HttpRequest, uuid: uuid_module.UUID, pk: int) -> HttpResponse:
    submission = (visible_submissions(request.user).select_related("kiosk")
                  .filter(uuid=uuid).first())
    conflict = (Conflict.objects.select_related("submission").filter(pk=pk, submission=submission)
                .first() if submission is not None else None)
    if conflict is None:
        return not_found(request)
    titles = catalogue()
    context = {"submission": submission, "conflict": conflict,
               "title": titles.title(submission.service)}
    try:
        record = open_conflict(conflict)
    except ContentUnavailable as why:
        context["unavailable"] = str(why)
    else:
        arrived = timezone.localtime(conflict.received_at)
        log_access(request.user, [submission], AccessLog.Action.VIEW,
                   detail=f"autre version reçue le {arrived:%d/%m/%Y à %H:%M}")
        context["answers"] = titles.answers(submission.service, record.get("answers"))
    return render(request, "inbox/other_version.html", context)
