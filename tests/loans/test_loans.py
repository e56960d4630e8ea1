"""Loans through their services: hand-over, renewal, return, loss, gift, and what each leaves behind."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from documents.models import IssuedDocument
from inventory import services as inventory
from inventory.models import JournalEntry
from inventory.workflow import Action, Status, WorkflowError
from loans import services
from loans.models import Loan, LoanStatus
from loans.models.choices import DepositState
from partners.models import AllocationState, RequestStatus
from tests.factories import ready_device

from .helpers import BORROWER, handover

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_handing_over_a_reserved_device_lends_it_to_its_household(loan, reserved, household):
    reserved.refresh_from_db()
    assert reserved.status == Status.LOANED
    assert loan.household == household and loan.status == LoanStatus.ACTIVE
    assert loan.number == f"PRET-{TODAY.year}-0001"
    assert loan.deposit_state == DepositState.HELD
    household.refresh_from_db()
    assert household.full_name == "Amina Durand" and household.phone == "06 12 34 56 78"


def test_the_request_is_fulfilled_and_the_reservation_closed(loan):
    loan.request.refresh_from_db()
    assert loan.request.status == RequestStatus.FULFILLED
    assert loan.request.allocations.get().state == AllocationState.FULFILLED


def test_handing_over_journals_on_the_device_and_the_loan(loan, reserved):
    entry = JournalEntry.objects.get(device=reserved, action=Action.LEND)
    assert entry.subject == loan and (entry.from_status, entry.to_status) == (Status.RESERVED, Status.LOANED)


def test_the_contract_is_issued_and_stored_with_the_loan_number(loan):
    contract = IssuedDocument.objects.get(kind="loan_contract")
    assert contract.number == loan.number and contract.subject == loan
    assert bytes(contract.pdf).startswith(b"%PDF")


def test_a_signature_drawn_on_screen_signs_the_contract(reserved, atelier):
    from .test_documents import SIGNATURE

    loan = services.lend(device=reserved, borrower=BORROWER, handover=handover(signature=SIGNATURE), actor=atelier)
    assert loan.signed_at is not None and loan.signed_on_screen


def test_a_paper_signature_is_recorded_once(loan, atelier):
    assert loan.signed_at is None
    services.record_signature(loan=loan, actor=atelier)
    with pytest.raises(services.LoanError):
        services.record_signature(loan=loan, actor=atelier)


@pytest.mark.parametrize(
    ("borrower", "overrides", "message"),
    [
        (services.Borrower("", "Durand"), {}, "nom"),
        (BORROWER, {"due_on": TODAY}, "retour prévue"),
        (BORROWER, {"deposit_method": "none"}, "Caution"),
        (BORROWER, {"deposit_amount": Decimal("-1")}, "négati"),
    ],
)
def test_bad_hand_over_input_is_refused_and_writes_nothing(reserved, atelier, borrower, overrides, message):
    with pytest.raises(services.LoanError, match=message):
        services.lend(device=reserved, borrower=borrower, handover=handover(**overrides), actor=atelier)
    reserved.refresh_from_db()
    assert reserved.status == Status.RESERVED
    assert not Loan.objects.exists() and not IssuedDocument.objects.exists()


def test_a_household_with_an_overdue_loan_cannot_borrow_again(loan, household, atelier, gestion):
    from partners import services as partners
    from tests.partners.factories import RequestFactory

    Loan.objects.filter(pk=loan.pk).update(due_on=TODAY - datetime.timedelta(days=1))
    other = ready_device(site=loan.site)
    request = RequestFactory(household=household, status=RequestStatus.ACCEPTED, need="laptop")
    partners.allocate(request=request, device=other, until=TODAY, actor=gestion)
    with pytest.raises(services.LoanError, match=loan.number):
        services.lend(device=other, borrower=BORROWER, handover=handover(), actor=atelier)


def test_renewing_moves_the_due_date_and_journals_it(loan, atelier):
    later = loan.due_on + datetime.timedelta(days=90)
    services.renew(loan=loan, due_on=later, actor=atelier)
    loan.refresh_from_db()
    assert loan.due_on == later and loan.renewals == 1
    assert JournalEntry.objects.filter(action=services.RENEWED, subject_id=loan.pk).count() == 1


def test_renewal_must_move_the_date_forward(loan, atelier):
    with pytest.raises(services.LoanError):
        services.renew(loan=loan, due_on=loan.due_on, actor=atelier)


def returned(loan, atelier, **overrides):
    outcome = {"condition": "good", "accessories_returned": ["charger"], **overrides}
    return services.take_back(loan=loan, outcome=services.Return(**outcome), actor=atelier)


def test_taking_back_sends_the_device_to_diagnosed_with_a_receipt(loan, reserved, atelier):
    loan = returned(loan, atelier)
    reserved.refresh_from_db()
    assert reserved.status == Status.DIAGNOSED
    assert loan.status == LoanStatus.RETURNED and loan.deposit_state == DepositState.REFUNDED
    receipt = IssuedDocument.objects.get(kind="return_receipt")
    assert receipt.number == f"{loan.number}-R"


def test_keeping_the_deposit_needs_a_reason(loan, atelier):
    with pytest.raises(services.LoanError, match="Caution"):
        returned(loan, atelier, deposit_kept=True)
    loan = returned(loan, atelier, deposit_kept=True, deposit_kept_reason="Écran fissuré")
    assert loan.deposit_state == DepositState.KEPT and loan.deposit_kept_reason == "Écran fissuré"


def test_a_returned_device_cannot_be_lent_again_before_a_new_erasure(loan, reserved, atelier):
    returned(loan, atelier)
    reserved.refresh_from_db()
    with pytest.raises(WorkflowError):
        inventory.apply(device=reserved, action=Action.LEND, actor=atelier)
    with pytest.raises(WorkflowError):  # the old erasure belongs to the previous cycle
        inventory.install_os(device=reserved, operating_system=reserved.operating_system, version="22", actor=atelier)
    drive = reserved.drives.get()
    inventory.record_erasure(
        device=reserved,
        drive=drive,
        method="ata_secure_erase",
        standard="nist_purge",
        tool="nwipe",
        started_at=timezone.now(),
        ended_at=timezone.now(),
        result="success",
        actor=atelier,
    )
    reserved.refresh_from_db()
    assert reserved.status == Status.ERASED


def test_declaring_a_loss_keeps_the_deposit(loan, reserved, atelier):
    loan = services.declare_lost(loan=loan, note="Vol, plainte n° 1234", actor=atelier)
    reserved.refresh_from_db()
    assert reserved.status == Status.LOST and loan.deposit_state == DepositState.KEPT


def test_a_loan_becomes_a_gift_only_after_the_term(loan, reserved, atelier, settings):
    with pytest.raises(services.LoanError):
        services.give(loan=loan, actor=atelier)
    later = services.add_months(loan.starts_on, settings.GIFT_AFTER_MONTHS)
    services.give(loan=loan, actor=atelier, today=later)
    reserved.refresh_from_db()
    assert reserved.status == Status.GIVEN


def test_an_ended_loan_cannot_change(loan, atelier):
    returned(loan, atelier)
    with pytest.raises(services.LoanError):
        services.renew(loan=loan, due_on=TODAY + datetime.timedelta(days=400), actor=atelier)
    with pytest.raises(services.LoanError):
        services.declare_lost(loan=loan, note="x", actor=atelier)


def test_loans_are_never_deleted(loan):
    with pytest.raises(TypeError):
        loan.delete()
    assert Loan.objects.filter(pk=loan.pk).exists()
