from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "hub.intake"
    label = "intake"
