"""Loan reminders by e-mail, in French, to the borrower (when known) and the referring partner."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import Loan, Reminder


def reminder_recipients(loan: Loan) -> list[str]:
    household = loan.household
    addresses = [household.email]
    request = loan.request
    if request is not None:
        addresses.append(request.created_by.email or request.organisation.email)
    elif household.organisation_id:
        addresses.append(household.organisation.email)
    return sorted({address for address in addresses if address})


def send_reminder(reminder_pk: int) -> int:
    reminder = Reminder.objects.select_related("loan__household", "loan__device__category", "loan__site").get(
        pk=reminder_pk
    )
    if not reminder.recipients:
        return 0
    context = {"reminder": reminder, "loan": reminder.loan, "workshop": settings.WORKSHOP_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("loans/email/reminder_subject.txt", context).strip()
        body = render_to_string("loans/email/reminder.txt", context)
    return send_mail(subject, body, None, reminder.recipients)
