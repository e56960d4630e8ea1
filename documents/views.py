"""Printing: thin views that read a form, build one PDF or issue one document, and hand it over."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from inventory.forms import DeviceFilterForm
from inventory.models import Device, DonationLot
from workshop.roles import workshop_required

from . import services
from .forms import CalibrationForm, LabelPrintForm
from .label_formats import get_format
from .labels import LabelError, label_queryset, render_calibration, render_labels
from .models import IssuedDocument

# A sheet of labels for "everything the filter shows" stops here: beyond, the filter is surely wrong.
MAX_LABELS = 2000


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(referer, {request.get_host()}, request.is_secure()):
        return redirect(referer)
    return redirect(fallback)


def _labels(request: HttpRequest, devices, *, filename: str, fallback: str) -> HttpResponse:
    form = LabelPrintForm(request.GET)
    if not form.is_valid():
        messages.error(request, form.error_text())
        return _back(request, fallback)
    data = form.cleaned_data
    devices = list(label_queryset(devices, data["kind"]))
    if not devices:
        messages.error(request, _("No device to print a label for."))
        return _back(request, fallback)
    if len(devices) > MAX_LABELS:
        messages.error(
            request,
            _("%(count)d devices match: narrow the filter to at most %(max)d labels at a time.")
            % {"count": len(devices), "max": MAX_LABELS},
        )
        return _back(request, fallback)
    try:
        pdf = render_labels(devices, fmt=data["label_format"], kind=data["kind"], skip=data["skip"])
    except LabelError as error:
        messages.error(request, str(error))
        return _back(request, fallback)
    return pdf_response(pdf, f"{filename}-{data['label_format'].code}.pdf")


@workshop_required
@require_GET
def lot_labels(request: HttpRequest, pk: int) -> HttpResponse:
    lot = get_object_or_404(DonationLot, pk=pk)
    devices = lot.devices.order_by("asset_tag")
    return _labels(request, devices, filename=f"etiquettes-{lot.reference}", fallback=lot.get_absolute_url())


@workshop_required
@require_GET
def device_labels(request: HttpRequest, tag: str) -> HttpResponse:
    device = get_object_or_404(Device, asset_tag=tag)
    devices = Device.objects.filter(pk=device.pk)
    return _labels(request, devices, filename=f"etiquette-{device.asset_tag}", fallback=device.get_absolute_url())


@workshop_required
@require_GET
def selection_labels(request: HttpRequest) -> HttpResponse:
    """The devices ticked in the device list, or, with `filter=1`, every device the list's filter shows."""
    if request.GET.get("filter"):
        filters = DeviceFilterForm(request.GET)
        devices = filters.filter(Device.objects.all(), user=request.user)
    else:
        tags = request.GET.getlist("tags")
        if not tags:
            messages.error(request, _("Tick at least one device in the list to print its label."))
            return _back(request, "inventory:device_list")
        devices = Device.objects.filter(asset_tag__in=tags).order_by("asset_tag")
    return _labels(request, devices, filename="etiquettes", fallback="inventory:device_list")


@workshop_required
@require_GET
def calibration(request: HttpRequest) -> HttpResponse:
    form = CalibrationForm(request.GET)
    if not form.is_valid():
        messages.error(request, _("Choose a label format for the calibration page."))
        return _back(request, "inventory:home")
    fmt = get_format(form.cleaned_data["format"])
    return pdf_response(render_calibration(fmt), f"calibration-{fmt.code}.pdf")


def _issued(request: HttpRequest, issue, fallback: str) -> HttpResponse:
    try:
        document = issue()
    except services.DocumentError as error:
        messages.error(request, error.message)
        return redirect(fallback)
    if document.already_issued:
        messages.info(
            request,
            _("Nothing changed since %(number)s was issued: here it is again.") % {"number": document.number},
        )
    else:
        messages.success(request, _("%(document)s issued.") % {"document": document})
    return redirect(document)


@workshop_required
@require_POST
def lot_certificate(request: HttpRequest, pk: int) -> HttpResponse:
    lot = get_object_or_404(DonationLot, pk=pk)
    return _issued(
        request, lambda: services.issue_erasure_certificate(actor=request.user, lot=lot), lot.get_absolute_url()
    )


@workshop_required
@require_POST
def device_certificate(request: HttpRequest, tag: str) -> HttpResponse:
    device = get_object_or_404(Device.objects.select_related("lot"), asset_tag=tag)
    return _issued(
        request,
        lambda: services.issue_erasure_certificate(actor=request.user, device=device),
        device.get_absolute_url(),
    )


@workshop_required
@require_POST
def lot_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    lot = get_object_or_404(DonationLot, pk=pk)
    return _issued(
        request, lambda: services.issue_donation_receipt(actor=request.user, lot=lot), lot.get_absolute_url()
    )


@workshop_required
@require_GET
def issued_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A stored document's bytes, unchanged: a reprint is identical to the first print."""
    document = get_object_or_404(IssuedDocument, pk=pk)
    return pdf_response(bytes(document.pdf), document.filename)
