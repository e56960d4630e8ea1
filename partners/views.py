"""Partner portal and the managers' queue. Every query of household data starts from visible_to()."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inventory import panels
from inventory.models import Device, JournalEntry
from inventory.workflow import Status
from workshop import roles
from workshop.errors import DomainError
from workshop.roles import PARTENAIRE, manager_required, role_required, workshop_required

from . import forms, services
from .models import Allocation, DeviceRequest, Household, RequestStatus, organisation_of
from .models.requests import OPEN, QUEUED

everyone = role_required(PARTENAIRE, *roles.WORKSHOP_ROLES)


def annotate_positions(requests) -> None:
    """Each request's place in the waiting list and its active reservation, in two queries for a page.

    The waiting list counts every organisation's queued requests (only their order is read here).
    """
    requests = list(requests)
    queue = DeviceRequest.objects.queue().values_list("pk", "need")
    ranks, seen = {}, {}
    for pk, need in queue:
        seen[need] = seen.get(need, 0) + 1
        ranks[pk] = seen[need]
    reserved = [r.pk for r in requests if r.status == RequestStatus.RESERVED]
    allocations = {
        a.request_id: a for a in Allocation.objects.active().filter(request_id__in=reserved).select_related("device")
    }
    for item in requests:
        item.position = ranks.get(item.pk)
        item.allocation = allocations.get(item.pk)


def _requests(user):
    return DeviceRequest.objects.visible_to(user).select_related("household__commune", "organisation")


# — Partner portal —


@role_required(PARTENAIRE)
def home(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request.user)
    visible = DeviceRequest.objects.visible_to(request.user)
    form = forms.PartnerFilterForm(request.GET or None)
    requests = _requests(request.user)
    if form.is_valid():
        if status := form.cleaned_data["status"]:
            requests = requests.filter(status=status)
        if q := form.cleaned_data["q"].strip():
            requests = requests.filter(household__reference__icontains=q)
    counts = dict(visible.values_list("status").annotate(n=Count("pk")))
    page = Paginator(requests.order_by("-created_at"), 30).get_page(request.GET.get("page"))
    annotate_positions(page.object_list)
    return render(
        request,
        "partners/home.html",
        {
            "organisation": organisation,
            "form": form,
            "page": page,
            "counts": [(s, label, counts.get(s, 0)) for s, label in RequestStatus.choices],
        },
    )


@role_required(PARTENAIRE)
def request_create(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request.user)
    if organisation is None:
        raise PermissionDenied
    form = forms.RequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.submit_request(
                organisation=organisation,
                household=form.household_data(),
                data=form.request_data(),
                actor=request.user,
            )
        except services.RequestError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Request for household %(reference)s sent.") % {"reference": created.household.reference}
            )
            return redirect("partners:request_detail", created.pk)
    return render(request, "partners/request_form.html", {"form": form, "organisation": organisation})


@everyone
def communes(request: HttpRequest) -> HttpResponse:
    """Suggestions for the commune box (htmx)."""
    found = forms.find_communes(request.GET.get("commune", ""))[:15] if len(request.GET.get("commune", "")) >= 2 else []
    return render(request, "partners/partials/commune_options.html", {"communes": found})


@everyone
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "partners/privacy.html")


# — A request and a household: partners see theirs only, the workshop sees all —


def _history(obj) -> list[JournalEntry]:
    """The request's own steps; the device moves journaled with it show on the device's page."""
    return list(
        JournalEntry.objects.filter(
            subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk, action__in=services.ACTION_LABELS
        )
        .select_related("actor", "device")
        .order_by("at", "pk")
    )


@everyone
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    device_request = get_object_or_404(_requests(request.user).select_related("created_by"), pk=pk)
    context = {
        "req": device_request,
        "allocation": device_request.active_allocation,
        "position": device_request.queue_position(),
        "history": _history(device_request),
        "cancel_form": forms.OptionalReasonForm(),
    }
    if roles.is_partner(request.user):
        return render(request, "partners/request_detail.html", context)
    return _manage_page(request, device_request, context)


def _suggestions(device_request: DeviceRequest, user):
    """READY devices of the kind asked for, at the user's site first, best grade and battery first."""
    kinds = ["desktop", "all_in_one"] if device_request.need == "desktop" else [device_request.need]
    devices = Device.objects.for_list().filter(status=Status.READY, category__kind__in=kinds)
    return devices.annotate(
        here=Case(When(site_id=user.current_site_id, then=0), default=1, output_field=IntegerField())
    ).order_by("here", "grade", "-battery_health_pct", "asset_tag")


def _manage_page(request, device_request, context, status=200, allocate_form=None):
    is_manager = roles.is_manager(request.user)
    suggestions = _suggestions(device_request, request.user)
    if is_manager and device_request.is_queued:
        context["allocate_form"] = allocate_form or forms.AllocateForm(suggestions=suggestions[:12])
    context.update(
        {
            "can_manage": is_manager,
            "reason_form": forms.ReasonForm(),
            "optional_reason_form": forms.OptionalReasonForm(),
            "until_form": forms.UntilForm(initial={"until": services.default_reservation_end()}),
            "other_requests": device_request.household.requests.exclude(pk=device_request.pk),
        }
    )
    return render(request, "partners/manage_request.html", context, status=status)


@require_POST
@everyone
def request_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    device_request = get_object_or_404(_requests(request.user), pk=pk)
    if not (roles.is_partner(request.user) or roles.is_manager(request.user)):
        raise PermissionDenied
    form = forms.OptionalReasonForm(request.POST)
    form.is_valid()
    try:
        services.cancel_request(request=device_request, actor=request.user, reason=form.cleaned_data.get("reason", ""))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The request is cancelled."))
    return redirect("partners:request_detail", pk)


@everyone
def household_detail(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_object_or_404(
        Household.objects.visible_to(request.user).select_related("commune", "organisation"), pk=pk
    )
    requests = household.requests.select_related("organisation").order_by("-created_at")
    return render(
        request,
        "partners/household_detail.html",
        {"household": household, "requests": requests, "panels": panels.render("household", request, household)},
    )


# — Managers: the queue and the decisions —


TABS = {
    "new": (_("New"), Q(status=RequestStatus.SUBMITTED)),
    "queue": (_("Waiting list"), Q(status__in=QUEUED)),
    "reserved": (_("Reserved"), Q(status=RequestStatus.RESERVED)),
    "closed": (_("Closed"), ~Q(status__in=OPEN)),
}


@workshop_required
def queue(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab") if request.GET.get("tab") in TABS else "new"
    form = forms.QueueFilterForm(request.GET or None)
    base = _requests(request.user)
    if form.is_valid():
        if need := form.cleaned_data["need"]:
            base = base.filter(need=need)
        if organisation := form.cleaned_data["organisation"]:
            base = base.filter(organisation=organisation)
        if q := form.cleaned_data["q"].strip():
            base = base.filter(household__reference__icontains=q)
    counts = base.aggregate(**{key: Count("pk", filter=condition) for key, (_label, condition) in TABS.items()})
    listed = base.filter(TABS[tab][1])
    if tab == "queue":
        listed = listed.queue()
    elif tab == "new":
        listed = listed.order_by("created_at")
    else:
        listed = listed.order_by("-status_changed_at")
    page = Paginator(listed, 50).get_page(request.GET.get("page"))
    flag_limit = timezone.now() - datetime.timedelta(days=settings.REQUEST_FLAG_DAYS)
    start = page.start_index()
    query = request.GET.copy()
    query.pop("tab", None)
    query.pop("page", None)
    return render(
        request,
        "partners/queue.html",
        {
            "tab": tab,
            "tabs": [(key, label, counts[key]) for key, (label, _c) in TABS.items()],
            "form": form,
            "page": page,
            "start": start,
            "flag_limit": flag_limit,
            "flag_days": settings.REQUEST_FLAG_DAYS,
            "query": query.urlencode(),
        },
    )


def _decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    device_request = get_object_or_404(_requests(request.user), pk=pk)
    post = request.POST
    try:
        if action == "accept":
            services.accept_request(request=device_request, actor=request.user)
            done = _("Request accepted: it is in the waiting list.")
        elif action == "waitlist":
            services.waitlist_request(request=device_request, actor=request.user, reason=post.get("reason", ""))
            done = _("Request put on the waiting list.")
        elif action == "refuse":
            services.refuse_request(request=device_request, actor=request.user, reason=post.get("reason", ""))
            done = _("Request refused; the partner will see the reason.")
        elif action == "allocate":
            form = forms.AllocateForm(post, suggestions=_suggestions(device_request, request.user))
            if not form.is_valid():
                messages.error(request, _("Please correct the form below."))
                context = {
                    "req": device_request,
                    "allocation": None,
                    "position": device_request.queue_position(),
                    "history": _history(device_request),
                }
                return _manage_page(request, device_request, context, status=400, allocate_form=form)
            allocation = services.allocate(
                request=device_request,
                device=form.cleaned_data["device"],
                until=form.cleaned_data["until"],
                actor=request.user,
            )
            done = _("%(tag)s reserved until %(date)s.") % {
                "tag": allocation.device.asset_tag,
                "date": allocation.reserved_until.strftime("%d/%m/%Y"),
            }
        elif action in ("release", "extend"):
            allocation = get_object_or_404(Allocation.objects.active(), request=device_request)
            if action == "release":
                services.release(allocation=allocation, actor=request.user, reason=post.get("reason", ""))
                done = _("Reservation ended: the device is back in stock, the request back in the waiting list.")
            else:
                form = forms.UntilForm(post)
                if not form.is_valid():
                    raise services.RequestError(_("Reserved until: give a valid date."))
                services.extend(allocation=allocation, until=form.cleaned_data["until"], actor=request.user)
                done = _("Reservation extended.")
        else:
            raise PermissionDenied
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect("partners:request_detail", pk)


@require_POST
@manager_required
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    return _decide(request, pk, action)


@workshop_required
def reservations(request: HttpRequest) -> HttpResponse:
    """What is set aside, for whom, until when: the workshop prepares the hand-overs from here."""
    allocations = (
        Allocation.objects.active()
        .select_related("device__category", "device__site", "request__household", "request__organisation")
        .order_by("reserved_until", "pk")
    )
    all_sites = request.GET.get("site") == "all"
    if not all_sites and request.user.current_site_id:
        allocations = allocations.filter(device__site_id=request.user.current_site_id)
    page = Paginator(allocations, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/reservations.html",
        {"page": page, "today": timezone.localdate(), "all_sites": all_sites, "query": "site=all" if all_sites else ""},
    )
