from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from inventory.models import Device, DonationLot
from inventory.workflow import Status

from ...label_formats import FORMATS
from ...labels import KINDS, LabelError, label_queryset, render_calibration, render_labels


class Command(BaseCommand):
    help = "Print asset or spec labels to a PDF file, or the calibration page of a label format."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, help=f"one of: {', '.join(FORMATS)}")
        parser.add_argument("--skip", type=int, default=0, help="labels already used on the first sheet")
        parser.add_argument("--kind", default="asset", help="asset (barcode) or spec (ready devices, QR code)")
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--tags", nargs="+", metavar="TAG", help="these devices, in this order")
        which.add_argument("--lot", metavar="REF", help="every device of this donation lot")
        which.add_argument("--status", help="every device in this status")
        which.add_argument("--all", action="store_true", help="every device")
        which.add_argument("--calibration", action="store_true", help="the calibration page of the format")
        parser.add_argument("-o", "--output", required=True, help="the PDF file to write")

    def handle(self, *args, **options):
        fmt = FORMATS.get(options["format"])
        if fmt is None:
            raise CommandError(
                _("Unknown label format “%(format)s”; choose one of: %(formats)s.")
                % {"format": options["format"], "formats": ", ".join(FORMATS)}
            )
        if options["kind"] not in KINDS:
            raise CommandError(_("--kind must be asset or spec."))
        if options["calibration"]:
            self._write(options["output"], render_calibration(fmt))
            return
        devices = list(label_queryset(self._devices(options), options["kind"]))
        if options["tags"]:
            order = {tag: n for n, tag in enumerate(options["tags"])}
            devices.sort(key=lambda device: order[device.asset_tag])
        if not devices:
            raise CommandError(_("No device matches: no label to print."))
        try:
            pdf = render_labels(devices, fmt=fmt, kind=options["kind"], skip=options["skip"])
        except LabelError as error:
            raise CommandError(str(error)) from error
        self._write(options["output"], pdf)
        self.stdout.write(
            _("%(count)d labels written to %(file)s.") % {"count": len(devices), "file": options["output"]}
        )

    def _devices(self, options):
        if options["tags"]:
            found = {d.asset_tag: d for d in Device.objects.filter(asset_tag__in=options["tags"])}
            missing = [tag for tag in options["tags"] if tag not in found]
            if missing:
                raise CommandError(_("Unknown asset tags: %(tags)s.") % {"tags": ", ".join(missing)})
            return Device.objects.filter(asset_tag__in=options["tags"])
        if options["lot"]:
            lot = DonationLot.objects.filter(reference=options["lot"]).first()
            if lot is None:
                raise CommandError(_("No donation lot has the reference “%(ref)s”.") % {"ref": options["lot"]})
            return lot.devices.order_by("asset_tag")
        if options["status"]:
            if options["status"] not in dict(Status.choices):
                raise CommandError(
                    _("Unknown status “%(status)s”; choose one of: %(statuses)s.")
                    % {"status": options["status"], "statuses": ", ".join(dict(Status.choices))}
                )
            return Device.objects.filter(status=options["status"]).order_by("asset_tag")
        if options["all"]:
            return Device.objects.order_by("asset_tag")
        raise CommandError(_("Say which devices: --tags, --lot, --status or --all (or --calibration)."))

    def _write(self, output: str, pdf: bytes) -> None:
        try:
            Path(output).write_bytes(pdf)
        except OSError as error:
            raise CommandError(_("Cannot write %(file)s: %(error)s") % {"file": output, "error": error}) from error
