from django.urls import path

from hub.tracking import views

app_name = "tracking"
# <str:...>, not <uuid:...>: a malformed uuid gets the same kind page as an unknown one,
# not the resolver's 404.
urlpatterns = [path("<str:token>", views.follow, name="follow")]
