"""Label geometry: where each label goes on its sheet, and what fits on it."""

import pytest

from documents.barcodes import MIN_MODULE_MM, QUIET_MODULES, code128_modules, code128_width, module_width
from documents.label_formats import FORMATS, get_format
from documents.labels import asset_layout, line_height, shorten, spec_layout

# Published figures (Avery templates; Label Planet LP21/63, LP14/99, LP65/38): label size, count,
# columns × rows, top and left margins, horizontal and vertical pitch, in mm.
PUBLISHED = {
    "L7160": (63.5, 38.1, 21, 3, 7, 15.15, 7.25, 66.04, 38.1),
    "L7163": (99.1, 38.1, 14, 2, 7, 15.15, 4.65, 101.6, 38.1),
    "L7651": (38.1, 21.2, 65, 5, 13, 10.7, 4.75, 40.6, 21.2),
}
# A tag as the workshop makes them (ASSET_TAG_PREFIX-000123), and one with eight digits: every format takes both.
TAGS = ("SV-000123", "SV-12345678")


@pytest.mark.parametrize("code", PUBLISHED)
def test_sheet_positions_match_the_published_geometry(code):
    width, height, count, columns, rows, top, left, h_pitch, v_pitch = PUBLISHED[code]
    fmt = get_format(code)
    positions = fmt.positions()
    assert (fmt.label_w, fmt.label_h, fmt.per_page) == (width, height, count)
    assert len(positions) == count
    for index, (x, y) in enumerate(positions):
        row, column = divmod(index, columns)
        assert x == pytest.approx(left + column * h_pitch, abs=0.5)
        assert y == pytest.approx(top + row * v_pitch, abs=0.5)
    # The last label ends inside the page, as far from its right and bottom edges as the first from the left and top.
    last_x, last_y = positions[-1]
    assert fmt.page_w - (last_x + width) == pytest.approx(left, abs=0.5)
    assert fmt.page_h - (last_y + height) == pytest.approx(top, abs=0.5)


@pytest.mark.parametrize("code", ["roll-62x29", "roll-57x32"])
def test_roll_formats_have_one_label_per_page_the_size_of_the_label(code):
    fmt = get_format(code)
    assert fmt.roll
    assert fmt.per_page == 1
    assert fmt.positions() == [(0, 0)]
    assert (fmt.page_w, fmt.page_h) == (fmt.label_w, fmt.label_h)


@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("code", FORMATS)
def test_barcode_fits_the_label_with_its_quiet_zones_and_modules_of_at_least_a_quarter_mm(code, tag):
    fmt = get_format(code)
    box = asset_layout(fmt).barcode
    module = module_width(tag, max_width_mm=box.w, preferred_mm=fmt.module_mm)
    assert module >= MIN_MODULE_MM
    assert code128_width(tag, module_mm=module) <= box.w
    assert box.x >= 0 and box.x + box.w <= fmt.label_w
    # The quiet zone on each side is counted in the code's width.
    assert code128_width(tag, module_mm=module) == pytest.approx(
        (len(code128_modules(tag)) + 2 * QUIET_MODULES) * module
    )


@pytest.mark.parametrize("code", FORMATS)
def test_bars_are_at_least_10_mm_tall_or_8_mm_on_the_smallest_labels(code):
    fmt = get_format(code)
    minimum = 10 if fmt.label_h >= 25 else 8
    assert asset_layout(fmt).barcode.h >= minimum


@pytest.mark.parametrize("code", FORMATS)
def test_text_starts_under_the_barcode_and_ends_inside_the_label(code):
    fmt = get_format(code)
    layout = asset_layout(fmt)
    assert layout.text.y > layout.barcode.y + layout.barcode.h
    bottom = layout.text.y + line_height(fmt.tag_pt) + layout.lines * line_height(fmt.text_pt)
    assert bottom <= fmt.label_h - fmt.padding + 0.01
    assert layout.lines >= 1


@pytest.mark.parametrize("code", [c for c, fmt in FORMATS.items() if fmt.with_qr])
def test_qr_code_of_the_tag_stays_clear_of_the_barcode(code):
    fmt = get_format(code)
    layout = asset_layout(fmt)
    assert layout.qr.x >= layout.barcode.x + layout.barcode.w
    assert layout.qr.x + layout.qr.w <= fmt.label_w


@pytest.mark.parametrize("code", [c for c, fmt in FORMATS.items() if fmt.fits_spec_label])
def test_spec_label_text_stays_clear_of_its_qr_code(code):
    fmt = get_format(code)
    layout = spec_layout(fmt)
    assert layout.text.x + layout.text.w < layout.qr.x
    assert layout.lines >= 4


def test_the_smallest_sheet_is_refused_for_spec_labels():
    assert not get_format("L7651").fits_spec_label


def test_long_text_is_shortened_with_an_ellipsis():
    assert shorten("Hewlett-Packard EliteBook 840 G5 Healthcare Edition", 20) == "Hewlett-Packard Eli…"
    assert shorten("Dell Latitude", 20) == "Dell Latitude"
