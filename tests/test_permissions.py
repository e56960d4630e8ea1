"""Who may open what: anonymous users go to the login page, each role reaches only its pages."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import DeviceFactory, LotFactory

pytestmark = pytest.mark.django_db

PUBLIC = {"login", "set_language"}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern.name


def app_urls() -> list[str]:
    """Every URL of the project's own apps, with sample values for its parameters."""
    urls = []
    for route, name in _walk(get_resolver().url_patterns):
        if route.startswith(("admin/", "^static", "static/")) or name in PUBLIC:
            continue
        path = re.sub(r"<int:\w+>", "1", route)
        path = re.sub(r"<(?:str:|slug:)?\w+>", "X", path)
        urls.append("/" + path.lstrip("^").rstrip("$"))
    return sorted(set(urls))


@pytest.mark.parametrize("url", app_urls())
def test_anonymous_users_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_every_app_url_is_covered():
    assert "/appareils/" in app_urls() and "/atelier/" in app_urls()


@pytest.fixture
def objects(site):
    lot = LotFactory(site=site)
    device = DeviceFactory(lot=lot, asset_tag="SV-000001")
    return {"lot": lot.pk, "tag": device.asset_tag}


WORKSHOP_PAGES = [
    "/atelier/",
    "/appareils/",
    "/appareils/{tag}/",
    "/appareils/{tag}/modifier/",
    "/lots/",
    "/lots/nouveau/",
    "/lots/{lot}/",
    "/donateurs/nouveau/",
    "/demandes/",
    "/reservations/",
    "/prets/",
    "/prets/appels/",
    "/ventes/",
    "/adhesions/",
]
MANAGER_PAGES = ["/stock/"]
PARTNER_PAGES = ["/partenaires/"]

# (role, page, expected status)
TABLE = (
    [("atelier", page, 200) for page in WORKSHOP_PAGES]
    + [("gestion", page, 200) for page in WORKSHOP_PAGES + MANAGER_PAGES]
    + [("atelier", page, 403) for page in MANAGER_PAGES]
    + [("partenaire", page, 403) for page in WORKSHOP_PAGES + MANAGER_PAGES]
    + [("partenaire", page, 200) for page in PARTNER_PAGES]
    + [(role, page, 403) for role in ("atelier", "gestion") for page in PARTNER_PAGES]
)


@pytest.mark.parametrize(("role", "page", "expected"), TABLE)
def test_each_role_reaches_only_its_pages(client, request, objects, role, page, expected):
    client.force_login(request.getfixturevalue(role))
    assert client.get(page.format(**objects)).status_code == expected


def test_partners_cannot_act_on_devices(client, partenaire, objects):
    client.force_login(partenaire)
    response = client.post(f"/appareils/{objects['tag']}/action/diagnose/", {})
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("role", "home"), [("atelier", "/atelier/"), ("gestion", "/atelier/"), ("partenaire", "/partenaires/")]
)
def test_each_role_lands_on_its_home(client, request, role, home):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/").url == home
