"""The print panels and the documents' URLs, through the client, for each role."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from documents.models import IssuedDocument
from documents.services import issue_erasure_certificate
from inventory.workflow import Status
from tests.documents.factories import lot_with_erasures
from tests.factories import DeviceFactory, LotFactory, ready_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot(site):
    lot, _erasures, _bare = lot_with_erasures(site)
    return lot


@pytest.fixture
def issued(lot, atelier):
    return issue_erasure_certificate(actor=atelier, lot=lot)


def document_urls(lot, issued):
    tag = lot.devices.first().asset_tag
    return [
        ("get", reverse("documents:lot_labels", args=[lot.pk]) + "?format=L7160"),
        ("get", reverse("documents:device_labels", args=[tag]) + "?format=L7160"),
        ("get", reverse("documents:selection_labels") + f"?format=L7160&tags={tag}"),
        ("get", reverse("documents:selection_labels") + "?format=L7160&filter=1&site=all"),
        ("get", reverse("documents:calibration") + "?format=L7160"),
        ("post", reverse("documents:lot_certificate", args=[lot.pk])),
        ("post", reverse("documents:device_certificate", args=[tag])),
        ("post", reverse("documents:lot_receipt", args=[lot.pk])),
        ("get", reverse("documents:issued_pdf", args=[issued.pk])),
    ]


def test_partners_can_print_nothing(client, partenaire, lot, issued):
    client.force_login(partenaire)
    for method, url in document_urls(lot, issued):
        assert getattr(client, method)(url).status_code == 403, url
    assert IssuedDocument.objects.count() == 1


@pytest.mark.parametrize("role", ["atelier", "gestion"])
def test_workshop_staff_get_every_document(client, request, role, lot, issued):
    client.force_login(request.getfixturevalue(role))
    for method, url in document_urls(lot, issued):
        response = getattr(client, method)(url, follow=method == "post")
        assert response.status_code == 200, url
        assert response["Content-Type"] == "application/pdf", url


def test_lot_labels_are_a_pdf_with_one_label_per_device(atelier_client, lot, tmp_path):
    from tests.documents.conftest import decode, page_images

    response = atelier_client.get(reverse("documents:lot_labels", args=[lot.pk]), {"format": "L7163", "skip": "2"})
    assert response["Content-Type"] == "application/pdf"
    (image,) = page_images(response.content, tmp_path, dpi=150)
    assert decode(image) == sorted(f"CODE-128:{d.asset_tag}" for d in lot.devices.all())


def test_a_bad_skip_is_refused_with_a_message_naming_the_field(atelier_client, lot):
    url = reverse("documents:lot_labels", args=[lot.pk])
    response = atelier_client.get(url, {"format": "L7160", "skip": "21"}, HTTP_REFERER=lot.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == lot.get_absolute_url()
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Étiquettes déjà utilisées" in message or "Labels already used" in message
    assert "20" in message


def test_an_unknown_format_is_refused_with_a_message_naming_the_field(atelier_client, lot):
    response = atelier_client.get(reverse("documents:lot_labels", args=[lot.pk]), {"format": "L9999"})
    assert response.status_code == 302
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Format" in message or "format" in message


def test_spec_labels_on_a_too_small_format_are_refused(atelier_client, site):
    device = ready_device(lot=LotFactory(site=site))
    url = reverse("documents:device_labels", args=[device.asset_tag])
    response = atelier_client.get(url, {"format": "L7651", "kind": "spec"})
    assert response.status_code == 302


def test_selection_prints_the_ticked_devices_only(atelier_client, site, tmp_path):
    from tests.documents.conftest import decode, page_images

    lot = LotFactory(site=site)
    devices = DeviceFactory.create_batch(4, lot=lot)
    response = atelier_client.get(
        reverse("documents:selection_labels"), {"format": "L7160", "tags": [devices[0].asset_tag, devices[2].asset_tag]}
    )
    (image,) = page_images(response.content, tmp_path, dpi=150)
    assert decode(image) == sorted(f"CODE-128:{devices[i].asset_tag}" for i in (0, 2))


def test_filter_prints_every_device_the_filter_shows(atelier_client, site, tmp_path):
    from tests.documents.conftest import decode, page_images

    lot = LotFactory(site=site)
    ready = DeviceFactory.create_batch(2, lot=lot, status=Status.READY)
    DeviceFactory.create_batch(2, lot=lot, status=Status.RECEIVED)
    response = atelier_client.get(
        reverse("documents:selection_labels"), {"format": "L7160", "filter": "1", "status": Status.READY}
    )
    (image,) = page_images(response.content, tmp_path, dpi=150)
    assert decode(image) == sorted(f"CODE-128:{d.asset_tag}" for d in ready)


def test_nothing_ticked_is_refused_with_a_message(atelier_client):
    response = atelier_client.get(reverse("documents:selection_labels"), {"format": "L7160"})
    assert response.status_code == 302
    assert len(list(get_messages(response.wsgi_request))) == 1


def test_printing_the_certificate_again_gives_back_the_same_number(atelier_client, lot):
    url = reverse("documents:lot_certificate", args=[lot.pk])
    first = atelier_client.post(url)
    second = atelier_client.post(url)
    assert first["Location"] == second["Location"]
    assert IssuedDocument.objects.count() == 1


def test_a_reprint_returns_the_stored_bytes_unchanged(atelier_client, issued):
    url = reverse("documents:issued_pdf", args=[issued.pk])
    assert atelier_client.get(url).content == bytes(issued.pdf)
    assert atelier_client.get(url).content == atelier_client.get(url).content


def test_a_certificate_with_nothing_to_certify_says_why(atelier_client, site):
    lot = LotFactory(site=site)
    DeviceFactory(lot=lot)
    response = atelier_client.post(reverse("documents:lot_certificate", args=[lot.pk]))
    assert response["Location"] == lot.get_absolute_url()
    assert not IssuedDocument.objects.exists()


def test_the_lot_page_has_the_print_panel_and_its_documents(atelier_client, lot, issued):
    page = atelier_client.get(lot.get_absolute_url()).content.decode()
    assert reverse("documents:lot_labels", args=[lot.pk]) in page
    assert reverse("documents:lot_certificate", args=[lot.pk]) in page
    assert reverse("documents:lot_receipt", args=[lot.pk]) in page
    assert reverse("documents:calibration") in page
    assert issued.number in page


def test_the_device_page_offers_to_reprint_its_label(atelier_client, lot):
    device = lot.devices.first()
    page = atelier_client.get(device.get_absolute_url()).content.decode()
    assert reverse("documents:device_labels", args=[device.asset_tag]) in page
    assert reverse("documents:device_certificate", args=[device.asset_tag]) in page


def test_the_device_list_has_boxes_to_tick_and_the_print_form(atelier_client, lot):
    page = atelier_client.get(reverse("inventory:device_list"), {"site": "all", "status": "received"}).content.decode()
    assert 'id="print-selection"' in page
    for device in lot.devices.all():
        assert f'name="tags" value="{device.asset_tag}" form="print-selection"' in page
    assert 'name="status" value="received" form="print-selection"' in page


def test_the_panels_read_the_database_a_constant_number_of_times(
    atelier_client, lot, issued, django_assert_max_num_queries
):
    url = lot.get_absolute_url()
    atelier_client.get(url)
    with django_assert_max_num_queries(30) as captured:
        atelier_client.get(url)
    baseline = len(captured)
    for _n in range(3):
        DeviceFactory(lot=lot)
    with django_assert_max_num_queries(baseline):
        atelier_client.get(url)
