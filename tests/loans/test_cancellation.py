"""Cancelling a sale: the invoice stays, a gapless credit note refunds it, the device and request come back."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from documents.models import IssuedDocument
from inventory.models import JournalEntry
from inventory.workflow import Action, Status
from loans import services
from loans.models import SaleStatus
from partners.models import DeviceRequest, RequestStatus
from tests.factories import ready_device

from .helpers import pdf_text

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def sell(device, actor, buyer=None, price="90", kind="sale"):
    return services.sell(
        device=device,
        buyer=buyer or services.Buyer(organisation_name="Club de soutien scolaire de Kervénanec"),
        terms=services.SaleTerms(price=Decimal(price), payment_method="cash", price_reason="Prix du test", kind=kind),
        actor=actor,
    )


def cancel(sale, actor, *, returned=False, method="cash", reason="Erreur de saisie au comptoir"):
    cancellation = services.Cancellation(reason=reason, device_returned=returned, refund_method=method)
    return services.cancel_sale(sale=sale, cancellation=cancellation, actor=actor)


def test_a_cancelled_sale_gets_a_numbered_credit_note_and_its_device_back_on_sale(site, atelier, gestion):
    device = ready_device(site=site, grade="B")
    sale = cancel(sell(device, atelier), gestion)
    device.refresh_from_db()
    assert device.status == Status.READY
    assert sale.status == SaleStatus.CANCELLED and sale.credit_note_number == f"AV-{TODAY.year}-0001"
    assert sale.refund_method == "cash" and sale.cancelled_by == gestion
    note = IssuedDocument.objects.get(kind="credit_note")
    assert note.number == sale.credit_note_number
    # The invoice is untouched: still there, still the same number.
    assert IssuedDocument.objects.get(kind="invoice").number == sale.number
    entry = JournalEntry.objects.get(device=device, action=Action.CANCEL_SALE)
    assert entry.details["number"] == sale.credit_note_number and entry.to_status == Status.READY


def test_a_device_brought_back_must_be_checked_and_erased_again(site, atelier, gestion):
    device = ready_device(site=site, grade="B")
    cancel(sell(device, atelier), gestion, returned=True)
    device.refresh_from_db()
    assert device.status == Status.DIAGNOSED
    assert JournalEntry.objects.get(device=device, action=Action.SALE_RETURN).to_status == Status.DIAGNOSED


def test_credit_notes_are_numbered_without_gaps_even_when_one_fails(site, atelier, gestion):
    first = sell(ready_device(site=site, grade="B"), atelier)
    second = sell(ready_device(site=site, grade="B"), atelier)
    with pytest.raises(services.LoanError):
        cancel(first, gestion, method="none")  # a paid sale needs a refund method: nothing written
    assert cancel(second, gestion).credit_note_number == f"AV-{TODAY.year}-0001"
    assert cancel(first, gestion).credit_note_number == f"AV-{TODAY.year}-0002"


def test_cancelling_needs_a_reason_and_happens_once(site, atelier, gestion):
    sale = sell(ready_device(site=site, grade="B"), atelier)
    with pytest.raises(services.LoanError, match="Motif"):
        cancel(sale, gestion, reason="  ")
    cancel(sale, gestion)
    with pytest.raises(services.LoanError, match="déjà été annulée"):
        cancel(sale, gestion)
    assert IssuedDocument.objects.filter(kind="credit_note").count() == 1


def test_a_cancelled_hand_over_puts_the_household_back_on_the_waiting_list(reserved, household, atelier, gestion):
    sale = sell(reserved, atelier, buyer=services.Buyer(household=household))
    cancel(sale, gestion)
    request = DeviceRequest.objects.get(pk=sale.request_id)
    assert request.status == RequestStatus.ACCEPTED
    assert request.status_reason == f"Vente {sale.number} annulée"
    assert DeviceRequest.objects.queue().filter(pk=request.pk).exists()


def test_a_bought_out_loan_is_refunded_only_once_the_device_is_back(reserved, atelier, gestion):
    from .helpers import BORROWER, handover

    loan = services.lend(device=reserved, borrower=BORROWER, handover=handover(option_to_buy=True), actor=atelier)
    sale = services.buy_out(loan=loan, payment_method="cash", actor=atelier)
    with pytest.raises(services.LoanError, match="avec son emprunteur"):
        cancel(sale, gestion, returned=False)
    cancel(sale, gestion, returned=True)
    reserved.refresh_from_db()
    assert reserved.status == Status.DIAGNOSED
    # The loan had served the request: the household does not wait again.
    assert DeviceRequest.objects.get(pk=sale.request_id).status == RequestStatus.FULFILLED


def test_a_free_supply_is_cancelled_without_a_credit_note(site, atelier, gestion):
    device = ready_device(site=site, grade="B")
    sale = cancel(sell(device, atelier, price="0", kind="donation"), gestion, method="none")
    device.refresh_from_db()
    assert sale.status == SaleStatus.CANCELLED and sale.credit_note_number == "" and device.status == Status.READY
    assert not IssuedDocument.objects.filter(kind="credit_note").exists()


def test_a_warranty_return_can_then_be_refunded_without_moving_the_device_again(site, atelier, gestion):
    device = ready_device(site=site, grade="B")
    sale = sell(device, atelier)
    services.warranty_return(sale=sale, reason="Ne démarre plus", actor=atelier)
    sale = cancel(sale, gestion, method="cheque", reason="Panne non réparable, remboursée")
    device.refresh_from_db()
    assert device.status == Status.DIAGNOSED and sale.credit_note_number
    entry = JournalEntry.objects.get(device=device, action=services.SALE_CANCELLED)
    assert entry.details["reason"] == "Panne non réparable, remboursée"


def test_the_credit_note_names_the_invoice_the_amount_the_refund_and_the_reason(site, atelier, gestion):
    device = ready_device(site=site, grade="B", serial="AV-SERIAL-7")
    sale = cancel(sell(device, atelier), gestion, method="transfer", reason="Acheteur parti sans l'appareil")
    text = " ".join(pdf_text(bytes(IssuedDocument.objects.get(kind="credit_note").pdf)).split())
    for expected in (
        f"Avoir {sale.credit_note_number}",
        f"annule la facture {sale.number}",
        "Club de soutien scolaire de Kervénanec",
        device.asset_tag,
        "AV-SERIAL-7",
        "90,00 €",
        "Virement",
        "Acheteur parti sans l'appareil",
        "293 B",
    ):
        assert expected in text, expected


def test_only_managers_cancel_a_sale_from_its_page(client, site, atelier, gestion):
    sale = sell(ready_device(site=site, grade="B"), atelier)
    url = reverse("loans:sale_cancel", args=[sale.pk])
    data = {"reason": "Erreur de prix", "device": "here", "refund_method": "cash"}
    client.force_login(atelier)
    assert "Annuler la vente" not in client.get(sale.get_absolute_url()).content.decode()
    assert client.post(url, data).status_code == 403
    client.force_login(gestion)
    assert "Annuler la vente" in client.get(sale.get_absolute_url()).content.decode()
    missing = client.post(url, {**data, "refund_method": ""})
    assert missing.status_code == 400 and "Remboursement" in missing.content.decode()
    response = client.post(url, data)
    assert response.url == sale.get_absolute_url()
    page = client.get(sale.get_absolute_url()).content.decode()
    assert f"AV-{TODAY.year}-0001" in page and "Erreur de prix" in page
    listing = client.get(reverse("loans:sale_list"))
    assert listing.context["totals"] == {"count": 0, "amount": None}  # a cancelled sale is no takings


def test_the_device_page_shows_the_free_supply_and_the_household_page_the_cancellation(
    client, reserved, household, site, atelier, gestion
):
    supplied = ready_device(site=site, grade="B")
    supply = sell(supplied, atelier, price="0", kind="donation")
    client.force_login(atelier)
    assert supply.number in client.get(supplied.get_absolute_url()).content.decode()

    sale = cancel(sell(reserved, atelier, buyer=services.Buyer(household=household)), gestion)
    page = client.get(reverse("partners:household_detail", args=[household.pk])).content.decode()
    assert sale.number in page and "Annulée" in page


def test_a_cancelled_sale_has_no_warranty_left(site, atelier, gestion):
    sale = cancel(sell(ready_device(site=site, grade="B"), atelier), gestion)
    with pytest.raises(services.LoanError, match="annulée : plus de garantie"):
        services.warranty_return(sale=sale, reason="Panne", actor=atelier)
