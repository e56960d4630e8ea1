"""A social worker asks for a laptop; a manager accepts and reserves one; the social worker sees it."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from partners.models import DeviceRequest
from tests.browser.pages import log_in, log_out
from tests.factories import ready_device
from tests.partners.factories import OrganisationFactory, commune, referent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_request_accepted_and_reserved(page: Page, live_server, gestion, site):
    commune()
    referent("partenaire.caf", OrganisationFactory(kind="caf", name="CAF du Morbihan"))
    device = ready_device(site=site, asset_tag="SV-000777")

    log_in(page, live_server, "partenaire.caf")
    page.get_by_role("link", name="Nouvelle demande").first.click()
    page.get_by_label("Référence du foyer").fill("CAF-2026-0042")
    page.get_by_label("Commune").fill("Lori")
    # htmx fills the suggestions as the person types.
    expect(page.locator("#communes option[value='Lorient (56100)']")).to_have_count(1)
    page.get_by_label("Commune").fill("Lorient (56100)")
    page.get_by_label("Appareil demandé").select_option("laptop")
    page.get_by_label("Usage").select_option("job_search")
    page.get_by_label("Minimum social", exact=False).check()
    page.get_by_label("J'ai informé le foyer", exact=False).check()
    page.get_by_role("button", name="Envoyer la demande").click()
    expect(page.locator("#request-status")).to_have_text("Envoyée")
    log_out(page)

    log_in(page, live_server, "gestion")
    page.get_by_role("link", name="Demandes").first.click()
    page.get_by_role("link", name="CAF-2026-0042").click()
    page.get_by_role("button", name="Accepter").click()
    expect(page.locator("#request-status")).to_have_text("Acceptée")
    page.get_by_label("SV-000777", exact=False).check()
    page.get_by_role("button", name="Réserver", exact=True).click()
    expect(page.locator("#request-status")).to_have_text("Appareil réservé")
    log_out(page)

    log_in(page, live_server, "partenaire.caf")
    page.get_by_role("link", name="CAF-2026-0042").click()
    expect(page.locator("#request-status")).to_have_text("Appareil réservé")
    until = DeviceRequest.objects.get().active_allocation.reserved_until
    assert until == timezone.localdate() + datetime.timedelta(days=14)
    expect(page.locator("#reserved-until")).to_contain_text(str(until.year))
    device.refresh_from_db()
    assert device.status == "reserved"
