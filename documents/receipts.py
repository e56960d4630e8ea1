"""What a donation receipt (attestation de don) states: the lot's donor and contents."""

from decimal import Decimal

from django.utils.formats import date_format

from inventory.models import DonationLot

from .certificates import donor_facts
from .identity import workshop_identity


def receipt_context(lot: DonationLot) -> tuple[dict, list]:
    """(context of the template, the facts whose change calls for a new receipt)."""
    devices = list(lot.devices.select_related("category").order_by("asset_tag"))
    items, total = [], Decimal(0)
    for device in devices:
        weight = device.effective_weight_kg
        total += weight or 0
        items.append(
            {
                "tag": device.asset_tag,
                "category": str(device.category),
                "brand": device.brand,
                "model": device.model,
                "serial": device.serial,
                "weight_kg": f"{weight:.2f}".replace(".", ",") if weight else "",
            }
        )
    context = {
        "workshop": workshop_identity(lot.site),
        "donor": donor_facts(lot.donor),
        "lot": {
            "reference": lot.reference,
            "received_on": date_format(lot.received_on, "DATE_FORMAT"),
            "notes": lot.notes,
        },
        "items": items,
        "count": len(items),
        "total_weight_kg": f"{total:.2f}".replace(".", ","),
        # The weight weighed at reception, when the workshop weighed the whole lot.
        "lot_weight_kg": f"{lot.weight_kg:.2f}".replace(".", ",") if lot.weight_kg else "",
    }
    return context, items
