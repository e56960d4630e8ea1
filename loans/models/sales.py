from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models.scoping import ScopedQuerySet

from .choices import NeverDeleted, PaymentMethod


class SaleKind(models.TextChoices):
    SALE = "sale", _("Sale")
    DONATION = "donation", _("Free supply")


class SaleStatus(models.TextChoices):
    DONE = "done", _("Done")
    WARRANTY_RETURNED = "warranty_returned", _("Returned under warranty")
    CANCELLED = "cancelled", _("Cancelled")


class SaleQuerySet(ScopedQuerySet):
    organisation_path = "household__organisation"


class Sale(NeverDeleted):
    """A device sold at a solidarity price (or supplied free) to a household or an organisation."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=SaleKind.choices, default=SaleKind.SALE)
    device = models.ForeignKey(
        "inventory.Device", verbose_name=_("device"), on_delete=models.PROTECT, related_name="sales"
    )
    household = models.ForeignKey(
        "partners.Household",
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="purchases",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_address = models.CharField(_("organisation's address"), max_length=250, blank=True)
    request = models.ForeignKey(
        "partners.DeviceRequest",
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Set when the borrower took up the option to buy at the end of this loan (the device is with them).
    loan = models.ForeignKey(
        "loans.Loan",
        verbose_name=_("loan bought out"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    site = models.ForeignKey("workshop.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=SaleStatus.choices, default=SaleStatus.DONE)
    sold_on = models.DateField(_("date"))
    price = models.DecimalField(_("price (€ TTC)"), max_digits=7, decimal_places=2)
    grid_price = models.DecimalField(_("grid price (€)"), max_digits=7, decimal_places=2, null=True, blank=True)
    price_reason = models.CharField(_("why the price differs from the grid"), max_length=300, blank=True)
    legal_cap = models.DecimalField(_("legal cap (€)"), max_digits=7, decimal_places=2, null=True, blank=True)
    buyer_eligibility = models.CharField(_("buyer's eligibility"), max_length=300, blank=True)
    payment_method = models.CharField(_("paid by"), max_length=10, choices=PaymentMethod.choices)
    warranty_until = models.DateField(_("warranty until"), null=True, blank=True)
    sold_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Cancellation: an issued invoice is never changed; a credit note (avoir) cancels it.
    credit_note_number = models.CharField(_("credit note"), max_length=20, blank=True)
    refund_method = models.CharField(_("refunded by"), max_length=10, choices=PaymentMethod.choices, blank=True)
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = SaleQuerySet.as_manager()

    class Meta:
        ordering = ["-sold_on", "-pk"]
        verbose_name = _("sale")
        verbose_name_plural = _("sales")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(household__isnull=False) | ~models.Q(organisation_name=""), name="sale_has_a_buyer"
            )
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("loans:sale_detail", args=[self.pk])

    @property
    def buyer(self) -> str:
        if self.household_id:
            return self.household.full_name or self.household.reference
        return self.organisation_name


class MembershipQuerySet(ScopedQuerySet):
    organisation_path = "household__organisation"

    def valid_on(self, day):
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class Membership(NeverDeleted):
    """A household's (or an organisation's) yearly membership of the workshop's association."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    household = models.ForeignKey(
        "partners.Household",
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    fee = models.DecimalField(_("fee (€)"), max_digits=7, decimal_places=2)
    payment_method = models.CharField(_("paid by"), max_length=10, choices=PaymentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(household__isnull=False) | ~models.Q(organisation_name=""),
                name="membership_has_a_member",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def member(self) -> str:
        if self.household_id:
            return self.household.full_name or self.household.reference
        return self.organisation_name
