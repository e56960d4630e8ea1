"""The workshop as printed on a document: its site's record first, the settings otherwise."""

from pathlib import Path

from django.conf import settings


def workshop_identity(site) -> dict:
    address_lines = [site.address, " ".join(p for p in (site.postal_code, site.city) if p)] if site else []
    address = ", ".join(line for line in address_lines if line)
    name = (site.name if site else "") or settings.WORKSHOP_NAME
    logo = Path(settings.WORKSHOP_LOGO) if settings.WORKSHOP_LOGO else None
    return {
        "name": name,
        "organisation": settings.WORKSHOP_NAME if name != settings.WORKSHOP_NAME else "",
        "address": address or settings.WORKSHOP_ADDRESS,
        "siret": (site.siret if site else "") or settings.WORKSHOP_SIRET,
        "phone": site.phone if site else "",
        "email": site.email if site else "",
        "logo": logo.resolve().as_uri() if logo and logo.is_file() else "",
    }
