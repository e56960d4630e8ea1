import datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from inventory import services
from inventory.models import ChecklistResult, Device, JournalEntry
from inventory.models.journal import AppendOnlyError
from inventory.workflow import TRANSITIONS, Action, Status, WorkflowError
from tests.factories import (
    DeviceFactory,
    DonorFactory,
    DriveFactory,
    ErasureFactory,
    LotFactory,
    category,
    linux_mint,
    mandatory_items,
    ready_device,
)

pytestmark = pytest.mark.django_db


def erase(device, drive, actor, result="success"):
    now = timezone.now()
    return services.record_erasure(
        device=device,
        drive=drive,
        method="ata_secure_erase",
        standard="nist_purge",
        tool="nwipe",
        started_at=now - datetime.timedelta(minutes=30),
        ended_at=now,
        result=result,
        actor=actor,
    )


def all_ok(device):
    return {item.pk: (True, "") for item in mandatory_items(device)}


def entries(device):
    return list(JournalEntry.objects.filter(device=device).order_by("pk"))


# — Intake —


def test_register_lot_generates_a_yearly_reference(atelier, site):
    donor = DonorFactory()
    day = datetime.date(2026, 3, 1)
    first = services.register_lot(donor=donor, site=site, received_on=day, actor=atelier)
    second = services.register_lot(donor=donor, site=site, received_on=day, actor=atelier)
    assert (first.reference, second.reference) == ("DON-2026-0001", "DON-2026-0002")


def test_register_devices_gives_each_its_own_tag_and_journal_entry(atelier):
    lot = LotFactory()
    lines = [services.DeviceLine(brand="Lenovo", model="ThinkPad T480")] * 12
    devices = services.register_devices(lot=lot, category=category(), lines=lines, actor=atelier)
    tags = [d.asset_tag for d in devices]
    assert tags == [f"SV-{n:06d}" for n in range(1, 13)]
    assert Device.objects.filter(lot=lot, status=Status.RECEIVED).count() == 12
    assert JournalEntry.objects.filter(action=Action.REGISTER, device__lot=lot).count() == 12


def test_tags_continue_after_a_failed_batch_without_gap(atelier):
    lot = LotFactory()
    services.register_devices(lot=lot, category=category(), lines=[services.DeviceLine()], actor=atelier)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.register_devices(lot=lot, category=category(), lines=[services.DeviceLine()] * 3, actor=atelier)
        raise RuntimeError("the surrounding action fails")
    (device,) = services.register_devices(lot=lot, category=category(), lines=[services.DeviceLine()], actor=atelier)
    assert device.asset_tag == "SV-000002"


# — The whole path, one journal entry per action —


def test_received_to_ready_through_every_step(atelier):
    device = DeviceFactory()
    services.diagnose(device=device, actor=atelier, cpu="Intel Core i5-8350U")
    drive = services.add_drive(device=device, kind="ssd", serial="S123", capacity_gb=256, actor=atelier)
    erase(device, drive, atelier)
    services.install_os(device=device, operating_system=linux_mint(), version="22.1", actor=atelier)
    services.record_checks(device=device, results=all_ok(device), actor=atelier)
    services.set_grade(device=device, grade="A", actor=atelier)
    services.mark_ready(device=device, actor=atelier)

    device.refresh_from_db()
    assert device.status == Status.READY
    assert device.cpu == "Intel Core i5-8350U"
    journal = [(e.action, e.from_status, e.to_status) for e in entries(device)]
    assert journal == [
        (Action.DIAGNOSE, Status.RECEIVED, Status.DIAGNOSED),
        (Action.ADD_DRIVE, Status.DIAGNOSED, Status.DIAGNOSED),
        (Action.ERASE, Status.DIAGNOSED, Status.ERASED),
        (Action.INSTALL_OS, Status.ERASED, Status.OS_INSTALLED),
        (Action.CHECK, Status.OS_INSTALLED, Status.CHECKED),
        (Action.GRADE, Status.CHECKED, Status.CHECKED),
        (Action.MARK_READY, Status.CHECKED, Status.READY),
    ]
    assert all(e.actor == atelier for e in entries(device))


def test_device_stays_diagnosed_until_every_drive_is_erased(atelier):
    device = DeviceFactory(status=Status.DIAGNOSED)
    first, second = DriveFactory(device=device), DriveFactory(device=device)
    erase(device, first, atelier)
    device.refresh_from_db()
    assert device.status == Status.DIAGNOSED
    erase(device, second, atelier, result="failure")
    device.refresh_from_db()
    assert device.status == Status.DIAGNOSED
    erase(device, second, atelier)
    device.refresh_from_db()
    assert device.status == Status.ERASED
    assert len([e for e in entries(device) if e.action == Action.ERASE]) == 3


def test_no_storage_needs_a_reason_and_no_drive(atelier):
    device = DeviceFactory(status=Status.DIAGNOSED)
    with pytest.raises(WorkflowError, match="pourquoi|why"):
        services.record_no_storage(device=device, reason="  ", actor=atelier)
    services.record_no_storage(device=device, reason="Disque retiré par le donateur", actor=atelier)
    device.refresh_from_db()
    assert (device.status, device.no_storage_reason) == (Status.ERASED, "Disque retiré par le donateur")

    with_drive = DeviceFactory(status=Status.DIAGNOSED)
    DriveFactory(device=with_drive)
    with pytest.raises(WorkflowError):
        services.record_no_storage(device=with_drive, reason="x", actor=atelier)


def test_a_failed_mandatory_check_keeps_the_device_and_records_the_fault(atelier):
    device = DeviceFactory(status=Status.OS_INSTALLED, operating_system=linux_mint())
    results = all_ok(device)
    first = next(iter(results))
    results[first] = (False, "touche Entrée HS")
    services.record_checks(device=device, results=results, actor=atelier)
    device.refresh_from_db()
    assert device.status == Status.OS_INSTALLED
    (entry,) = entries(device)
    assert entry.details["failed"] and entry.to_status == Status.OS_INSTALLED


def test_checks_refuse_missing_mandatory_items(atelier):
    device = DeviceFactory(status=Status.OS_INSTALLED, operating_system=linux_mint())
    results = all_ok(device)
    results.pop(next(iter(results)))
    with pytest.raises(WorkflowError):
        services.record_checks(device=device, results=results, actor=atelier)
    assert not ChecklistResult.objects.exists()


def test_a_monitor_skips_the_system(atelier):
    device = DeviceFactory(category=category("ecran"), status=Status.DIAGNOSED)
    services.record_no_storage(device=device, reason="Écran", actor=atelier)
    with pytest.raises(WorkflowError):
        services.install_os(device=device, operating_system=linux_mint(), version="", actor=atelier)
    services.record_checks(device=device, results=all_ok(device), actor=atelier)
    services.set_grade(device=device, grade="B", actor=atelier)
    services.mark_ready(device=device, actor=atelier)
    device.refresh_from_db()
    assert device.status == Status.READY


def test_a_computer_cannot_be_checked_before_its_system(atelier):
    device = DeviceFactory(status=Status.ERASED)
    with pytest.raises(WorkflowError):
        services.record_checks(device=device, results=all_ok(device), actor=atelier)


# — READY preconditions, each on its own —


def checked_device(**overrides):
    device = ready_device()
    Device.objects.filter(pk=device.pk).update(status=Status.CHECKED)
    device.refresh_from_db()
    return device


def test_a_complete_checked_device_can_be_marked_ready(atelier):
    device = checked_device()
    services.mark_ready(device=device, actor=atelier)
    device.refresh_from_db()
    assert device.status == Status.READY


def test_ready_requires_every_drive_erased(atelier):
    device = checked_device()
    DriveFactory(device=device, serial="UNERASED1")
    with pytest.raises(WorkflowError, match="UNERASED1"):
        services.mark_ready(device=device, actor=atelier)


def test_ready_requires_a_successful_erasure_not_a_failed_one(atelier):
    device = checked_device()
    ErasureFactory(drive=DriveFactory(device=device, serial="FAILED1"), result="failure")
    with pytest.raises(WorkflowError, match="FAILED1"):
        services.mark_ready(device=device, actor=atelier)


def test_ready_requires_an_erasure_of_the_current_cycle(atelier):
    device = checked_device()
    Device.objects.filter(pk=device.pk).update(cycle=2)
    device.refresh_from_db()
    with pytest.raises(WorkflowError):
        services.mark_ready(device=device, actor=atelier)


def test_ready_requires_storage_or_a_reason_for_none(atelier):
    device = DeviceFactory(status=Status.CHECKED, grade="A", operating_system=linux_mint())
    for item in mandatory_items(device):
        ChecklistResult.objects.create(device=device, item=item, cycle=1, passed=True, checked_by=atelier)
    with pytest.raises(WorkflowError):
        services.mark_ready(device=device, actor=atelier)
    Device.objects.filter(pk=device.pk).update(no_storage_reason="Disque retiré par le donateur")
    device.refresh_from_db()
    services.mark_ready(device=device, actor=atelier)


def test_ready_requires_a_system_on_a_computer(atelier):
    device = checked_device()
    Device.objects.filter(pk=device.pk).update(operating_system=None)
    device.refresh_from_db()
    with pytest.raises(WorkflowError):
        services.mark_ready(device=device, actor=atelier)


def test_ready_requires_every_mandatory_check_passed(atelier):
    device = checked_device()
    item = mandatory_items(device)[0]
    ChecklistResult.objects.create(device=device, item=item, cycle=1, passed=False, checked_by=atelier)
    with pytest.raises(WorkflowError, match=item.label):
        services.mark_ready(device=device, actor=atelier)


def test_ready_requires_a_grade(atelier):
    device = checked_device()
    Device.objects.filter(pk=device.pk).update(grade="")
    device.refresh_from_db()
    with pytest.raises(WorkflowError):
        services.mark_ready(device=device, actor=atelier)


def test_failed_ready_writes_nothing(atelier):
    device = checked_device()
    Device.objects.filter(pk=device.pk).update(grade="")
    device.refresh_from_db()
    with pytest.raises(WorkflowError):
        services.mark_ready(device=device, actor=atelier)
    device.refresh_from_db()
    assert device.status == Status.CHECKED
    assert not entries(device)


# — Legal and illegal moves —


@pytest.mark.parametrize("action", sorted(TRANSITIONS))
def test_every_action_is_refused_from_a_status_it_does_not_start_from(action, atelier):
    sources, _target = TRANSITIONS[action]
    forbidden = next(s for s, _l in Status.choices if s not in sources)
    device = DeviceFactory(status=forbidden)
    with pytest.raises(WorkflowError) as error:
        services.apply(device=device, action=action, actor=atelier)
    assert device.asset_tag in str(error.value)
    assert not entries(device)


@pytest.mark.parametrize(
    ("action", "source", "target"),
    [(a, s, t) for a, (sources, t) in TRANSITIONS.items() if t for s in sources],
)
def test_every_legal_transition_moves_and_journals(action, source, target, atelier):
    device = DeviceFactory(status=source)
    services.apply(device=device, action=action, actor=atelier)
    device.refresh_from_db()
    assert device.status == target
    (entry,) = entries(device)
    assert (entry.action, entry.from_status, entry.to_status) == (action, source, target)


@pytest.mark.parametrize(
    ("service", "status"),
    [
        ("diagnose", Status.READY),
        ("mark_ready", Status.RECEIVED),
        ("mark_ready", Status.OS_INSTALLED),
        ("send_to_parts", Status.LOANED),
        ("recycle", Status.SOLD),
        ("repair", Status.RECYCLED),
    ],
)
def test_illegal_steps_are_refused_in_french(service, status, atelier):
    device = DeviceFactory(status=status)
    kwargs = {"reason": "x"} if service in ("send_to_parts", "recycle", "repair") else {}
    with pytest.raises(WorkflowError) as error:
        getattr(services, service)(device=device, actor=atelier, **kwargs)
    assert "n'est pas possible" in str(error.value) or "pas possible" in str(error.value)


def test_recycling_needs_drives_erased_or_destroyed(atelier):
    device = DeviceFactory(status=Status.PARTS)
    drive = DriveFactory(device=device)
    with pytest.raises(WorkflowError):
        services.recycle(device=device, reason="DEEE", actor=atelier)
    ErasureFactory(drive=drive, method="destruction", standard="nist_destroy")
    services.recycle(device=device, reason="DEEE", actor=atelier)
    device.refresh_from_db()
    assert device.status == Status.RECYCLED


def test_repair_starts_a_new_cycle_so_old_erasures_no_longer_count(atelier):
    device = ready_device()
    services.repair(device=device, reason="Écran à changer", actor=atelier)
    device.refresh_from_db()
    assert (device.status, device.cycle) == (Status.DIAGNOSED, 2)
    drive = device.drives.get()
    assert services.selectors.unerased_drives(device) == [drive]


def test_edit_journals_old_and_new_values(atelier):
    device = DeviceFactory(brand="Lenvo")
    services.update_details(device=device, actor=atelier, brand="Lenovo")
    (entry,) = entries(device)
    assert entry.details == {"brand": {"from": "Lenvo", "to": "Lenovo"}}


# — The journal is append-only —


def test_a_journal_entry_cannot_be_saved_again(atelier):
    device = DeviceFactory()
    services.diagnose(device=device, actor=atelier)
    entry = entries(device)[0]
    entry.action = "forged"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_a_journal_entry_cannot_be_deleted(atelier):
    device = DeviceFactory()
    services.diagnose(device=device, actor=atelier)
    entry = entries(device)[0]
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        JournalEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        JournalEntry.objects.update(action="forged")
    assert JournalEntry.objects.filter(pk=entry.pk, action=Action.DIAGNOSE).exists()


def test_the_database_refuses_to_update_the_journal(atelier):
    device = DeviceFactory()
    services.diagnose(device=device, actor=atelier)
    entry = entries(device)[0]
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE inventory_journalentry SET action = 'forged' WHERE id = %s", [entry.pk])
    assert JournalEntry.objects.get(pk=entry.pk).action == Action.DIAGNOSE


def test_devices_are_never_deleted():
    device = DeviceFactory()
    with pytest.raises(TypeError):
        device.delete()
    with pytest.raises(TypeError):
        Device.objects.all().delete()
