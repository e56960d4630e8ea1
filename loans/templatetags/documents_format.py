"""Formatting for stored document snapshots, whose dates are ISO strings."""

import datetime

from django import template
from django.utils.formats import date_format

register = template.Library()


@register.filter
def isodate(value: str, style: str = "SHORT_DATE_FORMAT") -> str:
    """« 2026-11-23 » → « 23/11/2026 » (or the long form with style DATE_FORMAT)."""
    if not value:
        return ""
    try:
        day = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return date_format(day, style)
