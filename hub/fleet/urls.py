from django.urls import path

from hub.fleet import settings_views, views

app_name = "fleet"
urlpatterns = [
    path("", views.kiosks, name="kiosks"),
    # Two segments, so no kiosk id can hide it (ids are one segment of letters and dashes).
    path("reglages/toutes/", settings_views.fleet_settings, name="fleet_settings"),
    path("<str:kiosk_id>/", views.kiosk_detail, name="kiosk"),
    path("<str:kiosk_id>/jetons/", views.create_token, name="create_token"),
    path("<str:kiosk_id>/reglages/", settings_views.kiosk_settings, name="kiosk_settings"),
    path("<str:kiosk_id>/jetons/<int:token_id>/revoquer/", views.revoke_token,
         name="revoke_token"),
]
