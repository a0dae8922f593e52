from django.apps import AppConfig


class FleetConfig(AppConfig):
    name = "hub.fleet"
    label = "fleet"
