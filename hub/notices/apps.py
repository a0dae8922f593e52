from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "hub.notices"
    label = "notices"
    verbose_name = "avis par e-mail"

    def ready(self) -> None:
        from hub.notices import signals  # noqa: F401  (connects the post_save receiver)
