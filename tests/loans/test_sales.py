"""Sales, free supplies, memberships: prices, legal caps, gapless numbers, warranty."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from documents.models import IssuedDocument
from inventory.workflow import Status
from loans import documents as loan_documents
from loans import services
from loans.models import Membership, PriceGridEntry, Sale, SaleKind, SaleStatus
from partners.models import RequestStatus
from tests.factories import ready_device
from tests.partners.factories import HouseholdFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def terms(price="90", **overrides) -> services.SaleTerms:
    return services.SaleTerms(price=Decimal(price), payment_method="cash", **overrides)


def sell(device, actor, buyer=None, **overrides):
    buyer = buyer or services.Buyer(organisation_name="Club de soutien scolaire de Kervénanec")
    return services.sell(device=device, buyer=buyer, terms=terms(**overrides), actor=actor)


def test_a_sale_is_numbered_per_year_invoiced_and_moves_the_device(site, atelier):
    device = ready_device(site=site, grade="B")  # laptop grade B: 90 € on the grid
    sale = sell(device, atelier)
    device.refresh_from_db()
    assert device.status == Status.SOLD
    assert sale.number == f"FAC-{TODAY.year}-0001"
    assert sale.grid_price == Decimal("90") and sale.warranty_until == services.add_months(TODAY, 12)
    assert IssuedDocument.objects.get(kind="invoice").number == sale.number


def test_selling_a_reserved_device_fulfils_its_request(reserved, household, atelier):
    sale = sell(reserved, atelier, buyer=services.Buyer(household=household))
    assert sale.household == household
    sale.request.refresh_from_db()
    assert sale.request.status == RequestStatus.FULFILLED


def test_a_reserved_device_is_sold_only_to_its_household(reserved, atelier, caf):
    stranger = HouseholdFactory(organisation=caf)
    with pytest.raises(services.LoanError, match="CAF-0042"):
        sell(reserved, atelier, buyer=services.Buyer(household=stranger))


def test_another_price_than_the_grid_needs_a_reason(site, atelier):
    device = ready_device(site=site, grade="B")
    with pytest.raises(services.LoanError, match="grille"):
        sell(device, atelier, price="70")
    sale = sell(device, atelier, price="70", price_reason="Rayure sur le capot")
    assert sale.price == Decimal("70")


def test_the_law_caps_the_price_of_publicly_donated_devices(public_laptop, atelier):
    with pytest.raises(services.LoanError, match="180"):
        sell(public_laptop, atelier, price="200", price_reason="Très bon état", buyer_eligibility="RSA")
    assert not Sale.objects.exists()


def test_publicly_donated_devices_go_only_to_eligible_buyers(public_laptop, atelier):
    with pytest.raises(services.LoanError, match="organisme public"):
        sell(public_laptop, atelier, price="120")
    sale = sell(public_laptop, atelier, price="120", buyer_eligibility="Association d'aide aux devoirs (REP)")
    assert sale.legal_cap == Decimal("180")


def test_all_in_ones_take_the_desktop_cap(site, atelier):
    from tests.factories import DonorFactory, LotFactory, category

    lot = LotFactory(site=site, donor=DonorFactory(kind="public_body"))
    device = ready_device(site=site, lot=lot, category=category("tout-en-un"), grade="A")
    with pytest.raises(services.LoanError, match="150"):
        sell(device, atelier, price="151", price_reason="x", buyer_eligibility="RSA")


def test_a_free_supply_gives_the_device_with_its_own_numbering(site, atelier):
    device = ready_device(site=site)
    sale = sell(device, atelier, kind=SaleKind.DONATION)
    device.refresh_from_db()
    assert device.status == Status.GIVEN
    assert sale.price == 0 and sale.number == f"CES-{TODAY.year}-0001"


def test_a_failed_sale_gives_its_number_back(site, atelier, public_laptop, monkeypatch):
    with pytest.raises(services.LoanError):
        sell(public_laptop, atelier, price="500", price_reason="x", buyer_eligibility="RSA")

    def broken_printer(*args, **kwargs):
        raise OSError("printer on fire")

    monkeypatch.setattr(loan_documents, "issue_invoice", broken_printer)
    with pytest.raises(OSError):
        sell(ready_device(site=site, grade="B"), atelier)
    monkeypatch.undo()
    assert sell(ready_device(site=site, grade="B"), atelier).number == f"FAC-{TODAY.year}-0001"


def test_consecutive_sales_get_consecutive_numbers(site, atelier):
    numbers = [sell(ready_device(site=site, grade="B"), atelier).number for _ in range(3)]
    assert numbers == [f"FAC-{TODAY.year}-{n:04d}" for n in (1, 2, 3)]


def test_a_sale_can_require_a_membership(site, atelier, household, settings):
    settings.SALE_REQUIRES_MEMBERSHIP = True
    device = ready_device(site=site, grade="B")
    buyer = services.Buyer(household=household)
    with pytest.raises(services.LoanError, match="adhésion"):
        sell(device, atelier, buyer=buyer)
    services.join(household=household, fee=Decimal("10"), payment_method="cash", actor=atelier)
    assert sell(device, atelier, buyer=buyer).household == household


def test_a_warranty_return_sends_the_device_back_to_diagnosed(site, atelier):
    device = ready_device(site=site, grade="B")
    sale = sell(device, atelier)
    services.warranty_return(sale=sale, reason="Ne démarre plus", actor=atelier)
    device.refresh_from_db()
    sale.refresh_from_db()
    assert device.status == Status.DIAGNOSED and sale.status == SaleStatus.WARRANTY_RETURNED


def test_no_warranty_return_after_the_warranty(site, atelier):
    sale = sell(ready_device(site=site, grade="B"), atelier)
    with pytest.raises(services.LoanError, match="garantie"):
        services.warranty_return(
            sale=sale, reason="Panne", actor=atelier, today=sale.warranty_until + datetime.timedelta(days=1)
        )


def test_joining_numbers_the_membership_for_a_year_with_a_receipt(household, atelier):
    membership = services.join(household=household, fee=Decimal("10"), payment_method="cash", actor=atelier)
    assert membership.number == f"ADH-{TODAY.year}-0001"
    assert membership.ends_on == services.add_months(TODAY, 12) - datetime.timedelta(days=1)
    assert IssuedDocument.objects.get(kind="membership_receipt").number == membership.number
    with pytest.raises(services.LoanError):
        services.join(household=household, fee=Decimal("10"), payment_method="cash", actor=atelier)


def test_a_walk_in_member_is_registered_with_the_membership(atelier):
    from tests.partners.factories import commune

    membership = services.join_walk_in(
        newcomer=services.Newcomer("", commune(), 2, "60_plus", services.Borrower("Jean", "Le Floch")),
        fee=Decimal("10"),
        payment_method="cash",
        actor=atelier,
    )
    assert membership.household.organisation is None
    assert membership.household.reference.startswith("DIRECT-")
    assert Membership.objects.count() == 1


def test_the_borrower_takes_up_the_option_to_buy_within_the_cap(public_laptop, household, gestion, atelier):
    from partners import services as partners
    from tests.partners.factories import RequestFactory

    from .helpers import BORROWER, handover

    request = RequestFactory(household=household, status="accepted")
    partners.allocate(request=request, device=public_laptop, until=TODAY, actor=gestion)
    loan = services.lend(device=public_laptop, borrower=BORROWER, handover=handover(option_to_buy=True), actor=atelier)
    assert loan.option_price == Decimal("120")  # grade A grid price, under the 180 € cap
    sale = services.buy_out(loan=loan, payment_method="cash", actor=atelier)
    loan.refresh_from_db()
    public_laptop.refresh_from_db()
    assert (loan.status, public_laptop.status) == ("bought", Status.SOLD)
    assert sale.price == Decimal("120") and sale.legal_cap == Decimal("180") and sale.household == household
    assert IssuedDocument.objects.filter(kind="invoice", number=sale.number).exists()


def test_no_buy_out_without_the_option(loan, atelier):
    with pytest.raises(services.LoanError):
        services.buy_out(loan=loan, payment_method="cash", actor=atelier)


def test_spec_labels_print_the_grid_price_within_the_legal_cap(site, public_laptop, tmp_path):
    from documents.label_formats import get_format
    from documents.labels import label_queryset, render_labels
    from inventory.models import Device

    from .helpers import pdf_text

    private = ready_device(site=site, grade="A")  # laptop grade A: 120 € on the grid
    PriceGridEntry.objects.filter(category=public_laptop.category, grade="A").update(price=Decimal("200"))
    devices = label_queryset(Device.objects.filter(pk__in=[private.pk, public_laptop.pk]).order_by("pk"))
    text = pdf_text(render_labels(devices, fmt=get_format("L7163"), kind="spec"))
    assert "200,00 €" in text  # the private donor's laptop, at the grid price
    assert "180,00 €" in text  # the public body's laptop, capped
