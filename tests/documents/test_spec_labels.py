"""Spec labels of READY devices: what they say, and a QR code to the device's page."""

from decimal import Decimal

import pytest

from documents import labels
from documents.label_formats import get_format
from documents.labels import LabelError, label_queryset, render_labels
from inventory.models import Device
from tests.documents.conftest import decode, page_images, pdf_text
from tests.factories import LotFactory, ready_device

pytestmark = pytest.mark.django_db


@pytest.fixture
def device(site):
    device = ready_device(lot=LotFactory(site=site), cpu="Intel Core i5-8350U", screen_size_in=Decimal("14.0"))
    return label_queryset(Device.objects.filter(pk=device.pk)).get()


@pytest.mark.parametrize("code", ["L7163", "L7160", "roll-62x29", "roll-57x32"])
def test_spec_label_qr_code_opens_the_device_page(device, code, tmp_path, settings):
    settings.SITE_URL = "https://atelier.example.org"
    pdf = render_labels([device], fmt=get_format(code), kind="spec")
    (image, *_rest) = page_images(pdf, tmp_path, dpi=300)
    assert decode(image) == [f"QR-Code:https://atelier.example.org/appareils/{device.asset_tag}/"]


def test_spec_label_says_specs_system_and_grade(device, tmp_path):
    text = pdf_text(render_labels([device], fmt=get_format("L7163"), kind="spec"), tmp_path)
    for expected in (device.asset_tag, "ThinkPad T480", "i5-8350U", "Linux Mint", "256 Go", "14", device.grade):
        assert expected in text


def test_spec_label_prints_the_price_the_hook_gives(device, tmp_path, monkeypatch):
    monkeypatch.setattr(labels, "_price_source", lambda devices: {d.pk: Decimal("120") for d in devices})
    text = pdf_text(render_labels([device], fmt=get_format("L7163"), kind="spec"), tmp_path)
    assert "120,00 €" in text


def test_spec_labels_are_refused_on_a_format_too_small(device):
    with pytest.raises(LabelError):
        render_labels([device], fmt=get_format("L7651"), kind="spec")
