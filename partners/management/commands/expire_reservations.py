from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from partners import services


class Command(BaseCommand):
    help = "Daily: reservations not claimed by their date go back to READY and their requests to the queue."

    def handle(self, *args, **options):
        count = services.expire_reservations()
        self.stdout.write(_("%(count)d reservations expired.") % {"count": count})
