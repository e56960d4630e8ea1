from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scoping import ScopedQuerySet


class AllocationState(models.TextChoices):
    ACTIVE = "active", _("Reserved")
    FULFILLED = "fulfilled", _("Handed over")
    RELEASED = "released", _("Released")
    EXPIRED = "expired", _("Not claimed in time")


class AllocationQuerySet(ScopedQuerySet):
    organisation_path = "request__organisation"

    def active(self):
        return self.filter(state=AllocationState.ACTIVE)


class Allocation(models.Model):
    """A device set aside for a request until a date; the database refuses two active ones per device."""

    request = models.ForeignKey(
        "partners.DeviceRequest", verbose_name=_("request"), on_delete=models.PROTECT, related_name="allocations"
    )
    device = models.ForeignKey(
        "inventory.Device", verbose_name=_("device"), on_delete=models.PROTECT, related_name="allocations"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=AllocationState.choices, default=AllocationState.ACTIVE, db_index=True
    )
    reserved_until = models.DateField(_("reserved until"))
    reserved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reserved by"), on_delete=models.PROTECT, related_name="+"
    )
    reserved_at = models.DateTimeField(_("reserved at"), auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-reserved_at"]
        verbose_name = _("reservation")
        verbose_name_plural = _("reservations")
        constraints = [
            models.UniqueConstraint(
                fields=["device"], condition=models.Q(state="active"), name="one_active_allocation_per_device"
            ),
            models.UniqueConstraint(
                fields=["request"], condition=models.Q(state="active"), name="one_active_allocation_per_request"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.device} → {self.request}"
