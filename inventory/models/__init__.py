# Django finds models through this package; each module holds one part of the domain.
from .device import ChecklistResult, Device, ErasureRecord, StorageDrive
from .journal import JournalEntry
from .reference import ChecklistItem, DeviceCategory, DonationLot, Donor, OperatingSystem

__all__ = [
    "ChecklistItem",
    "ChecklistResult",
    "Device",
    "DeviceCategory",
    "DonationLot",
    "Donor",
    "ErasureRecord",
    "JournalEntry",
    "OperatingSystem",
    "StorageDrive",
]
