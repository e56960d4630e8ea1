"""Demo loans in every state, sales, a free supply and memberships, through the real services."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from inventory.models import Device
from inventory.workflow import Status
from loans import services
from loans.models import Loan
from partners import services as partners
from partners.models import PartnerOrganisation
from workshop.models import Commune, User

PEOPLE = [
    ("Amina", "Durand", "06 12 34 56 78", "amina.durand@example.org", "4 rue des Lilas, 56100 Lorient"),
    ("Kévin", "Le Gall", "06 23 45 67 89", "", "12 rue de Belle-Île, 56100 Lorient"),
    ("Fatou", "Diallo", "07 34 56 78 90", "fatou.diallo@example.org", "8 allée des Ajoncs, 56600 Lanester"),
    ("Gwenaëlle", "Morvan", "06 45 67 89 01", "", "3 place de l'Église, 56700 Hennebont"),
    ("Thomas", "Bernard", "07 56 78 90 12", "t.bernard@example.org", "21 rue Jean Jaurès, 56100 Lorient"),
    ("Sandrine", "Le Roux", "06 67 89 01 23", "", "5 rue des Mouettes, 56260 Larmor-Plage"),
    ("Youssef", "Benali", "07 78 90 12 34", "", "17 avenue de la Perrière, 56100 Lorient"),
    ("Maëlle", "Tanguy", "06 89 01 23 45", "maelle.tanguy@example.org", "9 rue du Scorff, 56100 Lorient"),
]
# state, start (days ago), term (days)
LOANS = [
    ("active", 30, 180),
    ("active", 90, 180),
    ("due_soon", 170, 180),
    ("overdue", 190, 180),
    ("returned", 120, 90),
    ("lost", 100, 180),
    ("gift", 760, 180),
    ("bought", 60, 180),
]
KINDS = {
    "laptop": "laptop",
    "desktop": "desktop",
    "all_in_one": "desktop",
    "tablet": "tablet",
    "smartphone": "smartphone",
}


def _ready(kinds=None, public: bool | None = None):
    devices = Device.objects.filter(status=Status.READY, category__kind__in=kinds or list(KINDS)).order_by("asset_tag")
    if public is not None:
        devices = (
            devices.filter(lot__donor__kind="public_body")
            if public
            else devices.exclude(lot__donor__kind="public_body")
        )
    return devices.first()


def _reserve(device: Device, organisation: PartnerOrganisation, reference: str, manager: User, rng: random.Random):
    referent = organisation.referents.select_related("user").first().user
    today = timezone.localdate()
    request = partners.submit_request(
        organisation=organisation,
        household=partners.HouseholdData(
            reference=reference,
            commune=rng.choice(list(Commune.objects.filter(department="56")[:30]) or list(Commune.objects.all()[:5])),
            size=rng.randint(1, 5),
            age_bracket=rng.choice(["18_25", "26_59", "60_plus"]),
        ),
        data=partners.RequestData(
            need=KINDS[device.category.kind],
            purpose=rng.choice(["school", "job_search", "administration", "training"]),
            eligibility=rng.choice(["minimum_benefit", "cej", "income_threshold"]),
            eligibility_justification="",
            attested_by=referent.get_full_name(),
            attested_on=today,
            eligibility_expires_on=partners.default_expiry(today),
        ),
        actor=referent,
    )
    partners.accept_request(request=request, actor=manager)
    partners.allocate(request=request, device=device, until=today + datetime.timedelta(days=7), actor=manager)
    return request


def seed_loans(*, rng: random.Random, staff: User, manager: User) -> int:
    """Create the demo loans and sales unless they exist; returns how many loans were made."""
    if Loan.objects.exists():
        return 0
    today = timezone.localdate()
    organisations = list(PartnerOrganisation.objects.filter(referents__isnull=False).distinct().order_by("name"))
    made = 0
    for number, ((state, ago, term), person) in enumerate(zip(LOANS, PEOPLE, strict=True), start=1):
        device = _ready(["laptop", "tablet", "desktop"], public=False)
        if device is None:
            break
        organisation = organisations[number % len(organisations)]
        request = _reserve(device, organisation, f"{organisation.kind.upper()}-P{number:03d}", manager, rng)
        starts_on = today - datetime.timedelta(days=ago)
        loan = services.lend(
            device=device,
            borrower=services.Borrower(*person),
            handover=services.Handover(
                starts_on=starts_on,
                due_on=starts_on + datetime.timedelta(days=term),
                deposit_amount=Decimal("50") if number % 2 else Decimal("0"),
                deposit_method="cash" if number % 2 else "none",
                accessories=["charger", "bag"] if device.category.kind == "laptop" else ["charger"],
                option_to_buy=state == "bought",
            ),
            actor=staff,
        )
        assert loan.household_id == request.household_id
        if number != 1:
            services.record_signature(loan=loan, actor=staff)
        if state == "returned":
            services.take_back(
                loan=loan,
                outcome=services.Return(
                    "worn", ["charger"], deposit_kept=bool(loan.deposit_amount), deposit_kept_reason="Housse non rendue"
                ),
                actor=staff,
            )
        elif state == "lost":
            services.declare_lost(loan=loan, note="Volé dans un bus, plainte déposée", actor=staff)
        elif state == "gift":
            services.give(loan=loan, actor=staff)
        elif state == "bought":
            services.buy_out(loan=loan, payment_method="cash", actor=staff)
        made += 1
    # The reminders the daily job would have sent by now.
    services.send_reminders(today=today)
    _seed_sales(rng=rng, staff=staff, manager=manager, organisations=organisations)
    return made


def _seed_sales(*, rng: random.Random, staff: User, manager: User, organisations: list) -> None:
    today = timezone.localdate()
    # A household referred by a partner buys the laptop reserved for it, at the grid price.
    device = _ready(["laptop"], public=False)
    if device is not None and organisations:
        _reserve(device, organisations[0], "CAF-V001", manager, rng)
        services.sell(
            device=device,
            buyer=services.Buyer(borrower=services.Borrower("Nathalie", "Guégan", "06 98 76 54 32")),
            terms=services.SaleTerms(price=services.pricing.grid_price(device) or Decimal("60"), payment_method="cash"),
            actor=staff,
        )
    # A publicly donated device, within the legal cap, to an association serving people in precarity.
    device = _ready(public=True)
    if device is not None:
        cap = services.pricing.legal_cap(device)
        grid = services.pricing.grid_price(device) or Decimal("0")
        price = min(grid, cap.amount) if cap else grid
        services.sell(
            device=device,
            buyer=services.Buyer(
                organisation_name="Club de soutien scolaire de Kervénanec",
                organisation_address="2 rue Kervénanec, 56100 Lorient",
            ),
            terms=services.SaleTerms(
                price=price,
                payment_method="transfer",
                price_reason="" if price == grid else "Plafond légal",
                buyer_eligibility="Association d'aide aux devoirs en quartier prioritaire",
            ),
            actor=staff,
        )
    # A free supply to a social centre's public internet space.
    device = _ready(["desktop", "all_in_one"], public=False) or _ready(public=False)
    if device is not None:
        services.sell(
            device=device,
            buyer=services.Buyer(
                organisation_name="Centre social de Kervénanec",
                organisation_address="1 place Kervénanec, 56100 Lorient",
            ),
            terms=services.SaleTerms(
                price=Decimal("0"), payment_method="none", kind="donation", buyer_eligibility="Espace public numérique"
            ),
            actor=staff,
        )
    # A member who comes directly buys a smartphone or a tablet, and returns it under warranty.
    membership = services.join_walk_in(
        newcomer=services.Newcomer(
            reference="",
            commune=Commune.objects.filter(insee_code="56121").first() or Commune.objects.first(),
            size=2,
            age_bracket="60_plus",
            borrower=services.Borrower("Jean", "Le Floch", "02 97 12 34 56"),
        ),
        fee=Decimal("10"),
        payment_method="cash",
        actor=staff,
    )
    device = _ready(["smartphone", "tablet"], public=False)
    if device is not None:
        sale = services.sell(
            device=device,
            buyer=services.Buyer(household=membership.household),
            terms=services.SaleTerms(price=services.pricing.grid_price(device) or Decimal("40"), payment_method="card"),
            actor=staff,
        )
        services.warranty_return(sale=sale, reason="La batterie ne tient plus la charge", actor=staff, today=today)
    # A sale keyed in twice at the counter: the manager cancels it at once with a credit note.
    device = _ready(public=False)
    if device is not None:
        sale = services.sell(
            device=device,
            buyer=services.Buyer(household=membership.household),
            terms=services.SaleTerms(price=services.pricing.grid_price(device) or Decimal("50"), payment_method="cash"),
            actor=staff,
        )
        services.cancel_sale(
            sale=sale,
            cancellation=services.Cancellation(
                reason="Vente saisie deux fois au comptoir", device_returned=False, refund_method="cash"
            ),
            actor=manager,
        )
