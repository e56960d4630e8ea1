"""Helpers to look at a PDF as a scanner would: pages to images, images to decoded codes."""

import subprocess
from decimal import Decimal
from pathlib import Path

from inventory.models import Device, DeviceCategory


def page_images(pdf: bytes, tmp_path: Path, *, dpi: int) -> list[Path]:
    source = tmp_path / f"doc-{dpi}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / f"page-{dpi}")], check=True)
    return sorted(tmp_path.glob(f"page-{dpi}-*.png"))


def decode(image: Path) -> list[str]:
    """Every code zbarimg finds in the image, as 'SYMBOLOGY:data', sorted."""
    result = subprocess.run(["zbarimg", "--nodbus", "-q", str(image)], capture_output=True, text=True)
    assert result.returncode in (0, 4), result.stderr  # 4: nothing found
    return sorted(line for line in result.stdout.splitlines() if line)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "text.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(source), "-"], capture_output=True, text=True, check=True).stdout


def unsaved_devices(count: int, *, start: int = 1, **fields) -> list[Device]:
    """Devices that labels can be drawn for without a database (asset labels read no relation but the category)."""
    category = DeviceCategory(code="portable", name="Ordinateur portable")
    defaults = {"brand": "Lenovo", "model": "ThinkPad T480", "cpu": "Intel Core i5-8350U", "ram_gb": Decimal(8)}
    return [
        Device(asset_tag=f"SV-{n:06d}", category=category, serial=f"PF{n:08d}", **{**defaults, **fields})
        for n in range(start, start + count)
    ]
