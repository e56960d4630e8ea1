from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import SiteFactory, UserFactory
from workshop import roles


def pytest_collection_modifyitems(config, items):
    # PostgreSQL tests run only against PostgreSQL (.ci/run sets DATABASE_URL); elsewhere they are skipped.
    if connection.vendor != "postgresql":
        skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://…")
        for item in items:
            if "postgres" in item.keywords:
                item.add_marker(skip)


def ensure_reference_data() -> None:
    """The rows that data migrations create (role groups, categories, checklists, systems, price caps).

    A transactional test (live server, threads) flushes the database after it runs; whatever
    runs next gets them back from here, with the migrations' own (idempotent) functions.
    """
    from django.contrib.auth.models import Group

    from inventory.models import OperatingSystem
    from loans.models import PriceCap

    if not Group.objects.exists() or not OperatingSystem.objects.exists():
        import_module("workshop.migrations.0002_roles").create_roles(apps, None)
        import_module("inventory.migrations.0004_reference_data").load(apps, None)
    if not PriceCap.objects.exists():
        import_module("loans.migrations.0002_reference_data").load(apps, None)


@pytest.fixture(autouse=True)
def _reference_data(request):
    marker = request.node.get_closest_marker("django_db")
    fixtures = set(request.fixturenames)
    if not marker and not fixtures & {"db", "transactional_db", "live_server"}:
        return
    transactional = fixtures & {"live_server", "transactional_db"} or (
        marker is not None and marker.kwargs.get("transaction")
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    ensure_reference_data()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def site(db):
    return SiteFactory(code="lorient", name="Atelier de Lorient")


def _user(username: str, role: str, site):
    user = UserFactory(username=username, role=role, current_site=site)
    if role != roles.PARTENAIRE:
        user.sites.add(site)
    return user


@pytest.fixture
def atelier(site):
    return _user("atelier", roles.ATELIER, site)


@pytest.fixture
def gestion(site):
    return _user("gestion", roles.GESTION, site)


@pytest.fixture
def partenaire(site):
    return _user("partenaire.caf", roles.PARTENAIRE, site)


@pytest.fixture
def atelier_client(client, atelier):
    client.force_login(atelier)
    return client


@pytest.fixture
def gestion_client(client, gestion):
    client.force_login(gestion)
    return client
