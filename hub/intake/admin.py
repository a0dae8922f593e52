"""Requests in the admin: metadata only and read-only. The sealed payload and the decrypted
content never show here; agents read content in the inbox, where each opening is logged."""

from __future__ import annotations

from django.contrib import admin

from hub.inbox.paging import EstimatedCountPaginator
from hub.intake.models import Submission
from offline_cache.protocol import normalize_reference

METADATA = ["reference", "uuid", "service", "routing", "kiosk", "language", "assisted",
            "created_at", "received_at", "source", "state", "state_changed_at", "closed_at",
            "assigned_to", "content_deleted_at"]


class ServiceFilter(admin.SimpleListFilter):
    """By service, from the services' table: listing the routings found in the requests
    would read every request (SELECT DISTINCT over the whole history)."""

    title = "service destinataire"
    parameter_name = "routing"

    def lookups(self, request, model_admin):
        from hub.inbox.models import Service

        return list(Service.objects.order_by("name").values_list("routing", "name"))

    def queryset(self, request, queryset):
        return queryset.filter(routing=self.value()) if self.value() else queryset


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Fast with a region's history: no full count (an estimate past 1,000), no date
    hierarchy (it reads every row's year), filters that read small tables or an index."""

    fields = METADATA
    readonly_fields = METADATA
    list_display = ["reference", "service", "routing", "kiosk", "received_at", "state",
                    "assigned_to"]
    list_filter = ["state", ServiceFilter, "source", "received_at"]
    list_select_related = ["kiosk", "assigned_to"]
    search_fields = ["reference"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        """A reference as a person types it ("k7m 4qf"), found through its index."""
        if not search_term.strip():
            return queryset, False
        return queryset.filter(reference=normalize_reference(search_term) or ""), False

    def get_queryset(self, request):
        return super().get_queryset(request).defer("payload")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
