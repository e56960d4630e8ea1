"""What a device costs: the managers' grid, the law's cap on publicly donated equipment."""

from decimal import Decimal

from inventory.models import Device

from .models import PriceCap, PriceGridEntry

# The decree's "PC fixe avec un écran, un clavier et une souris" covers all-in-ones too.
CAP_KIND = {"all_in_one": "desktop"}


def grid_price(device: Device) -> Decimal | None:
    if not device.grade:
        return None
    entry = PriceGridEntry.objects.filter(category_id=device.category_id, grade=device.grade).first()
    return entry.price if entry else None


def from_public_body(device: Device) -> bool:
    return bool(device.lot_id and device.lot.donor.is_public_body)


def legal_cap(device: Device) -> PriceCap | None:
    """The cap that applies to this device, or None when its donor is not a public body."""
    if not from_public_body(device):
        return None
    kind = device.category.kind
    return PriceCap.objects.filter(kind=CAP_KIND.get(kind, kind)).first()


def option_price(device: Device) -> Decimal | None:
    """The price at which a borrower may buy the device, within the same cap."""
    price = grid_price(device)
    cap = legal_cap(device)
    if price is not None and cap is not None:
        return min(price, cap.amount)
    return price if price is not None else (cap.amount if cap else None)


def label_prices(devices) -> dict[int, Decimal]:
    """Spec-label prices of many devices in two queries: the grid price, within the cap if it applies."""
    grid = {(e.category_id, e.grade): e.price for e in PriceGridEntry.objects.all()}
    caps = dict(PriceCap.objects.values_list("kind", "amount"))
    prices = {}
    for device in devices:
        price = grid.get((device.category_id, device.grade))
        if price is not None and from_public_body(device):
            cap = caps.get(CAP_KIND.get(device.category.kind, device.category.kind))
            price = min(price, cap) if cap is not None else price
        if price is not None:
            prices[device.pk] = price
    return prices
