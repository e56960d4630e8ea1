import datetime
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from loans import services

BORROWER = services.Borrower(
    "Amina", "Durand", "06 12 34 56 78", "amina.durand@example.org", "4 rue des Lilas, Lorient"
)


def handover(**overrides) -> services.Handover:
    today = timezone.localdate()
    fields = {
        "starts_on": today,
        "due_on": today + datetime.timedelta(days=180),
        "deposit_amount": Decimal("50"),
        "deposit_method": "cash",
        "accessories": ["charger", "bag"],
        **overrides,
    }
    return services.Handover(**fields)


def pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
