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
