"""Two people apply conflicting steps to one device at the same moment (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection

from inventory import services
from inventory.models import JournalEntry
from inventory.workflow import Action, Status, WorkflowError
from tests.factories import DeviceFactory, UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_lending_and_selling_one_device_at_once_one_wins_the_other_gets_the_domain_error():
    device = DeviceFactory(status=Status.READY, grade="A")
    first, second = UserFactory(), UserFactory()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(user, step):
        try:
            barrier.wait()
            step(device=device, actor=user)
            outcomes.append("ok")
        except WorkflowError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=(first, lambda **kw: services.apply(action=Action.LEND, **kw))),
        threading.Thread(target=act, args=(second, lambda **kw: services.apply(action=Action.SELL, **kw))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["ok", "refused"]
    device.refresh_from_db()
    assert device.status in (Status.LOANED, Status.SOLD)
    assert JournalEntry.objects.filter(device=device).count() == 1


def test_the_same_step_twice_at_once_is_journaled_once():
    device = DeviceFactory(status=Status.RECEIVED)
    users = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def act(user):
        try:
            barrier.wait()
            services.diagnose(device=device, actor=user)
            outcomes.append("ok")
        except WorkflowError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert JournalEntry.objects.filter(device=device).count() == 1
