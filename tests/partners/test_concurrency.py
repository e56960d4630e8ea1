"""Twenty managers click « Reserve » on the same device for twenty requests at once (PostgreSQL locks)."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from inventory.models import JournalEntry
from inventory.workflow import Action, Status
from partners import services
from partners.models import Allocation, RequestStatus
from tests.factories import UserFactory, ready_device
from workshop import roles

from .factories import HouseholdFactory, OrganisationFactory, RequestFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_allocations_of_one_device_at_once_exactly_one_wins():
    device = ready_device()
    organisation = OrganisationFactory()
    requests = [
        RequestFactory(household=HouseholdFactory(organisation=organisation), status=RequestStatus.ACCEPTED)
        for _ in range(20)
    ]
    managers = [UserFactory(role=roles.GESTION) for _ in range(20)]
    until = timezone.localdate() + datetime.timedelta(days=7)
    barrier = threading.Barrier(20)
    outcomes: list[str] = []

    def reserve(request, manager):
        try:
            barrier.wait()
            services.allocate(request=request, device=device, until=until, actor=manager)
            outcomes.append("ok")
        except services.RequestError as error:
            outcomes.append(error.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=reserve, args=pair) for pair in zip(requests, managers, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("ok") == 1
    refusals = [o for o in outcomes if o != "ok"]
    assert len(refusals) == 19 and all(device.asset_tag in message for message in refusals)
    device.refresh_from_db()
    assert device.status == Status.RESERVED
    assert Allocation.objects.count() == 1
    assert JournalEntry.objects.filter(device=device, action=Action.RESERVE).count() == 1
    assert sorted(r.status for r in type(requests[0]).objects.all()).count(RequestStatus.RESERVED) == 1
