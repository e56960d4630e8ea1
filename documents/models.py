"""Issued documents: numbered PDFs (certificates, receipts, contracts), kept exactly as printed."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    ERASURE_CERTIFICATE = "erasure_certificate", _("Erasure certificate")
    DONATION_RECEIPT = "donation_receipt", _("Donation receipt")
    LOAN_CONTRACT = "loan_contract", _("Loan contract")
    RETURN_RECEIPT = "return_receipt", _("Return receipt")
    INVOICE = "invoice", _("Invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")
    MEMBERSHIP_RECEIPT = "membership_receipt", _("Membership receipt")


class IssuedDocumentError(TypeError):
    pass


class IssuedDocumentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise IssuedDocumentError("Issued documents cannot be changed.")

    def delete(self):
        raise IssuedDocumentError("Issued documents cannot be deleted.")


class IssuedDocument(models.Model):
    """A numbered document as it was printed: its PDF bytes and the facts it was built from.

    Append-only: a reprint returns these bytes; a correction is a new document with a new number.
    """

    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    number = models.CharField(_("number"), max_length=40)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    lot = models.ForeignKey(
        "inventory.DonationLot",
        verbose_name=_("donation lot"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    device = models.ForeignKey(
        "inventory.Device",
        verbose_name=_("device"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_documents",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("issued by"), on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True, db_index=True)
    template_name = models.CharField(_("template"), max_length=200)
    template_version = models.CharField(_("template version"), max_length=40)
    context = models.JSONField(_("what it says"), default=dict)
    # A fingerprint of what the document states, to tell whether printing again needs a new number.
    content_key = models.CharField(_("content fingerprint"), max_length=64, blank=True, db_index=True)
    pdf = models.BinaryField(_("PDF"))

    objects = IssuedDocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")
        constraints = [models.UniqueConstraint(fields=["kind", "number"], name="unique_document_number_per_kind")]
        indexes = [models.Index(fields=["subject_type", "subject_id", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise IssuedDocumentError("Issued documents cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("documents:issued_pdf", args=[self.pk])

    @property
    def filename(self) -> str:
        return f"{self.kind}-{self.number}.pdf"

    def delete(self, *args, **kwargs):
        raise IssuedDocumentError("Issued documents cannot be deleted.")
