"""The admin site for the IT officer: signed in through the inbox's page (lock-out and second
factor included), so the admin's own password form cannot bypass them."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


class HubAdminSite(admin.AdminSite):
    site_header = "Borne d'accès accompagné — administration"
    site_title = "Administration du hub"
    index_title = "Administration"

    def has_permission(self, request: HttpRequest) -> bool:
        from hub.inbox.access import needs_second_factor

        return super().has_permission(request) and not needs_second_factor(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        from hub.inbox.access import needs_second_factor

        if request.user.is_authenticated and not needs_second_factor(request):
            # Signed in, verified, and still refused: an agent, not an administrator.
            return render(request, "inbox/admin_refused.html", status=403)
        wanted = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return redirect_to_login(wanted, "inbox:login")

    def logout(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        from hub.inbox.auth_views import logout

        return logout(request)
