from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data set (seed_demo); it sits above every other app and nothing imports it."""

    name = "demo"
    verbose_name = _("Demo data")
