from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scoping import ScopedQuerySet


class AgeBracket(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_25 = "18_25", _("18 to 25")
    FROM_26_TO_59 = "26_59", _("26 to 59")
    OVER_60 = "60_plus", _("60 and over")


class Household(models.Model):
    """A referred household, known by the partner's own reference (RGPD: the minimum).

    Name and contact are filled only when a contract needs them (hand-over), and are
    erased by anonymisation; the statistics fields (commune, size, age bracket) survive it.
    """

    # Empty for a household that comes to the workshop directly (a member buying a device).
    organisation = models.ForeignKey(
        "partners.PartnerOrganisation",
        verbose_name=_("referring organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="households",
    )
    reference = models.CharField(_("reference"), max_length=50)
    commune = models.ForeignKey("workshop.Commune", verbose_name=_("commune"), on_delete=models.PROTECT)
    size = models.PositiveSmallIntegerField(_("people in the household"), default=1)
    age_bracket = models.CharField(_("age of the person"), max_length=10, choices=AgeBracket.choices)
    # Personal data, needed for a contract only.
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["reference"]
        verbose_name = _("household")
        verbose_name_plural = _("households")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "reference"], name="household_reference_unique_per_partner")
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
