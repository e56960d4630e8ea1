"""Numbered documents: issued once, stored, given back unchanged; certificates and receipts."""

import datetime

import pytest
from django.utils import timezone

from documents.models import IssuedDocument, IssuedDocumentError
from documents.services import (
    DOCUMENT_ISSUED,
    DocumentError,
    issue_document,
    issue_donation_receipt,
    issue_erasure_certificate,
)
from inventory.models import JournalEntry
from tests.documents.conftest import pdf_text
from tests.documents.factories import lot_with_erasures
from tests.factories import DeviceFactory, DriveFactory, ErasureFactory, LotFactory

pytestmark = pytest.mark.django_db


def test_a_certificate_is_numbered_cert_year_and_a_gapless_sequence(atelier, site):
    lot, _erasures, _bare = lot_with_erasures(site)
    document = issue_erasure_certificate(actor=atelier, lot=lot)
    assert document.number == f"CERT-{timezone.localdate().year}-0001"
    assert document.kind == "erasure_certificate"
    assert document.issued_by == atelier
    assert document.lot == lot
    assert bytes(document.pdf).startswith(b"%PDF")


def test_issuing_writes_the_journal(atelier, site):
    lot, _erasures, _bare = lot_with_erasures(site)
    document = issue_erasure_certificate(actor=atelier, lot=lot)
    entry = JournalEntry.objects.get(action=DOCUMENT_ISSUED)
    assert entry.actor == atelier
    assert entry.subject == lot
    assert entry.details == {"kind": "erasure_certificate", "number": document.number, "document": document.pk}


def test_certificate_lists_every_drive_serial_the_number_and_the_statement(atelier, site, tmp_path):
    lot, erasures, bare = lot_with_erasures(site, devices=3)
    document = issue_erasure_certificate(actor=atelier, lot=lot)
    text = pdf_text(bytes(document.pdf), tmp_path)
    for erasure in erasures:
        assert erasure.drive.serial in text
        assert erasure.drive.device.asset_tag in text
    assert document.number in text
    assert lot.donor.name in text
    assert "NIST SP 800-88" in text and "ANSSI" in text
    assert "Camille" in text and "Martin" in text  # the operator (the name wraps in its column)
    assert bare.asset_tag in text and "Écran seul, sans stockage" in text


def test_certificate_of_one_device_lists_only_its_drives(atelier, site, tmp_path):
    lot, erasures, _bare = lot_with_erasures(site)
    device = erasures[0].drive.device
    document = issue_erasure_certificate(actor=atelier, device=device)
    text = pdf_text(bytes(document.pdf), tmp_path)
    assert erasures[0].drive.serial in text
    assert erasures[1].drive.serial not in text
    assert document.device == device


def test_certificate_again_without_new_erasures_gives_back_the_same_document(atelier, site):
    lot, _erasures, _bare = lot_with_erasures(site)
    first = issue_erasure_certificate(actor=atelier, lot=lot)
    again = issue_erasure_certificate(actor=atelier, lot=lot)
    assert again.pk == first.pk
    assert again.already_issued
    assert IssuedDocument.objects.count() == 1


def test_certificate_after_a_new_erasure_gets_a_new_number(atelier, site):
    lot, erasures, _bare = lot_with_erasures(site)
    first = issue_erasure_certificate(actor=atelier, lot=lot)
    ErasureFactory(drive=DriveFactory(device=erasures[0].drive.device))
    second = issue_erasure_certificate(actor=atelier, lot=lot)
    assert second.pk != first.pk
    assert second.number.endswith("-0002")


def test_certificate_is_refused_when_nothing_was_erased(atelier, site):
    lot = LotFactory(site=site)
    DriveFactory(device=DeviceFactory(lot=lot))
    with pytest.raises(DocumentError):
        issue_erasure_certificate(actor=atelier, lot=lot)
    assert not IssuedDocument.objects.exists()


def test_certificate_lists_drives_not_erased_yet_apart(atelier, site, tmp_path):
    lot, _erasures, _bare = lot_with_erasures(site)
    pending = DriveFactory(device=DeviceFactory(lot=lot), serial="PENDING-123")
    text = pdf_text(bytes(issue_erasure_certificate(actor=atelier, lot=lot).pdf), tmp_path)
    assert pending.serial in text
    assert "not covered by this certificate" in text or "non couverts par ce certificat" in text


def test_receipt_lists_every_item_the_totals_and_its_number(atelier, site, tmp_path):
    lot, erasures, bare = lot_with_erasures(site, devices=2)
    document = issue_donation_receipt(actor=atelier, lot=lot)
    assert document.number == f"ATT-{timezone.localdate().year}-0001"
    text = pdf_text(bytes(document.pdf), tmp_path)
    for device in [e.drive.device for e in erasures] + [bare]:
        assert device.serial in text
        assert device.asset_tag in text
    assert document.number in text
    assert "3" in text and lot.reference in text
    weight = sum(d.effective_weight_kg for d in lot.devices.all())
    assert f"{weight:.2f}".replace(".", ",") in text


def test_receipt_again_with_the_same_contents_is_the_same_document(atelier, site):
    lot, _erasures, _bare = lot_with_erasures(site)
    first = issue_donation_receipt(actor=atelier, lot=lot)
    assert issue_donation_receipt(actor=atelier, lot=lot).pk == first.pk
    DeviceFactory(lot=lot)
    assert issue_donation_receipt(actor=atelier, lot=lot).pk != first.pk


def test_workshop_identity_comes_from_the_site_then_the_settings(atelier, site, tmp_path, settings):
    settings.WORKSHOP_SIRET = "99999999900011"
    site.address, site.postal_code, site.city = "12 rue du Port", "56100", "Lorient"
    site.save()
    lot, _erasures, _bare = lot_with_erasures(site)
    text = pdf_text(bytes(issue_erasure_certificate(actor=atelier, lot=lot).pdf), tmp_path)
    assert "Atelier de Lorient" in text and "12 rue du Port, 56100 Lorient" in text
    assert "99999999900011" in text  # the site has no SIRET of its own
    site.siret = "12345678900012"
    site.save()
    DeviceFactory(lot=lot)
    text = pdf_text(bytes(issue_donation_receipt(actor=atelier, lot=lot).pdf), tmp_path)
    assert "12345678900012" in text and "99999999900011" not in text


def test_issue_document_renders_any_template_with_a_given_number(atelier, site):
    lot = LotFactory(site=site)
    document = issue_document(
        kind="loan_contract",
        template_name="documents/donation_receipt.html",
        context={"workshop": {"name": "Atelier"}, "donor": {"name": "X"}, "lot": {}, "items": [], "count": 0},
        actor=atelier,
        subject=lot,
        number="PRET-2026-0042",
    )
    assert document.number == "PRET-2026-0042"
    assert document.context["number"] == "PRET-2026-0042"
    with pytest.raises(DocumentError):
        issue_document(
            kind="loan_contract",
            template_name="documents/donation_receipt.html",
            context={},
            actor=atelier,
            subject=lot,
            number="PRET-2026-0042",
        )


def test_issued_documents_are_never_changed_nor_deleted(atelier, site):
    lot, _erasures, _bare = lot_with_erasures(site)
    document = issue_erasure_certificate(actor=atelier, lot=lot)
    document.number = "CERT-1999-0001"
    with pytest.raises(IssuedDocumentError):
        document.save()
    with pytest.raises(IssuedDocumentError):
        document.delete()
    with pytest.raises(IssuedDocumentError):
        IssuedDocument.objects.all().delete()
    with pytest.raises(IssuedDocumentError):
        IssuedDocument.objects.update(number="x")


def test_the_snapshot_keeps_what_the_document_said(atelier, site):
    lot, erasures, _bare = lot_with_erasures(site)
    document = issue_erasure_certificate(actor=atelier, lot=lot)
    serials = [row["serial"] for row in IssuedDocument.objects.get(pk=document.pk).context["erasures"]]
    assert serials == sorted((e.drive.serial for e in erasures), key=serials.index)
    assert set(serials) == {e.drive.serial for e in erasures}


def test_a_lot_certificate_reads_the_database_a_constant_number_of_times(atelier, site, django_assert_max_num_queries):
    lot, _erasures, _bare = lot_with_erasures(site, devices=8)
    ErasureFactory.create_batch(
        4, drive=DriveFactory(device=DeviceFactory(lot=lot)), ended_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    with django_assert_max_num_queries(20):  # 3 reads whatever the size of the lot, then numbering and writes
        issue_erasure_certificate(actor=atelier, lot=lot)
