from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate


class InboxConfig(AppConfig):
    default = True  # this module also holds HubAdminConfig
    name = "hub.inbox"
    label = "inbox"
    verbose_name = "Demandes et services"

    def ready(self) -> None:
        from hub.inbox.services import ensure_services_after_migrate

        post_migrate.connect(ensure_services_after_migrate, sender=self)


class HubAdminConfig(admin_apps.AdminConfig):
    """Django's admin, behind the same sign-in and second factor as the inbox."""

    default = False
    default_site = "hub.inbox.admin_site.HubAdminSite"
