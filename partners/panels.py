"""What the partners app adds to the workshop pages."""

from django.template.loader import render_to_string

from inventory.workflow import Status
from workshop import roles

from .models import Allocation, DeviceRequest


def device_panel(request, device) -> str | None:
    """On a device page: the request and household it is reserved for, or, when READY, who waits for one."""
    if not roles.is_workshop(request.user):
        return None
    context = {"device": device, "is_manager": roles.is_manager(request.user)}
    if device.status == Status.RESERVED:
        context["allocation"] = (
            Allocation.objects.active()
            .filter(device=device)
            .select_related("request__household__commune", "request__organisation")
            .first()
        )
    elif device.status == Status.READY and context["is_manager"]:
        kinds = ["desktop"] if device.category.kind in ("desktop", "all_in_one") else [device.category.kind]
        context["waiting"] = list(
            DeviceRequest.objects.queue().filter(need__in=kinds).select_related("household", "organisation")[:3]
        )
    else:
        return None
    return render_to_string("partners/partials/device_panel.html", context, request=request)
