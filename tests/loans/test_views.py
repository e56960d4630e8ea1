"""The loan and sale screens through the test client, and who may see them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inventory.workflow import Status
from loans.models import Loan, LoanStatus, Sale
from tests.factories import ready_device
from tests.partners.factories import HouseholdFactory, OrganisationFactory, RequestFactory, referent

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def handover_data(**overrides):
    return {
        "first_name": "Amina",
        "last_name": "Durand",
        "phone": "06 12 34 56 78",
        "starts_on": TODAY.isoformat(),
        "due_on": (TODAY + datetime.timedelta(days=180)).isoformat(),
        "deposit_amount": "50",
        "deposit_method": "cash",
        "accessories": ["charger"],
        "condition": "good",
        **overrides,
    }


def test_a_reserved_device_is_handed_over_from_its_page(atelier_client, reserved):
    page = atelier_client.get(reserved.get_absolute_url()).content.decode()
    assert reverse("loans:handover", args=[reserved.asset_tag]) in page
    response = atelier_client.post(reverse("loans:handover", args=[reserved.asset_tag]), handover_data())
    loan = Loan.objects.get()
    assert response.url == loan.get_absolute_url()
    assert atelier_client.get(loan.get_absolute_url()).status_code == 200


def test_bad_hand_over_input_names_the_field(atelier_client, reserved):
    response = atelier_client.post(reverse("loans:handover", args=[reserved.asset_tag]), handover_data(last_name=""))
    assert "last_name" in response.context["form"].errors
    assert not Loan.objects.exists()


def test_taking_back_from_the_loan_page(atelier_client, loan):
    response = atelier_client.post(
        reverse("loans:loan_action", args=[loan.pk, "take_back"]),
        {
            "returned_on": TODAY.isoformat(),
            "condition": "good",
            "accessories_returned": ["charger"],
            "deposit": "refund",
        },
    )
    loan.refresh_from_db()
    assert response.status_code == 302 and loan.status == LoanStatus.RETURNED
    loan.device.refresh_from_db()
    assert loan.device.status == Status.DIAGNOSED


def test_keeping_the_deposit_without_reason_is_refused_on_the_page(atelier_client, loan):
    response = atelier_client.post(
        reverse("loans:loan_action", args=[loan.pk, "take_back"]),
        {"returned_on": TODAY.isoformat(), "condition": "good", "deposit": "keep"},
    )
    assert response.status_code == 409
    loan.refresh_from_db()
    assert loan.status == LoanStatus.ACTIVE


def test_lists_of_loans_by_state(atelier_client, loan):
    Loan.objects.filter(pk=loan.pk).update(due_on=TODAY - datetime.timedelta(days=3))
    overdue = atelier_client.get(reverse("loans:loan_list"), {"tab": "overdue"})
    assert list(overdue.context["page"]) == [loan]
    assert list(atelier_client.get(reverse("loans:loan_list"), {"tab": "returned"}).context["page"]) == []
    calls = atelier_client.get(reverse("loans:call_list")).content.decode()
    assert "06 12 34 56 78" in calls and "SV-000123" in calls


def test_a_sale_from_the_device_page(atelier_client, site):
    device = ready_device(site=site, grade="B")
    response = atelier_client.post(
        reverse("loans:sale_create", args=[device.asset_tag]),
        {
            "kind": "sale",
            "buyer_kind": "organisation",
            "organisation_name": "Centre social",
            "price": "90",
            "payment_method": "cash",
        },
    )
    sale = Sale.objects.get()
    assert response.url == sale.get_absolute_url()
    assert sale.number in atelier_client.get(reverse("loans:sale_list")).content.decode()


def test_a_membership_for_a_walk_in_household(atelier_client):
    from tests.partners.factories import commune

    commune()
    response = atelier_client.post(
        reverse("loans:membership_list"),
        {
            "member_kind": "household",
            "commune": "Lorient (56100)",
            "first_name": "Jean",
            "last_name": "Le Floch",
            "fee": "10",
            "payment_method": "cash",
        },
    )
    assert response.status_code == 302
    assert "Le Floch" in atelier_client.get(reverse("loans:membership_list")).content.decode()


@pytest.mark.parametrize("name", ["loans:loan_list", "loans:sale_list", "loans:membership_list", "loans:call_list"])
def test_partners_cannot_reach_loans_and_sales(client, caf_user, name):
    client.force_login(caf_user)
    assert client.get(reverse(name)).status_code == 403


def test_partners_cannot_open_a_loan_or_its_contract(client, caf_user, loan):
    from documents.models import IssuedDocument

    client.force_login(caf_user)
    assert client.get(loan.get_absolute_url()).status_code == 403
    contract = IssuedDocument.objects.get(kind="loan_contract")
    assert client.get(contract.get_absolute_url()).status_code == 403


def test_a_partner_sees_its_households_loans_and_not_another_organisations(client, loan, caf_user, gestion, site):
    from loans import services
    from partners import services as partners

    from .helpers import BORROWER, handover

    ccas = OrganisationFactory(kind="ccas", name="CCAS de Lorient")
    ccas_user = referent("partenaire.ccas", ccas)
    ccas_household = HouseholdFactory(organisation=ccas, reference="CCAS-0007")
    device = ready_device(site=site)
    request = RequestFactory(household=ccas_household, status="accepted")
    partners.allocate(request=request, device=device, until=TODAY, actor=gestion)
    ccas_loan = services.lend(device=device, borrower=BORROWER, handover=handover(), actor=gestion)

    client.force_login(caf_user)
    page = client.get(reverse("partners:household_detail", args=[loan.household_id])).content.decode()
    assert loan.number in page and ccas_loan.number not in page
    assert client.get(reverse("partners:household_detail", args=[ccas_household.pk])).status_code == 404
    client.force_login(ccas_user)
    assert client.get(reverse("partners:household_detail", args=[loan.household_id])).status_code == 404


def test_the_loan_list_query_count_does_not_grow(atelier_client, loan, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        atelier_client.get(reverse("loans:loan_list"))


def test_the_workshop_home_counts_overdue_loans(atelier_client, loan):
    Loan.objects.filter(pk=loan.pk).update(due_on=TODAY - datetime.timedelta(days=2))
    response = atelier_client.get(reverse("inventory:home"))
    assert 'href="/prets/?tab=overdue"><span class="count">1</span>' in response.content.decode()


def _sale(site, actor, *, price, method, days_ago=0, kind="sale"):
    from decimal import Decimal

    from loans import services

    return services.sell(
        device=ready_device(site=site),
        buyer=services.Buyer(organisation_name="Centre social de Kervénanec"),
        terms=services.SaleTerms(
            price=Decimal(price),
            payment_method=method,
            price_reason="Prix du test",
            sold_on=TODAY - datetime.timedelta(days=days_ago),
            kind=kind,
        ),
        actor=actor,
    )


def test_the_sale_list_filters_by_period_and_payment_and_adds_up_the_takings(atelier_client, atelier, site):
    cash = _sale(site, atelier, price="90", method="cash")
    card = _sale(site, atelier, price="60", method="card")
    old = _sale(site, atelier, price="120", method="cash", days_ago=40)
    free = _sale(site, atelier, price="0", method="none", kind="donation")

    everything = atelier_client.get(reverse("loans:sale_list"))
    assert everything.context["totals"] == {"count": 3, "amount": 270}  # the free supply is listed, not counted
    assert free.number in everything.content.decode()

    week = {"sold_from": (TODAY - datetime.timedelta(days=7)).isoformat(), "sold_to": TODAY.isoformat()}
    response = atelier_client.get(reverse("loans:sale_list"), week)
    assert {s.number for s in response.context["page"]} == {cash.number, card.number, free.number}
    assert response.context["totals"]["amount"] == 150
    assert [(n, amount) for _label, n, amount in response.context["by_method"]] == [(1, 60), (1, 90)]
    assert "Carte bancaire : 60,00 €" in response.content.decode()

    response = atelier_client.get(reverse("loans:sale_list"), {"payment_method": "cash"})
    assert {s.number for s in response.context["page"]} == {cash.number, old.number}
    assert 'value="cash" selected' in response.content.decode()  # the filter stays chosen


def test_a_period_ending_before_it_starts_is_refused_by_name(atelier_client, atelier, site):
    _sale(site, atelier, price="90", method="cash")
    response = atelier_client.get(reverse("loans:sale_list"), {"sold_from": TODAY.isoformat(), "sold_to": "2020-01-01"})
    assert "La fin de la période précède son début." in response.content.decode()
    assert len(response.context["page"]) == 1  # an invalid filter narrows nothing
