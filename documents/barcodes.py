"""Codes drawn as compact inline SVG: one <path> per Code 128, segno's single path per QR code.

Each bar run becomes one subpath of the path, so WeasyPrint lays out one element per code
instead of one per bar (python-barcode's SVG writer): that is what makes label sheets fast.
"""

import io
import re
from dataclasses import dataclass
from functools import lru_cache

import barcode
import segno

# Code 128 decodes at 150 dpi from 0.25 mm modules (RECIPES.md); the quiet zone is 10 modules.
MIN_MODULE_MM = 0.25
QUIET_MODULES = 10


@lru_cache(maxsize=4096)
def code128_modules(data: str) -> str:
    """The module string ('1' bar, '0' space) of Code 128 for `data`, stop pattern included."""
    return barcode.Code128(data).build()[0]


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(start, width) in modules of every bar."""
    return [(match.start(), match.end() - match.start()) for match in re.finditer("1+", modules)]


@dataclass(frozen=True)
class Barcode:
    svg: str
    module_mm: float
    width_mm: float  # quiet zones included
    height_mm: float
    modules: int  # quiet zones excluded


def module_width(data: str, *, max_width_mm: float, preferred_mm: float) -> float:
    """The widest module, up to `preferred_mm`, with which the code and its quiet zones fit."""
    total = len(code128_modules(data)) + 2 * QUIET_MODULES
    return min(preferred_mm, int(max_width_mm / total * 1000) / 1000)


@lru_cache(maxsize=4096)
def code128_svg(data: str, *, module_mm: float, height_mm: float) -> Barcode:
    """Code 128 of `data` as an inline SVG sized in mm, its quiet zones drawn white on each side."""
    modules = code128_modules(data)
    total = len(modules) + 2 * QUIET_MODULES
    # User units are modules horizontally and vertically, so the path needs no decimals.
    height = round(height_mm / module_mm, 2)
    path = "".join(f"M{QUIET_MODULES + start} 0h{width}v{height:g}h-{width}z" for start, width in bar_runs(modules))
    width_mm = round(total * module_mm, 3)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width_mm}mm" height="{height_mm}mm" '
        f'viewBox="0 0 {total} {height:g}" shape-rendering="crispEdges">'
        f'<rect width="{total}" height="{height:g}" fill="#fff"/><path d="{path}" fill="#000"/></svg>'
    )
    return Barcode(svg=svg, module_mm=module_mm, width_mm=width_mm, height_mm=height_mm, modules=len(modules))


@lru_cache(maxsize=4096)
def qr_svg(data: str, *, module_mm: float = 0.5, border: int = 2) -> tuple[str, float]:
    """A QR code as inline SVG and its side in mm (border included)."""
    code = segno.make(data, micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        svgclass=None,
        lineclass=None,
        border=border,
        unit="mm",
        scale=module_mm,
    )
    side = round(code.symbol_size(border=border)[0] * module_mm, 3)
    return out.getvalue().decode(), side
