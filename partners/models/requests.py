from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scoping import ScopedQuerySet


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REFUSED = "refused", _("Refused")
    RESERVED = "reserved", _("Device reserved")
    FULFILLED = "fulfilled", _("Device handed over")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


# Accepted requests wait in the queue for a device; these are the statuses a request can still move from.
QUEUED = (RequestStatus.ACCEPTED, RequestStatus.WAITLISTED)
OPEN = (RequestStatus.SUBMITTED, *QUEUED, RequestStatus.RESERVED)


class Need(models.TextChoices):
    """The kind of device asked for; matches inventory's DeviceKind values."""

    LAPTOP = "laptop", _("Laptop")
    DESKTOP = "desktop", _("Desktop")
    TABLET = "tablet", _("Tablet")
    SMARTPHONE = "smartphone", _("Smartphone")


class Purpose(models.TextChoices):
    SCHOOL = "school", _("School or studies")
    JOB_SEARCH = "job_search", _("Job search")
    ADMINISTRATION = "administration", _("Administrative procedures")
    TRAINING = "training", _("Training")
    KEEPING_IN_TOUCH = "keeping_in_touch", _("Keeping in touch")
    OTHER = "other", _("Other")


class EligibilityGround(models.TextChoices):
    """What the partner attests; never a ground that reveals health or disability (RGPD art. 9)."""

    MINIMUM_BENEFIT = "minimum_benefit", _("Minimum social benefit (RSA, ASS, minimum vieillesse…)")
    CEJ = "cej", _("Contrat d'engagement jeune")
    STUDENT_GRANT = "student_grant", _("Student with a grant")
    INCOME_THRESHOLD = "income_threshold", _("Income under the workshop's threshold")
    OTHER = "other", _("Other (justify)")


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")


class RequestQuerySet(ScopedQuerySet):
    def queue(self):
        """The waiting list, in the order devices are given: urgent first, then oldest first."""
        return self.filter(status__in=QUEUED).order_by(
            models.Case(models.When(urgency=Urgency.URGENT, then=0), default=1), "created_at", "pk"
        )


class DeviceRequest(models.Model):
    household = models.ForeignKey(
        "partners.Household", verbose_name=_("household"), on_delete=models.PROTECT, related_name="requests"
    )
    # Copied from the household so that scoping is one indexed filter.
    organisation = models.ForeignKey(
        "partners.PartnerOrganisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="requests",
    )
    need = models.CharField(_("device needed"), max_length=20, choices=Need.choices)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    eligibility = models.CharField(_("eligibility ground"), max_length=20, choices=EligibilityGround.choices)
    eligibility_justification = models.CharField(_("justification"), max_length=300, blank=True)
    attested_by = models.CharField(_("attested by"), max_length=150)
    attested_on = models.DateField(_("attested on"))
    eligibility_expires_on = models.DateField(_("eligibility valid until"))
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.SUBMITTED, db_index=True
    )
    status_reason = models.CharField(_("reason"), max_length=300, blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Set once when managers are told that nobody has handled the request (see review_requests).
    flagged_at = models.DateTimeField(_("flagged at"), null=True, blank=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(eligibility="other") | ~models.Q(eligibility_justification=""),
                name="other_eligibility_is_justified",
            )
        ]

    def __str__(self) -> str:
        return f"{self.household} — {self.get_need_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def is_queued(self) -> bool:
        return self.status in QUEUED

    def queue_position(self) -> int | None:
        """1 for the next request served among those asking for the same kind of device."""
        if not self.is_queued:
            return None
        ahead = DeviceRequest.objects.queue().filter(need=self.need)
        urgent = self.urgency == Urgency.URGENT
        before = models.Q(created_at__lt=self.created_at) | models.Q(created_at=self.created_at, pk__lt=self.pk)
        if urgent:
            ahead = ahead.filter(before, urgency=Urgency.URGENT)
        else:
            ahead = ahead.filter(models.Q(urgency=Urgency.URGENT) | before)
        return ahead.count() + 1

    @property
    def active_allocation(self):
        return self.allocations.filter(state="active").select_related("device").first()
