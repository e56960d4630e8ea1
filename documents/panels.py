"""The "Print" panels added to the lot, device and device list pages (see inventory.panels)."""


def lot_panel(request, lot):
    return None


def device_panel(request, device):
    return None


def device_list_panel(request, form):
    return None
