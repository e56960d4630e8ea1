"""What the partners app adds to the workshop pages."""

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from inventory.workflow import Status
from workshop import roles

from .models import Allocation, DeviceRequest, RequestStatus
from .models.requests import QUEUED


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


def home_panel(request, user) -> str:
    """On the workshop home: requests waiting for an answer and reservations ending."""
    today = timezone.localdate()
    flag_limit = timezone.now() - datetime.timedelta(days=settings.REQUEST_FLAG_DAYS)
    counts = DeviceRequest.objects.aggregate(
        new=Count("pk", filter=Q(status=RequestStatus.SUBMITTED)),
        late=Count("pk", filter=Q(status=RequestStatus.SUBMITTED, created_at__lt=flag_limit)),
        queued=Count("pk", filter=Q(status__in=QUEUED)),
    )
    counts["ending"] = Allocation.objects.active().filter(reserved_until__lte=today).count()
    counts["days"] = settings.REQUEST_FLAG_DAYS
    return render_to_string("partners/partials/home_panel.html", counts, request=request)
