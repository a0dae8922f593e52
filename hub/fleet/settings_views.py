"""The settings pages (administrators): for every kiosk at once, and one kiosk's own.

Saved settings reach each kiosk at its next fetch (every sync interval, signed, GET
/v1/config); the kiosks page then shows the version sent and the version the kiosk applied.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from hub.access import staff_required
from hub.fleet.models import Kiosk
from hub.fleet.remote_settings import settings_for, version_of
from hub.fleet.settings_forms import RemoteSettingsForm

log = logging.getLogger(__name__)


def _saved(request, form: RemoteSettingsForm, scope: str) -> None:
    changed = form.save(by=request.user)
    log.info("fleet: settings of %s changed by %s: %s", scope, request.user.get_username(),
             ", ".join(changed) or "nothing")
    if changed:
        messages.success(request, f"Réglages enregistrés ({', '.join(changed)}). Les bornes "
                                  "les reçoivent à leur prochain signal.")
    else:
        messages.info(request, "Rien n'a changé.")


@staff_required
@require_http_methods(["GET", "POST"])
def fleet_settings(request):
    """Settings for every kiosk; a kiosk's own settings override them."""
    form = RemoteSettingsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _saved(request, form, "every kiosk")
        return redirect("fleet:fleet_settings")
    return render(request, "fleet/settings.html",
                  {"form": form, "kiosk": None, "count": Kiosk.objects.count()},
                  status=400 if form.errors else 200)


@staff_required
@require_http_methods(["GET", "POST"])
def kiosk_settings(request, kiosk_id: str):
    kiosk = get_object_or_404(Kiosk, kiosk_id=kiosk_id)
    form = RemoteSettingsForm(request.POST or None, kiosk=kiosk)
    if request.method == "POST" and form.is_valid():
        _saved(request, form, f"kiosk {kiosk.kiosk_id}")
        return redirect("fleet:kiosk_settings", kiosk_id=kiosk.kiosk_id)
    values = settings_for(kiosk)
    return render(request, "fleet/settings.html",
                  {"form": form, "kiosk": kiosk, "sent_values": values,
                   "version": version_of(values)},
                  status=400 if form.errors else 200)
