"""The admin site for the IT officer: signed in through the inbox's page (lock-out and second
factor included), so the admin's own password form cannot bypass them."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse


class HubAdminSite(admin.AdminSite):
    site_header = "Borne d'accès accompagné — administration"
    site_title = "Administration du hub"
    index_title = "Administration"

    def has_permission(self, request: HttpRequest) -> bool:
        from hub.inbox.access import needs_second_factor

        return super().has_permission(request) and not needs_second_factor(request)

    def login(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        return redirect_to_login(request.GET.get("next") or self.index_url(), "inbox:login")

    def index_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:index", current_app=self.name)
