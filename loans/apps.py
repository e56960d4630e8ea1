from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LoansConfig(AppConfig):
    """Loans under contract, solidarity sales, memberships, reminders and their documents."""

    name = "loans"
    verbose_name = _("Loans and sales")

    def ready(self) -> None:
        from documents import labels
        from inventory import panels
        from inventory.templatetags.journal import register_details
        from inventory.workflow import Action

        from . import pricing, services
        from .panels import device_panel, home_panel, household_panel

        Action.register_labels(services.ACTION_LABELS)
        register_details(**services.JOURNAL_DETAILS)
        labels.set_price_source(pricing.label_prices)
        panels.register("device", device_panel)
        panels.register("household", household_panel)
        panels.register("home", home_panel)
