"""Extension points of the workshop pages, so that apps built on inventory can add to them.

An app registers, in its AppConfig.ready(), a function that returns the HTML of a panel for a
device or a lot (or None). Inventory never imports those apps: `loans` builds on `inventory`.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

Panel = Callable[[HttpRequest, object], SafeString | str | None]

_PANELS: dict[str, list[Panel]] = {"home": [], "device": [], "lot": [], "device_list": [], "household": []}


def register(page: str, panel: Panel) -> Panel:
    """page: "home" (workshop home), "device", "lot", "device_list" (under the list) or "household"."""
    if panel not in _PANELS[page]:
        _PANELS[page].append(panel)
    return panel


def render(page: str, request: HttpRequest, obj) -> list[str]:
    return [html for panel in _PANELS[page] if (html := panel(request, obj))]
