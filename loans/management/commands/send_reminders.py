import datetime

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from loans import services


class Command(BaseCommand):
    help = "Daily: e-mail loan reminders 14 days before the due date, on it and 7 days after, each once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="act as if today were this date (YYYY-MM-DD)"
        )

    def handle(self, *args, date: datetime.date | None, **options):
        sent = services.send_reminders(today=date)
        self.stdout.write(_("%(count)d reminders recorded.") % {"count": len(sent)})
        for reminder in sent:
            to = ", ".join(reminder.recipients) or _("no e-mail: on the call list")
            self.stdout.write(f"  {reminder.loan.number} {reminder.get_kind_display()} → {to}")
