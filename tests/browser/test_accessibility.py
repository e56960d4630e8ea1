"""WCAG 2.1 A/AA audit (axe-core) of the workshop pages, as a volunteer would open them."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from inventory.workflow import Status
from tests.browser.pages import log_in
from tests.factories import DeviceFactory, LotFactory

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not AXE.exists(), reason="axe-core missing: run npm ci"),
]


def violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})" for v in result["violations"]
    ]


def test_workshop_pages_have_no_wcag_violation(page: Page, live_server, atelier, site):
    lot = LotFactory(site=site)
    device = DeviceFactory(lot=lot, status=Status.OS_INSTALLED)
    page.goto(f"{live_server.url}/connexion/")
    assert violations(page) == [], "login page"
    log_in(page, live_server, "atelier")
    for url in ["/atelier/", "/appareils/", device.get_absolute_url(), lot.get_absolute_url(), "/lots/nouveau/"]:
        page.goto(f"{live_server.url}{url}")
        assert violations(page) == [], url


def test_the_audit_catches_an_unlabelled_field(page: Page):
    page.set_content(
        "<html lang='fr'><head><title>t</title></head><body><main><input type='text'></main></body></html>"
    )
    assert any(v.startswith("label") for v in violations(page))


def test_partner_and_loan_pages_have_no_wcag_violation(page: Page, live_server, atelier, gestion, site):
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from loans import services as loans
    from partners import services as partners
    from tests.factories import ready_device
    from tests.partners.factories import HouseholdFactory, OrganisationFactory, RequestFactory, commune, referent

    commune()
    organisation = OrganisationFactory(name="CAF du Morbihan")
    referent("partenaire.caf", organisation)
    request = RequestFactory(household=HouseholdFactory(organisation=organisation), status="accepted")
    device = ready_device(site=site)
    partners.allocate(
        request=request, device=device, until=timezone.localdate() + datetime.timedelta(days=3), actor=gestion
    )
    loan = loans.lend(
        device=device,
        borrower=loans.Borrower("Amina", "Durand", "0612345678"),
        handover=loans.Handover(
            starts_on=timezone.localdate(), due_on=timezone.localdate() + datetime.timedelta(days=90)
        ),
        actor=atelier,
    )
    other = ready_device(site=site)
    log_in(page, live_server, "partenaire.caf")
    for url in ["/partenaires/", "/partenaires/demandes/nouvelle/", f"/partenaires/demandes/{request.pk}/"]:
        page.goto(f"{live_server.url}{url}")
        assert violations(page) == [], url
    page.get_by_role("button", name="Se déconnecter").click()
    log_in(page, live_server, "atelier")
    for url in [
        "/demandes/",
        f"/partenaires/demandes/{request.pk}/",
        "/prets/",
        loan.get_absolute_url(),
        "/prets/appels/",
        f"/appareils/{other.asset_tag}/vendre/",
        "/ventes/",
        "/adhesions/",
    ]:
        page.goto(f"{live_server.url}{url}")
        assert violations(page) == [], url
    # A manager's sale page holds two forms (warranty return, cancellation) side by side.
    sale = loans.sell(
        device=ready_device(site=site),
        buyer=loans.Buyer(organisation_name="Centre social"),
        terms=loans.SaleTerms(price=Decimal("90"), payment_method="cash", price_reason="Prix du test"),
        actor=atelier,
    )
    page.get_by_role("button", name="Se déconnecter").click()
    log_in(page, live_server, "gestion")
    page.goto(f"{live_server.url}{sale.get_absolute_url()}")
    page.locator("summary").first.click()
    page.locator("summary").last.click()
    assert violations(page) == [], sale.get_absolute_url()
    ids = page.eval_on_selector_all("[id]", "nodes => nodes.map(n => n.id)")
    assert len(ids) == len(set(ids)), "every id on the page is unique"
