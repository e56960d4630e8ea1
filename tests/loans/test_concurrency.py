"""Twenty sales at once get twenty consecutive invoice numbers; a failed one leaves no gap (PostgreSQL)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from loans import documents as loan_documents
from loans import services
from loans.models import Sale
from tests.factories import SiteFactory, UserFactory, ready_device
from workshop import roles

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_concurrent_sales_get_twenty_consecutive_numbers_and_a_failure_leaves_no_gap(monkeypatch):
    site = SiteFactory()
    devices = [ready_device(site=site, grade="B") for _ in range(20)]
    sellers = [UserFactory(role=roles.ATELIER) for _ in range(20)]
    barrier = threading.Barrier(21)
    errors: list[str] = []

    def sell(device, seller, price):
        try:
            barrier.wait()
            services.sell(
                device=device,
                buyer=services.Buyer(organisation_name="Centre social"),
                terms=services.SaleTerms(price=Decimal(price), payment_method="cash"),
                actor=seller,
            )
        except services.LoanError as error:
            errors.append(error.message)
        finally:
            connection.close()

    # A 21st sale fails after it has taken its number (its invoice cannot be printed), amid the others.
    failing = ready_device(site=site, grade="B")
    issue_invoice = loan_documents.issue_invoice

    def printer_jams_on_one(sale, *, actor):
        if sale.device_id == failing.pk:
            raise services.LoanError("printer jammed")
        return issue_invoice(sale, actor=actor)

    monkeypatch.setattr(loan_documents, "issue_invoice", printer_jams_on_one)
    threads = [threading.Thread(target=sell, args=(d, s, "90")) for d, s in zip(devices, sellers, strict=True)]
    threads.append(threading.Thread(target=sell, args=(failing, sellers[0], "90")))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    year = timezone.localdate().year
    numbers = sorted(Sale.objects.values_list("number", flat=True))
    assert numbers == [f"FAC-{year}-{n:04d}" for n in range(1, 21)]
    assert errors == ["printer jammed"]
