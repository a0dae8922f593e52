"""The IT officer's admin for services and the inbox's records. History, notes and the access
log are read-only: the application appends to them, nobody edits them here."""

from __future__ import annotations

from django.contrib import admin

from hub.inbox.models import AccessLog, Note, Service, StateChange


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "routing", "mailbox", "retention_days", "agent_count"]
    search_fields = ["name", "routing"]
    filter_horizontal = ["agents"]

    @admin.display(description="agents")
    def agent_count(self, service: Service) -> int:
        return service.agents.count()


class ReadOnlyAdmin(admin.ModelAdmin):
    """View only: no add, no change, no delete."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(StateChange)
class StateChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "submission", "from_state", "to_state", "by"]
    list_filter = ["to_state"]
    list_select_related = ["submission", "by"]
    date_hierarchy = "at"


@admin.register(Note)
class NoteAdmin(ReadOnlyAdmin):
    list_display = ["at", "submission", "by"]
    list_select_related = ["submission", "by"]
    date_hierarchy = "at"


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "username", "action", "reference", "routing", "detail"]
    list_filter = ["action", "routing"]
    search_fields = ["username", "reference"]
    date_hierarchy = "at"
