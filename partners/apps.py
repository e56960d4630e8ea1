from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Social partners, the households they refer, their requests and the waiting list."""

    name = "partners"
    verbose_name = _("Partners and requests")
