from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from partners import services


class Command(BaseCommand):
    help = "Daily: flag to managers the requests nobody answered, expire the stale ones and tell their partners."

    def handle(self, *args, **options):
        review = services.review_requests()
        self.stdout.write(
            _("%(flagged)d requests flagged to managers, %(expired)d expired.")
            % {"flagged": len(review.flagged), "expired": len(review.expired)}
        )
