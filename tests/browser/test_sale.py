"""At the counter: sell a ready laptop to an association, then a manager cancels it with a credit note."""

import pytest
from playwright.sync_api import Page, expect

from documents.models import IssuedDocument
from inventory.workflow import Status
from loans.models import Sale, SaleStatus
from tests.browser.pages import log_in, log_out
from tests.factories import ready_device

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sell_print_the_invoice_then_cancel_with_a_credit_note(page: Page, live_server, atelier, gestion, site):
    device = ready_device(site=site, asset_tag="SV-000654", grade="B")

    log_in(page, live_server, "atelier")
    page.goto(f"{live_server.url}/appareils/SV-000654/")
    page.get_by_role("link", name="Vendre ou céder").click()
    page.get_by_label("Une structure").check()
    page.locator("#id_organisation_name").fill("Club de soutien scolaire de Kervénanec")
    page.get_by_label("Prix (€ TTC)").fill("90")
    page.get_by_label("Payé par").select_option("cheque")
    page.get_by_role("button", name="Enregistrer et imprimer la facture").click()
    expect(page.locator("#sale-status")).to_have_text("Effectuée")
    invoice = page.locator("#documents a").first
    expect(invoice).to_contain_text("Facture")
    response = page.request.get(live_server.url + invoice.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf" and response.body().startswith(b"%PDF")
    expect(page.get_by_text("Annuler la vente (avoir)")).to_have_count(0)  # volunteers cannot cancel
    sale_url = page.url
    log_out(page)

    log_in(page, live_server, "gestion")
    page.goto(sale_url)
    page.locator("summary", has_text="Annuler la vente (avoir)").click()
    page.get_by_label("Pourquoi la vente est annulée").fill("Le club a reçu un don entre-temps")
    page.get_by_label("Remboursé par").select_option("cheque")
    page.get_by_role("button", name="Annuler la vente", exact=True).click()
    expect(page.locator("#sale-status")).to_have_text("Annulée")
    expect(page.locator("#documents")).to_contain_text("Avoir AV-")
    sale = Sale.objects.get()
    device.refresh_from_db()
    assert sale.status == SaleStatus.CANCELLED and device.status == Status.READY
    assert IssuedDocument.objects.filter(kind="credit_note", number=sale.credit_note_number).exists()
