"""The "Print" panels added to the lot, device and device list pages (see inventory.panels)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.template.loader import render_to_string

from inventory.workflow import Status
from workshop import roles

from .forms import CalibrationForm, LabelPrintForm
from .labels import SPEC
from .models import IssuedDocument


def issued_for(*, lot=None, device=None):
    """Documents issued about a lot (its own and its devices') or a device, newest first, without their PDF."""
    if lot is not None:
        where = Q(lot=lot) | Q(subject_type=ContentType.objects.get_for_model(lot), subject_id=lot.pk)
    else:
        where = Q(device=device)
    return IssuedDocument.objects.filter(where).select_related("issued_by").defer("pdf", "context")


def _render(request, template: str, context: dict) -> str | None:
    if not roles.is_workshop(request.user):
        return None
    context = {"calibration_form": CalibrationForm(auto_id="cal-%s"), **context}
    return render_to_string(template, context, request=request)


def lot_panel(request, lot) -> str | None:
    return _render(
        request,
        "documents/panels/lot.html",
        {"lot": lot, "form": LabelPrintForm(auto_id="lot-labels-%s"), "documents": issued_for(lot=lot)},
    )


def device_panel(request, device) -> str | None:
    kind = SPEC if device.status == Status.READY else None
    return _render(
        request,
        "documents/panels/device.html",
        {
            "device": device,
            "form": LabelPrintForm(auto_id="device-labels-%s", initial={"kind": kind} if kind else None),
            "documents": issued_for(device=device),
        },
    )


def device_list_panel(request, filter_form) -> str | None:
    return _render(
        request,
        "documents/panels/device_list.html",
        {"form": LabelPrintForm(auto_id="list-labels-%s"), "filters": filter_form},
    )
