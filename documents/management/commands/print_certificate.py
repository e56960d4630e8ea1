from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from inventory.models import Device, DonationLot

from ...services import DocumentError, issue_erasure_certificate
from ._common import command_actor


class Command(BaseCommand):
    help = "Issue (or give back, if nothing changed) the erasure certificate of a device or a lot, as a PDF file."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--tag", help="one device")
        which.add_argument("--lot", metavar="REF", help="every device of a donation lot")
        parser.add_argument("--user", help="who issues it (a username); by default the first superuser")
        parser.add_argument("-o", "--output", required=True, help="the PDF file to write")

    def handle(self, *args, **options):
        actor = command_actor(options["user"])
        device = lot = None
        if options["tag"]:
            device = Device.objects.select_related("lot").filter(asset_tag=options["tag"]).first()
            if device is None:
                raise CommandError(_("No device has the tag “%(tag)s”.") % {"tag": options["tag"]})
        else:
            lot = DonationLot.objects.filter(reference=options["lot"]).first()
            if lot is None:
                raise CommandError(_("No donation lot has the reference “%(ref)s”.") % {"ref": options["lot"]})
        try:
            document = issue_erasure_certificate(actor=actor, device=device, lot=lot)
        except DocumentError as error:
            raise CommandError(error.message) from error
        write_pdf(self, options["output"], document)


def write_pdf(command: BaseCommand, output: str, document) -> None:
    try:
        Path(output).write_bytes(bytes(document.pdf))
    except OSError as error:
        raise CommandError(_("Cannot write %(file)s: %(error)s") % {"file": output, "error": error}) from error
    command.stdout.write(_("%(document)s written to %(file)s.") % {"document": document, "file": output})
