"""Hand-over, return, sale and membership screens: parse a form, call one service, show the outcome."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from documents.models import IssuedDocument
from inventory.models import Device
from inventory.workflow import Status
from partners.models import Allocation
from workshop.errors import DomainError
from workshop.roles import is_manager, manager_required, workshop_required

from . import forms, pricing, services
from .models import Loan, LoanStatus, Membership, Sale, SaleKind, SaleStatus
from .models.choices import PaymentMethod, accessory_labels


def _device(tag: str) -> Device:
    return get_object_or_404(Device.objects.select_related("category__terms", "lot__donor", "site"), asset_tag=tag)


def _site_filter(request, queryset, path="site_id"):
    if request.GET.get("site") != "all" and request.user.current_site_id:
        return queryset.filter(**{path: request.user.current_site_id})
    return queryset


# — Loans —


@workshop_required
def loan_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=14)
    tabs = {
        "active": Q(status=LoanStatus.ACTIVE),
        "due_soon": Q(status=LoanStatus.ACTIVE, due_on__gte=today, due_on__lte=soon),
        "overdue": Q(status=LoanStatus.ACTIVE, due_on__lt=today),
        "returned": Q(status=LoanStatus.RETURNED),
        "lost": Q(status=LoanStatus.LOST),
        "given": Q(status=LoanStatus.GIVEN),
    }
    tab = request.GET.get("tab") if request.GET.get("tab") in tabs else "active"
    form = forms.LoanFilterForm(request.GET or None)
    loans = _site_filter(request, Loan.objects.all())
    if form.is_valid() and (q := form.cleaned_data["q"].strip()):
        loans = loans.filter(
            Q(household__reference__icontains=q)
            | Q(household__last_name__icontains=q)
            | Q(device__asset_tag__iexact=q)
            | Q(number__iexact=q)
        )
    counts = loans.aggregate(**{key: Count("pk", filter=condition) for key, condition in tabs.items()})
    listed = (
        loans.filter(tabs[tab])
        .select_related("device__category", "household__organisation")
        .annotate(last_reminder=Max("reminders__sent_at"))
        .order_by("due_on" if tab in ("active", "due_soon", "overdue") else "-ended_at", "pk")
    )
    page = Paginator(listed, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("tab", None)
    return render(
        request,
        "loans/loan_list.html",
        {
            "tab": tab,
            "tabs": [(key, forms.LoanFilterForm.TABS[key], counts[key]) for key in tabs],
            "form": form,
            "page": page,
            "today": today,
            "query": query.urlencode(),
        },
    )


@workshop_required
def handover(request: HttpRequest, tag: str) -> HttpResponse:
    device = _device(tag)
    allocation = Allocation.objects.active().filter(device=device).select_related("request__household").first()
    if device.status != Status.RESERVED or allocation is None:
        messages.error(
            request, _("%(tag)s is not reserved for a household: reserve it from a request first.") % {"tag": tag}
        )
        return redirect(device)
    household = allocation.request.household
    form = forms.HandoverForm(request.POST or None, device=device, household=household)
    if request.method == "POST" and form.is_valid():
        try:
            loan = services.lend(device=device, borrower=form.borrower(), handover=form.handover(), actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Loan %(number)s recorded: print the contract.") % {"number": loan.number})
            return redirect(loan)
    overdue = Loan.objects.overdue().filter(household=household).first()
    return render(
        request,
        "loans/handover.html",
        {"device": device, "allocation": allocation, "household": household, "form": form, "overdue": overdue},
    )


def _documents(obj):
    from django.contrib.contenttypes.models import ContentType

    return IssuedDocument.objects.filter(
        subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk
    ).order_by("issued_at")


def _journal(obj):
    from django.contrib.contenttypes.models import ContentType

    from inventory.models import JournalEntry

    return (
        JournalEntry.objects.filter(subject_type=ContentType.objects.get_for_model(obj), subject_id=obj.pk)
        .select_related("actor", "device")
        .order_by("at", "pk")
    )


@workshop_required
def loan_detail(request: HttpRequest, pk: int, failed: str = "", failed_form=None, status: int = 200) -> HttpResponse:
    loan = get_object_or_404(
        Loan.objects.select_related("device__category", "household__organisation", "household__commune", "site"), pk=pk
    )
    action_forms = {}
    if loan.status == LoanStatus.ACTIVE:
        action_forms = {
            "take_back": forms.ReturnForm(loan=loan),
            "renew": forms.RenewForm(loan=loan),
            "lost": forms.NoteForm(),
        }
        if loan.option_to_buy:
            action_forms["buy"] = forms.BuyOutForm()
        if failed_form is not None:
            action_forms[failed] = failed_form
    return render(
        request,
        "loans/loan_detail.html",
        {
            "loan": loan,
            "forms": action_forms,
            "failed": failed,
            "documents": _documents(loan),
            "reminders": loan.reminders.select_related("sent_by"),
            "history": _journal(loan),
            "gift_date": services.gift_date(loan),
            "can_give": loan.status == LoanStatus.ACTIVE and timezone.localdate() >= services.gift_date(loan),
            "missing": accessory_labels(sorted(set(loan.accessories) - set(loan.accessories_returned)))
            if loan.returned_on
            else [],
        },
        status=status,
    )


LOAN_ACTIONS = {"take_back", "renew", "lost", "give", "remind", "sign", "buy"}


@require_POST
@workshop_required
def loan_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    loan = get_object_or_404(Loan, pk=pk)
    if action not in LOAN_ACTIONS:
        raise Http404
    form = None
    try:
        if action == "take_back":
            form = forms.ReturnForm(request.POST, loan=loan)
            if form.is_valid():
                services.take_back(loan=loan, outcome=form.outcome(), actor=request.user)
                messages.success(request, _("Device taken back: it must be erased again before it leaves."))
        elif action == "renew":
            form = forms.RenewForm(request.POST, loan=loan)
            if form.is_valid():
                services.renew(loan=loan, due_on=form.cleaned_data["due_on"], actor=request.user)
                messages.success(request, _("Loan renewed."))
        elif action == "lost":
            form = forms.NoteForm(request.POST)
            if form.is_valid():
                services.declare_lost(loan=loan, note=form.cleaned_data["note"], actor=request.user)
                messages.success(request, _("Loan declared lost or stolen."))
        elif action == "buy":
            form = forms.BuyOutForm(request.POST)
            if form.is_valid():
                sale = services.buy_out(
                    loan=loan, payment_method=form.cleaned_data["payment_method"], actor=request.user
                )
                messages.success(request, _("%(number)s recorded.") % {"number": sale.number})
                return redirect(sale)
        elif action == "give":
            services.give(loan=loan, actor=request.user)
            messages.success(request, _("The household keeps the device for good."))
        elif action == "remind":
            reminder = services.remind_now(loan=loan, actor=request.user)
            if reminder.recipients:
                messages.success(request, _("Reminder sent to %(to)s.") % {"to": ", ".join(reminder.recipients)})
            else:
                messages.warning(request, _("No e-mail address is known: phone the household (recorded)."))
        elif action == "sign":
            services.record_signature(loan=loan, actor=request.user)
            messages.success(request, _("Signature recorded."))
    except DomainError as error:
        messages.error(request, error.message)
        return loan_detail(request, pk, failed=action, failed_form=form, status=409)
    if form is not None and not form.is_valid():
        messages.error(request, _("Please correct the form below."))
        return loan_detail(request, pk, failed=action, failed_form=form, status=400)
    return redirect(loan)


@workshop_required
def call_list(request: HttpRequest) -> HttpResponse:
    """Loans to phone about: overdue or due within 14 days, with the last reminder; printable."""
    today = timezone.localdate()
    loans = (
        _site_filter(request, Loan.objects.active())
        .filter(due_on__lte=today + datetime.timedelta(days=14))
        .select_related("device__category", "household__organisation")
        .annotate(last_reminder=Max("reminders__sent_at"))
        .order_by("due_on", "pk")
    )
    return render(request, "loans/call_list.html", {"loans": loans, "today": today})


# — Sales —


@workshop_required
def sale_create(request: HttpRequest, tag: str) -> HttpResponse:
    device = _device(tag)
    if device.status not in (Status.READY, Status.RESERVED):
        messages.error(request, _("%(tag)s is not ready to be sold.") % {"tag": tag})
        return redirect(device)
    allocation = Allocation.objects.active().filter(device=device).select_related("request__household").first()
    reserved_for = allocation.request.household if allocation else None
    form = forms.SaleForm(request.POST or None, device=device, reserved_for=reserved_for)
    if request.method == "POST" and form.is_valid():
        try:
            sale = services.sell(device=device, buyer=form.buyer(), terms=form.terms(), actor=request.user)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(number)s recorded.") % {"number": sale.number})
            return redirect(sale)
    return render(
        request,
        "loans/sale_form.html",
        {
            "device": device,
            "form": form,
            "reserved_for": reserved_for,
            "grid": pricing.grid_price(device),
            "cap": pricing.legal_cap(device),
        },
    )


@workshop_required
def sale_list(request: HttpRequest) -> HttpResponse:
    form = forms.SaleFilterForm(request.GET or None)
    sales = form.filter(_site_filter(request, Sale.objects.all()))
    # What the till should hold for the period: sales not cancelled by a credit note (a warranty
    # return alone refunds nothing).
    kept = sales.filter(kind=SaleKind.SALE).exclude(status=SaleStatus.CANCELLED)
    totals = kept.aggregate(count=Count("pk"), amount=Sum("price"))
    by_method = (
        kept.values("payment_method").annotate(count=Count("pk"), amount=Sum("price")).order_by("payment_method")
    )
    page = Paginator(sales.select_related("device__category", "household"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "loans/sale_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "totals": totals,
            "by_method": [
                (PaymentMethod(row["payment_method"]).label, row["count"], row["amount"]) for row in by_method
            ],
        },
    )


@workshop_required
def sale_detail(request: HttpRequest, pk: int, cancel_form=None, status: int = 200) -> HttpResponse:
    sale = get_object_or_404(Sale.objects.select_related("device__category", "household__organisation", "site"), pk=pk)
    return render(
        request,
        "loans/sale_detail.html",
        {
            "sale": sale,
            "documents": _documents(sale),
            "history": _journal(sale),
            "warranty_form": forms.WarrantyForm(),
            "under_warranty": sale.warranty_until and timezone.localdate() <= sale.warranty_until,
            "cancel_form": cancel_form or forms.CancelSaleForm(),
            "can_cancel": is_manager(request.user) and sale.status != SaleStatus.CANCELLED,
        },
        status=status,
    )


@require_POST
@workshop_required
def warranty_return(request: HttpRequest, pk: int) -> HttpResponse:
    sale = get_object_or_404(Sale, pk=pk)
    form = forms.WarrantyForm(request.POST)
    try:
        if not form.is_valid():
            raise services.LoanError(_("Say what is wrong with the device."))
        services.warranty_return(sale=sale, reason=form.cleaned_data["reason"], actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Device back under warranty: it goes through the checks again."))
    return redirect(sale)


@require_POST
@manager_required
def sale_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    sale = get_object_or_404(Sale, pk=pk)
    form = forms.CancelSaleForm(request.POST)
    if not form.is_valid():
        return sale_detail(request, pk, cancel_form=form, status=400)
    try:
        sale = services.cancel_sale(sale=sale, cancellation=form.cancellation(), actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return sale_detail(request, pk, cancel_form=form, status=400)
    if sale.credit_note_number:
        messages.success(
            request, _("Sale cancelled: credit note %(number)s issued.") % {"number": sale.credit_note_number}
        )
    else:
        messages.success(request, _("Free supply cancelled."))
    return redirect(sale)


# — Memberships —


@workshop_required
def membership_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    memberships = Membership.objects.select_related("household").order_by("-starts_on", "-pk")
    if request.GET.get("valid"):
        memberships = memberships.valid_on(today)
    form = forms.MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            if d["member_kind"] == "organisation":
                membership = services.join(
                    organisation_name=d["organisation_name"],
                    fee=d["fee"],
                    payment_method=d["payment_method"],
                    actor=request.user,
                )
            elif d["household"] is not None:
                membership = services.join(
                    household=d["household"], fee=d["fee"], payment_method=d["payment_method"], actor=request.user
                )
            else:
                membership = services.join_walk_in(
                    newcomer=services.Newcomer(
                        reference=d["reference"],
                        commune=d["commune"],
                        size=d["size"] or 1,
                        age_bracket=d["age_bracket"] or "26_59",
                        borrower=services.Borrower(d["first_name"], d["last_name"]),
                    ),
                    fee=d["fee"],
                    payment_method=d["payment_method"],
                    actor=request.user,
                )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Membership %(number)s recorded.") % {"number": membership.number})
            return redirect("loans:membership_list")
    page = Paginator(memberships, 50).get_page(request.GET.get("page"))
    documents = {
        d.subject_id: d
        for d in IssuedDocument.objects.filter(kind="membership_receipt", subject_id__in=[m.pk for m in page])
    }
    for membership in page:
        membership.receipt = documents.get(membership.pk)
    return render(request, "loans/membership_list.html", {"page": page, "form": form, "today": today})
