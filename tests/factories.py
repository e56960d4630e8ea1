import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from inventory.models import (
    ChecklistItem,
    Device,
    DeviceCategory,
    DonationLot,
    Donor,
    ErasureRecord,
    OperatingSystem,
    StorageDrive,
)
from inventory.workflow import Status
from workshop.models import Site, User


class SiteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Site
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"site{n}")
    name = factory.Sequence(lambda n: f"Atelier {n}")
    city = "Lorient"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class DonorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Donor

    kind = "company"
    name = factory.Sequence(lambda n: f"Entreprise {n}")


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DonationLot

    reference = factory.Sequence(lambda n: f"LOT-{n:04d}")
    donor = factory.SubFactory(DonorFactory)
    site = factory.SubFactory(SiteFactory)
    received_on = factory.LazyFunction(timezone.localdate)
    created_by = factory.SubFactory(UserFactory)


def category(code: str = "portable") -> DeviceCategory:
    """The categories come from the reference-data migration."""
    return DeviceCategory.objects.get(code=code)


class DeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Device

    asset_tag = factory.Sequence(lambda n: f"T-{n:06d}")
    category = factory.LazyFunction(category)
    brand = "Lenovo"
    model = "ThinkPad T480"
    serial = factory.Sequence(lambda n: f"PF{n:08d}")
    lot = factory.SubFactory(LotFactory)
    site = factory.SelfAttribute("lot.site")
    status = Status.RECEIVED


class DriveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StorageDrive

    device = factory.SubFactory(DeviceFactory)
    kind = "ssd"
    model = "Samsung PM871"
    serial = factory.Sequence(lambda n: f"S{n:010d}")
    capacity_gb = 256


class ErasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErasureRecord

    drive = factory.SubFactory(DriveFactory)
    cycle = factory.SelfAttribute("drive.device.cycle")
    method = "ata_secure_erase"
    standard = "nist_purge"
    tool = "nwipe"
    started_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    ended_at = factory.LazyFunction(timezone.now)
    result = "success"
    operator = factory.SubFactory(UserFactory)


def mandatory_items(device: Device) -> list[ChecklistItem]:
    return list(ChecklistItem.objects.filter(category=device.category, mandatory=True, is_active=True))


def linux_mint() -> OperatingSystem:
    return OperatingSystem.objects.get(name="Linux Mint")


def ready_device(**kwargs) -> Device:
    """A device READY in every respect, built directly (not through the services)."""
    from inventory.models import ChecklistResult

    kwargs = {"grade": "B", "operating_system": linux_mint(), "ram_gb": Decimal(8), **kwargs}
    device = DeviceFactory(status=Status.READY, **kwargs)
    ErasureFactory(drive=DriveFactory(device=device))
    operator = UserFactory()
    ChecklistResult.objects.bulk_create(
        ChecklistResult(device=device, item=item, cycle=device.cycle, passed=True, checked_by=operator)
        for item in mandatory_items(device)
    )
    return device
