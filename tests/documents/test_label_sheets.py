"""Label sheets as a scanner sees them: every label decodes to its own tag, where it should be."""

from functools import cache

import pytest
from PIL import Image

from documents.barcodes import QUIET_MODULES, code128_modules, code128_width, module_width
from documents.label_formats import FORMATS, get_format
from documents.labels import LabelError, asset_layout, render_labels
from tests.documents.conftest import decode, page_images, unsaved_devices


@cache
def two_page_sheet(code: str) -> tuple[bytes, list[list[str]]]:
    """A PDF of labels filling more than one page, and the tags expected on each page."""
    fmt = get_format(code)
    devices = unsaved_devices(fmt.per_page + 1 if not fmt.roll else 2)
    tags = [d.asset_tag for d in devices]
    return render_labels(devices, fmt=fmt), [tags[i : i + fmt.per_page] for i in range(0, len(tags), fmt.per_page)]


def cells(image: Image.Image, fmt, dpi: int, tmp_path, count: int):
    """Each label of the page cut out as its own image file, in order."""
    px = dpi / 25.4
    for index, (x, y) in enumerate(fmt.positions()[:count]):
        path = tmp_path / f"cell-{dpi}-{index}.png"
        image.crop((round(x * px), round(y * px), round((x + fmt.label_w) * px), round((y + fmt.label_h) * px))).save(
            path
        )
        yield path


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("code", FORMATS)
def test_every_label_of_a_two_page_sheet_decodes_to_exactly_its_own_tag(code, dpi, tmp_path):
    fmt = get_format(code)
    pdf, expected_pages = two_page_sheet(code)
    images = page_images(pdf, tmp_path, dpi=dpi)
    assert len(images) == len(expected_pages) == 2
    for image, tags in zip(images, expected_pages, strict=True):
        found = decode(image)
        assert [c for c in found if c.startswith("CODE-128:")] == sorted(f"CODE-128:{tag}" for tag in tags)
        if not fmt.with_qr:
            assert found == sorted(f"CODE-128:{tag}" for tag in tags)
            continue
        # zbar misses some of many QR codes on a whole page (each decodes alone): read them label by label.
        assert set(found) <= {f"{kind}:{tag}" for tag in tags for kind in ("CODE-128", "QR-Code")}
        for cell, tag in zip(cells(Image.open(image), fmt, dpi, tmp_path, len(tags)), tags, strict=True):
            assert decode(cell) == [f"CODE-128:{tag}", f"QR-Code:{tag}"]


def _dark_columns(image: Image.Image, box: tuple[int, int, int, int]) -> tuple[int, int]:
    """First and last pixel column holding a dark pixel inside `box` (left, top, right, bottom)."""
    crop = image.crop(box).convert("L").point(lambda v: 255 if v < 128 else 0)
    left, _top, right, _bottom = crop.getbbox()
    return box[0] + left, box[0] + right


@pytest.mark.parametrize("code", ["L7160", "L7163", "L7651", "L7160-qr"])
def test_rendered_bars_are_where_the_geometry_puts_them_within_half_a_millimetre(code, tmp_path):
    dpi = 300
    px = dpi / 25.4
    fmt = get_format(code)
    layout = asset_layout(fmt)
    pdf, expected_pages = two_page_sheet(code)
    image = Image.open(page_images(pdf, tmp_path, dpi=dpi)[0])
    for (x, y), tag in zip(fmt.positions(), expected_pages[0], strict=True):
        module = module_width(tag, max_width_mm=layout.barcode.w, preferred_mm=fmt.module_mm)
        start = x + layout.barcode.x + (layout.barcode.w - code128_width(tag, module_mm=module)) / 2
        first_bar = start + QUIET_MODULES * module
        last_bar = first_bar + len(code128_modules(tag)) * module
        top, bottom = y + layout.barcode.y, y + layout.barcode.y + layout.barcode.h
        # Search the whole label's width at the height of the bars: nothing else may be drawn there.
        band = (
            round(x * px),
            round((top + 1) * px),
            round((x + layout.barcode.x + layout.barcode.w) * px),
            round((bottom - 1) * px),
        )
        left, right = _dark_columns(image, band)
        assert left / px == pytest.approx(first_bar, abs=0.5)
        assert right / px == pytest.approx(last_bar, abs=0.5)
        column = image.crop(
            (round(first_bar * px), round(y * px), round((first_bar + module) * px) + 1, round(bottom * px))
        ).convert("L")
        assert column.point(lambda v: 255 if v < 128 else 0).getbbox()[1] / px == pytest.approx(top - y, abs=0.5)


def test_skipped_positions_stay_empty_and_printing_starts_after_them(tmp_path):
    fmt = get_format("L7160")
    devices = unsaved_devices(3)
    pdf = render_labels(devices, fmt=fmt, skip=5)
    image = Image.open(page_images(pdf, tmp_path, dpi=150)[0])
    found = [decode(cell) for cell in cells(image, fmt, 150, tmp_path, fmt.per_page)]
    assert found[:5] == [[]] * 5
    assert found[5:8] == [[f"CODE-128:{d.asset_tag}"] for d in devices]
    assert found[8:] == [[]] * 13


def test_skip_beyond_a_sheet_is_refused():
    with pytest.raises(LabelError):
        render_labels(unsaved_devices(1), fmt=get_format("L7160"), skip=21)


def test_skip_that_fills_the_first_page_moves_the_rest_to_the_second(tmp_path):
    pdf = render_labels(unsaved_devices(3), fmt=get_format("L7163"), skip=12)
    first, second = page_images(pdf, tmp_path, dpi=150)
    assert decode(first) == ["CODE-128:SV-000001", "CODE-128:SV-000002"]
    assert decode(second) == ["CODE-128:SV-000003"]
