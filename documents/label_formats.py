"""Label stock as data: sheets and rolls, their geometry in millimetres as the makers publish it.

To add a stock, add one LabelFormat to FORMATS. Sheet figures: Avery's templates (also given by
Label Planet for the compatible LP21/63, LP14/99 and LP65/38); they satisfy
left + (columns - 1) * h_pitch + label_w + right = page_w, same vertically.
Roll formats print one label per page, the page being the label itself.
"""

from dataclasses import dataclass, replace

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

A4 = (210.0, 297.0)


@dataclass(frozen=True)
class LabelFormat:
    code: str
    name: str
    page_w: float
    page_h: float
    label_w: float
    label_h: float
    columns: int = 1
    rows: int = 1
    top: float = 0.0
    left: float = 0.0
    h_pitch: float = 0.0
    v_pitch: float = 0.0
    # The widest bar module the code may use here; narrower for long tags, never under MIN_MODULE_MM.
    module_mm: float = 0.33
    # Height of the bars of the asset barcode.
    bar_h: float = 12.0
    # Font size of the printed tag and of the lines under it (points).
    tag_pt: float = 9.0
    text_pt: float = 6.5
    # The asset label also carries a QR code of the tag (right of the barcode).
    with_qr: bool = False
    # Inner margin kept clear on every side, for the printer's drift.
    padding: float = 1.5

    @property
    def roll(self) -> bool:
        return self.columns == 1 and self.rows == 1 and (self.page_w, self.page_h) == (self.label_w, self.label_h)

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def fits_spec_label(self) -> bool:
        """A spec label needs room for about six lines and a QR code of the device's address."""
        return self.label_w >= 55 and self.label_h >= 28

    def positions(self) -> list[tuple[float, float]]:
        """Top-left corner of every label on a page, in mm from the page's top-left, row by row."""
        return [
            (round(self.left + column * self.h_pitch, 3), round(self.top + row * self.v_pitch, 3))
            for row in range(self.rows)
            for column in range(self.columns)
        ]


def _with_qr(fmt: LabelFormat, **changes) -> LabelFormat:
    name = format_lazy(_("{name}, with a QR code"), name=fmt.name)
    return replace(fmt, code=f"{fmt.code}-qr", name=name, with_qr=True, **changes)


L7160 = LabelFormat(
    code="L7160",
    name=_("Avery L7160 sheet — 21 labels 63.5 × 38.1 mm"),
    page_w=A4[0],
    page_h=A4[1],
    label_w=63.5,
    label_h=38.1,
    columns=3,
    rows=7,
    top=15.15,
    left=7.25,
    h_pitch=66.04,
    v_pitch=38.1,
    module_mm=0.4,
    bar_h=14.0,
    tag_pt=10.0,
    text_pt=7.0,
)
L7163 = LabelFormat(
    code="L7163",
    name=_("Avery L7163 sheet — 14 labels 99.1 × 38.1 mm"),
    page_w=A4[0],
    page_h=A4[1],
    label_w=99.1,
    label_h=38.1,
    columns=2,
    rows=7,
    top=15.15,
    left=4.65,
    h_pitch=101.6,
    v_pitch=38.1,
    module_mm=0.5,
    bar_h=15.0,
    tag_pt=11.0,
    text_pt=7.5,
)
L7651 = LabelFormat(
    code="L7651",
    name=_("Avery L7651 sheet — 65 labels 38.1 × 21.2 mm"),
    page_w=A4[0],
    page_h=A4[1],
    label_w=38.1,
    label_h=21.2,
    columns=5,
    rows=13,
    top=10.7,
    left=4.75,
    h_pitch=40.6,
    v_pitch=21.2,
    module_mm=0.27,
    bar_h=10.5,
    tag_pt=7.5,
    text_pt=5.5,
    padding=1.0,
)
ROLL_62 = LabelFormat(
    code="roll-62x29",
    name=_("Label printer roll — 62 × 29 mm"),
    page_w=62.0,
    page_h=29.0,
    label_w=62.0,
    label_h=29.0,
    module_mm=0.4,
    bar_h=12.0,
    tag_pt=9.5,
    text_pt=6.5,
)
ROLL_57 = LabelFormat(
    code="roll-57x32",
    name=_("Label printer roll — 57 × 32 mm"),
    page_w=57.0,
    page_h=32.0,
    label_w=57.0,
    label_h=32.0,
    module_mm=0.36,
    bar_h=13.0,
    tag_pt=9.5,
    text_pt=6.5,
)

FORMATS: dict[str, LabelFormat] = {
    fmt.code: fmt
    for fmt in (
        L7160,
        _with_qr(L7160),
        L7163,
        _with_qr(L7163),
        L7651,
        ROLL_62,
        _with_qr(ROLL_62),
        ROLL_57,
    )
}
DEFAULT_FORMAT = L7160.code


def get_format(code: str) -> LabelFormat:
    """The format of that code; KeyError when there is none."""
    return FORMATS[code]


def format_choices(*, spec: bool = False) -> list[tuple[str, str]]:
    return [(fmt.code, fmt.name) for fmt in FORMATS.values() if fmt.fits_spec_label or not spec]
