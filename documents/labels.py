"""Asset and spec labels: what each label says, where it goes on the sheet, and the PDF of a sheet.

Layout is computed here in millimetres from the format (documents.label_formats); the templates
only place what they are given, so that adding a stock never means editing CSS.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from inventory.models import Device

from .barcodes import Barcode, code128_svg, module_width, qr_svg
from .label_formats import LabelFormat
from .rendering import render_html

PT_MM = 25.4 / 72  # one typographic point in millimetres
# Average advance of a character of DejaVu Sans Condensed, in em: how many fit on a line.
CHAR_EM = 0.56
TAG_QR_MODULE_MM = 0.5
URL_QR_MODULE_MM = 0.5
ASSET = "asset"
SPEC = "spec"
KINDS = (ASSET, SPEC)


class LabelError(ValueError):
    """Bad label request (format too small, skip out of range); the message is for the user."""


def price_for(device: Device) -> Decimal | None:
    """The sale price printed on a spec label, if the device has one.

    The loans app's price grid will plug in here; until then a device has a price only if it
    carries a `price` attribute (or method).
    """
    price = getattr(device, "price", None)
    if callable(price):
        price = price()
    return price


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
class AssetLayout:
    """Where things go on an asset label, in mm from the label's top-left corner."""

    barcode: Box  # the area the barcode (quiet zones included) is centred in
    tag: Box
    lines: tuple[Box, ...]
    line_chars: int
    qr: Box | None


@lru_cache(maxsize=64)
def asset_layout(fmt: LabelFormat) -> AssetLayout:
    pad = fmt.padding
    inner_w = fmt.label_w - 2 * pad
    qr = None
    if fmt.with_qr:
        # A tag of up to 20 characters fits a version 1 or 2 QR code: 25 modules + 2 × 2 of border.
        side = 29 * TAG_QR_MODULE_MM
        qr = Box(fmt.label_w - pad - side, pad, side, side)
        inner_w -= side + 1.0
    barcode = Box(pad, pad, inner_w, fmt.bar_h)
    tag_h = line_height(fmt.tag_pt)
    tag = Box(pad, pad + fmt.bar_h + 0.4, inner_w, tag_h)
    text_h = line_height(fmt.text_pt)
    top = tag.y + tag_h + 0.2
    count = min(int((fmt.label_h - pad - top) / text_h), 2)
    text_w = fmt.label_w - 2 * pad
    lines = []
    for n in range(count):
        y = top + n * text_h
        # Lines beside the QR code stop before it.
        w = inner_w if qr and y < qr.y + qr.h else text_w
        lines.append(Box(pad, round(y, 3), w, text_h))
    return AssetLayout(
        barcode=barcode,
        tag=tag,
        lines=tuple(lines),
        line_chars=chars_per_line(min((b.w for b in lines), default=text_w), fmt.text_pt),
        qr=qr,
    )


@dataclass(frozen=True)
class SpecLayout:
    qr: Box
    tag: Box
    lines: tuple[Box, ...]
    line_chars: int


@lru_cache(maxsize=64)
def spec_layout(fmt: LabelFormat) -> SpecLayout:
    pad = fmt.padding
    side = 33 * URL_QR_MODULE_MM  # a device address fits a version 3 code: 29 modules + 2 × 2 of border
    qr = Box(fmt.label_w - pad - side, pad, side, side)
    text_w = fmt.label_w - 2 * pad - side - 1.0
    tag_h = line_height(fmt.tag_pt)
    tag = Box(pad, pad, text_w, tag_h)
    text_h = line_height(fmt.text_pt)
    top = pad + tag_h + 0.4
    count = min(int((fmt.label_h - pad - top) / text_h), 7)
    lines = tuple(Box(pad, round(top + n * text_h, 3), text_w, text_h) for n in range(count))
    return SpecLayout(qr=qr, tag=tag, lines=lines, line_chars=chars_per_line(text_w, fmt.text_pt))


@dataclass
class Label:
    x: float
    y: float
    tag: str = ""
    barcode: Barcode | None = None
    barcode_x: float = 0.0
    qr: str = ""
    lines: list[str] = field(default_factory=list)


def device_url(device: Device) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("inventory:device_detail", args=[device.asset_tag])


def _number(value) -> str:
    return f"{value:g}".replace(".", ",") if value is not None else ""


def storage_summary(device: Device) -> str:
    drives = [drive for drive in device.drives.all() if drive.capacity_gb]
    return " + ".join(f"{d.capacity_gb} Go {d.get_kind_display().split(' ')[0]}" for d in drives)


def asset_lines(device: Device) -> list[str]:
    first = " · ".join(p for p in (str(device.category), device.brand, device.model) if p)
    specs = " · ".join(
        p for p in (device.cpu, f"{_number(device.ram_gb)} Go" if device.ram_gb else "", device.serial) if p
    )
    return [first, specs]


def spec_lines(device: Device) -> list[str]:
    price = price_for(device)
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


def _pages(fmt: LabelFormat, labels: list[Label], skip: int) -> list[list[Label]]:
    pages: list[list[Label]] = []
    positions = fmt.positions()
    index = skip
    for label in labels:
        page, slot = divmod(index, fmt.per_page)
        while len(pages) <= page:
            pages.append([])
        label.x, label.y = positions[slot]
        pages[page].append(label)
        index += 1
    return pages or [[]]


def build_asset_labels(fmt: LabelFormat, devices: Iterable[Device]) -> list[Label]:
    layout = asset_layout(fmt)
    labels = []
    for device in devices:
        tag = device.asset_tag
        module = module_width(tag, max_width_mm=layout.barcode.w, preferred_mm=fmt.module_mm)
        code = code128_svg(tag, module_mm=module, height_mm=fmt.bar_h)
        labels.append(
            Label(
                x=0,
                y=0,
                tag=tag,
                barcode=code,
                barcode_x=round(layout.barcode.x + (layout.barcode.w - code.width_mm) / 2, 3),
                qr=qr_svg(tag, module_mm=TAG_QR_MODULE_MM)[0] if layout.qr else "",
                lines=[shorten(line, layout.line_chars) for line in asset_lines(device)][: len(layout.lines)],
            )
        )
    return labels


def build_spec_labels(fmt: LabelFormat, devices: Iterable[Device]) -> list[Label]:
    layout = spec_layout(fmt)
    return [
        Label(
            x=0,
            y=0,
            tag=device.asset_tag,
            qr=qr_svg(device_url(device), module_mm=URL_QR_MODULE_MM)[0],
            lines=[shorten(line, layout.line_chars) for line in spec_lines(device)][: len(layout.lines)],
        )
        for device in devices
    ]


def label_queryset(devices):
    """What a label reads, in a constant number of queries."""
    return devices.select_related("category", "operating_system").prefetch_related("drives")


def render_labels(devices: Sequence[Device], *, fmt: LabelFormat, kind: str = ASSET, skip: int = 0) -> bytes:
    """One PDF of labels for `devices`, in their order, leaving the first `skip` positions empty."""
    check_skip(fmt, skip)
    if kind == SPEC and not fmt.fits_spec_label:
        raise LabelError(_("The format %(format)s is too small for spec labels.") % {"format": fmt.code})
    with translation.override(settings.LANGUAGE_CODE):
        if kind == SPEC:
            labels, layout, template = build_spec_labels(fmt, devices), spec_layout(fmt), "documents/spec_labels.html"
        else:
            labels, layout, template = build_asset_labels(fmt, devices), asset_layout(fmt), "documents/labels.html"
        html = render_to_string(template, {"fmt": fmt, "layout": layout, "pages": _pages(fmt, labels, skip)})
    return render_html(html)


def render_calibration(fmt: LabelFormat) -> bytes:
    """A page showing every label's outline and millimetre rulers, to check the printer's scale."""
    ticks_x = [(mm, 3 if mm % 10 == 0 else 2 if mm % 5 == 0 else 1.2) for mm in range(0, int(fmt.page_w) + 1)]
    ticks_y = [(mm, 3 if mm % 10 == 0 else 2 if mm % 5 == 0 else 1.2) for mm in range(0, int(fmt.page_h) + 1)]
    ruler = "".join(f"M{mm} 0v{h}" for mm, h in ticks_x) + "".join(f"M0 {mm}h{h}" for mm, h in ticks_y)
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "documents/calibration.html",
            {
                "fmt": fmt,
                "positions": fmt.positions(),
                "ruler": ruler,
                "numbers_x": [mm for mm, _h in ticks_x if mm % 10 == 0 and 0 < mm < fmt.page_w - 3],
                "numbers_y": [mm for mm, _h in ticks_y if mm % 10 == 0 and 0 < mm < fmt.page_h - 3],
            },
        )
    return render_html(html)
