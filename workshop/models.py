"""The workshop itself: its sites, its people, the communes it serves, and its number sequences."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Site(models.Model):
    """A workshop's premises; its identity is printed on the documents issued there."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    address = models.CharField(_("address"), max_length=250, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who logs in; the role is the Django group (see workshop.roles)."""

    sites = models.ManyToManyField(Site, verbose_name=_("sites"), blank=True, related_name="users")
    current_site = models.ForeignKey(
        Site, verbose_name=_("current site"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Territory(models.Model):
    """A grouping of communes that the workshop reports on, e.g. a "bassin de vie" or an EPCI."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    epci_siren = models.CharField(_("EPCI SIREN"), max_length=9, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("territory")
        verbose_name_plural = _("territories")

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """A French commune from the Code officiel géographique (load_communes)."""

    insee_code = models.CharField(_("INSEE code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=150, db_index=True)
    postal_codes = models.CharField(_("postal codes"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=3, db_index=True)
    epci_siren = models.CharField(_("EPCI SIREN"), max_length=9, blank=True)
    epci_name = models.CharField(_("EPCI"), max_length=200, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    territories = models.ManyToManyField(Territory, verbose_name=_("territories"), blank=True, related_name="communes")

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        postal = self.postal_codes.split(" ")[0] if self.postal_codes else self.department
        return f"{self.name} ({postal})"


class Sequence(models.Model):
    """A named counter (asset tags, lot references, certificate and invoice numbers).

    Incremented under a row lock inside the caller's transaction, so a rolled-back
    action gives its number back: the numbers it hands out have no gaps.
    """

    name = models.CharField(_("name"), max_length=50)
    year = models.PositiveSmallIntegerField(_("year"), default=0)  # 0: never resets
    last_value = models.PositiveIntegerField(_("last value"), default=0)

    class Meta:
        verbose_name = _("number sequence")
        verbose_name_plural = _("number sequences")
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="unique_sequence_per_year")]

    def __str__(self) -> str:
        return f"{self.name} {self.year or ''}".strip()
