"""What the loan contract, the return receipt and the invoice say, read back from their PDFs."""

from decimal import Decimal

import pytest
from django.utils import timezone

from documents.models import IssuedDocument
from loans import services
from tests.factories import ready_device

from .helpers import BORROWER, handover, pdf_text

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
SIGNATURE = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def text_of(kind: str) -> str:
    return " ".join(pdf_text(bytes(IssuedDocument.objects.get(kind=kind).pdf)).split())


def test_the_contract_names_the_parties_the_device_the_dates_and_the_deposit(loan, site):
    text = text_of("loan_contract")
    for expected in (
        loan.number,
        "Atelier de Lorient",
        "Amina Durand",
        "4 rue des Lilas",
        "SV-000123",
        "PF1ABCDE",
        loan.starts_on.strftime("%Y"),
        "50,00 €",
        "Chargeur",
        "1875",
        "Données personnelles",
    ):
        assert expected in text, expected
    assert timezone.localdate().strftime("%d") in text


def test_the_contract_embeds_the_signature_drawn_on_screen(reserved, atelier):
    import io

    from pypdf import PdfReader

    services.lend(device=reserved, borrower=BORROWER, handover=handover(signature=SIGNATURE), actor=atelier)
    reader = PdfReader(io.BytesIO(bytes(IssuedDocument.objects.get(kind="loan_contract").pdf)))
    assert any(page.images for page in reader.pages)
    assert "Signé à l'écran" in text_of("loan_contract")


def test_the_return_receipt_says_what_came_back_and_the_deposit(loan, atelier):
    services.take_back(
        loan=loan,
        outcome=services.Return("damaged", ["charger"], deposit_kept=True, deposit_kept_reason="Écran fissuré"),
        actor=atelier,
    )
    text = text_of("return_receipt")
    for expected in (f"{loan.number}-R", "SV-000123", "Amina Durand", "Sacoche", "Écran fissuré", "Conservée"):
        assert expected in text, expected


def test_the_invoice_has_the_buyer_device_price_number_and_legal_mentions(site, atelier):
    device = ready_device(site=site, grade="B", serial="INV-SERIAL-9")
    sale = services.sell(
        device=device,
        buyer=services.Buyer(
            organisation_name="Centre social de Kervénanec", organisation_address="1 place Kervénanec"
        ),
        terms=services.SaleTerms(price=Decimal("90"), payment_method="cheque"),
        actor=atelier,
    )
    text = text_of("invoice")
    for expected in (
        sale.number,
        "Centre social de Kervénanec",
        device.asset_tag,
        "INV-SERIAL-9",
        "90,00 €",
        "Chèque",
        "293 B",
    ):
        assert expected in text, expected


def test_a_reprint_is_byte_for_byte_what_was_issued(loan, atelier_client):
    contract = IssuedDocument.objects.get(kind="loan_contract")
    first = atelier_client.get(contract.get_absolute_url())
    second = atelier_client.get(contract.get_absolute_url())
    assert first["Content-Type"] == "application/pdf"
    assert first.content == second.content == bytes(contract.pdf)
