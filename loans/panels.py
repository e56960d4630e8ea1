"""What the loans app adds to device and household pages."""

import datetime

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone

from inventory.workflow import Status
from workshop import roles

from .models import Loan, Sale, SaleStatus


def device_panel(request, device) -> str | None:
    """Hand over or sell from the device page; the current loan or sale when there is one."""
    if not roles.is_workshop(request.user):
        return None
    context = {"device": device}
    if device.status in (Status.RESERVED, Status.READY):
        context["can_lend"] = device.status == Status.RESERVED
        context["can_sell"] = True
    elif device.status in (Status.LOANED, Status.LOST, Status.GIVEN, Status.SOLD):
        # GIVEN is reached by a free supply (a sale) or by a loan turned into a gift.
        sale = None
        if device.status in (Status.SOLD, Status.GIVEN):
            sale = Sale.objects.filter(device=device, status=SaleStatus.DONE).order_by("-pk").first()
        if sale is not None:
            context["sale"] = sale
        else:
            context["loan"] = Loan.objects.filter(device=device).order_by("-pk").first()
    else:
        return None
    return render_to_string("loans/partials/device_panel.html", context, request=request)


def household_panel(request, household) -> str:
    """Loans and purchases of a household; the household page itself is scoped by visible_to()."""
    context = {
        "loans": Loan.objects.visible_to(request.user).filter(household=household).select_related("device__category"),
        "sales": Sale.objects.visible_to(request.user).filter(household=household).select_related("device__category"),
        "memberships": household.memberships.all(),
        "is_workshop": roles.is_workshop(request.user),
    }
    return render_to_string("loans/partials/household_panel.html", context, request=request)


def home_panel(request, user) -> str:
    """On the workshop home: overdue loans and those due this week, at the user's site."""
    today = timezone.localdate()
    loans = Loan.objects.active()
    if user.current_site_id:
        loans = loans.filter(site_id=user.current_site_id)
    counts = loans.aggregate(
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        due_soon=Count("pk", filter=Q(due_on__gte=today, due_on__lte=today + datetime.timedelta(days=7))),
    )
    return render_to_string("loans/partials/home_panel.html", counts, request=request)
