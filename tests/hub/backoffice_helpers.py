"""Shared pieces of the back-office page tests: an administrator's client, and the inbox's
login/home/logout addresses when this branch does not have the inbox app's pages yet."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.urls import NoReverseMatch, clear_url_caches, include, path, reverse


def _placeholder(request):  # stands in for the inbox's own pages, which another branch writes
    return HttpResponse("")


def urlconf_with_inbox_names() -> list:
    from hub.urls import urlpatterns

    inbox = ([path("connexion/", _placeholder, name="login"),
              path("deconnexion/", _placeholder, name="logout"),
              path("demandes/", _placeholder, name="home")], "inbox")
    return [p for p in urlpatterns if getattr(p, "namespace", None) != "inbox"] + [
        path("", include(inbox))]


urlpatterns: list = []


@pytest.fixture(autouse=True)
def inbox_addresses(settings):
    """Pages extend base.html, which links to the inbox: give it addresses if it has none."""
    try:
        reverse("inbox:login")
    except NoReverseMatch:
        urlpatterns[:] = urlconf_with_inbox_names()
        settings.ROOT_URLCONF = __name__
        clear_url_caches()
    yield
    clear_url_caches()


@pytest.fixture
def it_officer(django_user_model):
    return django_user_model.objects.create_user("admin-it", password="x" * 16, is_staff=True)


@pytest.fixture
def staff_client(client, it_officer):
    client.force_login(it_officer)
    return client
