from django.apps import AppConfig


class HousekeepingConfig(AppConfig):
    name = "hub.housekeeping"
    label = "housekeeping"
    verbose_name = "tâches de fond"
