"""A volunteer prints the labels of a lot just entered, in Chromium."""

import pytest
from playwright.sync_api import Page

from tests.browser.pages import log_in
from tests.factories import DeviceFactory, LotFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_print_the_labels_of_a_lot_from_its_page(page: Page, live_server, atelier, site):
    lot = LotFactory(site=site, reference="DON-2026-001")
    DeviceFactory.create_batch(3, lot=lot)
    log_in(page, live_server, "atelier")
    page.goto(f"{live_server.url}{lot.get_absolute_url()}")

    panel = page.locator("section.print-panel")
    panel.get_by_label("Format d'étiquettes").select_option("L7163")
    panel.get_by_label("Étiquettes déjà utilisées sur la planche").fill("2")
    # The form opens the PDF in a new tab.
    is_labels = lambda response: "/documents/etiquettes/lot/" in response.url  # noqa: E731
    with page.context.expect_event("response", is_labels) as pdf:
        panel.get_by_role("button", name="Imprimer les étiquettes de ce lot").click()
    assert pdf.value.status == 200
    assert pdf.value.headers["content-type"] == "application/pdf"
    assert "format=L7163" in pdf.value.url and "skip=2" in pdf.value.url
    # Chromium shows it in its PDF viewer; fetch the same address with the session to read the bytes.
    assert page.request.get(pdf.value.url).body().startswith(b"%PDF")
