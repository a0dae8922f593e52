"""The jobs' last runs, read-only: when each ran and what it said."""

from django.contrib import admin

from hub.housekeeping.models import JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    list_display = ["name", "started_at", "finished_at", "ok", "result"]
    readonly_fields = ["name", "started_at", "finished_at", "ok", "result"]

    def has_add_permission(self, request) -> bool:
        return False
