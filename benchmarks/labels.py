"""1,000 asset labels (Avery L7160) from the database into one PDF: labels per second.

The naive baseline, measured in the same run, draws each code with python-barcode's default
SVGWriter (one <rect> element per bar, an <svg> per label) embedded in a positioned <div> per label.
Both paths are also measured without the garbage-collector tuning that render_html applies.
"""

import gc
import logging
import os
import re
import statistics
import time
from unittest import mock

from barcode import Code128
from barcode.writer import SVGWriter
from django.contrib.auth.models import Group
from django.utils import timezone

from documents import rendering
from documents.label_formats import get_format
from documents.labels import ASSET, asset_layout, asset_lines, label_queryset, render_labels
from documents.rendering import render_html
from inventory.models import Device, DeviceCategory, DonationLot, Donor
from workshop.models import Site, User

LABELS = int(os.environ.get("BENCH_LABELS", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
REFERENCE = "BENCH-LABELS"


def populate() -> DonationLot:
    lot = DonationLot.objects.filter(reference=REFERENCE).first()
    if lot is not None:
        return lot
    site, _ = Site.objects.get_or_create(code="bench-labels", defaults={"name": "Atelier banc d'essai"})
    user, _ = User.objects.get_or_create(username="bench-labels", defaults={"current_site": site})
    user.groups.add(Group.objects.get(name="atelier"))
    donor = Donor.objects.create(kind="company", name="Donateur banc d'essai")
    lot = DonationLot.objects.create(
        reference=REFERENCE, donor=donor, site=site, received_on=timezone.localdate(), created_by=user
    )
    category = DeviceCategory.objects.get(code="portable")
    Device.objects.bulk_create(
        Device(
            asset_tag=f"LB-{n:06d}",
            category=category,
            brand="Lenovo",
            model="ThinkPad T480",
            serial=f"PF{n:08d}",
            cpu="Intel Core i5-8350U",
            lot=lot,
            site=site,
        )
        for n in range(1, LABELS + 1)
    )
    return lot


def naive_pdf(devices, fmt) -> bytes:
    """Each label a positioned <div> holding python-barcode's SVG (a <rect> per bar) and its text."""
    layout = asset_layout(fmt)
    options = {"module_width": fmt.module_mm, "module_height": fmt.bar_h, "quiet_zone": 10 * fmt.module_mm}
    options |= {"write_text": False, "compress": False}
    labels = []
    for index, device in enumerate(devices):
        page, slot = divmod(index, fmt.per_page)
        x, y = fmt.positions()[slot]
        svg = Code128(device.asset_tag, writer=SVGWriter()).render(options).decode()
        svg = re.sub(r"^.*?(?=<svg)", "", svg, flags=re.S).replace(' id="barcode_group"', "")
        lines = "<br>".join(asset_lines(device))
        labels.append(
            f'<div style="position:absolute;left:{x}mm;top:{y + page * fmt.page_h}mm;width:{fmt.label_w}mm;'
            f'height:{fmt.label_h}mm;text-align:center">{svg}<div style="font:bold {fmt.tag_pt}pt monospace">'
            f'{device.asset_tag}</div><div style="font-size:{fmt.text_pt}pt">{lines}</div></div>'
        )
    pages = -(-len(devices) // fmt.per_page)
    html = (
        f"<html><head><style>@page {{ size: A4; margin: 0 }} body {{ margin: 0; position: relative; "
        f"height: {pages * fmt.page_h}mm }} svg {{ display: block; margin: {layout.barcode.y}mm auto 0 }}</style>"
        f"</head><body>{''.join(labels)}</body></html>"
    )
    return render_html(html)


def measure(build) -> float:
    timings = []
    for _run in range(RUNS):
        start = time.perf_counter()
        pdf = build()
        timings.append(time.perf_counter() - start)
        assert pdf.startswith(b"%PDF")
    return statistics.median(timings)


def run() -> None:
    # python-barcode's SVG styles bars with a property WeasyPrint warns about, once per bar.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    lot = populate()
    fmt = get_format("L7160")
    render_labels([], fmt=fmt)  # WeasyPrint's import and font set-up are paid once per process, not per sheet

    def ours() -> bytes:
        # From the database: the query is part of what is measured.
        return render_labels(list(label_queryset(lot.devices.order_by("asset_tag"), ASSET)), fmt=fmt)

    def naive() -> bytes:
        return naive_pdf(list(label_queryset(lot.devices.order_by("asset_tag"), ASSET)), fmt)

    ours_s = measure(ours)
    naive_s = measure(naive)
    # The collector tuning of render_html helps both; this is the naive path without it too.
    with mock.patch.object(rendering, "RENDERING_GC_THRESHOLD", gc.get_threshold()[0]):
        untuned_s = measure(ours)
        plain_s = measure(naive)
    print(f"{LABELS} labels, format {fmt.code}, median of {RUNS} runs")
    rows = [
        ("one path per code, one svg per page", ours_s),
        ("naive (SVGWriter, a <rect> per bar)", naive_s),
        ("ours, default garbage collector", untuned_s),
        ("naive, default garbage collector", plain_s),
    ]
    for label, seconds in rows:
        print(f"  {label:37}: {seconds:6.2f} s  {LABELS / seconds:7.0f} labels/s")
    print(
        f"  speed-up: {naive_s / ours_s:.1f}× on the same renderer, {plain_s / ours_s:.1f}× against the plain naive path"
    )
