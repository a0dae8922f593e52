"""The kiosks pages (administrators): the fleet at a glance, one kiosk, its tokens, its journal.

A token's clear value is shown once, in the answer to the POST that made it (never in a URL,
a redirect, the session or a log), with `Cache-Control: no-store`; only its hash is kept.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hub.access import staff_required
from hub.catalog import catalogue
from hub.fleet.forms import KioskForm, TokenForm
from hub.fleet.health import KioskHealth, is_silent, silent_first
from hub.fleet.journal_view import JournalLine, chain_verdict
from hub.fleet.models import Kiosk, KioskToken
from hub.fleet.remote_settings import settings_for_many, version_of

log = logging.getLogger(__name__)
KIOSKS_PER_PAGE = 50
JOURNAL_PER_PAGE = 50


def _health_rows(kiosks: list[Kiosk], now) -> list[KioskHealth]:
    """Each kiosk's health with the versions the hub offers it (settings, catalogue)."""
    offered = settings_for_many(kiosks)
    catalog_version = catalogue().version
    return [KioskHealth.of(kiosk, now, version_of(offered[kiosk.pk]), catalog_version)
            for kiosk in kiosks]


def _kiosks_page(request, form: KioskForm, status: int = 200):
    now = timezone.now()
    page = Paginator(silent_first(Kiosk.objects.all(), now), KIOSKS_PER_PAGE).get_page(
        request.GET.get("page"))
    rows = _health_rows(list(page), now)
    return render(request, "fleet/kiosks.html",
                  {"page": page, "rows": rows, "form": form,
                   "silent_minutes": settings.HUB_KIOSK_SILENT_MINUTES,
                   "silent_count": Kiosk.objects.filter(is_silent(now)).count()},
                  status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def kiosks(request):
    """The list (GET), and the form that adds a kiosk (POST) at the same address."""
    if request.method == "GET":
        return _kiosks_page(request, KioskForm())
    form = KioskForm(request.POST)
    if not form.is_valid():
        return _kiosks_page(request, form, status=400)
    kiosk = form.save()
    log.info("fleet: kiosk %s created by %s", kiosk.kiosk_id, request.user.get_username())
    messages.success(request, f"Borne « {kiosk.kiosk_id} » créée. Créez-lui un jeton.")
    return redirect("fleet:kiosk", kiosk_id=kiosk.kiosk_id)


def _kiosk_context(request, kiosk: Kiosk) -> dict:
    journal = Paginator(kiosk.journal.order_by("-seq"), JOURNAL_PER_PAGE).get_page(
        request.GET.get("page"))
    check, verdict = chain_verdict(kiosk)
    return {"kiosk": kiosk, "health": _health_rows([kiosk], timezone.now())[0],
            "tokens": kiosk.tokens.order_by("-created_at"), "token_form": TokenForm(),
            "journal": journal, "lines": [JournalLine.of(row.entry) for row in journal],
            "chain_intact": check.ok, "chain_verdict": verdict,
            "chain_bad_seq": check.first_bad_seq}


@staff_required
@require_GET
def kiosk_detail(request, kiosk_id: str):
    kiosk = get_object_or_404(Kiosk, kiosk_id=kiosk_id)
    return render(request, "fleet/kiosk.html", _kiosk_context(request, kiosk))


@staff_required
@require_POST
@never_cache
def create_token(request, kiosk_id: str):
    kiosk = get_object_or_404(Kiosk, kiosk_id=kiosk_id)
    form = TokenForm(request.POST)
    if not form.is_valid():
        context = {**_kiosk_context(request, kiosk), "token_form": form}
        return render(request, "fleet/kiosk.html", context, status=400)
    row, clear = KioskToken.issue(kiosk, form.cleaned_data["label"], by=request.user)
    log.info("fleet: token %s issued for kiosk %s by %s", row.pk, kiosk.kiosk_id,
             request.user.get_username())
    return render(request, "fleet/token_created.html",
                  {"kiosk": kiosk, "token": row, "clear_token": clear})


@staff_required
@require_POST
def revoke_token(request, kiosk_id: str, token_id: int):
    token = get_object_or_404(KioskToken, pk=token_id, kiosk__kiosk_id=kiosk_id)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log.info("fleet: token %s of kiosk %s revoked by %s", token.pk, kiosk_id,
                 request.user.get_username())
        messages.success(request, f"Jeton « {token.label or token.pk} » révoqué : la borne "
                                  "qui l'utilise ne peut plus envoyer.")
    return redirect("fleet:kiosk", kiosk_id=kiosk_id)
