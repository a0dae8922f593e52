"""The database is unreachable: say so instead of a server error.

Kiosks get a 503 JSON answer with Retry-After (protocol v1: they keep the request and retry);
people get a plain French page. The hub itself stays up and recovers by itself when the
database comes back (Django opens a new connection on the next request).
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse

log = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = "30"
PAGE = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Service indisponible</title></head>
<body><main><h1>Le service est momentanément indisponible</h1>
<p>La base de données ne répond pas. Rien n'est perdu.</p>
<p>Réessayez dans quelques minutes. Si cela dure, prévenez le service informatique.</p>
</main></body></html>"""


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
            response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
