from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "hub.tracking"
    label = "tracking"
