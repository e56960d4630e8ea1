"""Requests and reservations through their services: every rule, every journal entry, every e-mail."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from inventory.models import JournalEntry
from inventory.workflow import Action, Status
from partners import services
from partners.models import Allocation, AllocationState, DeviceRequest, Household, RequestStatus
from tests.factories import category, ready_device

from .factories import HouseholdFactory, RequestFactory, commune

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def request_journal(request) -> list[str]:
    ct = ContentType.objects.get_for_model(DeviceRequest)
    entries = JournalEntry.objects.filter(subject_type=ct, subject_id=request.pk, action__in=services.ACTION_LABELS)
    return list(entries.order_by("pk").values_list("action", flat=True))


def submit(organisation, user, reference="REF-1", **data):
    fields = {
        "need": "laptop",
        "purpose": "school",
        "eligibility": "minimum_benefit",
        "eligibility_justification": "",
        "attested_by": "Nadia Benali",
        "attested_on": TODAY,
        "eligibility_expires_on": TODAY + datetime.timedelta(days=180),
        **data,
    }
    return services.submit_request(
        organisation=organisation,
        household=services.HouseholdData(reference, commune(), 3, "26_59"),
        data=services.RequestData(**fields),
        actor=user,
    )


def test_submitting_creates_the_household_and_journals_it(caf, caf_user):
    request = submit(caf, caf_user)
    assert request.status == RequestStatus.SUBMITTED
    assert request.household.organisation == caf and request.organisation == caf
    assert request_journal(request) == [services.SUBMITTED]


def test_a_second_request_reuses_the_household_of_the_same_reference(caf, caf_user):
    first = submit(caf, caf_user, need="laptop")
    second = submit(caf, caf_user, need="smartphone")
    assert first.household_id == second.household_id
    assert Household.objects.count() == 1


def test_the_same_reference_in_another_organisation_is_another_household(caf, caf_user, ccas, ccas_user):
    assert submit(caf, caf_user).household_id != submit(ccas, ccas_user).household_id


def test_a_household_cannot_have_two_open_requests_for_the_same_need(caf, caf_user):
    submit(caf, caf_user)
    with pytest.raises(services.RequestError, match="REF-1"):
        submit(caf, caf_user)
    assert DeviceRequest.objects.count() == 1


def test_other_ground_needs_a_justification(caf, caf_user):
    with pytest.raises(services.RequestError, match="Justification"):
        submit(caf, caf_user, eligibility="other")
    assert not Household.objects.exists()


def test_default_expiry_is_six_months_later_even_at_month_end():
    assert services.default_expiry(datetime.date(2026, 8, 31)) == datetime.date(2027, 2, 28)
    assert services.default_expiry(datetime.date(2026, 3, 15)) == datetime.date(2026, 9, 15)


def test_managers_get_an_email_for_a_new_request(caf, caf_user, gestion, django_capture_on_commit_callbacks):
    gestion.email = "gestion@example.org"
    gestion.save()
    with django_capture_on_commit_callbacks(execute=True):
        submit(caf, caf_user)
    assert [m.to for m in mail.outbox] == [["gestion@example.org"]]
    assert "CAF du Morbihan" in mail.outbox[0].subject


@pytest.mark.parametrize(
    ("service", "kwargs", "status"),
    [
        (services.accept_request, {}, RequestStatus.ACCEPTED),
        (services.waitlist_request, {"reason": "Plus de stock"}, RequestStatus.WAITLISTED),
        (services.refuse_request, {"reason": "Déjà équipé"}, RequestStatus.REFUSED),
        (services.cancel_request, {}, RequestStatus.CANCELLED),
    ],
)
def test_each_decision_changes_the_status_once_and_journals_it(caf_request, gestion, service, kwargs, status):
    service(request=caf_request, actor=gestion, **kwargs)
    caf_request.refresh_from_db()
    assert caf_request.status == status
    assert len(request_journal(caf_request)) == 1


def test_refusing_needs_a_reason_for_the_partner(caf_request, gestion):
    with pytest.raises(services.RequestError, match="Motif"):
        services.refuse_request(request=caf_request, actor=gestion, reason=" ")
    caf_request.refresh_from_db()
    assert caf_request.status == RequestStatus.SUBMITTED


@pytest.mark.parametrize("closed", [RequestStatus.REFUSED, RequestStatus.CANCELLED, RequestStatus.EXPIRED])
def test_a_closed_request_cannot_be_accepted_or_cancelled(caf_request, gestion, closed):
    DeviceRequest.objects.filter(pk=caf_request.pk).update(status=closed)
    with pytest.raises(services.RequestError):
        services.accept_request(request=caf_request, actor=gestion)
    with pytest.raises(services.RequestError):
        services.cancel_request(request=caf_request, actor=gestion)
    assert request_journal(caf_request) == []


def test_the_partner_is_told_of_a_status_change_in_french(caf_request, gestion, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse_request(request=caf_request, actor=gestion, reason="Déjà équipé en 2025")
    (message,) = mail.outbox
    assert message.to == ["partenaire.caf@example.org"]
    assert "Refusée" in message.subject
    assert "Déjà équipé en 2025" in message.body


def test_allocating_reserves_the_device_for_the_request(queued_request, laptop, gestion):
    until = TODAY + datetime.timedelta(days=7)
    allocation = services.allocate(request=queued_request, device=laptop, until=until, actor=gestion)
    laptop.refresh_from_db()
    queued_request.refresh_from_db()
    assert laptop.status == Status.RESERVED
    assert queued_request.status == RequestStatus.RESERVED
    assert allocation.reserved_until == until and allocation.state == AllocationState.ACTIVE
    reserve = laptop.journal.get(action=Action.RESERVE)
    assert reserve.subject == queued_request
    assert request_journal(queued_request) == [services.RESERVED]


def test_a_reserved_device_cannot_be_reserved_for_another_request(queued_request, laptop, gestion, caf):
    services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    other = RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED)
    with pytest.raises(services.RequestError, match=laptop.asset_tag):
        services.allocate(request=other, device=laptop, until=TODAY, actor=gestion)
    assert Allocation.objects.count() == 1
    assert laptop.journal.filter(action=Action.RESERVE).count() == 1


def test_the_database_refuses_two_active_reservations_of_one_device(queued_request, laptop, gestion, caf):
    from django.db import IntegrityError, transaction

    Allocation.objects.create(request=queued_request, device=laptop, reserved_until=TODAY, reserved_by=gestion)
    other = RequestFactory(household=HouseholdFactory(organisation=caf))
    with pytest.raises(IntegrityError), transaction.atomic():
        Allocation.objects.create(request=other, device=laptop, reserved_until=TODAY, reserved_by=gestion)


def test_only_a_ready_device_can_be_reserved(queued_request, gestion):
    device = ready_device()
    device.status = Status.CHECKED
    device.save()
    with pytest.raises(services.RequestError, match="pas prêt"):
        services.allocate(request=queued_request, device=device, until=TODAY, actor=gestion)


def test_the_device_must_be_of_the_kind_asked_for(queued_request, gestion):
    phone = ready_device(category=category("smartphone"))
    with pytest.raises(services.RequestError, match="besoin"):
        services.allocate(request=queued_request, device=phone, until=TODAY, actor=gestion)


def test_a_request_must_be_accepted_before_a_device_is_reserved(caf_request, laptop, gestion):
    with pytest.raises(services.RequestError, match="acceptez"):
        services.allocate(request=caf_request, device=laptop, until=TODAY, actor=gestion)
    laptop.refresh_from_db()
    assert laptop.status == Status.READY


def test_a_reservation_cannot_end_in_the_past(queued_request, laptop, gestion):
    with pytest.raises(services.RequestError, match="passée"):
        services.allocate(
            request=queued_request, device=laptop, until=TODAY - datetime.timedelta(days=1), actor=gestion
        )


def test_releasing_puts_the_device_back_and_the_request_in_the_queue(queued_request, laptop, gestion):
    allocation = services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    services.release(allocation=allocation, actor=gestion, reason="Le foyer ne répond plus")
    laptop.refresh_from_db()
    queued_request.refresh_from_db()
    allocation.refresh_from_db()
    assert (laptop.status, queued_request.status, allocation.state) == (
        Status.READY,
        RequestStatus.ACCEPTED,
        AllocationState.RELEASED,
    )


def test_cancelling_a_reserved_request_frees_its_device(queued_request, laptop, gestion, caf_user):
    services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    services.cancel_request(request=queued_request, actor=caf_user, reason="Déménagement")
    laptop.refresh_from_db()
    assert laptop.status == Status.READY
    assert not Allocation.objects.active().exists()


def test_extending_changes_the_date_and_journals_it(queued_request, laptop, gestion):
    allocation = services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    later = TODAY + datetime.timedelta(days=20)
    services.extend(allocation=allocation, until=later, actor=gestion)
    allocation.refresh_from_db()
    assert allocation.reserved_until == later
    assert request_journal(queued_request)[-1] == services.RESERVATION_EXTENDED


def test_unclaimed_reservations_expire_back_to_ready_and_the_queue(queued_request, laptop, gestion):
    services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    assert services.expire_reservations(today=TODAY) == 0  # still valid on its last day
    assert services.expire_reservations(today=TODAY + datetime.timedelta(days=1)) == 1
    laptop.refresh_from_db()
    queued_request.refresh_from_db()
    assert laptop.status == Status.READY
    assert queued_request.status == RequestStatus.ACCEPTED
    assert Allocation.objects.get().state == AllocationState.EXPIRED
    release = laptop.journal.get(action=Action.RELEASE)
    assert release.actor is None and release.subject == queued_request
    assert request_journal(queued_request)[-2:] == [services.RESERVATION_ENDED, services.ACCEPTED]


def test_fulfilling_closes_the_reservation_and_the_request(queued_request, laptop, gestion):
    services.allocate(request=queued_request, device=laptop, until=TODAY, actor=gestion)
    allocation = services.fulfil(device=laptop, actor=gestion)
    queued_request.refresh_from_db()
    assert allocation.state == AllocationState.FULFILLED
    assert queued_request.status == RequestStatus.FULFILLED


def test_the_queue_serves_urgent_requests_first_then_the_oldest(caf):
    old = RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED)
    newer = RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.WAITLISTED)
    urgent = RequestFactory(
        household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED, urgency="urgent"
    )
    RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.SUBMITTED)
    assert list(DeviceRequest.objects.queue()) == [urgent, old, newer]
    assert [r.queue_position() for r in (urgent, old, newer)] == [1, 2, 3]


def test_queue_positions_count_only_the_same_need(caf):
    RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED, need="tablet")
    laptop_request = RequestFactory(household=HouseholdFactory(organisation=caf), status=RequestStatus.ACCEPTED)
    assert laptop_request.queue_position() == 1


def back_date(request, days):
    DeviceRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - datetime.timedelta(days=days))


def test_unhandled_requests_are_flagged_to_managers_once(caf_request, gestion, settings):
    gestion.email = "gestion@example.org"
    gestion.save()
    back_date(caf_request, settings.REQUEST_FLAG_DAYS + 1)
    assert services.review_requests().flagged == [caf_request]
    assert services.review_requests().flagged == []
    assert len(mail.outbox) == 1 and "caf-secret-01" in mail.outbox[0].body.lower()
    assert request_journal(caf_request) == [services.FLAGGED]


def test_a_recent_request_is_not_flagged(caf_request, settings):
    back_date(caf_request, settings.REQUEST_FLAG_DAYS - 1)
    assert services.review_requests().flagged == []


def test_unhandled_requests_expire_and_the_partner_is_told(caf_request, settings, django_capture_on_commit_callbacks):
    back_date(caf_request, settings.REQUEST_EXPIRY_DAYS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        review = services.review_requests()
    caf_request.refresh_from_db()
    assert review.expired == [caf_request] and caf_request.status == RequestStatus.EXPIRED
    assert any(m.to == ["partenaire.caf@example.org"] and "Expirée" in m.subject for m in mail.outbox)


def test_queued_requests_expire_with_their_eligibility(queued_request):
    DeviceRequest.objects.filter(pk=queued_request.pk).update(eligibility_expires_on=TODAY - datetime.timedelta(days=1))
    services.review_requests(today=TODAY)
    queued_request.refresh_from_db()
    assert queued_request.status == RequestStatus.EXPIRED
    assert "expired" in queued_request.status_reason.lower() or "expir" in queued_request.status_reason.lower()
