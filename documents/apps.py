from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from inventory import panels
        from inventory.workflow import Action

        from . import panels as document_panels
        from .services import DOCUMENT_ISSUED

        Action.register_labels({DOCUMENT_ISSUED: _("Document issued")})
        panels.register("lot", document_panels.lot_panel)
        panels.register("device", document_panels.device_panel)
        panels.register("device_list", document_panels.device_list_panel)
