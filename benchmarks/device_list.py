"""Device list and device page at 100,000 devices: SQL queries, median and p95 over 50 requests.

The naive baseline is the same list rendered without select_related (one query per row and
relation), measured in the same run.
"""

import os
import random
import time
from decimal import Decimal
from unittest import mock

from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.utils import timezone

from inventory.models import Device, DeviceCategory, DonationLot, Donor
from inventory.models.device import DeviceQuerySet
from inventory.workflow import Status
from workshop.models import Site, User

from ._pages import measure, print_header, print_row

DEVICES = int(os.environ.get("BENCH_DEVICES", "100000"))


def populate() -> tuple[User, str]:
    site, _ = Site.objects.get_or_create(code="bench", defaults={"name": "Atelier banc d'essai"})
    user, _ = User.objects.get_or_create(username="bench", defaults={"current_site": site})
    user.groups.add(Group.objects.get(name="atelier"))
    if Device.objects.count() >= DEVICES:
        return user, Device.objects.order_by("pk").last().asset_tag
    rng = random.Random(1)
    donor = Donor.objects.create(kind="company", name="Donateur banc d'essai")
    lots = DonationLot.objects.bulk_create(
        DonationLot(reference=f"B-{i:05d}", donor=donor, site=site, received_on=timezone.localdate(), created_by=user)
        for i in range(DEVICES // 50)
    )
    categories = list(DeviceCategory.objects.all())
    statuses = [s for s, _l in Status.choices]
    brands = [("Lenovo", "ThinkPad T480"), ("Dell", "Latitude 5490"), ("HP", "EliteBook 840 G5"), ("Apple", "iPad 6")]
    batch = []
    for n in range(DEVICES):
        brand, model = rng.choice(brands)
        batch.append(
            Device(
                asset_tag=f"SV-{n + 1:06d}",
                category=rng.choice(categories),
                brand=brand,
                model=model,
                serial=f"PF{rng.randint(10**7, 10**8 - 1)}",
                lot=lots[n % len(lots)],
                site=site,
                status=rng.choice(statuses),
                grade=rng.choice("ABC "),
                ram_gb=Decimal(rng.choice([4, 8, 16])),
            )
        )
        if len(batch) == 5000:
            Device.objects.bulk_create(batch)
            batch = []
    Device.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
    return user, f"SV-{DEVICES // 2:06d}"


def run() -> None:
    start = time.perf_counter()
    user, tag = populate()
    print(f"{Device.objects.count():,} devices ready in {time.perf_counter() - start:.1f} s ({connection.vendor})")
    client = Client()
    client.force_login(user)
    pages = [
        ("device list, default filters (my site, newest first)", "/appareils/"),
        ("device list, status filter", "/appareils/?status=ready"),
        ("device list, text search", "/appareils/?q=thinkpad+PF12"),
        ("device list, 200 per page", "/appareils/?per_page=200"),
        ("device page", f"/appareils/{tag}/"),
    ]
    print_header()
    for label, url in pages:
        print_row(label, measure(client, url))
    # Naive baseline: the same list without select_related, as a first version would write it.
    with mock.patch.object(DeviceQuerySet, "for_list", lambda qs: qs):
        for label, url in pages[:1] + pages[3:4]:
            print_row("naive: " + label, measure(client, url))
