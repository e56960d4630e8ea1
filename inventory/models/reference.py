"""Reference data and donations: categories with their checklists, libre systems, donors, lots."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class DeviceKind(models.TextChoices):
    """What a category is, for the law's price caps and for reports; categories are managers' own."""

    LAPTOP = "laptop", _("Laptop")
    DESKTOP = "desktop", _("Desktop")
    ALL_IN_ONE = "all_in_one", _("All-in-one")
    TABLET = "tablet", _("Tablet")
    SMARTPHONE = "smartphone", _("Smartphone")
    MONITOR = "monitor", _("Monitor")
    PRINTER = "printer", _("Printer")
    MULTIFUNCTION = "multifunction", _("Multifunction printer")
    OTHER = "other", _("Other")


class DeviceCategory(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=DeviceKind.choices, default=DeviceKind.OTHER)
    needs_os = models.BooleanField(
        _("needs an operating system"), default=True, help_text=_("Computers, tablets and phones get a libre system.")
    )
    has_storage = models.BooleanField(
        _("usually holds storage"), default=True, help_text=_("Devices of this category must have their data erased.")
    )
    default_weight_kg = models.DecimalField(
        _("default weight (kg)"), max_digits=6, decimal_places=2, default=Decimal("0")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("device category")
        verbose_name_plural = _("device categories")

    def __str__(self) -> str:
        return self.name


class ChecklistItem(models.Model):
    """One line of a category's functional checklist (screen, keyboard, BIOS password removed…)."""

    category = models.ForeignKey(
        DeviceCategory, verbose_name=_("category"), on_delete=models.CASCADE, related_name="checklist_items"
    )
    label = models.CharField(_("label"), max_length=150)
    help_text = models.CharField(_("how to check"), max_length=300, blank=True)
    mandatory = models.BooleanField(_("mandatory"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["category", "position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return self.label


class OperatingSystem(models.Model):
    """A libre system the workshop installs (Linux Mint, /e/OS…); managers edit the list."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    default_version = models.CharField(_("current version"), max_length=40, blank=True)
    for_mobile = models.BooleanField(_("for tablets and phones"), default=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("operating system")
        verbose_name_plural = _("operating systems")

    def __str__(self) -> str:
        return self.name


class DonorKind(models.TextChoices):
    COMPANY = "company", _("Company")
    PUBLIC_BODY = "public_body", _("Public body")
    ASSOCIATION = "association", _("Association")
    INDIVIDUAL = "individual", _("Individual")


class Donor(models.Model):
    kind = models.CharField(_("kind of donor"), max_length=20, choices=DonorKind.choices)
    name = models.CharField(_("name"), max_length=200)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    commune = models.ForeignKey(
        "workshop.Commune", verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("donor")
        verbose_name_plural = _("donors")

    def __str__(self) -> str:
        return self.name

    @property
    def is_public_body(self) -> bool:
        """Equipment from public bodies may only be resold under legal caps (loi 3DS art. 178)."""
        return self.kind == DonorKind.PUBLIC_BODY


class DonationLot(models.Model):
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    donor = models.ForeignKey(Donor, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="lots")
    site = models.ForeignKey("workshop.Site", verbose_name=_("site"), on_delete=models.PROTECT, related_name="lots")
    received_on = models.DateField(_("received on"))
    weight_kg = models.DecimalField(_("total weight (kg)"), max_digits=8, decimal_places=2, null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("donation lot")
        verbose_name_plural = _("donation lots")
        indexes = [models.Index(fields=["site", "-received_on"])]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("inventory:lot_detail", args=[self.pk])
