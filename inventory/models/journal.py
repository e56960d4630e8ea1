"""The append-only journal: every state change, who did it, when, from what to what."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..workflow import Action, Status


class AppendOnlyError(TypeError):
    pass


class JournalQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Journal entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Journal entries cannot be deleted.")


class JournalEntry(models.Model):
    """One fact, never changed nor deleted (a database trigger refuses updates too).

    `device` is set for everything that happens to a device; `subject` points at the other
    record concerned (a lot, a request, a loan, a sale…) when there is one.
    """

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(_("action"), max_length=40)
    device = models.ForeignKey(
        "inventory.Device",
        verbose_name=_("device"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="journal",
    )
    from_status = models.CharField(_("from status"), max_length=20, blank=True)
    to_status = models.CharField(_("to status"), max_length=20, blank=True)
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = JournalQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal")
        indexes = [
            models.Index(fields=["device", "-at"]),
            models.Index(fields=["subject_type", "subject_id"]),
            models.Index(fields=["action", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Journal entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Journal entries cannot be deleted.")

    @property
    def action_label(self) -> str:
        return Action.label(self.action)

    @property
    def from_label(self) -> str:
        return Status.label(self.from_status) if self.from_status else ""

    @property
    def to_label(self) -> str:
        return Status.label(self.to_status) if self.to_status else ""
