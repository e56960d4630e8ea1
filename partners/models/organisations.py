from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    CAF = "caf", _("CAF")
    CCAS = "ccas", _("CCAS / CIAS")
    MISSION_LOCALE = "mission_locale", _("Mission locale")
    FRANCE_SERVICES = "france_services", _("France Services")
    DEPARTMENT = "department", _("Département social services")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other")


class PartnerOrganisation(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200, unique=True)
    territory = models.ForeignKey(
        "workshop.Territory", verbose_name=_("territory"), null=True, blank=True, on_delete=models.SET_NULL
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self) -> str:
        return self.name


class Referent(models.Model):
    """Ties a partner user to the one organisation whose households they may see."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="referent"
    )
    organisation = models.ForeignKey(
        PartnerOrganisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="referents"
    )
    job_title = models.CharField(_("job title"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("referent")
        verbose_name_plural = _("referents")

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"
