from django.urls import path

from hub.inbox import auth_views, conflicts, export, views

app_name = "inbox"
urlpatterns = [
    path("", views.home, name="home"),
    path("demandes/", views.submission_list, name="list"),
    path("demandes/export.csv", export.export_csv, name="export"),
    path("demandes/<uuid:uuid>/", views.submission_detail, name="detail"),
    path("demandes/<uuid:uuid>/autres-versions/<int:pk>/", conflicts.other_version,
         name="other_version"),
    path("connexion/", auth_views.login, name="login"),
    path("deconnexion/", auth_views.logout, name="logout"),
    path("securite/", auth_views.security, name="security"),
]
