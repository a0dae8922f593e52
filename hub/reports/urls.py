from django.urls import path

from hub.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.monthly, name="monthly"),
    path("activite.csv", views.monthly_csv, name="csv"),
]
