"""What an erasure certificate states, for one device or a whole donation lot."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.formats import date_format

from inventory.models import Device, DonationLot, ErasureRecord

from .identity import workshop_identity


def _person(user) -> str:
    return user.get_full_name() or user.username


def donor_facts(donor) -> dict:
    return {
        "name": donor.name,
        "kind": donor.get_kind_display(),
        "siret": donor.siret,
        "contact": donor.contact_name,
        "address": ", ".join(p for p in (donor.address, str(donor.commune) if donor.commune_id else "") if p),
    }


def certificate_devices(*, device: Device | None, lot: DonationLot | None) -> list[Device]:
    devices = Device.objects.filter(pk=device.pk) if device else lot.devices.all()
    erasures = ErasureRecord.objects.select_related("operator").order_by("ended_at", "pk")
    return list(
        devices.select_related("category", "lot__donor", "site")
        .prefetch_related("drives", Prefetch("drives__erasures", queryset=erasures, to_attr="erasure_list"))
        .order_by("asset_tag")
    )


def certificate_context(*, device: Device | None, lot: DonationLot | None) -> tuple[dict, dict]:
    """(context of the template, the facts whose change calls for a new certificate)."""
    devices = certificate_devices(device=device, lot=lot)
    lot = lot or (device.lot if device else None)
    site = (lot.site if lot else None) or (device.site if device else None)
    rows, without_storage, pending = [], [], []
    for item in devices:
        drives = list(item.drives.all())
        if not drives and item.no_storage_reason:
            without_storage.append(
                {"tag": item.asset_tag, "name": item.name, "serial": item.serial, "reason": item.no_storage_reason}
            )
        elif not drives:  # not examined yet: neither a drive nor a reason for having none
            pending.append({"tag": item.asset_tag, "model": "", "serial": ""})
        for drive in drives:
            if not drive.erasure_list:
                pending.append({"tag": item.asset_tag, "model": drive.model, "serial": drive.serial})
            for erasure in drive.erasure_list:
                rows.append(
                    {
                        "id": erasure.pk,
                        "tag": item.asset_tag,
                        "device": item.name,
                        "device_serial": item.serial,
                        "drive_kind": drive.get_kind_display(),
                        "model": drive.model,
                        "serial": drive.serial,
                        "capacity_gb": drive.capacity_gb,
                        "method": erasure.get_method_display(),
                        "standard": erasure.get_standard_display(),
                        "tool": erasure.tool,
                        "date": date_format(timezone.localtime(erasure.ended_at), "SHORT_DATE_FORMAT"),
                        "result": erasure.get_result_display(),
                        "succeeded": erasure.succeeded,
                        "operator": _person(erasure.operator),
                    }
                )
    facts = {
        "erasures": [row["id"] for row in rows],
        "without_storage": [(row["tag"], row["reason"]) for row in without_storage],
        "pending": [(row["tag"], row["serial"]) for row in pending],
    }
    context = {
        "workshop": workshop_identity(site),
        "donor": donor_facts(lot.donor) if lot else None,
        "lot": {"reference": lot.reference, "received_on": date_format(lot.received_on, "DATE_FORMAT")}
        if lot
        else None,
        "device": {"tag": device.asset_tag, "name": device.name, "serial": device.serial} if device else None,
        "device_count": len(devices),
        "erasures": rows,
        "without_storage": without_storage,
        "pending": pending,
    }
    return context, facts
