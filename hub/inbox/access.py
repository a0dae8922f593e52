"""Who may see what: an agent sees the requests routed to their services, a superuser all.

Every page of the inbox goes through `agent_required` (signed in, and past the second factor
when the agent has one) and reads requests only through `visible_submissions`, so a request of
another service is exactly as invisible as one that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django_otp import user_has_device

from hub.inbox.models import Service
from hub.intake.models import Submission

# Set at sign-in, removed at sign-out: an anonymous visit that carries it had a session that
# expired, and is told so (the session itself is gone by then).
SIGNED_IN_COOKIE = "hub_signed_in"
SESSION_EXPIRED = ("Votre session a expiré (8 heures au plus). Reconnectez-vous : "
                   "rien n'a été modifié.")


def services_for(user) -> QuerySet[Service]:
    """The services whose requests `user` may read (all of them for a superuser)."""
    if user.is_superuser:
        return Service.objects.all()
    return Service.objects.filter(agents=user)


def visible_submissions(user) -> QuerySet[Submission]:
    """Requests `user` may see; the sealed payload is left out (list pages never need it)."""
    rows = Submission.objects.defer("payload")
    if user.is_superuser:
        return rows
    return rows.filter(routing__in=Service.objects.filter(agents=user).values("routing"))


def needs_second_factor(request: HttpRequest) -> bool:
    """Signed in with a password only, while the account has a confirmed TOTP device."""
    user = request.user
    # Right after auth.login() request.user is the bare User, without OTPMiddleware's
    # is_verified: a password alone is not verified.
    verified = user.is_verified() if hasattr(user, "is_verified") else False
    return user.is_authenticated and not verified and user_has_device(user, confirmed=True)


def in_french(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Back-office pages are in French whatever the browser asks (Django's own texts too)."""

    @wraps(view)
    def french(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with translation.override("fr"):
            return view(request, *args, **kwargs)

    return french


def agent_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in and verified; otherwise back to the sign-in page, saying why."""

    @wraps(view)
    @in_french
    def guarded(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.is_authenticated:
            if request.COOKIES.get(SIGNED_IN_COOKIE):
                messages.warning(request, SESSION_EXPIRED)
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if needs_second_factor(request):
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        return view(request, *args, **kwargs)

    return guarded


def not_found(request: HttpRequest) -> HttpResponse:
    """The same kind page for an unknown request and for another service's request."""
    return render(request, "inbox/not_found.html", status=404)
