"""Asset and spec labels: what each label says, where it goes on the sheet, and the PDF of a sheet.

Layout is computed here in millimetres from the format (documents.label_formats); the templates
only place what they are given, so that adding a stock never means editing CSS.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from inventory.models import Device

from .barcodes import QR_BORDER, QR_MODULE_MM, code128_path, code128_width, module_width, qr_path, qr_side
from .label_formats import LabelFormat
from .rendering import render_html

PT_MM = 25.4 / 72  # one typographic point in millimetres
# Average advance of a character of DejaVu Sans Condensed, in em: how many fit on a line.
CHAR_EM = 0.52
ASSET = "asset"
SPEC = "spec"
KINDS = (ASSET, SPEC)


class LabelError(ValueError):
    """Bad label request (format too small, skip out of range); the message is for the user."""


PriceSource = Callable[[Sequence[Device]], dict[int, Decimal]]
_price_source: PriceSource | None = None


def set_price_source(source: PriceSource | None) -> None:
    """The loans app plugs its price grid in here (AppConfig.ready): documents does not import loans."""
    global _price_source
    _price_source = source


def prices_for(devices: Sequence[Device]) -> dict[int, Decimal]:
    """The sale price printed on each device's spec label, by device id, for those that have one."""
    return _price_source(devices) if _price_source is not None and devices else {}


def shorten(text: str, max_chars: int) -> str:
    """Text cut to `max_chars` characters, an ellipsis showing the cut."""
    text = " ".join(str(text).split())
    if len(text) <= max_chars:
        return text
    return text[: max(max_chars - 1, 1)].rstrip() + "…"


def chars_per_line(width_mm: float, size_pt: float) -> int:
    return max(int(width_mm / (size_pt * PT_MM * CHAR_EM)), 4)


def line_height(size_pt: float) -> float:
    return round(size_pt * PT_MM * 1.2, 3)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float = 0.0


@dataclass(frozen=True)
class Layout:
    """Where things go on a label, in mm from the label's top-left corner."""

    text: Box  # the tag then the lines, one under the other
    lines: int  # how many lines fit under the tag
    line_chars: int
    barcode: Box | None = None  # the area the barcode (quiet zones included) is centred in
    qr: Box | None = None  # the area reserved for the QR code (its border included), top right


def _line_count(fmt: LabelFormat, top: float, *, limit: int) -> int:
    room = fmt.label_h - fmt.padding - top - line_height(fmt.tag_pt)
    return max(min(int(room / line_height(fmt.text_pt)), limit), 0)


@lru_cache(maxsize=64)
def asset_layout(fmt: LabelFormat) -> Layout:
    pad = fmt.padding
    inner_w = fmt.label_w - 2 * pad
    qr = None
    if fmt.with_qr:
        # A tag of up to 14 characters fits a version 1 or 2 QR code: at most 25 modules + the border.
        side = (25 + 2 * QR_BORDER) * QR_MODULE_MM
        qr = Box(round(fmt.label_w - pad - side, 3), pad, side, side)
        inner_w -= side + 1.0
    top = round(pad + fmt.bar_h + 0.5, 3)
    return Layout(
        barcode=Box(pad, pad, round(inner_w, 3), fmt.bar_h),
        text=Box(pad, top, round(inner_w, 3)),
        lines=_line_count(fmt, top, limit=2),
        line_chars=chars_per_line(inner_w, fmt.text_pt),
        qr=qr,
    )


@lru_cache(maxsize=64)
def spec_layout(fmt: LabelFormat) -> Layout:
    pad = fmt.padding
    # A device's address fits a version 3 or 4 QR code: at most 33 modules + the border.
    side = (33 + 2 * QR_BORDER) * QR_MODULE_MM
    text_w = round(fmt.label_w - 2 * pad - side - 1.0, 3)
    return Layout(
        text=Box(pad, pad, text_w),
        lines=_line_count(fmt, pad, limit=7),
        line_chars=chars_per_line(text_w, fmt.text_pt),
        qr=Box(round(fmt.label_w - pad - side, 3), pad, side, side),
    )


@dataclass
class Text:
    """The text block of one label, placed on the page."""

    x: float
    y: float
    tag: str
    lines: list[str]


@dataclass
class Page:
    paths: list[str] = field(default_factory=list)  # every code of the page, one <path> each
    texts: list[Text] = field(default_factory=list)


def device_url(device: Device) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("inventory:device_detail", args=[device.asset_tag])


def _number(value) -> str:
    return f"{float(value):g}".replace(".", ",") if value is not None else ""


def storage_summary(device: Device) -> str:
    drives = [drive for drive in device.drives.all() if drive.capacity_gb]
    return " + ".join(f"{d.capacity_gb} Go {d.get_kind_display().split(' ')[0]}" for d in drives)


def asset_lines(device: Device) -> list[str]:
    first = " · ".join(p for p in (str(device.category), device.brand, device.model) if p)
    specs = " · ".join(
        p for p in (device.cpu, f"{_number(device.ram_gb)} Go" if device.ram_gb else "", device.serial) if p
    )
    return [first, specs]


def spec_lines(device: Device, price: Decimal | None = None) -> list[str]:
    memory = _("%(ram)s GB RAM") % {"ram": _number(device.ram_gb)} if device.ram_gb else ""
    storage = storage_summary(device)
    screen = _("%(size)s in screen") % {"size": _number(device.screen_size_in)} if device.screen_size_in else ""
    os_name = f"{device.operating_system} {device.os_version}".strip() if device.operating_system_id else ""
    grade = _("Grade %(grade)s") % {"grade": device.grade} if device.grade else ""
    money = _("%(price)s €") % {"price": f"{price:.2f}".replace(".", ",")} if price is not None else ""
    lines = [
        " ".join(p for p in (device.brand, device.model) if p) or str(device.category),
        str(device.category) if device.brand or device.model else "",
        device.cpu,
        " · ".join(p for p in (memory, storage) if p),
        screen,
        os_name,
        " · ".join(p for p in (grade, money) if p),
    ]
    return [line for line in lines if line]


def check_skip(fmt: LabelFormat, skip: int) -> None:
    if not 0 <= skip < fmt.per_page:
        raise LabelError(
            _("The number of labels to skip must be between 0 and %(max)d for this format.") % {"max": fmt.per_page - 1}
        )


def _slots(fmt: LabelFormat, count: int, skip: int):
    """(page index, x, y) of each of `count` labels, after `skip` empty positions."""
    positions = fmt.positions()
    for index in range(skip, skip + count):
        page, slot = divmod(index, fmt.per_page)
        yield page, *positions[slot]


def _new_pages(fmt: LabelFormat, count: int, skip: int) -> list[Page]:
    return [Page() for _n in range(max(-(-(skip + count) // fmt.per_page), 1))]


def asset_pages(fmt: LabelFormat, devices: Sequence[Device], skip: int = 0) -> list[Page]:
    layout = asset_layout(fmt)
    box = layout.barcode
    pages = _new_pages(fmt, len(devices), skip)
    for device, (page, x, y) in zip(devices, _slots(fmt, len(devices), skip), strict=True):
        tag = device.asset_tag
        module = module_width(tag, max_width_mm=box.w, preferred_mm=fmt.module_mm)
        left = x + box.x + (box.w - code128_width(tag, module_mm=module)) / 2
        paths = pages[page].paths
        paths.append(code128_path(tag, module_mm=module, height_mm=box.h, x=round(left, 3), y=round(y + box.y, 3)))
        if layout.qr:
            paths.append(qr_path(tag, x=round(x + layout.qr.x, 3), y=round(y + layout.qr.y, 3)))
        lines = [shorten(line, layout.line_chars) for line in asset_lines(device) if line][: layout.lines]
        pages[page].texts.append(Text(round(x + layout.text.x, 3), round(y + layout.text.y, 3), tag, lines))
    return pages


def spec_pages(fmt: LabelFormat, devices: Sequence[Device], skip: int = 0) -> list[Page]:
    layout = spec_layout(fmt)
    prices = prices_for(devices)
    pages = _new_pages(fmt, len(devices), skip)
    for device, (page, x, y) in zip(devices, _slots(fmt, len(devices), skip), strict=True):
        url = device_url(device)
        # Right-aligned in its area, whatever the version of the code.
        qr_x = x + layout.qr.x + layout.qr.w - qr_side(url)
        pages[page].paths.append(qr_path(url, x=round(qr_x, 3), y=round(y + layout.qr.y, 3)))
        lines = [shorten(line, layout.line_chars) for line in spec_lines(device, prices.get(device.pk))][: layout.lines]
        pages[page].texts.append(
            Text(round(x + layout.text.x, 3), round(y + layout.text.y, 3), device.asset_tag, lines)
        )
    return pages


def label_queryset(devices, kind: str = SPEC):
    """What a label of `kind` reads, in a constant number of queries (an asset label only its category)."""
    if kind == ASSET:
        return devices.select_related("category")
    return devices.select_related("category", "operating_system", "lot__donor").prefetch_related("drives")


def render_labels(devices: Sequence[Device], *, fmt: LabelFormat, kind: str = ASSET, skip: int = 0) -> bytes:
    """One PDF of labels for `devices`, in their order, leaving the first `skip` positions empty."""
    check_skip(fmt, skip)
    if kind == SPEC and not fmt.fits_spec_label:
        raise LabelError(_("The format %(format)s is too small for spec labels.") % {"format": fmt.code})
    devices = list(devices)
    with translation.override(settings.LANGUAGE_CODE):
        if kind == SPEC:
            pages, layout = spec_pages(fmt, devices, skip), spec_layout(fmt)
        else:
            pages, layout = asset_pages(fmt, devices, skip), asset_layout(fmt)
        html = render_to_string(
            "documents/labels.html", {"fmt": fmt, "layout": layout, "pages": pages, "spec": kind == SPEC}
        )
    return render_html(html)


def render_calibration(fmt: LabelFormat) -> bytes:
    """A page showing every label's outline and millimetre rulers, to check the printer's scale."""

    def tick(mm: int) -> float:
        return 3 if mm % 10 == 0 else 2 if mm % 5 == 0 else 1.2

    # The vertical ruler runs near the left edge, clear of the note in the middle of the page.
    mid_x, mid_y = round(fmt.page_w * 0.06), round(fmt.page_h / 2)
    along_x = "".join(f"M{mm} {mid_y}v{tick(mm)}" for mm in range(int(fmt.page_w) + 1))
    along_y = "".join(f"M{mid_x} {mm}h{tick(mm)}" for mm in range(int(fmt.page_h) + 1))
    step = 10 if fmt.page_w > 100 else 5
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "documents/calibration.html",
            {
                "fmt": fmt,
                "positions": fmt.positions(),
                "ruler": along_x + along_y,
                "numbers_x": [
                    (mm, mm + 0.4, mid_y - 3.6) for mm in range(step, int(fmt.page_w) - 2, step) if mm > mid_x + 6
                ],
                "numbers_y": [(mm, mid_x + 3.4, mm - 1.2) for mm in range(step, int(fmt.page_h) - 2, step)],
            },
        )
    return render_html(html)
