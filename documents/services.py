"""Issuing numbered documents: render once, store the bytes, number without gaps, journal it.

Other apps (loans) call `issue_document`; the erasure certificate and the donation receipt are
built on it here.
"""

import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inventory.models import Device, DonationLot
from inventory.services import journal
from workshop.errors import DomainError
from workshop.models import User
from workshop.numbering import take_number

from . import certificates, receipts
from .models import DocumentKind, IssuedDocument
from .rendering import render_pdf

DOCUMENT_ISSUED = "document_issued"
NUMBER_PREFIXES = {
    DocumentKind.ERASURE_CERTIFICATE: "CERT",
    DocumentKind.DONATION_RECEIPT: "ATT",
    DocumentKind.LOAN_CONTRACT: "PRET",
    DocumentKind.RETURN_RECEIPT: "RET",
    DocumentKind.INVOICE: "FACT",
    DocumentKind.MEMBERSHIP_RECEIPT: "ADH",
}
# Bump when a template's wording changes; each document records the version it was printed from.
TEMPLATE_VERSION = "2026-1"


class DocumentError(DomainError):
    """A document that cannot be issued; the message is for the user."""


def snapshot(context: dict) -> dict:
    """The context as plain JSON (dates as ISO strings, decimals as strings), as stored and rendered."""
    return json.loads(json.dumps(context, cls=DjangoJSONEncoder, default=str))


def fingerprint(facts) -> str:
    return hashlib.sha256(json.dumps(snapshot({"facts": facts}), sort_keys=True).encode()).hexdigest()


def next_number(kind: str, *, year: int) -> str:
    """The next number of that kind of document this year, e.g. CERT-2026-0001; inside a transaction."""
    return f"{NUMBER_PREFIXES[kind]}-{year}-{take_number(f'document:{kind}', year=year):04d}"


@transaction.atomic
def issue_document(
    *,
    kind: str,
    template_name: str,
    context: dict,
    actor: User,
    subject: models.Model,
    number: str | None = None,
    device: Device | None = None,
    lot: DonationLot | None = None,
    content_key: str = "",
    template_version: str = "",
) -> IssuedDocument:
    """Number (unless `number` is given), render and store one document, and journal it.

    The PDF is rendered once, in the workshop's language, from the stored snapshot of `context`:
    reprints return the stored bytes.
    """
    if kind not in DocumentKind.values:
        raise ValueError(f"Unknown document kind: {kind!r}")
    # Lock the subject: two clicks on "print" must not issue two numbers for the same facts.
    type(subject).objects.select_for_update().get(pk=subject.pk)
    if content_key:
        existing = find_current(kind=kind, subject=subject, content_key=content_key)
        if existing is not None:
            existing.already_issued = True
            return existing
    issued_at = timezone.now()
    if number is None:
        number = next_number(kind, year=timezone.localdate(issued_at).year)
    elif IssuedDocument.objects.filter(kind=kind, number=number).exists():
        raise DocumentError(_("A document numbered %(number)s was already issued.") % {"number": number})
    with translation.override(settings.LANGUAGE_CODE):
        issued_on = date_format(timezone.localdate(issued_at), "DATE_FORMAT")
        # The caller's own dates win; the number is always the one given or taken here.
        facts = snapshot({"issued_at": issued_at, "issued_on": issued_on, **context, "number": number})
        pdf = render_pdf(template_name, facts)
    document = IssuedDocument.objects.create(
        kind=kind,
        number=number,
        subject=subject,
        lot=lot,
        device=device,
        issued_by=actor,
        template_name=template_name,
        template_version=template_version or str(context.get("version") or TEMPLATE_VERSION),
        context=facts,
        content_key=content_key,
        pdf=pdf,
    )
    document.already_issued = False
    journal(
        action=DOCUMENT_ISSUED,
        actor=actor,
        device=device,
        subject=subject,
        details={"kind": kind, "number": number, "document": document.pk},
    )
    return document


def find_current(*, kind: str, subject: models.Model, content_key: str) -> IssuedDocument | None:
    """The latest document of that kind for that subject, if it states exactly these facts."""
    return (
        IssuedDocument.objects.filter(
            kind=kind, subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        )
        .filter(content_key=content_key)
        .defer("pdf")
        .first()
    )


def issue_erasure_certificate(*, actor: User, device: Device | None = None, lot: DonationLot | None = None):
    """The erasure certificate of one device or of a whole lot, for the donor.

    Printing again while the erasures are unchanged gives back the certificate already issued;
    once new erasures are recorded, a new certificate with a new number is issued.
    """
    if (device is None) == (lot is None):
        raise ValueError("Give either a device or a lot.")
    with translation.override(settings.LANGUAGE_CODE):
        context, facts = certificates.certificate_context(device=device, lot=lot)
    if not facts["erasures"] and not facts["without_storage"]:
        raise DocumentError(
            _("No erasure is recorded for %(subject)s yet: there is nothing to certify.") % {"subject": device or lot}
        )
    return issue_document(
        kind=DocumentKind.ERASURE_CERTIFICATE,
        template_name="documents/erasure_certificate.html",
        context=context,
        actor=actor,
        subject=device or lot,
        device=device,
        lot=lot or (device.lot if device else None),
        content_key=fingerprint(facts),
    )


def issue_donation_receipt(*, actor: User, lot: DonationLot) -> IssuedDocument:
    """The donation receipt of a lot; unchanged contents give back the receipt already issued."""
    with translation.override(settings.LANGUAGE_CODE):
        context, facts = receipts.receipt_context(lot)
    if not facts:
        raise DocumentError(_("The lot %(lot)s has no device yet: there is nothing to acknowledge.") % {"lot": lot})
    return issue_document(
        kind=DocumentKind.DONATION_RECEIPT,
        template_name="documents/donation_receipt.html",
        context=context,
        actor=actor,
        subject=lot,
        lot=lot,
        content_key=fingerprint(facts),
    )
