"""`/suivi/<uuid>?ref=<reference>`: a request's state, date, service and message, in the
request's language, and nothing personal.

No oracle: a malformed uuid, an unknown one and a reference that does not match all get the
same page with the same status, and the database is asked in every case, so neither the
words, the status nor the time tell them apart. Lookups are counted per client address in
the database cache (several hub processes share it).
"""

from __future__ import annotations

import hmac
import ipaddress
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation.trans_real import parse_accept_lang_header

from hub.catalog import catalogue
from hub.intake.models import Submission
from hub.tracking import texts
from offline_cache.protocol import normalize_reference, reference_for

LOOKUPS_PER_WINDOW = 30
WINDOW_SECONDS = 600


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.HUB_TRUSTED_PROXY)


def client_address(request: HttpRequest) -> str:
    """The address that counts for the rate limit.

    REMOTE_ADDR, unless it is a trusted reverse proxy (HUB_TRUSTED_PROXY): then the last hop
    of X-Forwarded-For that is not a trusted proxy, the one our proxy saw. Hops further left
    were written by the client and are never believed; without a trusted proxy the header is
    ignored, or anyone could give themselves a fresh count.
    """
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    if not _trusted(remote):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    for hop in reversed(hops):
        if not _trusted(hop):
            return hop[:64]
    return hops[0][:64] if hops else remote  # proxies all the way: the first one


def too_many_lookups(address: str, now: float | None = None) -> bool:
    """Counts this lookup; True past LOOKUPS_PER_WINDOW in the current fixed window."""
    window = int((time.time() if now is None else now) // WINDOW_SECONDS)
    key = f"tracking:lookups:{address}:{window}"
    count = (cache.get(key) or 0) + 1
    cache.set(key, count, WINDOW_SECONDS)
    return count > LOOKUPS_PER_WINDOW


def find_submission(token: str, typed_reference: str) -> Submission | None:
    """The submission if `token` is its uuid and `typed_reference` its reference, else None."""
    try:
        client_id = uuid.UUID(token)
    except ValueError:
        client_id = uuid.UUID(int=0)  # still ask the database: same work, same time
    submission = Submission.objects.filter(uuid=client_id).only(
        "uuid", "reference", "service", "language", "state", "state_changed_at",
        "citizen_message").first()
    typed = normalize_reference(typed_reference) or ""
    matches = hmac.compare_digest(typed.encode(), reference_for(client_id).encode())
    return submission if submission is not None and matches else None


def browser_language(request: HttpRequest) -> str:
    """The first of the phone's languages (Accept-Language, in its order) this page speaks.

    For a link that leads to no request, so no request's language to read. Not Django's
    get_language_from_request: it knows only settings.LANGUAGES, the staff pages' fr and en.
    """
    for code, _ in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code != "*" and texts.language(code) == code.split("-")[0]:
            return texts.language(code)
    return texts.FALLBACK


def _page(request: HttpRequest, template: str, context: dict, status: int = 200
          ) -> HttpResponse:
    lang = context["lang"]
    context["t"] = texts.TEXTS[lang]
    context["right_to_left"] = texts.right_to_left(lang)  # else the default, ltr
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"  # a shared computer keeps no copy
    response["Referrer-Policy"] = "no-referrer"  # the link is the key: never pass it on
    response["X-Robots-Tag"] = "noindex"
    response["Content-Language"] = lang
    return response


def follow(request: HttpRequest, token: str) -> HttpResponse:
    browser_lang = browser_language(request)
    if too_many_lookups(client_address(request)):
        response = _page(request, "tracking/not_found.html", {
            "lang": browser_lang, "heading": texts.text("throttled_heading", browser_lang),
            "paragraphs": [texts.text("throttled_body", browser_lang)]}, status=429)
        response["Retry-After"] = str(WINDOW_SECONDS)
        return response
    submission = find_submission(token, request.GET.get("ref", ""))
    if submission is None:
        return _page(request, "tracking/not_found.html", {
            "lang": browser_lang, "heading": texts.text("unknown_heading", browser_lang),
            "paragraphs": [texts.text("unknown_body", browser_lang),
                           texts.text("unknown_not_arrived", browser_lang)]}, status=404)
    lang = texts.language(submission.language)
    state = submission.request_state
    return _page(request, "tracking/follow.html", {
        "lang": lang,
        "reference": submission.reference,
        "heading": texts.text("heading", lang, reference=submission.reference),
        "state": state.value,
        "state_label": texts.state_label(state, lang),
        "explanation": texts.state_explanation(state, lang),
        "service": catalogue(lang).title(submission.service),
        "changed": texts.when(submission.state_changed_at, lang),
        "changed_at": submission.state_changed_at,
        "message": submission.citizen_message.strip(),
    })
