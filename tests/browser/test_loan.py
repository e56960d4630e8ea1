"""At the counter: hand a reserved laptop over as a loan, signed on screen, print the contract, take it back."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from inventory.workflow import Status
from loans.models import Loan, LoanStatus
from partners import services as partners
from partners.models import RequestStatus
from tests.browser.pages import log_in
from tests.factories import ready_device
from tests.partners.factories import HouseholdFactory, OrganisationFactory, RequestFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hand_over_sign_print_the_contract_then_take_back(page: Page, live_server, atelier, gestion, site):
    household = HouseholdFactory(organisation=OrganisationFactory(name="CCAS de Lorient"), reference="CCAS-0042")
    request = RequestFactory(household=household, status=RequestStatus.ACCEPTED)
    device = ready_device(site=site, asset_tag="SV-000321", serial="PF0CONTRAT")
    partners.allocate(
        request=request, device=device, until=timezone.localdate() + datetime.timedelta(days=7), actor=gestion
    )

    log_in(page, live_server, "atelier")
    page.goto(f"{live_server.url}/appareils/SV-000321/")
    page.get_by_role("link", name="Remettre en prêt").click()
    page.locator("#id_first_name").fill("Amina")
    page.locator("#id_last_name").fill("Durand")
    page.get_by_label("Téléphone").fill("06 12 34 56 78")
    page.get_by_label("Chargeur").check()
    # The borrower signs with a finger on the tablet's screen.
    canvas = page.locator(".signature-pad canvas")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 40)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 20 + step * 25, box["y"] + 40 + (step % 3) * 20)
    page.mouse.up()
    expect(page.locator("#id_signature")).to_have_value(re.compile(r"^data:image/png;base64,"))
    page.get_by_role("button", name="Enregistrer le prêt et imprimer le contrat").click()
    expect(page.locator("#loan-status")).to_have_text("Prêté")

    contract_link = page.locator("#documents a").first
    expect(contract_link).to_contain_text("Contrat de prêt")
    response = page.request.get(live_server.url + contract_link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    loan = Loan.objects.get()
    assert loan.signed_on_screen and loan.signed_at is not None

    page.locator("summary", has_text="Reprendre").click()
    page.get_by_label("État au retour").select_option("worn")
    page.get_by_role("button", name="Reprendre").click()
    expect(page.locator("#loan-status")).to_have_text("Rendu")
    loan.refresh_from_db()
    device.refresh_from_db()
    assert loan.status == LoanStatus.RETURNED and device.status == Status.DIAGNOSED
    expect(page.locator("#documents")).to_contain_text("Reçu de retour")
