"""A volunteer at the workbench takes a device from RECEIVED to READY, in Chromium."""

import pytest
from playwright.sync_api import Page, expect

from inventory import services
from inventory.models import Device
from inventory.workflow import Status
from tests.browser.pages import log_in
from tests.factories import DeviceFactory, LotFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def act(page: Page, summary: str) -> None:
    """Open an action's panel (if closed) and return; the caller fills it."""
    details = page.locator("details.action", has=page.locator("summary", has_text=summary))
    if details.get_attribute("open") is None:
        details.locator("summary").click()


def submit(page: Page, summary: str) -> None:
    details = page.locator("details.action", has=page.locator("summary", has_text=summary))
    details.get_by_role("button", name=summary).click()


def test_scan_then_received_to_ready_with_the_timeline(page: Page, live_server, atelier, site):
    device = DeviceFactory(asset_tag="SV-000042", serial="PF1XYZ", lot=LotFactory(site=site))
    log_in(page, live_server, "atelier")

    # The USB scanner types the tag then Enter in the scan box, present on every page.
    page.get_by_label("Scanner ou saisir une étiquette ou un numéro de série").fill("SV-000042")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("SV-000042")
    expect(page.locator("#device-status")).to_have_text("Reçu")

    act(page, "Diagnostiquer")
    page.get_by_label("Processeur").fill("Intel Core i5-8350U")
    page.get_by_label("Mémoire (Go)").fill("8")
    submit(page, "Diagnostiquer")
    expect(page.locator("#device-status")).to_have_text("Diagnostiqué")

    act(page, "Ajouter un disque")
    page.locator("#id_add_drive-kind").select_option("ssd")
    page.locator("#id_add_drive-serial").fill("S3Z9NB0K123456")
    page.locator("#id_add_drive-capacity_gb").fill("256")
    submit(page, "Ajouter un disque")
    expect(page.get_by_text("S3Z9NB0K123456").first).to_be_visible()

    act(page, "Enregistrer un effacement")
    page.locator("#id_erase-method").select_option("ata_secure_erase")
    page.locator("#id_erase-standard").select_option("nist_purge")
    submit(page, "Enregistrer un effacement")
    expect(page.locator("#device-status")).to_have_text("Effacé")

    act(page, "Enregistrer le système installé")
    page.locator("#id_install_os-operating_system").select_option(label="Linux Mint")
    page.locator("#id_install_os-version").fill("22.1")
    submit(page, "Enregistrer le système installé")
    expect(page.locator("#device-status")).to_have_text("Système installé")

    act(page, "Remplir la liste de contrôle")
    page.get_by_role("button", name="Tout est bon").click()
    submit(page, "Remplir la liste de contrôle")
    expect(page.locator("#device-status")).to_have_text("Contrôlé")

    act(page, "Attribuer un grade")
    page.get_by_label("A — comme neuf").check()
    submit(page, "Attribuer un grade")

    act(page, "Marquer disponible")
    submit(page, "Marquer disponible")
    expect(page.locator("#device-status")).to_have_text("Disponible")

    timeline = page.locator("#timeline li")
    expect(timeline).to_have_count(7)
    expect(timeline.first).to_contain_text("Marquer disponible")
    expect(page.locator("#timeline")).to_contain_text("Reçu → Diagnostiqué")
    device.refresh_from_db()
    assert device.status == Status.READY
    assert Device.objects.get(pk=device.pk).journal.count() == 7


def test_a_step_made_stale_by_a_colleague_is_refused_in_french(page: Page, live_server, atelier, site):
    device = DeviceFactory(asset_tag="SV-000043", lot=LotFactory(site=site), status=Status.RECEIVED)
    log_in(page, live_server, "atelier")
    page.goto(f"{live_server.url}{device.get_absolute_url()}")
    # Meanwhile a colleague diagnoses the same device from another tablet.
    services.diagnose(device=device, actor=atelier)
    act(page, "Diagnostiquer")
    submit(page, "Diagnostiquer")
    expect(page.locator(".messages")).to_contain_text(
        "« Diagnostiquer » n’est pas possible pour SV-000043 : son statut est « Diagnostiqué »"
    )
    expect(page.locator("#device-status")).to_have_text("Diagnostiqué")


def test_scanning_serials_registers_one_device_per_scan(page: Page, live_server, atelier, site):
    lot = LotFactory(site=site, reference="DON-2026-0007")
    log_in(page, live_server, "atelier")
    page.goto(f"{live_server.url}{lot.get_absolute_url()}?mode=scan")
    page.locator("#id_scan-category").select_option(label="Ordinateur portable")
    page.locator("#id_scan-brand").fill("Dell")
    page.locator("#id_scan-model").fill("Latitude 5490")
    serial = page.get_by_label("Scannez ou tapez le numéro de série, puis Entrée")
    for code in ("CN0ABC1", "CN0ABC2", "CN0ABC3"):
        serial.fill(code)
        serial.press("Enter")  # what a USB scanner sends after the code
        expect(page.locator(".scan-feedback")).to_contain_text(code)
        serial = page.get_by_label("Scannez ou tapez le numéro de série, puis Entrée")
        expect(serial).to_have_value("")
        expect(serial).to_be_focused()
    expect(page.locator("#lot-devices tr")).to_have_count(3)
    expect(page.locator("#id_scan-model")).to_have_value("Latitude 5490")
    assert sorted(Device.objects.filter(lot=lot).values_list("serial", flat=True)) == ["CN0ABC1", "CN0ABC2", "CN0ABC3"]
