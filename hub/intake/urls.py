"""Protocol v1, mounted at /v1/ (docs/protocol.md)."""

from django.urls import path

from hub.intake import views

app_name = "intake"
urlpatterns = [
    path("submissions", views.submissions, name="submissions"),
    path("heartbeat", views.heartbeat, name="heartbeat"),
    path("catalog", views.catalog, name="catalog"),
    path("config", views.settings_document, name="config"),
]
