"""Codes drawn as compact SVG: one <path> per Code 128 (a subpath per bar), one per QR code (segno's).

A label sheet puts every code of a page in one inline <svg> covering the page, each code a single
<path> placed by its transform: WeasyPrint then lays out one element per page and parses one path
per code, instead of one element per bar (python-barcode's SVG writer). That is what makes sheets
of labels fast (see benchmarks/labels.py).
"""

import re
from functools import lru_cache

import barcode
import segno

# Code 128 decodes at 150 dpi from 0.25 mm modules (RECIPES.md); the quiet zone is 10 modules.
MIN_MODULE_MM = 0.25
QUIET_MODULES = 10
# QR codes: 0.5 mm modules decode at 150 and 300 dpi; 2 modules of white border around them.
QR_MODULE_MM = 0.5
QR_BORDER = 2


@lru_cache(maxsize=4096)
def code128_modules(data: str) -> str:
    """The module string ('1' bar, '0' space) of Code 128 for `data`, stop pattern included."""
    return barcode.Code128(data).build()[0]


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(start, width) in modules of every bar."""
    return [(match.start(), match.end() - match.start()) for match in re.finditer("1+", modules)]


def code128_width(data: str, *, module_mm: float) -> float:
    """Width in mm of the code of `data`, its quiet zones included."""
    return round((len(code128_modules(data)) + 2 * QUIET_MODULES) * module_mm, 3)


def module_width(data: str, *, max_width_mm: float, preferred_mm: float) -> float:
    """The widest module, up to `preferred_mm`, with which the code and its quiet zones fit."""
    total = len(code128_modules(data)) + 2 * QUIET_MODULES
    return min(preferred_mm, int(max_width_mm / total * 1000) / 1000)


@lru_cache(maxsize=4096)
def _code128_d(data: str, height: float) -> str:
    """All the bars as one outline running along their foot: up a bar, across, down, on to the next.

    The stretches along the foot enclose nothing, so only the bars are filled: four numbers a bar
    instead of five for separate rectangles (WeasyPrint parses path numbers one by one).
    """
    runs = bar_runs(code128_modules(data))
    foot = f"{height:g}"
    bars = "".join(f"H{QUIET_MODULES + start}V0h{width}V{foot}" for start, width in runs)
    return f"M{QUIET_MODULES + runs[0][0]} {foot}{bars}z"


def code128_path(data: str, *, module_mm: float, height_mm: float, x: float, y: float) -> str:
    """Code 128 of `data` as one SVG <path> in a millimetre user space, its quiet zone's top-left at (x, y).

    The path is drawn in modules (no decimals) and scaled by its transform.
    """
    d = _code128_d(data, round(height_mm / module_mm, 2))
    return f'<path transform="translate({x:g} {y:g}) scale({module_mm:g})" d="{d}"/>'


@lru_cache(maxsize=4096)
def _qr(data: str) -> tuple[str, int]:
    """The path of the QR code's dark modules, filled row by row (strokes leave seams once rasterised)."""
    code = segno.make(data, micro=False)
    d = []
    for y, row in enumerate(code.matrix):
        line = "".join("1" if module & 1 else "0" for module in row)
        d.extend(f"M{start} {y}h{width}v1h-{width}z" for start, width in bar_runs(line))
    return "".join(d), code.symbol_size(border=0)[0]


def qr_side(data: str, *, module_mm: float = QR_MODULE_MM) -> float:
    """Side in mm of the QR code of `data`, its border included."""
    return round((_qr(data)[1] + 2 * QR_BORDER) * module_mm, 3)


def qr_path(data: str, *, x: float, y: float, module_mm: float = QR_MODULE_MM) -> str:
    """QR code of `data` as one SVG <path>, its border's top-left at (x, y) in mm."""
    d, _size = _qr(data)
    offset = QR_BORDER * module_mm
    return f'<path transform="translate({x + offset:g} {y + offset:g}) scale({module_mm:g})" d="{d}"/>'
