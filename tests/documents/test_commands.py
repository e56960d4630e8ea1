"""print_labels, print_certificate and print_receipt: a PDF file, or a clear error."""

import pytest
from django.core.management import CommandError, call_command

from documents.models import IssuedDocument
from tests.documents.conftest import decode, page_images, pdf_text
from tests.documents.factories import lot_with_erasures
from tests.factories import DeviceFactory, LotFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_print_labels_of_a_lot_writes_a_pdf_of_its_labels(site, tmp_path):
    lot = LotFactory(site=site)
    devices = DeviceFactory.create_batch(3, lot=lot)
    output = tmp_path / "labels.pdf"
    call_command("print_labels", "--format", "L7160", "--lot", lot.reference, "-o", str(output))
    (image,) = page_images(output.read_bytes(), tmp_path, dpi=150)
    assert decode(image) == sorted(f"CODE-128:{d.asset_tag}" for d in devices)


def test_print_labels_of_tags_with_skip_on_a_roll_and_sheet(site, tmp_path):
    devices = DeviceFactory.create_batch(2, lot=LotFactory(site=site))
    output = tmp_path / "labels.pdf"
    tags = [d.asset_tag for d in devices]
    call_command("print_labels", "--format", "L7651", "--skip", "64", "--tags", *tags, "-o", str(output))
    first, second = page_images(output.read_bytes(), tmp_path, dpi=300)
    assert decode(first) == [f"CODE-128:{tags[0]}"]
    assert decode(second) == [f"CODE-128:{tags[1]}"]


def test_print_labels_by_status_and_all(site, tmp_path):
    DeviceFactory(lot=LotFactory(site=site), status="ready")
    for args in (["--status", "ready"], ["--all"]):
        output = tmp_path / "labels.pdf"
        call_command("print_labels", "--format", "roll-62x29", *args, "-o", str(output))
        assert output.read_bytes().startswith(b"%PDF")


def test_print_labels_calibration_page_says_print_at_100_percent(tmp_path):
    output = tmp_path / "calibration.pdf"
    call_command("print_labels", "--format", "L7163", "--calibration", "-o", str(output))
    assert "imprimer à 100 %, sans ajustement à la page" in pdf_text(output.read_bytes(), tmp_path).lower()


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "L9999", "--all"],
        ["--format", "L7160", "--tags", "NOPE-1"],
        ["--format", "L7160", "--lot", "NOPE"],
        ["--format", "L7160", "--status", "nope"],
        ["--format", "L7160", "--skip", "21", "--all"],
        ["--format", "L7651", "--kind", "spec", "--all"],
        ["--format", "L7160", "--kind", "nope", "--all"],
        ["--format", "L7160"],
    ],
)
def test_print_labels_bad_input_is_a_command_error(site, tmp_path, args):
    DeviceFactory(lot=LotFactory(site=site))
    output = tmp_path / "labels.pdf"
    with pytest.raises(CommandError):
        call_command("print_labels", *args, "-o", str(output))
    assert not output.exists()


def test_print_certificate_of_a_lot_and_of_a_device(site, tmp_path):
    user = UserFactory(username="admin", is_superuser=True)
    lot, erasures, _bare = lot_with_erasures(site)
    output = tmp_path / "cert.pdf"
    call_command("print_certificate", "--lot", lot.reference, "-o", str(output))
    text = pdf_text(output.read_bytes(), tmp_path)
    assert all(e.drive.serial in text for e in erasures)
    call_command("print_certificate", "--tag", erasures[0].drive.device.asset_tag, "-o", str(output))
    assert IssuedDocument.objects.filter(issued_by=user).count() == 2


def test_print_certificate_again_writes_the_same_bytes(site, tmp_path):
    UserFactory(username="admin", is_superuser=True)
    lot, _erasures, _bare = lot_with_erasures(site)
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    call_command("print_certificate", "--lot", lot.reference, "-o", str(first))
    call_command("print_certificate", "--lot", lot.reference, "-o", str(second))
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize(
    "args", [["--lot", "NOPE"], ["--tag", "NOPE"], ["--lot", "EMPTY"], ["--lot", "EMPTY", "--user", "nobody"]]
)
def test_print_certificate_bad_input_is_a_command_error(site, tmp_path, args):
    UserFactory(username="admin", is_superuser=True)
    LotFactory(site=site, reference="EMPTY")
    with pytest.raises(CommandError):
        call_command("print_certificate", *args, "-o", str(tmp_path / "c.pdf"))


def test_print_receipt_writes_the_receipt_of_the_lot(site, tmp_path):
    UserFactory(username="gestionnaire")
    lot, _erasures, bare = lot_with_erasures(site)
    output = tmp_path / "receipt.pdf"
    call_command("print_receipt", "--lot", lot.reference, "--user", "gestionnaire", "-o", str(output))
    assert bare.serial in pdf_text(output.read_bytes(), tmp_path)


def test_print_receipt_of_an_unknown_lot_is_a_command_error(site, tmp_path):
    UserFactory(username="admin", is_superuser=True)
    with pytest.raises(CommandError):
        call_command("print_receipt", "--lot", "NOPE", "-o", str(tmp_path / "r.pdf"))
