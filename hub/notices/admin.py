"""E-mail notices, read-only: which were sent, which wait, and the last error."""

from django.contrib import admin

from hub.notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["reference", "mailbox", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at"]
    list_select_related = ["submission"]
    readonly_fields = ["submission", "mailbox", "created_at", "sent_at", "claimed_until",
                       "attempts", "last_error"]

    @admin.display(description="référence")
    def reference(self, notice: Notice) -> str:
        return notice.submission.reference

    def has_add_permission(self, request) -> bool:
        return False
