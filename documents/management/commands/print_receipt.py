from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from inventory.models import DonationLot

from ...services import DocumentError, issue_donation_receipt
from ._common import command_actor
from .print_certificate import write_pdf


class Command(BaseCommand):
    help = "Issue (or give back, if nothing changed) the donation receipt of a lot, as a PDF file."

    def add_arguments(self, parser):
        parser.add_argument("--lot", metavar="REF", required=True, help="the donation lot")
        parser.add_argument("--user", help="who issues it (a username); by default the first superuser")
        parser.add_argument("-o", "--output", required=True, help="the PDF file to write")

    def handle(self, *args, **options):
        actor = command_actor(options["user"])
        lot = DonationLot.objects.filter(reference=options["lot"]).first()
        if lot is None:
            raise CommandError(_("No donation lot has the reference “%(ref)s”.") % {"ref": options["lot"]})
        try:
            document = issue_donation_receipt(actor=actor, lot=lot)
        except DocumentError as error:
            raise CommandError(error.message) from error
        write_pdf(self, options["output"], document)
