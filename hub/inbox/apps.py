from django.apps import AppConfig


class InboxConfig(AppConfig):
    name = "hub.inbox"
    label = "inbox"
