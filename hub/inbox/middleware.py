"""A page that says the database does not answer, instead of a server error, for every page
of the back office and the tracking page (protocol v1 under /v1/ answers for itself)."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)
PROTOCOL_PREFIX = "/v1/"
DATABASE_DOWN = (OperationalError, InterfaceError)  # not IntegrityError: that one is a bug


class DatabaseDownMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, error: Exception) -> HttpResponse | None:
        if request.path.startswith(PROTOCOL_PREFIX) or not isinstance(error, DATABASE_DOWN):
            return None
        log.error("database unreachable while serving %s: %s", request.path, error)
        # Rendered without the request: the page must not touch the database again (no user).
        response = HttpResponse(render_to_string("hub/database_down.html"), status=503)
        response["Retry-After"] = "60"
        return response
