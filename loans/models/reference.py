"""What managers set: loan terms per category, the price grid, the legal price caps."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from inventory.models.device import Grade


class CategoryTerms(models.Model):
    category = models.OneToOneField(
        "inventory.DeviceCategory", verbose_name=_("category"), on_delete=models.CASCADE, related_name="terms"
    )
    loan_days = models.PositiveSmallIntegerField(_("default loan term (days)"), default=180)
    deposit = models.DecimalField(_("default deposit (€)"), max_digits=7, decimal_places=2, default=Decimal("0"))

    class Meta:
        verbose_name = _("loan terms")
        verbose_name_plural = _("loan terms")

    def __str__(self) -> str:
        return str(self.category)


class PriceGridEntry(models.Model):
    """The solidarity price of a category in a grade; a sale may override it with a reason."""

    category = models.ForeignKey("inventory.DeviceCategory", verbose_name=_("category"), on_delete=models.CASCADE)
    grade = models.CharField(_("grade"), max_length=1, choices=Grade.choices)
    price = models.DecimalField(_("price (€ TTC)"), max_digits=7, decimal_places=2)

    class Meta:
        ordering = ["category__position", "grade"]
        verbose_name = _("price grid entry")
        verbose_name_plural = _("price grid")
        constraints = [models.UniqueConstraint(fields=["category", "grade"], name="one_price_per_category_grade")]

    def __str__(self) -> str:
        return f"{self.category} {self.grade}: {self.price} €"


class PriceCap(models.Model):
    """The law's ceiling on the resale price of equipment donated by public bodies, per kind of device."""

    kind = models.CharField(_("kind of device"), max_length=20, unique=True)
    label = models.CharField(_("equipment"), max_length=120)
    amount = models.DecimalField(_("maximum price (€ TTC)"), max_digits=7, decimal_places=2)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["-amount"]
        verbose_name = _("legal price cap")
        verbose_name_plural = _("legal price caps")

    def __str__(self) -> str:
        return f"{self.label}: {self.amount} €"
