from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Social partners, the households they refer, their requests and the waiting list."""

    name = "partners"
    verbose_name = _("Partners and requests")

    def ready(self) -> None:
        from inventory import panels
        from inventory.workflow import Action

        from . import services
        from .panels import device_panel, home_panel

        Action.register_labels(services.ACTION_LABELS)
        panels.register("device", device_panel)
        panels.register("home", home_panel)
