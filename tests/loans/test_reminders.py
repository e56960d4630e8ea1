"""Reminders over a simulated calendar: 14 days before, on the day, 7 days after, each exactly once."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from loans import services
from loans.models import Reminder, ReminderKind

pytestmark = pytest.mark.django_db


def run_calendar(start: datetime.date, days: int) -> dict[datetime.date, list[str]]:
    sent = {}
    for offset in range(days):
        day = start + datetime.timedelta(days=offset)
        kinds = [r.kind for r in services.send_reminders(today=day)]
        if kinds:
            sent[day] = kinds
    return sent


def test_each_reminder_is_sent_once_on_its_day(loan):
    due = loan.due_on
    sent = run_calendar(due - datetime.timedelta(days=30), 50)
    assert sent == {
        due - datetime.timedelta(days=14): [ReminderKind.BEFORE],
        due: [ReminderKind.DUE],
        due + datetime.timedelta(days=7): [ReminderKind.AFTER],
    }
    assert Reminder.objects.count() == 3


def test_running_twice_a_day_sends_nothing_more(loan):
    day = loan.due_on
    assert len(services.send_reminders(today=day)) == 1
    assert services.send_reminders(today=day) == []


def test_a_missed_day_still_sends_the_reminder_the_next_day(loan):
    day = loan.due_on - datetime.timedelta(days=13)  # the job did not run on day -14
    assert [r.kind for r in services.send_reminders(today=day)] == [ReminderKind.BEFORE]


def test_reminders_go_to_the_borrower_and_the_referent_in_french(loan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.send_reminders(today=loan.due_on)
    (message,) = mail.outbox
    assert set(message.to) == {"amina.durand@example.org", "partenaire.caf@example.org"}
    assert "SV-000123" in message.subject and "aujourd'hui" in message.body


def test_a_renewed_loan_gets_its_reminders_again(loan, atelier):
    services.send_reminders(today=loan.due_on - datetime.timedelta(days=14))
    later = loan.due_on + datetime.timedelta(days=60)
    services.renew(loan=loan, due_on=later, actor=atelier)
    sent = run_calendar(later - datetime.timedelta(days=20), 40)
    assert sorted(k for kinds in sent.values() for k in kinds) == sorted(
        [ReminderKind.BEFORE, ReminderKind.DUE, ReminderKind.AFTER]
    )


def test_returned_loans_are_not_reminded(loan, atelier):
    services.take_back(loan=loan, outcome=services.Return("good", ["charger", "bag"]), actor=atelier)
    assert run_calendar(loan.due_on - datetime.timedelta(days=20), 40) == {}


def test_without_email_the_reminder_is_recorded_for_the_call_list(loan):
    # The borrower has no e-mail, nor the referent, nor the organisation.
    loan.household.email = ""
    loan.household.save()
    loan.request.created_by.email = ""
    loan.request.created_by.save()
    loan.request.organisation.email = ""
    loan.request.organisation.save()
    (reminder,) = services.send_reminders(today=loan.due_on)
    assert reminder.recipients == [] and not mail.outbox


def test_remind_now_records_a_manual_reminder(loan, atelier):
    reminder = services.remind_now(loan=loan, actor=atelier)
    assert reminder.kind == ReminderKind.MANUAL and reminder.sent_by == atelier
    services.remind_now(loan=loan, actor=atelier)
    assert Reminder.objects.filter(kind=ReminderKind.MANUAL).count() == 2


def test_the_command_takes_a_date(loan):
    out = StringIO()
    call_command("send_reminders", "--date", loan.due_on.isoformat(), stdout=out)
    assert out.getvalue().startswith("1 ") and loan.number in out.getvalue()
