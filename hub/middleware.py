"""The database is unreachable: say so instead of a server error.

Kiosks get a 503 JSON answer with Retry-After (protocol v1: they keep the request and retry);
people get a plain French page. The hub itself stays up and recovers by itself when the
database comes back (Django opens a new connection on the next request).
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = "30"


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable for %s: %s", request.path, exception)
        if request.path.startswith("/v1/"):
            response: HttpResponse = JsonResponse(
                {"error": "database unavailable, retry later"}, status=503)
        else:
            # Rendered without the request: the page must not touch the database again.
            response = HttpResponse(render_to_string("hub/database_down.html"), status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
