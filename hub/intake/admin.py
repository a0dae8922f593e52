"""Requests in the admin: metadata only and read-only. The sealed payload and the decrypted
content never show here; agents read content in the inbox, where each opening is logged."""

from __future__ import annotations

from django.contrib import admin

from hub.intake.models import Submission

METADATA = ["reference", "uuid", "service", "routing", "kiosk", "language", "assisted",
            "created_at", "received_at", "source", "state", "state_changed_at", "closed_at",
            "assigned_to", "content_deleted_at"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    fields = METADATA
    readonly_fields = METADATA
    list_display = ["reference", "service", "routing", "kiosk", "received_at", "state",
                    "assigned_to"]
    list_filter = ["state", "routing", "source"]
    list_select_related = ["kiosk", "assigned_to"]
    search_fields = ["reference"]
    date_hierarchy = "received_at"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("payload")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
