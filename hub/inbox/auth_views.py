"""Signing in (password, then the TOTP code when the agent enrolled one), signing out, enrolling
the second factor, and the page shown when a form's CSRF check fails."""

from __future__ import annotations

import base64
import io

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.inbox.access import SIGNED_IN_COOKIE, agent_required, in_french, needs_second_factor
from hub.inbox.forms import SecondFactorForm

DEVICE_NAME = "Application d'authentification"


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return wanted
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@never_cache
@csrf_protect
@in_french
def login(request: HttpRequest) -> HttpResponse:
    """Step 1: name and password (django-axes counts failures). Step 2, for an agent with a
    confirmed device: the code. Pages refuse a session that stopped between the two."""
    if needs_second_factor(request):
        return _second_factor(request)
    if request.user.is_authenticated:
        return redirect(_next_url(request))
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        auth.login(request, form.get_user())
        response = redirect(request.get_full_path() if needs_second_factor(request)
                            else _next_url(request))
        response.set_cookie(SIGNED_IN_COOKIE, "1", max_age=30 * 24 * 3600, httponly=True,
                            samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response
    return render(request, "inbox/login.html", {"form": form, "next": _next_url(request)})


def _second_factor(request: HttpRequest) -> HttpResponse:
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = django_otp.match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            return redirect(_next_url(request))
        form.add_error("code", "Ce code n'est pas le bon, ou il a expiré. Attendez le code "
                               "suivant dans votre application, puis recommencez.")
    return render(request, "inbox/login_code.html", {"form": form, "next": _next_url(request)})


@require_POST
@in_french
def logout(request: HttpRequest) -> HttpResponse:
    auth.logout(request)
    messages.info(request, "Vous êtes déconnecté.")
    response = redirect("inbox:login")
    response.delete_cookie(SIGNED_IN_COOKIE)
    return response


@never_cache
@agent_required
def security(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP app: scan the QR code (or type the key), then confirm with one code."""
    confirmed = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if confirmed is not None:
        return render(request, "inbox/security.html", {"device": confirmed})
    device, _ = TOTPDevice.objects.get_or_create(user=request.user, confirmed=False,
                                                 defaults={"name": DEVICE_NAME})
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            messages.success(request, "Le second facteur est activé. Il vous sera demandé à "
                                      "chaque connexion.")
            return redirect("inbox:security")
        form.add_error("code", "Ce code n'est pas le bon. Vérifiez l'heure du téléphone, "
                               "attendez le code suivant, puis recommencez.")
    return render(request, "inbox/security.html", {
        "form": form, "qr_data_uri": _qr_data_uri(device.config_url),
        "key_text": _key_text(device.bin_key)})


def _qr_data_uri(text: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def _key_text(key: bytes) -> str:
    """The key as authenticator apps take it when typed: base32, in groups of four."""
    encoded = base64.b32encode(key).decode().rstrip("=")
    return " ".join(encoded[i:i + 4] for i in range(0, len(encoded), 4))


@in_french
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """settings.CSRF_FAILURE_VIEW: the form was refused before anything changed."""
    return render(request, "hub/csrf_failure.html", status=403)
