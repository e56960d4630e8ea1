"""Demo donations and about 60 devices, taken through the real services so that the journal is real."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from inventory import services
from inventory.models import ChecklistItem, DeviceCategory, DonationLot, Donor, OperatingSystem
from inventory.models.device import DriveKind, ErasureMethod, ErasureResult, ErasureStandard
from inventory.workflow import Status
from workshop.models import Commune, Site, User

DONORS = [
    ("company", "Breizh Conseil SAS", "44306184100047", "Sophie Le Roux", "56121"),
    ("public_body", "Mairie de Lorient", "21560121000011", "Service informatique", "56121"),
    ("public_body", "CAF du Morbihan", "77568421700034", "Direction logistique", "56260"),
    ("association", "Les Amis du Numérique", "", "Hervé Tanguy", "56162"),
    ("individual", "Jeanne Kervella", "", "", "56098"),
]

MODELS = {
    "portable": [
        ("Lenovo", "ThinkPad T480", "Intel Core i5-8350U", 8, Decimal("14")),
        ("Dell", "Latitude 5490", "Intel Core i5-8250U", 8, Decimal("14")),
        ("HP", "EliteBook 840 G5", "Intel Core i5-8350U", 16, Decimal("14")),
        ("Lenovo", "ThinkPad X270", "Intel Core i5-7300U", 8, Decimal("12.5")),
    ],
    "fixe": [
        ("Dell", "OptiPlex 7060", "Intel Core i5-8500", 8, None),
        ("HP", "ProDesk 600 G4", "Intel Core i3-8100", 8, None),
    ],
    "tablette": [("Samsung", "Galaxy Tab A 10.1", "Exynos 7904", 2, Decimal("10.1"))],
    "smartphone": [
        ("Fairphone", "3", "Snapdragon 632", 4, Decimal("5.7")),
        ("Samsung", "Galaxy S9", "Exynos 9810", 4, Decimal("5.8")),
    ],
    "ecran": [("Dell", "P2219H", "", None, Decimal("21.5")), ("Iiyama", "ProLite E2283HS", "", None, Decimal("21.5"))],
}

# How many demo devices reach each workshop status. demo.partners then reserves some READY ones
# for requests, and demo.loans lends and sells others, through the real services.
PLAN = [
    (Status.RECEIVED, 8),
    (Status.DIAGNOSED, 6),
    (Status.ERASED, 5),
    (Status.OS_INSTALLED, 5),
    (Status.CHECKED, 4),
    (Status.READY, 28),
    (Status.PARTS, 3),
    (Status.RECYCLED, 2),
]
ORDER = [Status.RECEIVED, Status.DIAGNOSED, Status.ERASED, Status.OS_INSTALLED, Status.CHECKED, Status.READY]


def seed_inventory(*, sites: list[Site], actor: User, rng: random.Random) -> int:
    """Create the demo lots and devices unless they exist; returns how many devices were created."""
    if DonationLot.objects.filter(reference__startswith="DEMO-").exists():
        return 0
    donors = []
    for kind, name, siret, contact, insee in DONORS:
        donor, _created = Donor.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "siret": siret,
                "contact_name": contact,
                "commune": Commune.objects.filter(insee_code=insee).first(),
            },
        )
        donors.append(donor)
    categories = {c.code: c for c in DeviceCategory.objects.all()}
    today = timezone.localdate()
    plan = [status for status, count in PLAN for _ in range(count)]
    rng.shuffle(plan)
    lots = [
        services.register_lot(
            donor=donor,
            site=sites[i % len(sites)],
            received_on=today - datetime.timedelta(days=90 - 15 * i),
            actor=actor,
            reference=f"DEMO-{i + 1:03d}",
            weight_kg=Decimal(rng.randint(40, 160)),
        )
        for i, donor in enumerate(donors)
    ]
    weights = [("portable", 5), ("fixe", 2), ("tablette", 1), ("smartphone", 2), ("ecran", 1)]
    codes = [code for code, w in weights for _ in range(w)]
    created = 0
    for number, final_status in enumerate(plan):
        code = rng.choice(codes)
        if final_status in (Status.RECYCLED, Status.PARTS) and code == "ecran":
            code = "portable"
        brand, model, cpu, ram, screen = rng.choice(MODELS[code])
        lot = lots[number % len(lots)]
        line = services.DeviceLine(
            brand=brand, model=model, serial=f"{brand[:2].upper()}{rng.randint(10**7, 10**8 - 1)}"
        )
        (device,) = services.register_devices(lot=lot, category=categories[code], lines=[line], actor=actor)
        _take_to(device, final_status, actor=actor, rng=rng, cpu=cpu, ram=ram, screen=screen)
        created += 1
    return created


def _take_to(device, final_status: str, *, actor: User, rng: random.Random, cpu: str, ram, screen) -> None:
    target = Status.READY if final_status not in ORDER + [Status.PARTS, Status.RECYCLED] else final_status
    if final_status in (Status.PARTS, Status.RECYCLED):
        target = Status.DIAGNOSED
    steps = ORDER[: ORDER.index(target) + 1]
    category = device.category
    if Status.DIAGNOSED in steps:
        services.diagnose(
            device=device,
            actor=actor,
            cpu=cpu,
            ram_gb=Decimal(ram) if ram else None,
            screen_size_in=screen,
            battery_health_pct=rng.randint(62, 98) if category.kind in ("laptop", "tablet", "smartphone") else None,
            keyboard_layout="azerty_fr" if category.kind == "laptop" else "",
        )
        if category.has_storage:
            kind = {"laptop": DriveKind.SSD, "desktop": DriveKind.HDD}.get(category.kind, DriveKind.EMMC)
            services.add_drive(
                device=device,
                kind=kind,
                actor=actor,
                model=rng.choice(["Samsung PM871", "Crucial MX500", "Seagate ST500LM", "SanDisk SD8SN8U"]),
                serial=f"S{rng.randint(10**9, 10**10 - 1)}",
                capacity_gb=rng.choice([128, 256, 500]),
            )
    if Status.ERASED in steps:
        if category.has_storage:
            start = timezone.now() - datetime.timedelta(hours=rng.randint(2, 200))
            for drive in device.drives.all():
                services.record_erasure(
                    device=device,
                    drive=drive,
                    method=ErasureMethod.ATA_SECURE_ERASE
                    if drive.kind != DriveKind.EMMC
                    else ErasureMethod.FACTORY_RESET,
                    standard=ErasureStandard.NIST_PURGE,
                    tool="nwipe 0.35" if drive.kind != DriveKind.EMMC else "Réinitialisation Android",
                    started_at=start,
                    ended_at=start + datetime.timedelta(minutes=rng.randint(15, 90)),
                    result=ErasureResult.SUCCESS,
                    actor=actor,
                )
        else:
            services.record_no_storage(device=device, reason="Écran : aucun stockage", actor=actor)
    if Status.OS_INSTALLED in steps and category.needs_os:
        mobile = category.kind in ("tablet", "smartphone")
        system = OperatingSystem.objects.filter(for_mobile=mobile).order_by("?").first()
        services.install_os(device=device, operating_system=system, version=system.default_version, actor=actor)
    if Status.CHECKED in steps:
        items = ChecklistItem.objects.filter(category=category, is_active=True)
        services.record_checks(device=device, results={item.pk: (True, "") for item in items}, actor=actor)
    if Status.READY in steps:
        services.set_grade(device=device, grade=rng.choice("AABBC"), actor=actor)
        services.mark_ready(device=device, actor=actor)
    if final_status == Status.PARTS:
        services.send_to_parts(device=device, reason="Carte mère défectueuse", actor=actor)
    elif final_status == Status.RECYCLED:
        drives = list(device.drives.all())
        start = timezone.now() - datetime.timedelta(days=3)
        for drive in drives:
            services.record_erasure(
                device=device,
                drive=drive,
                method=ErasureMethod.PHYSICAL_DESTRUCTION,
                standard=ErasureStandard.NIST_DESTROY,
                tool="Broyeur",
                started_at=start,
                ended_at=start + datetime.timedelta(minutes=5),
                result=ErasureResult.SUCCESS,
                actor=actor,
            )
        services.recycle(device=device, reason="Trop ancien, écran cassé", actor=actor)
