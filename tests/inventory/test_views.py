import pytest
from django.urls import reverse

from inventory.models import Device, DonationLot, JournalEntry
from inventory.workflow import Action, Status
from tests.factories import DeviceFactory, DonorFactory, DriveFactory, LotFactory, category, mandatory_items

pytestmark = pytest.mark.django_db


def test_scan_of_a_tag_lands_on_the_device(atelier_client):
    device = DeviceFactory(asset_tag="SV-000123")
    response = atelier_client.get("/scan/", {"q": " sv-000123 "})
    assert response.status_code == 302
    assert response.url == device.get_absolute_url()


def test_scan_of_a_serial_or_a_drive_serial_lands_on_the_device(atelier_client):
    device = DeviceFactory(serial="PF1ABCDE")
    drive = DriveFactory(serial="S3Z9NB0K123456")
    assert atelier_client.get("/scan/", {"q": "PF1ABCDE"}).url == device.get_absolute_url()
    assert atelier_client.get("/scan/", {"q": "S3Z9NB0K123456"}).url == drive.device.get_absolute_url()


def test_scan_of_an_unknown_code_says_so(atelier_client):
    response = atelier_client.get("/scan/", {"q": "NOPE"}, follow=True)
    assert "NOPE" in response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("inventory:device_list"))


def test_register_a_lot_then_twelve_identical_devices(atelier_client, site):
    donor = DonorFactory(name="Mairie de Lorient", kind="public_body")
    response = atelier_client.post(
        reverse("inventory:lot_create"),
        {"donor": donor.pk, "site": site.pk, "received_on": "2026-11-20", "weight_kg": "30"},
    )
    lot = DonationLot.objects.get()
    assert response.url == lot.get_absolute_url()
    response = atelier_client.post(
        lot.get_absolute_url(),
        {
            "mode": "batch",
            "batch-category": category().pk,
            "batch-brand": "Lenovo",
            "batch-model": "ThinkPad T480",
            "batch-quantity": "12",
        },
    )
    assert response.status_code == 302
    assert Device.objects.filter(lot=lot, model="ThinkPad T480").count() == 12


def test_one_line_per_device_names_the_bad_line_and_writes_nothing(atelier_client):
    lot = LotFactory()
    response = atelier_client.post(
        lot.get_absolute_url(),
        {
            "mode": "lines",
            "lines-category": category().pk,
            "lines-lines": "Dell;Latitude 5490;ABC;i5;8\n;;\nHP;840;X;i5;huit",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "3" in body and "huit" in body
    assert not Device.objects.exists()


def test_one_line_per_device_registers_each_line(atelier_client):
    lot = LotFactory()
    atelier_client.post(
        lot.get_absolute_url(),
        {
            "mode": "lines",
            "lines-category": category().pk,
            "lines-lines": "Dell;Latitude 5490;ABC1;i5;8\nHP;EliteBook 840;XYZ2",
        },
    )
    assert sorted(Device.objects.values_list("brand", "serial")) == [("Dell", "ABC1"), ("HP", "XYZ2")]
    assert Device.objects.get(serial="ABC1").ram_gb == 8


def test_scan_entry_adds_one_device_per_serial_and_keeps_the_model(atelier_client):
    lot = LotFactory()
    data = {"mode": "scan", "scan-category": category().pk, "scan-brand": "Dell", "scan-model": "Latitude 5490"}
    for serial in ("SER1", "SER2"):
        response = atelier_client.post(lot.get_absolute_url(), {**data, "scan-serial": serial}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        assert 'value="Latitude 5490"' in response.content.decode()
    assert sorted(Device.objects.values_list("serial", flat=True)) == ["SER1", "SER2"]


def test_serial_list_must_match_quantity(atelier_client):
    lot = LotFactory()
    response = atelier_client.post(
        lot.get_absolute_url(),
        {"mode": "batch", "batch-category": category().pk, "batch-quantity": "3", "batch-serials": "A\nB"},
    )
    assert response.status_code == 200
    assert not Device.objects.exists()


def test_device_page_offers_only_the_actions_possible_now(atelier_client):
    device = DeviceFactory(status=Status.RECEIVED)
    body = atelier_client.get(device.get_absolute_url()).content.decode()
    assert f"/action/{Action.DIAGNOSE}/" in body
    assert f"/action/{Action.MARK_READY}/" not in body


def test_an_illegal_action_posted_anyway_is_refused_with_the_reason(atelier_client):
    device = DeviceFactory(status=Status.RECEIVED)
    response = atelier_client.post(reverse("inventory:device_action", args=[device.asset_tag, Action.MARK_READY]))
    assert response.status_code == 409
    assert device.asset_tag in response.content.decode()
    device.refresh_from_db()
    assert device.status == Status.RECEIVED
    assert not JournalEntry.objects.filter(device=device).exists()


def test_checklist_through_the_page(atelier_client):
    device = DeviceFactory(status=Status.OS_INSTALLED)
    data = {f"check-item_{item.pk}": "ok" for item in mandatory_items(device)}
    response = atelier_client.post(reverse("inventory:device_action", args=[device.asset_tag, Action.CHECK]), data)
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.status == Status.CHECKED


def test_device_list_filters_and_searches(atelier_client, site):
    DeviceFactory(brand="Lenovo", status=Status.READY, lot=LotFactory(site=site))
    DeviceFactory(brand="Dell", status=Status.RECEIVED, lot=LotFactory(site=site))
    body = atelier_client.get(reverse("inventory:device_list"), {"status": "ready"}).content.decode()
    assert "Lenovo" in body and "Dell" not in body
    body = atelier_client.get(reverse("inventory:device_list"), {"q": "dell"}).content.decode()
    assert "Dell" in body and "Lenovo" not in body


def test_device_list_defaults_to_the_users_current_site(atelier_client, site):
    DeviceFactory(brand="Here", lot=LotFactory(site=site))
    DeviceFactory(brand="Elsewhere")
    body = atelier_client.get(reverse("inventory:device_list")).content.decode()
    assert "Here" in body and "Elsewhere" not in body
    body = atelier_client.get(reverse("inventory:device_list"), {"site": "all"}).content.decode()
    assert "Elsewhere" in body


def _list_queries(client, django_assert_num_queries, n):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("inventory:device_list"), {"site": "all", "per_page": 200})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_device_list_query_count_does_not_grow_with_the_data(atelier_client, django_assert_num_queries):
    DeviceFactory.create_batch(20, lot=LotFactory())
    small = _list_queries(atelier_client, django_assert_num_queries, 20)
    lots = LotFactory.create_batch(5)
    for i in range(480):
        DeviceFactory(lot=lots[i % 5])
    large = _list_queries(atelier_client, django_assert_num_queries, 500)
    assert small == large
    assert large <= 10


def test_stock_counts_by_category(gestion_client, site):
    DeviceFactory.create_batch(3, status=Status.READY, lot=LotFactory(site=site))
    DeviceFactory(status=Status.SOLD, lot=LotFactory(site=site))
    response = gestion_client.get(reverse("inventory:stock"), {"by": "category"})
    rows = response.context["rows"]
    assert [(row["key"], row["total"]) for row in rows] == [("Ordinateur portable", 3)]


def test_switching_site_changes_the_default_filter(atelier_client, atelier):
    from tests.factories import SiteFactory

    other = SiteFactory(code="vannes", name="Atelier de Vannes")
    atelier.sites.add(other)
    atelier_client.post(reverse("workshop:switch_site"), {"site": other.pk, "next": "/atelier/"})
    atelier.refresh_from_db()
    assert atelier.current_site == other


def test_a_user_cannot_switch_to_a_site_that_is_not_theirs(atelier_client, atelier):
    from tests.factories import SiteFactory

    other = SiteFactory(code="brest")
    assert atelier_client.post(reverse("workshop:switch_site"), {"site": other.pk}).status_code == 404


def test_the_timeline_shows_details_in_french(atelier_client, atelier):
    from inventory import services

    device = DeviceFactory(status=Status.DIAGNOSED)
    drive = DriveFactory(device=device, serial="S3Z9")
    from tests.inventory.test_services import erase

    erase(device, drive, atelier)
    body = atelier_client.get(device.get_absolute_url()).content.decode()
    assert "Méthode : ATA Secure Erase" in body
    assert "Résultat : Réussi" in body
    services.set_grade(device=device, grade="A", actor=atelier)
    body = atelier_client.get(device.get_absolute_url()).content.decode()
    assert "Grade : — → A — comme neuf" in body


def test_editing_a_device_journals_the_change(atelier_client):
    device = DeviceFactory(brand="Lenvo", model="T480")
    data = {"category": device.category_id, "brand": "Lenovo", "model": "T480", "serial": device.serial, "notes": ""}
    response = atelier_client.post(reverse("inventory:device_edit", args=[device.asset_tag]), data)
    assert response.status_code == 302
    entry = JournalEntry.objects.get(device=device, action=Action.EDIT)
    assert entry.details == {"brand": {"from": "Lenvo", "to": "Lenovo"}}


def test_a_negative_memory_is_refused(atelier_client):
    device = DeviceFactory()
    data = {"category": device.category_id, "ram_gb": "-8"}
    response = atelier_client.post(reverse("inventory:device_edit", args=[device.asset_tag]), data)
    assert response.status_code == 200
    assert not JournalEntry.objects.filter(device=device).exists()
