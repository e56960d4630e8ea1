"""Partner portal, manager queue, loans and sales at a large workshop's size: queries, median and p95.

Twenty partner organisations share 20,000 requests (a third of them waiting), 5,000 loans and
2,000 sales. Naive baselines, measured in the same run: the partner list asking each row's place
in the waiting list with its own queries, and the loan list without select_related.
"""

import datetime
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
from inventory.workflow import Status
from loans.models import Loan, LoanStatus, Sale
from loans.models.loans import LoanQuerySet
from partners import views as partner_views
from partners.models import Allocation, DeviceRequest, Household, PartnerOrganisation, Referent, RequestStatus
from workshop.models import Commune, Site, User

from ._pages import measure, print_header, print_row

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20000"))
LOANS = REQUESTS // 4
SALES = REQUESTS // 10
ORGANISATIONS = 20


def _devices(site: Site, user: User, count: int, status: str, start: int) -> list[Device]:
    donor = Donor.objects.create(kind="company", name=f"Donateur {status}")
    lot = DonationLot.objects.create(
        reference=f"BR-{status}", donor=donor, site=site, received_on=timezone.localdate(), created_by=user
    )
    categories = list(DeviceCategory.objects.filter(code__in=["laptop", "desktop", "tablet", "smartphone"]))
    return Device.objects.bulk_create(
        Device(
            asset_tag=f"SR-{start + n:06d}",
            category=categories[n % len(categories)],
            brand="Lenovo",
            model="ThinkPad T480",
            serial=f"PR{start + n:08d}",
            lot=lot,
            site=site,
            status=status,
            grade="B",
        )
        for n in range(count)
    )


def populate() -> tuple[User, User, Household]:
    site, _ = Site.objects.get_or_create(code="bench", defaults={"name": "Atelier banc d'essai"})
    manager, _ = User.objects.get_or_create(username="bench-gestion", defaults={"current_site": site})
    manager.groups.add(Group.objects.get(name="gestion"))
    partner, created = User.objects.get_or_create(username="bench-partenaire")
    partner.groups.add(Group.objects.get(name="partenaire"))
    if not created:
        return manager, partner, Household.objects.filter(loans__isnull=False).first()
    rng = random.Random(2)
    communes = Commune.objects.bulk_create(
        Commune(insee_code=f"56{n:03d}", name=f"Commune {n}", postal_codes=f"56{n:03d}", department="56")
        for n in range(50)
    )
    organisations = PartnerOrganisation.objects.bulk_create(
        PartnerOrganisation(kind="ccas", name=f"CCAS {n}") for n in range(ORGANISATIONS)
    )
    Referent.objects.create(user=partner, organisation=organisations[0])
    households = Household.objects.bulk_create(
        Household(
            organisation=organisations[n % ORGANISATIONS],
            reference=f"F-{n:06d}",
            commune=rng.choice(communes),
            size=rng.randint(1, 6),
            age_bracket="26_59",
            first_name="Prénom",
            last_name=f"Nom{n}",
            phone="06 00 00 00 00",
            created_by=manager,
        )
        for n in range(REQUESTS)
    )
    # A third waiting, the rest spread over the other statuses.
    statuses = [RequestStatus.ACCEPTED, RequestStatus.WAITLISTED, RequestStatus.SUBMITTED] * 3 + [
        RequestStatus.FULFILLED,
        RequestStatus.REFUSED,
        RequestStatus.CANCELLED,
        RequestStatus.EXPIRED,
        RequestStatus.RESERVED,
    ] * 4
    today = timezone.localdate()
    requests = DeviceRequest.objects.bulk_create(
        DeviceRequest(
            household=household,
            organisation_id=household.organisation_id,
            need=rng.choice(["laptop", "desktop", "tablet", "smartphone"]),
            purpose="school",
            eligibility="minimum_benefit",
            attested_by="Référente",
            attested_on=today,
            eligibility_expires_on=today + datetime.timedelta(days=180),
            urgency="urgent" if rng.random() < 0.1 else "normal",
            status=rng.choice(statuses),
            created_by=manager,
        )
        for household in households
    )
    reserved = [r for r in requests if r.status == RequestStatus.RESERVED]
    devices = _devices(site, manager, len(reserved), Status.RESERVED, 0)
    Allocation.objects.bulk_create(
        Allocation(request=r, device=d, reserved_until=today + datetime.timedelta(days=10), reserved_by=manager)
        for r, d in zip(reserved, devices, strict=True)
    )
    loaned = _devices(site, manager, LOANS, Status.LOANED, 100_000)
    Loan.objects.bulk_create(
        Loan(
            number=f"PRET-{n:06d}",
            device=device,
            household=households[n],
            site=site,
            status=rng.choice([LoanStatus.ACTIVE] * 3 + [LoanStatus.RETURNED, LoanStatus.LOST, LoanStatus.GIVEN]),
            starts_on=today - datetime.timedelta(days=rng.randint(30, 400)),
            due_on=today + datetime.timedelta(days=rng.randint(-60, 300)),
            deposit_amount=Decimal("50"),
            contract_version="2026-1",
            handed_over_by=manager,
        )
        for n, device in enumerate(loaned)
    )
    sold = _devices(site, manager, SALES, Status.SOLD, 200_000)
    Sale.objects.bulk_create(
        Sale(
            number=f"FAC-2026-{n:05d}",
            device=device,
            household=households[LOANS + n],
            site=site,
            sold_on=today - datetime.timedelta(days=rng.randint(0, 365)),
            price=Decimal("120"),
            payment_method="cash",
            sold_by=manager,
        )
        for n, device in enumerate(sold)
    )
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
    return manager, partner, households[0]


def naive_positions(requests) -> None:
    """What a first version would write: each row asks for its own place and reservation."""
    for item in requests:
        item.position = item.queue_position()
        item.allocation = item.active_allocation


def run() -> None:
    start = time.perf_counter()
    manager, partner, household = populate()
    print(
        f"{DeviceRequest.objects.count():,} requests ({DeviceRequest.objects.queue().count():,} waiting), "
        f"{Loan.objects.count():,} loans, {Sale.objects.count():,} sales ready in "
        f"{time.perf_counter() - start:.1f} s ({connection.vendor})"
    )
    as_manager, as_partner = Client(), Client()
    as_manager.force_login(manager)
    as_partner.force_login(partner)
    partner_home = ("partner portal: my organisation's requests", as_partner, "/partenaires/")
    loan_list = ("loans, overdue tab", as_manager, "/prets/?tab=overdue")
    pages = [
        partner_home,
        ("partner portal: status filter", as_partner, "/partenaires/?status=waitlisted"),
        ("manager queue: new requests", as_manager, "/demandes/"),
        ("manager queue: waiting list", as_manager, "/demandes/?tab=queue"),
        ("manager queue: search", as_manager, "/demandes/?tab=closed&q=F-0001"),
        ("reserved devices", as_manager, "/reservations/"),
        ("loans, active tab", as_manager, "/prets/"),
        loan_list,
        ("call list", as_manager, "/prets/appels/"),
        ("sales", as_manager, "/ventes/"),
        ("household page", as_manager, f"/partenaires/foyers/{household.pk}/"),
    ]
    print_header()
    for label, client, url in pages:
        print_row(label, measure(client, url, requests=20))
    with mock.patch.object(partner_views, "annotate_positions", naive_positions):
        label, client, url = partner_home
        print_row("naive: " + label, measure(client, url, requests=20))
    with mock.patch.object(LoanQuerySet, "select_related", lambda qs, *fields: qs):
        label, client, url = loan_list
        print_row("naive: " + label, measure(client, url, requests=20))
