from django.urls import path

from hub.fleet import views

app_name = "fleet"
urlpatterns = [
    path("", views.kiosks, name="kiosks"),
    path("<str:kiosk_id>/", views.kiosk_detail, name="kiosk"),
    path("<str:kiosk_id>/jetons/", views.create_token, name="create_token"),
    path("<str:kiosk_id>/jetons/<int:token_id>/revoquer/", views.revoke_token,
         name="revoke_token"),
]
