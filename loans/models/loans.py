from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models.scoping import ScopedQuerySet

from .choices import Condition, DepositState, NeverDeleted, PaymentMethod, accessory_labels


class LoanStatus(models.TextChoices):
    ACTIVE = "active", _("On loan")
    RETURNED = "returned", _("Returned")
    LOST = "lost", _("Lost or stolen")
    GIVEN = "given", _("Turned into a gift")
    BOUGHT = "bought", _("Bought by the borrower")


class LoanQuerySet(ScopedQuerySet):
    organisation_path = "household__organisation"

    def active(self):
        return self.filter(status=LoanStatus.ACTIVE)

    def overdue(self, today=None):
        return self.active().filter(due_on__lt=today or timezone.localdate())


class Loan(NeverDeleted):
    """A free loan for use (prêt à usage, Code civil art. 1875–1891) of one device to one household."""

    number = models.CharField(_("number"), max_length=20, unique=True)
    device = models.ForeignKey(
        "inventory.Device", verbose_name=_("device"), on_delete=models.PROTECT, related_name="loans"
    )
    household = models.ForeignKey(
        "partners.Household", verbose_name=_("household"), on_delete=models.PROTECT, related_name="loans"
    )
    request = models.ForeignKey(
        "partners.DeviceRequest",
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    site = models.ForeignKey("workshop.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=LoanStatus.choices, default=LoanStatus.ACTIVE, db_index=True
    )
    starts_on = models.DateField(_("start date"))
    due_on = models.DateField(_("due date"), db_index=True)
    renewals = models.PositiveSmallIntegerField(_("renewals"), default=0)
    deposit_amount = models.DecimalField(_("deposit (€)"), max_digits=7, decimal_places=2, default=Decimal("0"))
    deposit_method = models.CharField(
        _("deposit paid by"), max_length=10, choices=PaymentMethod.choices, default=PaymentMethod.NONE
    )
    deposit_state = models.CharField(
        _("deposit"), max_length=10, choices=DepositState.choices, default=DepositState.NONE
    )
    deposit_kept_reason = models.CharField(_("why the deposit is kept"), max_length=300, blank=True)
    accessories = models.JSONField(_("accessories handed over"), default=list, blank=True)
    condition_out = models.CharField(
        _("condition at hand-over"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    condition_out_notes = models.CharField(_("notes at hand-over"), max_length=300, blank=True)
    option_to_buy = models.BooleanField(_("option to buy"), default=False)
    option_price = models.DecimalField(_("option price (€)"), max_digits=7, decimal_places=2, null=True, blank=True)
    contract_version = models.CharField(_("contract version"), max_length=20)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signed_on_screen = models.BooleanField(_("signed on screen"), default=False)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("handed over by"), on_delete=models.PROTECT, related_name="+"
    )
    # Return
    returned_on = models.DateField(_("returned on"), null=True, blank=True)
    condition_in = models.CharField(_("condition at return"), max_length=10, choices=Condition.choices, blank=True)
    condition_in_notes = models.CharField(_("notes at return"), max_length=300, blank=True)
    accessories_returned = models.JSONField(_("accessories returned"), default=list, blank=True)
    taken_back_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken back by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = LoanQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        constraints = [
            models.UniqueConstraint(
                fields=["device"], condition=models.Q(status="active"), name="one_active_loan_per_device"
            )
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("loans:loan_detail", args=[self.pk])

    def is_overdue(self, today=None) -> bool:
        return self.status == LoanStatus.ACTIVE and self.due_on < (today or timezone.localdate())

    @property
    def accessories_display(self) -> list[str]:
        return accessory_labels(self.accessories)

    @property
    def days_late(self) -> int:
        return max(0, (timezone.localdate() - self.due_on).days) if self.status == LoanStatus.ACTIVE else 0


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("14 days before the due date")
    DUE = "due", _("On the due date")
    AFTER = "after", _("7 days after the due date")
    MANUAL = "manual", _("Sent by hand")


class Reminder(models.Model):
    """A reminder sent about a loan; the automatic ones are sent once per due date."""

    loan = models.ForeignKey(Loan, verbose_name=_("loan"), on_delete=models.PROTECT, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    due_on = models.DateField(_("due date reminded"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.JSONField(_("sent to"), default=list, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["loan", "kind", "due_on"], condition=~models.Q(kind="manual"), name="one_automatic_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.loan} — {self.get_kind_display()}"
