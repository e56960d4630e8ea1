"""E-mails about requests, in French, sent after the change has committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from workshop import roles
from workshop.models import User

from .models import DeviceRequest


def absolute(path: str) -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/") + path


def _send(template: str, recipients: list[str], context: dict) -> int:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"partners/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"partners/email/{template}.txt", context)
    return send_mail(subject, body, None, recipients)


def _partner_recipients(request: DeviceRequest) -> list[str]:
    """The referent who made the request, or the organisation's address when they have none."""
    return [request.created_by.email or request.organisation.email]


def _manager_recipients() -> list[str]:
    return list(
        User.objects.filter(groups__name=roles.GESTION, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def status_changed(request_pk: int) -> int:
    request = DeviceRequest.objects.select_related("household", "organisation", "created_by").get(pk=request_pk)
    context = {
        "request": request,
        "allocation": request.active_allocation,
        "position": request.queue_position(),
        "url": absolute(reverse("partners:request_detail", args=[request.pk])),
    }
    return _send("status_changed", _partner_recipients(request), context)


def request_submitted(request_pk: int) -> int:
    request = DeviceRequest.objects.select_related("household", "organisation").get(pk=request_pk)
    context = {"request": request, "url": absolute(reverse("partners:request_detail", args=[request.pk]))}
    return _send("request_submitted", _manager_recipients(), context)


def requests_flagged(request_pks: list[int]) -> int:
    requests = DeviceRequest.objects.filter(pk__in=request_pks).select_related("household", "organisation")
    context = {
        "requests": requests,
        "days": settings.REQUEST_FLAG_DAYS,
        "url": absolute(reverse("partners:queue") + "?tab=new"),
    }
    return _send("requests_flagged", _manager_recipients(), context)
