"""The hub's addresses: protocol v1 for kiosks, pages for agents and citizens, the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("v1/", include("hub.intake.urls")),
    path("suivi/", include("hub.tracking.urls")),
    path("bornes/", include("hub.fleet.urls")),
    path("rapports/", include("hub.reports.urls")),
    path("admin/", admin.site.urls),
    path("", include("hub.inbox.urls")),
]
