"""Workshop screens: thin views that parse a form, call one service and show its outcome."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from workshop.roles import manager_required, workshop_required

from . import forms, panels, selectors, services
from .models import Device, DonationLot, Donor
from .workflow import Action, Status, WorkflowError, allowed_actions


@workshop_required
def home(request: HttpRequest) -> HttpResponse:
    site_id = request.user.current_site_id
    counts = selectors.status_counts(site_id)
    queues = [
        {
            "status": status,
            "label": Status.label(status),
            "count": counts[status],
            "devices": selectors.queue(status, site_id=site_id),
        }
        for status in Status.REFURBISHING
    ]
    return render(
        request,
        "inventory/home.html",
        {
            "counts": [(s, Status.label(s), counts[s]) for s, _l in Status.choices],
            "queues": queues,
            "panels": panels.render("home", request, request.user),
        },
    )


@workshop_required
def scan(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("q", "").strip()
    if not code:
        return redirect("inventory:device_list")
    devices = list(selectors.search_by_scan(code)[:50])
    if len(devices) == 1:
        return redirect(devices[0])
    if not devices:
        messages.warning(request, _("No device matches “%(code)s”.") % {"code": code})
        return redirect(f"{_reverse('inventory:device_list')}?q={code}&site=all")
    return render(request, "inventory/scan_results.html", {"code": code, "devices": devices})


def _reverse(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


# — Donors and lots —


@workshop_required
def donor_create(request: HttpRequest) -> HttpResponse:
    form = forms.DonorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        donor = services.register_donor(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Donor %(name)s registered.") % {"name": donor.name})
        return redirect(f"{_reverse('inventory:lot_create')}?donor={donor.pk}")
    return render(request, "inventory/donor_form.html", {"form": form})


@workshop_required
def lot_list(request: HttpRequest) -> HttpResponse:
    lots = DonationLot.objects.select_related("donor", "site").annotate(device_count=Count("devices"))
    if request.GET.get("site") != "all" and request.user.current_site_id:
        lots = lots.filter(site_id=request.user.current_site_id)
    query = request.GET.get("q", "").strip()
    if query:
        lots = lots.filter(reference__icontains=query) | lots.filter(donor__name__icontains=query)
    page = Paginator(lots.order_by("-received_on", "-pk"), 30).get_page(request.GET.get("page"))
    return render(request, "inventory/lot_list.html", {"page": page, "q": query})


@workshop_required
def lot_create(request: HttpRequest) -> HttpResponse:
    initial = {"donor": request.GET.get("donor")} if request.GET.get("donor") else None
    form = forms.LotForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lot = services.register_lot(actor=request.user, **form.cleaned_data)
        except WorkflowError as error:
            form.add_error("reference", error.message)
        else:
            messages.success(request, _("Lot %(ref)s registered: now enter its devices.") % {"ref": lot.reference})
            return redirect(lot)
    return render(request, "inventory/lot_form.html", {"form": form, "donor_count": Donor.objects.count()})


ENTRY_FORMS = {"batch": forms.DeviceBatchForm, "lines": forms.DeviceLinesForm, "scan": forms.ScanEntryForm}


@workshop_required
def lot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    lot = get_object_or_404(DonationLot.objects.select_related("donor", "site"), pk=pk)
    mode = request.POST.get("mode") or request.GET.get("mode") or "batch"
    if mode not in ENTRY_FORMS:
        raise Http404
    forms_by_mode = {name: cls(prefix=name) for name, cls in ENTRY_FORMS.items()}
    created: list[Device] = []
    if request.method == "POST":
        form = ENTRY_FORMS[mode](request.POST, prefix=mode)
        forms_by_mode[mode] = form
        if form.is_valid():
            data = form.cleaned_data
            if mode == "scan":
                lines = [services.DeviceLine(brand=data["brand"], model=data["model"], serial=data["serial"])]
            else:
                lines = data["lines"]
            created = services.register_devices(lot=lot, category=data["category"], lines=lines, actor=request.user)
            if mode == "scan":
                # Keep category, brand and model for the next scan; empty the serial.
                next_form = forms.ScanEntryForm(
                    prefix="scan", initial={k: data[k] for k in ("category", "brand", "model")}
                )
                if request.htmx:
                    return render(
                        request,
                        "inventory/partials/scan_entry.html",
                        {"lot": lot, "form": next_form, "created": created},
                    )
                forms_by_mode["scan"] = next_form
            else:
                messages.success(
                    request,
                    _("%(count)d devices registered: %(first)s to %(last)s.")
                    % {"count": len(created), "first": created[0].asset_tag, "last": created[-1].asset_tag},
                )
                return redirect(f"{lot.get_absolute_url()}?mode={mode}")
        elif mode == "scan" and request.htmx:
            return render(request, "inventory/partials/scan_entry.html", {"lot": lot, "form": form, "created": []})
    devices = lot.devices.for_list().order_by("-pk")
    return render(
        request,
        "inventory/lot_detail.html",
        {
            "lot": lot,
            "mode": mode,
            "forms": forms_by_mode,
            "devices": devices,
            "created": created,
            "by_status": dict(lot.devices.values_list("status").annotate(n=Count("pk")).order_by()),
            "panels": panels.render("lot", request, lot),
        },
    )


# — Devices —


@workshop_required
def device_list(request: HttpRequest) -> HttpResponse:
    form = forms.DeviceFilterForm(request.GET or None)
    devices = form.filter(Device.objects.for_list(), user=request.user)
    page = Paginator(devices, form.page_size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    template = "inventory/partials/device_table.html" if request.htmx else "inventory/device_list.html"
    context = {"form": form, "page": page, "query": query.urlencode()}
    if not request.htmx:
        context["panels"] = panels.render("device_list", request, form)
    return render(request, template, context)


def _device(tag: str) -> Device:
    return get_object_or_404(
        Device.objects.select_related("category", "site", "lot__donor", "operating_system"), asset_tag=tag
    )


ACTION_FORMS = {
    Action.DIAGNOSE: forms.DiagnoseForm,
    Action.ADD_DRIVE: forms.DriveForm,
    Action.ERASE: forms.ErasureForm,
    Action.NO_STORAGE: forms.ReasonForm,
    Action.INSTALL_OS: forms.InstallOSForm,
    Action.CHECK: forms.ChecklistForm,
    Action.GRADE: forms.GradeForm,
    Action.MARK_READY: forms.EmptyForm,
    Action.TO_PARTS: forms.ReasonForm,
    Action.RECYCLE: forms.ReasonForm,
    Action.REPAIR: forms.ReasonForm,
}


def _action_form(device: Device, action: str, bench: selectors.Workbench, data=None):
    cls = ACTION_FORMS[action]
    kwargs = {"prefix": action}
    if cls is forms.ErasureForm:
        kwargs["drives"] = bench.drives
    if cls is forms.InstallOSForm:
        kwargs["device"] = device
    if cls is forms.ChecklistForm:
        kwargs["items"] = bench.items
    if cls is forms.DiagnoseForm and data is None:
        kwargs["initial"] = {f: getattr(device, f) for f in forms.DiagnoseForm.Meta.fields}
    if cls is forms.GradeForm and data is None:
        kwargs["initial"] = {"grade": device.grade}
    if cls is forms.InstallOSForm and data is None and device.operating_system_id:
        kwargs["initial"] = {"operating_system": device.operating_system_id, "version": device.os_version}
    return cls(data, **kwargs)


def _perform(device: Device, action: str, form, actor) -> None:
    data = form.cleaned_data
    match action:
        case Action.DIAGNOSE:
            services.diagnose(device=device, actor=actor, **data)
        case Action.ADD_DRIVE:
            services.add_drive(device=device, actor=actor, **data)
        case Action.ERASE:
            services.record_erasure(device=device, actor=actor, **data)
        case Action.NO_STORAGE:
            services.record_no_storage(device=device, actor=actor, reason=data["reason"])
        case Action.INSTALL_OS:
            services.install_os(device=device, actor=actor, **data)
        case Action.CHECK:
            services.record_checks(device=device, actor=actor, results=form.results())
        case Action.GRADE:
            services.set_grade(device=device, actor=actor, grade=data["grade"])
        case Action.MARK_READY:
            services.mark_ready(device=device, actor=actor)
        case Action.TO_PARTS:
            services.send_to_parts(device=device, actor=actor, reason=data["reason"])
        case Action.RECYCLE:
            services.recycle(device=device, actor=actor, reason=data["reason"])
        case Action.REPAIR:
            services.repair(device=device, actor=actor, reason=data["reason"])


def _device_page(request, device: Device, *, bench=None, failed_action: str = "", failed_form=None, status=200):
    bench = bench or selectors.workbench(device)
    action_forms = [
        (action, Action.label(action), failed_form if action == failed_action else _action_form(device, action, bench))
        for action in allowed_actions(device)
    ]
    return render(
        request,
        "inventory/device_detail.html",
        {
            "device": device,
            "action_forms": action_forms,
            "open_action": failed_action,
            "drives": bench.drives,
            "checklist": bench.checklist_status(),
            "problems": bench.problems() if device.status == Status.CHECKED else [],
            "timeline": selectors.timeline(device),
            "panels": panels.render("device", request, device),
        },
        status=status,
    )


@workshop_required
def device_detail(request: HttpRequest, tag: str) -> HttpResponse:
    return _device_page(request, _device(tag))


@workshop_required
@require_POST
def device_action(request: HttpRequest, tag: str, action: str) -> HttpResponse:
    device = _device(tag)
    if action not in ACTION_FORMS:
        raise Http404
    form = _action_form(device, action, selectors.workbench(device), request.POST)
    if form.is_valid():
        try:
            _perform(device, action, form, request.user)
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("%(tag)s: %(action)s — done.") % {"tag": device.asset_tag, "action": Action.label(action)}
            )
            return redirect(device)
        device = _device(tag)
        return _device_page(request, device, failed_action=action, failed_form=form, status=409)
    messages.error(request, _("Please correct the form below."))
    return _device_page(request, device, failed_action=action, failed_form=form, status=400)


@workshop_required
def device_edit(request: HttpRequest, tag: str) -> HttpResponse:
    device = _device(tag)
    initial = {f: getattr(device, f) for f in forms.DeviceEditForm.Meta.fields}
    form = forms.DeviceEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_details(device=device, actor=request.user, **form.cleaned_data)
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Details of %(tag)s saved.") % {"tag": device.asset_tag})
            return redirect(device)
    return render(request, "inventory/device_edit.html", {"device": device, "form": form})


@manager_required
def stock(request: HttpRequest) -> HttpResponse:
    site_id = None if request.GET.get("site") == "all" else request.user.current_site_id
    by = request.GET.get("by", "category")
    if by not in ("category", "site", "grade"):
        by = "category"
    columns, rows = selectors.stock_table(site_id=site_id, by=by)
    totals = [sum(row["cells"][i] for row in rows) for i in range(len(columns))]
    return render(
        request,
        "inventory/stock.html",
        {
            "columns": columns,
            "rows": rows,
            "by": by,
            "totals": totals,
            "all_sites": site_id is None,
            "grand_total": sum(totals),
        },
    )
