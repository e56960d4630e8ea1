"""Requests and reservations: the only code that changes them.

Each action locks the request (and the device when there is one), checks, changes and journals in
one transaction; e-mails to the partner leave only once it has committed.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inventory.models import Device
from inventory.services import apply, journal, lock
from inventory.workflow import Action, Status
from workshop.dates import add_months
from workshop.errors import DomainError
from workshop.models import Commune, User

from . import notifications
from .models import Allocation, AllocationState, DeviceRequest, Household, PartnerOrganisation, RequestStatus
from .models.requests import OPEN, QUEUED, EligibilityGround, Urgency


class RequestError(DomainError):
    """A request or reservation step that cannot be done; the message is shown as it is."""


# Journal actions of requests (device moves are journaled by inventory's RESERVE/RELEASE).
SUBMITTED = "request_submitted"
ACCEPTED = "request_accepted"
WAITLISTED = "request_waitlisted"
REFUSED = "request_refused"
CANCELLED = "request_cancelled"
EXPIRED = "request_expired"
FLAGGED = "request_flagged"
RESERVED = "request_reserved"
RESERVATION_ENDED = "reservation_ended"
RESERVATION_EXTENDED = "reservation_extended"
FULFILLED = "request_fulfilled"
REOPENED = "request_reopened"

ACTION_LABELS = {
    SUBMITTED: gettext_lazy("Request sent"),
    ACCEPTED: gettext_lazy("Request accepted"),
    WAITLISTED: gettext_lazy("Put on the waiting list"),
    REFUSED: gettext_lazy("Request refused"),
    CANCELLED: gettext_lazy("Request cancelled"),
    EXPIRED: gettext_lazy("Request expired"),
    FLAGGED: gettext_lazy("Flagged to managers: no answer yet"),
    RESERVED: gettext_lazy("Device reserved"),
    RESERVATION_ENDED: gettext_lazy("Reservation ended"),
    RESERVATION_EXTENDED: gettext_lazy("Reservation extended"),
    FULFILLED: gettext_lazy("Device handed over"),
    REOPENED: gettext_lazy("Back on the waiting list"),
}


def lock_request(request: DeviceRequest) -> DeviceRequest:
    return DeviceRequest.objects.select_for_update(of=("self",)).select_related("household").get(pk=request.pk)


def _change_status(
    request: DeviceRequest, status: str, *, action: str, actor: User | None, reason: str = "", details=None
) -> DeviceRequest:
    """Save the locked request in its new status, journal it and tell the partner after commit."""
    from_status = request.status
    request.status = status
    request.status_reason = reason
    request.status_changed_at = timezone.now()
    request.save(update_fields=["status", "status_reason", "status_changed_at"])
    journal(
        action=action,
        actor=actor,
        from_status=from_status,
        to_status=status,
        subject=request,
        details={"reason": reason, **(details or {})} if reason else details,
    )
    transaction.on_commit(lambda: notifications.status_changed(request.pk), robust=True)
    return request


@dataclass(frozen=True)
class HouseholdData:
    reference: str
    commune: Commune
    size: int
    age_bracket: str


@dataclass(frozen=True)
class RequestData:
    need: str
    purpose: str
    eligibility: str
    eligibility_justification: str
    attested_by: str
    attested_on: datetime.date
    eligibility_expires_on: datetime.date
    urgency: str = Urgency.NORMAL
    note: str = ""


def default_expiry(attested_on: datetime.date) -> datetime.date:
    """The attestation's default validity: ELIGIBILITY_MONTHS after it was given."""
    return add_months(attested_on, settings.ELIGIBILITY_MONTHS)


@transaction.atomic
def submit_request(
    *, organisation: PartnerOrganisation, household: HouseholdData, data: RequestData, actor: User
) -> DeviceRequest:
    """A partner asks a device for a household, known by the partner's own reference."""
    if data.eligibility == EligibilityGround.OTHER and not data.eligibility_justification.strip():
        raise RequestError(_("Justification: say why the household is eligible when the ground is « Other »."))
    if data.eligibility_expires_on < data.attested_on:
        raise RequestError(_("Eligibility valid until: the date must come after the attestation date."))
    found, created = Household.objects.select_for_update().get_or_create(
        organisation=organisation,
        reference=household.reference.strip(),
        defaults={
            "commune": household.commune,
            "size": household.size,
            "age_bracket": household.age_bracket,
            "created_by": actor,
        },
    )
    if not created:
        if found.requests.filter(need=data.need, status__in=OPEN).exists():
            raise RequestError(
                _("Household %(reference)s already has an open request for this kind of device.")
                % {"reference": found.reference}
            )
        found.commune, found.size, found.age_bracket = household.commune, household.size, household.age_bracket
        found.save(update_fields=["commune", "size", "age_bracket"])
    request = DeviceRequest.objects.create(
        household=found, organisation=organisation, created_by=actor, **data.__dict__
    )
    journal(action=SUBMITTED, actor=actor, to_status=request.status, subject=request)
    transaction.on_commit(lambda: notifications.request_submitted(request.pk), robust=True)
    return request


def _require(request: DeviceRequest, allowed: tuple, message: str) -> None:
    if request.status not in allowed:
        raise RequestError(message % {"status": request.get_status_display()})


@transaction.atomic
def accept_request(*, request: DeviceRequest, actor: User) -> DeviceRequest:
    request = lock_request(request)
    _require(
        request,
        (RequestStatus.SUBMITTED, RequestStatus.WAITLISTED),
        _("This request is « %(status)s »: it cannot be accepted."),
    )
    return _change_status(request, RequestStatus.ACCEPTED, action=ACCEPTED, actor=actor)


@transaction.atomic
def waitlist_request(*, request: DeviceRequest, actor: User, reason: str = "") -> DeviceRequest:
    request = lock_request(request)
    _require(
        request,
        (RequestStatus.SUBMITTED, RequestStatus.ACCEPTED),
        _("This request is « %(status)s »: it cannot be put on the waiting list."),
    )
    return _change_status(request, RequestStatus.WAITLISTED, action=WAITLISTED, actor=actor, reason=reason.strip())


@transaction.atomic
def refuse_request(*, request: DeviceRequest, actor: User, reason: str) -> DeviceRequest:
    if not reason.strip():
        raise RequestError(_("Reason: say why the request is refused; the partner will read it."))
    request = lock_request(request)
    _require(request, (RequestStatus.SUBMITTED, *QUEUED), _("This request is « %(status)s »: it cannot be refused."))
    return _change_status(request, RequestStatus.REFUSED, action=REFUSED, actor=actor, reason=reason.strip())


@transaction.atomic
def cancel_request(*, request: DeviceRequest, actor: User, reason: str = "") -> DeviceRequest:
    """The partner (or a manager) withdraws a request; a device reserved for it goes back to stock."""
    request = lock_request(request)
    _require(request, OPEN, _("This request is « %(status)s »: it can no longer be cancelled."))
    allocation = request.allocations.active().first()
    if allocation is not None:
        _end_allocation(allocation, AllocationState.RELEASED, actor=actor, reason=reason or _("Request cancelled"))
    return _change_status(request, RequestStatus.CANCELLED, action=CANCELLED, actor=actor, reason=reason.strip())


@transaction.atomic
def reopen_request(*, request: DeviceRequest, actor: User, reason: str) -> DeviceRequest:
    """A hand-over is undone (its sale cancelled): the household waits again, in its original place."""
    request = lock_request(request)
    _require(request, (RequestStatus.FULFILLED,), _("This request is « %(status)s »: it cannot be reopened."))
    return _change_status(request, RequestStatus.ACCEPTED, action=REOPENED, actor=actor, reason=reason.strip())


def default_reservation_end(today: datetime.date | None = None) -> datetime.date:
    return (today or timezone.localdate()) + datetime.timedelta(days=settings.RESERVATION_DAYS)


@transaction.atomic
def allocate(*, request: DeviceRequest, device: Device, until: datetime.date, actor: User) -> Allocation:
    """Reserve a READY device for a queued request until a date. Locks the request, then the device."""
    request = lock_request(request)
    _require(request, QUEUED, _("This request is « %(status)s »: accept it before reserving a device for it."))
    if until < timezone.localdate():
        raise RequestError(_("Reserved until: the date cannot be in the past."))
    device = lock(device)
    if device.status != Status.READY:
        raise RequestError(
            _("%(tag)s cannot be reserved: it is « %(status)s », not ready.")
            % {"tag": device.asset_tag, "status": device.get_status_display()}
        )
    if device.category.kind != request.need and not (
        request.need == "desktop" and device.category.kind == "all_in_one"
    ):
        raise RequestError(
            _("%(tag)s is a %(category)s; the household needs a %(need)s.")
            % {"tag": device.asset_tag, "category": device.category.name, "need": request.get_need_display().lower()}
        )
    try:
        with transaction.atomic():
            allocation = Allocation.objects.create(
                request=request, device=device, reserved_until=until, reserved_by=actor
            )
    except IntegrityError as error:  # the constraint is the last word if a lock was ever bypassed
        raise RequestError(_("%(tag)s is already reserved.") % {"tag": device.asset_tag}) from error
    apply(device=device, action=Action.RESERVE, actor=actor, subject=request, details={"until": until})
    _change_status(
        request,
        RequestStatus.RESERVED,
        action=RESERVED,
        actor=actor,
        details={"device": device.asset_tag, "until": until},
    )
    return allocation


def _end_allocation(allocation: Allocation, state: str, *, actor: User | None, reason: str) -> Allocation:
    """Close a locked allocation and put its device back in stock (caller holds the request lock)."""
    allocation.state = state
    allocation.ended_at = timezone.now()
    allocation.end_reason = reason
    allocation.save(update_fields=["state", "ended_at", "end_reason"])
    apply(
        device=allocation.device,
        action=Action.RELEASE,
        actor=actor,
        subject=allocation.request,
        details={"reason": reason},
    )
    journal(
        action=RESERVATION_ENDED,
        actor=actor,
        subject=allocation.request,
        details={"device": allocation.device.asset_tag, "state": state, "reason": reason},
    )
    return allocation


def _lock_active(allocation: Allocation) -> tuple[DeviceRequest, Allocation]:
    request = lock_request(allocation.request)
    allocation = Allocation.objects.select_for_update(of=("self",)).select_related("device").get(pk=allocation.pk)
    if allocation.state != AllocationState.ACTIVE:
        raise RequestError(_("This reservation has already ended."))
    allocation.request = request
    return request, allocation


@transaction.atomic
def release(*, allocation: Allocation, actor: User, reason: str) -> Allocation:
    """A manager ends a reservation: the device goes back to READY, the request back to the queue."""
    if not reason.strip():
        raise RequestError(_("Reason: say why the reservation ends."))
    request, allocation = _lock_active(allocation)
    _end_allocation(allocation, AllocationState.RELEASED, actor=actor, reason=reason.strip())
    _change_status(request, RequestStatus.ACCEPTED, action=ACCEPTED, actor=actor, reason=reason.strip())
    return allocation


@transaction.atomic
def extend(*, allocation: Allocation, until: datetime.date, actor: User) -> Allocation:
    request, allocation = _lock_active(allocation)
    if until < timezone.localdate():
        raise RequestError(_("Reserved until: the date cannot be in the past."))
    previous = allocation.reserved_until
    allocation.reserved_until = until
    allocation.save(update_fields=["reserved_until"])
    journal(
        action=RESERVATION_EXTENDED,
        actor=actor,
        device=allocation.device,
        subject=request,
        details={"until": {"from": previous, "to": until}},
    )
    transaction.on_commit(lambda: notifications.status_changed(request.pk), robust=True)
    return allocation


@transaction.atomic
def fulfil(*, device: Device, actor: User, details=None) -> Allocation | None:
    """The reserved device is handed over (loan or sale): its request is fulfilled. None if not reserved."""
    allocation = Allocation.objects.active().filter(device=device).first()
    if allocation is None:
        return None
    request, allocation = _lock_active(allocation)
    allocation.state = AllocationState.FULFILLED
    allocation.ended_at = timezone.now()
    allocation.save(update_fields=["state", "ended_at"])
    _change_status(
        request,
        RequestStatus.FULFILLED,
        action=FULFILLED,
        actor=actor,
        details={"device": device.asset_tag, **(details or {})},
    )
    return allocation


def expire_reservations(*, today: datetime.date | None = None) -> int:
    """Daily: reservations not claimed by their date go back to stock, their requests to the queue."""
    today = today or timezone.localdate()
    count = 0
    for allocation in Allocation.objects.active().filter(reserved_until__lt=today).order_by("pk"):
        with transaction.atomic():
            try:
                request, allocation = _lock_active(allocation)
            except RequestError:
                continue  # ended meanwhile
            reason = _("Not claimed by %(date)s") % {"date": allocation.reserved_until.strftime("%d/%m/%Y")}
            _end_allocation(allocation, AllocationState.EXPIRED, actor=None, reason=reason)
            _change_status(request, RequestStatus.ACCEPTED, action=ACCEPTED, actor=None, reason=reason)
            count += 1
    return count


@dataclass
class Review:
    flagged: list[DeviceRequest]
    expired: list[DeviceRequest]


def review_requests(*, today: datetime.date | None = None) -> Review:
    """Daily: flag requests nobody handled to managers (once), expire the stale and the no-longer-eligible."""
    now = timezone.now()
    today = today or timezone.localdate()
    review = Review(flagged=[], expired=[])
    unhandled = DeviceRequest.objects.filter(status=RequestStatus.SUBMITTED)
    expiry_limit = now - datetime.timedelta(days=settings.REQUEST_EXPIRY_DAYS)
    to_expire = list(unhandled.filter(created_at__lt=expiry_limit).values_list("pk", flat=True)) + list(
        DeviceRequest.objects.filter(status__in=QUEUED, eligibility_expires_on__lt=today).values_list("pk", flat=True)
    )
    for pk in to_expire:
        with transaction.atomic():
            request = lock_request(DeviceRequest(pk=pk))
            if request.status not in (RequestStatus.SUBMITTED, *QUEUED):
                continue
            reason = (
                _("Eligibility attestation expired on %(date)s")
                % {"date": request.eligibility_expires_on.strftime("%d/%m/%Y")}
                if request.eligibility_expires_on < today
                else _("Not handled within %(days)s days") % {"days": settings.REQUEST_EXPIRY_DAYS}
            )
            review.expired.append(
                _change_status(request, RequestStatus.EXPIRED, action=EXPIRED, actor=None, reason=reason)
            )
    flag_limit = now - datetime.timedelta(days=settings.REQUEST_FLAG_DAYS)
    for request in unhandled.filter(created_at__lt=flag_limit, flagged_at__isnull=True).order_by("created_at"):
        with transaction.atomic():
            request = lock_request(request)
            if request.flagged_at is not None or request.status != RequestStatus.SUBMITTED:
                continue
            request.flagged_at = now
            request.save(update_fields=["flagged_at"])
            journal(action=FLAGGED, actor=None, subject=request, details={"days": settings.REQUEST_FLAG_DAYS})
            review.flagged.append(request)
    if review.flagged:
        notifications.requests_flagged([r.pk for r in review.flagged])
    return review
