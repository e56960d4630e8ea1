"""Choices shared by loans, sales and memberships."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentMethod(models.TextChoices):
    CASH = "cash", _("Cash")
    CHEQUE = "cheque", _("Cheque")
    CARD = "card", _("Bank card")
    TRANSFER = "transfer", _("Bank transfer")
    NONE = "none", _("None")


class DepositState(models.TextChoices):
    NONE = "none", _("No deposit")
    HELD = "held", _("Held")
    REFUNDED = "refunded", _("Refunded")
    KEPT = "kept", _("Kept")


class Condition(models.TextChoices):
    GOOD = "good", _("Good, works")
    WORN = "worn", _("Worn, works")
    DAMAGED = "damaged", _("Damaged")
    BROKEN = "broken", _("Does not work")


class Accessory(models.TextChoices):
    CHARGER = "charger", _("Charger")
    BAG = "bag", _("Bag or sleeve")
    MOUSE = "mouse", _("Mouse")
    KEYBOARD = "keyboard", _("Keyboard")
    SCREEN = "screen", _("Screen")
    CABLES = "cables", _("Cables")
    HEADSET = "headset", _("Headset")
    CASE = "case", _("Case or cover")


def accessory_labels(codes: list[str]) -> list[str]:
    labels = dict(Accessory.choices)
    return [str(labels.get(code, code)) for code in codes]


class NeverDeleted(models.Model):
    """Loans, sales and memberships are records of what happened: they are never deleted."""

    class Meta:
        abstract = True

    def delete(self, *args, **kwargs):
        raise TypeError(f"{self._meta.verbose_name} records are never deleted.")


class NeverDeletedQuerySet(models.QuerySet):
    def delete(self):
        raise TypeError("These records are never deleted.")
