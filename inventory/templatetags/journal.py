"""Journal details in the reader's language: the journal stores codes, the page shows words."""

import datetime
import re

from django import template
from django.utils.translation import gettext_lazy as _

from inventory.models.device import ErasureMethod, ErasureResult, ErasureStandard, Grade, KeyboardLayout

register = template.Library()

LABELS = {
    "brand": _("Brand"),
    "model": _("Model"),
    "serial": _("Serial number"),
    "cpu": _("Processor"),
    "ram_gb": _("Memory (GB)"),
    "screen_size_in": _("Screen (inches)"),
    "battery_health_pct": _("Battery health (%)"),
    "keyboard_layout": _("Keyboard layout"),
    "weight_kg": _("Weight (kg)"),
    "notes": _("Notes"),
    "category": _("Category"),
    "drive": _("Drive"),
    "capacity_gb": _("Capacity (GB)"),
    "method": _("Method"),
    "standard": _("Standard"),
    "tool": _("Tool"),
    "result": _("Result"),
    "system": _("System"),
    "version": _("Version"),
    "reason": _("Reason"),
    "failed": _("Faults"),
    "passed": _("Items passed"),
    "grade": _("Grade"),
    "lot": _("Lot"),
    "donor": _("Donor"),
    "site": _("Site"),
    "until": _("Reserved until"),
    "device": _("Device"),
}
CHOICES = {
    "method": dict(ErasureMethod.choices),
    "standard": dict(ErasureStandard.choices),
    "result": dict(ErasureResult.choices),
    "keyboard_layout": dict(KeyboardLayout.choices),
    "grade": dict(Grade.choices),
}
HIDDEN = {"demo", "state"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def register_details(*, labels: dict | None = None, choices: dict | None = None, hidden=()) -> None:
    """Apps built on inventory name the detail keys (and coded values) their journal entries carry."""
    LABELS.update(labels or {})
    for key, values in (choices or {}).items():
        CHOICES.setdefault(key, {}).update(values)
    HIDDEN.update(hidden)


def _value(key: str, value) -> str:
    if isinstance(value, list):
        return ", ".join(_value(key, v) for v in value)
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return datetime.date.fromisoformat(value).strftime("%d/%m/%Y")
    return str(CHOICES.get(key, {}).get(value, value))


@register.filter
def journal_details(details: dict) -> list[tuple[str, str]]:
    """(label, value) pairs; a {"from": a, "to": b} value reads "a → b"."""
    rows = []
    for key, value in (details or {}).items():
        if key in HIDDEN or value in ("", None, []):
            continue
        label = LABELS.get(key, key)
        if isinstance(value, dict) and set(value) == {"from", "to"}:
            rows.append((label, f"{_value(key, value['from']) or '—'} → {_value(key, value['to']) or '—'}"))
        else:
            rows.append((label, _value(key, value)))
    return rows
