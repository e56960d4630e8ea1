"""Domain actions: the only code that changes a device's state.

Each one locks the device row, checks the workflow, changes, and writes the journal, in one
transaction. Errors are WorkflowError with a French message that screens show as they are.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext as _

from workshop.models import Site, User
from workshop.numbering import take_number, take_numbers

from . import selectors, workflow
from .models import (
    ChecklistResult,
    Device,
    DeviceCategory,
    DonationLot,
    Donor,
    ErasureRecord,
    JournalEntry,
    OperatingSystem,
    StorageDrive,
)
from .workflow import Action, Status, WorkflowError

# Fields that `update_details` may change; status, tag and cycle only move through actions.
EDITABLE_FIELDS = (
    "category",
    "brand",
    "model",
    "serial",
    "cpu",
    "ram_gb",
    "screen_size_in",
    "battery_health_pct",
    "keyboard_layout",
    "weight_kg",
    "notes",
)


def format_tag(number: int) -> str:
    return f"{settings.ASSET_TAG_PREFIX}-{number:06d}"


def journal(
    *,
    action: str,
    actor: User | None,
    device: Device | None = None,
    from_status: str = "",
    to_status: str = "",
    subject: models.Model | None = None,
    details: Mapping | None = None,
) -> JournalEntry:
    """Write one journal entry; every service of every app goes through here."""
    return JournalEntry.objects.create(
        **_journal_fields(action, actor, device, from_status, to_status, subject, details)
    )


def _journal_fields(action, actor, device, from_status, to_status, subject, details) -> dict:
    return {
        "action": action,
        "actor": actor,
        "device": device,
        "from_status": from_status,
        "to_status": to_status,
        "subject_type": ContentType.objects.get_for_model(subject) if subject is not None else None,
        "subject_id": subject.pk if subject is not None else None,
        "details": _jsonable(details or {}),
    }


def _jsonable(details: Mapping) -> dict:
    def convert(value):
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, datetime.date | datetime.datetime):
            return value.isoformat()
        if isinstance(value, models.Model):
            return str(value)
        if isinstance(value, list | tuple):
            return [convert(v) for v in value]
        if isinstance(value, Mapping):
            return {k: convert(v) for k, v in value.items()}
        return value

    return {key: convert(value) for key, value in details.items()}


def lock(device: Device) -> Device:
    """The device row, locked until the end of the transaction, with its category."""
    return Device.objects.select_for_update(of=("self",)).select_related("category").get(pk=device.pk)


@transaction.atomic
def apply(
    *,
    device: Device,
    action: str,
    actor: User | None,
    details: Mapping | None = None,
    subject: models.Model | None = None,
) -> Device:
    """Move a device along one workflow action with no other change; for the loans app's services."""
    device = lock(device)
    workflow.require(device, action)
    return _move(device, workflow.target_status(action), action=action, actor=actor, details=details, subject=subject)


def _move(
    device: Device,
    to_status: str | None,
    *,
    action: str,
    actor: User | None,
    details: Mapping | None = None,
    subject: models.Model | None = None,
    changed_fields: Iterable[str] = (),
) -> Device:
    """Save the locked device in its new status and journal it. The caller holds the lock."""
    from_status = device.status
    fields = set(changed_fields)
    if to_status and to_status != from_status:
        device.status = to_status
        fields.add("status")
    if action in workflow.NEW_CYCLE_ACTIONS:
        device.cycle += 1
        fields.add("cycle")
    if fields:
        device.save(update_fields=[*fields, "updated_at"])
    journal(
        action=action,
        actor=actor,
        device=device,
        from_status=from_status,
        to_status=device.status,
        subject=subject,
        details=details,
    )
    return device


# — Donations and intake —


@dataclass(frozen=True)
class DeviceLine:
    """One device to register: what the intake form or an import knows of it."""

    brand: str = ""
    model: str = ""
    serial: str = ""
    cpu: str = ""
    ram_gb: Decimal | None = None
    screen_size_in: Decimal | None = None
    notes: str = ""


@transaction.atomic
def register_donor(*, actor: User, **fields) -> Donor:
    donor = Donor.objects.create(**fields)
    journal(action="register_donor", actor=actor, subject=donor, details={"name": donor.name, "kind": donor.kind})
    return donor


@transaction.atomic
def register_lot(
    *,
    donor: Donor,
    site: Site,
    received_on: datetime.date,
    actor: User,
    weight_kg: Decimal | None = None,
    reference: str = "",
    notes: str = "",
) -> DonationLot:
    """Record a donation; its reference is generated (DON-2026-0001) unless the donor gave one."""
    if not reference:
        year = received_on.year
        reference = f"DON-{year}-{take_number('lot', year=year):04d}"
    elif DonationLot.objects.filter(reference=reference).exists():
        raise WorkflowError(_("A donation lot with the reference %(ref)s already exists.") % {"ref": reference})
    lot = DonationLot.objects.create(
        donor=donor,
        site=site,
        received_on=received_on,
        weight_kg=weight_kg,
        reference=reference,
        notes=notes,
        created_by=actor,
    )
    journal(action="register_lot", actor=actor, subject=lot, details={"donor": donor.name, "site": site.name})
    return lot


@transaction.atomic
def register_devices(
    *, lot: DonationLot, category: DeviceCategory, lines: Iterable[DeviceLine], actor: User
) -> list[Device]:
    """Register devices of one category into a lot, each with its own new asset tag, all or none."""
    lines = list(lines)
    if not lines:
        return []
    numbers = take_numbers("asset_tag", len(lines))
    devices = [
        Device(
            asset_tag=format_tag(number),
            category=category,
            lot=lot,
            site=lot.site,
            status=Status.RECEIVED,
            brand=line.brand.strip(),
            model=line.model.strip(),
            serial=line.serial.strip(),
            cpu=line.cpu.strip(),
            ram_gb=line.ram_gb,
            screen_size_in=line.screen_size_in,
            notes=line.notes,
        )
        for number, line in zip(numbers, lines, strict=True)
    ]
    Device.objects.bulk_create(devices)
    # bulk_create sets primary keys on PostgreSQL and SQLite alike (RETURNING).
    JournalEntry.objects.bulk_create(
        JournalEntry(
            **_journal_fields(
                Action.REGISTER,
                actor,
                device,
                "",
                Status.RECEIVED,
                lot,
                {"lot": lot.reference, "serial": device.serial},
            )
        )
        for device in devices
    )
    return devices


@transaction.atomic
def update_details(*, device: Device, actor: User, **changes) -> Device:
    """Correct or complete a device's description; the journal keeps the old and new values."""
    device = lock(device)
    workflow.require(device, Action.EDIT)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    diff = {}
    for field, value in changes.items():
        old = getattr(device, field)
        if old != value:
            diff[field] = {"from": old, "to": value}
            setattr(device, field, value)
    if not diff:
        return device
    return _move(device, None, action=Action.EDIT, actor=actor, details=diff, changed_fields=diff)


# — Refurbishing steps —


@transaction.atomic
def diagnose(*, device: Device, actor: User, notes: str = "", **specs) -> Device:
    """The first look: the device is identified and its specs noted; it now waits for erasure."""
    device = lock(device)
    workflow.require(device, Action.DIAGNOSE)
    changed = []
    for field, value in specs.items():
        if field not in EDITABLE_FIELDS:
            raise ValueError(f"Not a spec: {field}")
        if value not in (None, "") and getattr(device, field) != value:
            setattr(device, field, value)
            changed.append(field)
    details = {field: getattr(device, field) for field in changed}
    if notes:
        details["notes"] = notes
    return _move(device, Status.DIAGNOSED, action=Action.DIAGNOSE, actor=actor, details=details, changed_fields=changed)


@transaction.atomic
def add_drive(
    *, device: Device, kind: str, actor: User, model: str = "", serial: str = "", capacity_gb: int | None = None
) -> StorageDrive:
    device = lock(device)
    workflow.require(device, Action.ADD_DRIVE)
    drive = StorageDrive.objects.create(
        device=device, kind=kind, model=model.strip(), serial=serial.strip(), capacity_gb=capacity_gb
    )
    fields = []
    if device.no_storage_reason:
        device.no_storage_reason = ""
        fields.append("no_storage_reason")
    _move(
        device,
        None,
        action=Action.ADD_DRIVE,
        actor=actor,
        subject=drive,
        details={"drive": drive.serial or drive.model, "capacity_gb": capacity_gb},
        changed_fields=fields,
    )
    return drive


@transaction.atomic
def record_erasure(
    *,
    device: Device,
    drive: StorageDrive,
    method: str,
    standard: str,
    tool: str,
    started_at: datetime.datetime,
    ended_at: datetime.datetime,
    result: str,
    actor: User,
    notes: str = "",
) -> ErasureRecord:
    """Record one drive's erasure; the device becomes ERASED once all its drives are."""
    device = lock(device)
    workflow.require(device, Action.ERASE)
    if drive.device_id != device.pk:
        raise WorkflowError(_("This drive does not belong to %(tag)s.") % {"tag": device.asset_tag})
    if ended_at < started_at:
        raise WorkflowError(_("The erasure cannot end before it started."))
    record = ErasureRecord.objects.create(
        drive=drive,
        cycle=device.cycle,
        method=method,
        standard=standard,
        tool=tool,
        started_at=started_at,
        ended_at=ended_at,
        result=result,
        operator=actor,
        notes=notes,
    )
    done = selectors.unerased_drives(device) == []
    _move(
        device,
        Status.ERASED if done else None,
        action=Action.ERASE,
        actor=actor,
        subject=record,
        details={
            "drive": drive.serial or drive.model,
            "method": method,
            "standard": standard,
            "tool": tool,
            "result": result,
        },
    )
    return record


@transaction.atomic
def record_no_storage(*, device: Device, reason: str, actor: User) -> Device:
    """A device with no drive at all (removed by the donor, a monitor…) skips erasure, with a reason."""
    device = lock(device)
    workflow.require(device, Action.NO_STORAGE)
    if not reason.strip():
        raise WorkflowError(_("Say why the device has no storage."))
    if device.drives.exists():
        raise WorkflowError(_("%(tag)s has drives recorded: erase them instead.") % {"tag": device.asset_tag})
    device.no_storage_reason = reason.strip()
    return _move(
        device,
        Status.ERASED,
        action=Action.NO_STORAGE,
        actor=actor,
        details={"reason": device.no_storage_reason},
        changed_fields=["no_storage_reason"],
    )


@transaction.atomic
def install_os(*, device: Device, operating_system: OperatingSystem, version: str, actor: User) -> Device:
    device = lock(device)
    workflow.require(device, Action.INSTALL_OS)
    if not device.category.needs_os:
        raise WorkflowError(_("A %(category)s gets no operating system.") % {"category": device.category})
    device.operating_system = operating_system
    device.os_version = version.strip()
    return _move(
        device,
        Status.OS_INSTALLED,
        action=Action.INSTALL_OS,
        actor=actor,
        details={"system": operating_system.name, "version": device.os_version},
        changed_fields=["operating_system", "os_version"],
    )


@transaction.atomic
def record_checks(*, device: Device, results: Mapping[int, tuple[bool, str]], actor: User) -> list[ChecklistResult]:
    """Record the checklist of the device's category (item id -> (passed, note)).

    The device becomes CHECKED when every mandatory item has passed; otherwise it stays where
    it is, with the failures in its history, to be repaired, re-checked or sent to parts.
    """
    device = lock(device)
    workflow.require(device, Action.CHECK)
    if device.category.needs_os and device.status == Status.ERASED:
        raise WorkflowError(_("Install the system on %(tag)s before checking it.") % {"tag": device.asset_tag})
    items = {item.pk: item for item in device.category.checklist_items.filter(is_active=True)}
    unknown = set(results) - set(items)
    if unknown:
        raise WorkflowError(_("These checks do not belong to this category."))
    missing = [item.label for pk, item in items.items() if item.mandatory and pk not in results]
    if missing:
        raise WorkflowError(_("Mandatory checks not filled: %(items)s.") % {"items": ", ".join(missing)})
    rows = ChecklistResult.objects.bulk_create(
        ChecklistResult(
            device=device, item=items[pk], cycle=device.cycle, passed=passed, note=note.strip(), checked_by=actor
        )
        for pk, (passed, note) in results.items()
    )
    failed = [items[pk].label for pk, (passed, _note) in results.items() if not passed and items[pk].mandatory]
    _move(
        device,
        None if failed else Status.CHECKED,
        action=Action.CHECK,
        actor=actor,
        details={"failed": failed, "passed": sum(1 for passed, _n in results.values() if passed)},
    )
    return rows


@transaction.atomic
def set_grade(*, device: Device, grade: str, actor: User) -> Device:
    device = lock(device)
    workflow.require(device, Action.GRADE)
    old = device.grade
    device.grade = grade
    return _move(
        device,
        None,
        action=Action.GRADE,
        actor=actor,
        details={"grade": {"from": old, "to": grade}},
        changed_fields=["grade"],
    )


@transaction.atomic
def mark_ready(*, device: Device, actor: User) -> Device:
    device = lock(device)
    workflow.require(device, Action.MARK_READY)
    problems = selectors.workbench(device).problems()
    if problems:
        raise WorkflowError(
            _("%(tag)s cannot be ready yet: %(problems)s") % {"tag": device.asset_tag, "problems": " ".join(problems)}
        )
    return _move(device, Status.READY, action=Action.MARK_READY, actor=actor, details={"grade": device.grade})


@transaction.atomic
def send_to_parts(*, device: Device, reason: str, actor: User) -> Device:
    device = lock(device)
    workflow.require(device, Action.TO_PARTS)
    return _move(device, Status.PARTS, action=Action.TO_PARTS, actor=actor, details={"reason": reason.strip()})


@transaction.atomic
def recycle(*, device: Device, reason: str, actor: User) -> Device:
    """The device leaves as WEEE; its drives must be erased or destroyed first, whatever the cycle."""
    device = lock(device)
    workflow.require(device, Action.RECYCLE)
    if selectors.unsanitized_drives(device):
        raise WorkflowError(
            _("Erase or destroy the drives of %(tag)s before it leaves for recycling.") % {"tag": device.asset_tag}
        )
    return _move(
        device,
        Status.RECYCLED,
        action=Action.RECYCLE,
        actor=actor,
        details={"reason": reason.strip(), "weight_kg": device.effective_weight_kg},
    )


@transaction.atomic
def repair(*, device: Device, reason: str, actor: User) -> Device:
    """Back to diagnosis (a part to change, a device taken back from parts): a new cycle starts."""
    device = lock(device)
    workflow.require(device, Action.REPAIR)
    return _move(device, Status.DIAGNOSED, action=Action.REPAIR, actor=actor, details={"reason": reason.strip()})
