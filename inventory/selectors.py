"""Read queries shared by services, views, documents and reports."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from .models import ChecklistItem, ChecklistResult, Device, ErasureRecord, JournalEntry, StorageDrive
from .workflow import Status


def _erased(drive_qs: QuerySet, *, cycle: int | None) -> QuerySet:
    ok = ErasureRecord.objects.filter(drive=OuterRef("pk"), result="success")
    if cycle is not None:
        ok = ok.filter(cycle=cycle)
    return drive_qs.annotate(erased=Exists(ok))


def unerased_drives(device: Device) -> list[StorageDrive]:
    """Drives without a successful erasure in the device's current cycle."""
    return [d for d in _erased(device.drives.all(), cycle=device.cycle) if not d.erased]


def unsanitized_drives(device: Device) -> list[StorageDrive]:
    """Drives never erased nor destroyed successfully, in any cycle."""
    return [d for d in _erased(device.drives.all(), cycle=None) if not d.erased]


@dataclass
class Workbench:
    """What the device page and the READY check need, read once: drives with their erasures,
    the category's checklist and the latest result of each item in the current cycle."""

    device: Device
    drives: list[StorageDrive]
    items: list[ChecklistItem]
    latest: dict[int, ChecklistResult]

    @property
    def unerased(self) -> list[StorageDrive]:
        return [drive for drive in self.drives if not drive.erased_now]

    def checklist_status(self) -> list[tuple[ChecklistItem, ChecklistResult | None]]:
        return [(item, self.latest.get(item.pk)) for item in self.items]

    def problems(self) -> list[str]:
        """Why the device cannot be READY, in French, one sentence each; empty when it can."""
        device, found = self.device, []
        if self.drives:
            if self.unerased:
                found.append(
                    _("Drive not erased successfully: %(drives)s.")
                    % {"drives": ", ".join(str(d) for d in self.unerased)}
                )
        elif not device.no_storage_reason:
            found.append(_("No drive is recorded and no reason is given for having no storage."))
        if device.category.needs_os and device.operating_system_id is None:
            found.append(_("No operating system is recorded."))
        failed = [
            item.label
            for item in self.items
            if item.mandatory and (item.pk not in self.latest or not self.latest[item.pk].passed)
        ]
        if failed:
            found.append(_("Mandatory checks not passed: %(items)s.") % {"items": ", ".join(failed)})
        if not device.grade:
            found.append(_("No grade is given."))
        return found


def workbench(device: Device) -> Workbench:
    drives = list(
        device.drives.prefetch_related(
            Prefetch("erasures", queryset=ErasureRecord.objects.select_related("operator"), to_attr="erasures_list")
        )
    )
    for drive in drives:
        drive.erased_now = any(e.succeeded and e.cycle == device.cycle for e in drive.erasures_list)
    # Each item with its latest result of this cycle, in the same query.
    last = ChecklistResult.objects.filter(device=device, cycle=device.cycle, item=OuterRef("pk")).order_by("-pk")
    items = list(
        device.category.checklist_items.filter(is_active=True).annotate(
            last_passed=Subquery(last.values("passed")[:1]), last_note=Subquery(last.values("note")[:1])
        )
    )
    latest = {
        item.pk: ChecklistResult(item=item, passed=item.last_passed, note=item.last_note or "")
        for item in items
        if item.last_passed is not None
    }
    return Workbench(device=device, drives=drives, items=items, latest=latest)


def timeline(device: Device) -> QuerySet[JournalEntry]:
    return device.journal.select_related("actor").order_by("-at", "-pk")


def status_counts(site_id: int | None = None) -> dict[str, int]:
    qs = Device.objects.all()
    if site_id:
        qs = qs.filter(site_id=site_id)
    counts = dict(qs.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status, _label in Status.choices}


def queue(status: str, *, site_id: int | None = None, limit: int = 8) -> QuerySet[Device]:
    """The devices waiting longest at one step."""
    qs = Device.objects.for_list().filter(status=status)
    if site_id:
        qs = qs.filter(site_id=site_id)
    return qs.order_by("updated_at")[:limit]


def stock_table(*, site_id: int | None, by: str) -> tuple[list, list[dict]]:
    """Devices in stock counted by status (columns) and `by` (rows: category, site or grade)."""
    qs = Device.objects.exclude(status__in=Status.GONE)
    if site_id:
        qs = qs.filter(site_id=site_id)
    field = {"category": "category__name", "site": "site__name", "grade": "grade"}[by]
    statuses = list(Status.IN_STOCK)
    rows: dict[str, dict] = {}
    for key, status, n in qs.values_list(field, "status").annotate(n=Count("pk")).order_by(field):
        row = rows.setdefault(key or "", {"key": key or "", "counts": dict.fromkeys(statuses, 0), "total": 0})
        row["counts"][status] = n
        row["total"] += n
    return [(s, Status.label(s)) for s in statuses], [
        {**row, "cells": [row["counts"][s] for s in statuses]} for row in rows.values()
    ]


def search_by_scan(code: str) -> QuerySet[Device]:
    """What a scan or typed code designates: a tag, a device URL (spec label QR code), or a serial."""
    code = code.strip()
    if "/appareils/" in code:
        code = code.rstrip("/").rsplit("/", 1)[-1]
    exact_tag = Device.objects.filter(asset_tag__iexact=code)
    if exact_tag.exists():
        return exact_tag
    drive_devices = StorageDrive.objects.filter(serial__iexact=code).values("device_id")
    return Device.objects.for_list().filter(Q(serial__iexact=code) | Q(pk__in=drive_devices))
