"""Kiosks and tokens in the Django admin (the IT officer's view).

Tokens are made on the kiosk's page (the clear token is shown there once): the admin can
read and revoke them, never add one, never see or edit a hash.
"""

from django.contrib import admin
from django.utils import timezone

from hub.fleet.models import Kiosk, KioskToken, RemoteSetting


class TokenInline(admin.TabularInline):
    model = KioskToken
    fields = ["label", "created_at", "created_by", "last_used_at", "revoked_at"]
    readonly_fields = ["created_at", "created_by", "last_used_at", "revoked_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Kiosk)
class KioskAdmin(admin.ModelAdmin):
    list_display = ["kiosk_id", "site", "last_seen_at", "created_at"]
    search_fields = ["kiosk_id", "site"]
    readonly_fields = ["last_seen_at", "status", "created_at", "config_sent_version",
                       "config_sent_at"]
    inlines = [TokenInline]


@admin.action(description="Révoquer les jetons choisis")
def revoke(modeladmin, request, queryset) -> None:
    queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


@admin.register(KioskToken)
class KioskTokenAdmin(admin.ModelAdmin):
    list_display = ["kiosk", "label", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["kiosk__kiosk_id", "label"]
    fields = ["kiosk", "label", "created_at", "created_by", "last_used_at", "revoked_at"]
    # Revoking goes through the action (it stamps the time); a revoked token stays revoked.
    readonly_fields = ["kiosk", "created_at", "created_by", "last_used_at", "revoked_at"]
    actions = [revoke]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(RemoteSetting)
class RemoteSettingAdmin(admin.ModelAdmin):
    """Read only: settings are edited on the settings pages (/bornes/reglages/toutes/ and
    each kiosk's), whose forms check every value against the kiosk's settings schema."""

    list_display = ["key", "kiosk", "value", "updated_at", "updated_by"]
    list_filter = ["key"]
    search_fields = ["key", "kiosk__kiosk_id"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
