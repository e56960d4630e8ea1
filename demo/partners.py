"""Demo partner organisations, their referents, households and requests in every status."""

import datetime
import random

from django.db.models import F
from django.utils import timezone

from inventory.models import Device
from inventory.workflow import Status
from partners import services
from partners.models import DeviceRequest, PartnerOrganisation, Referent
from workshop.models import Commune, Territory, User

ORGANISATIONS = [
    # username of the referent, kind, name, contact, e-mail, phone, INSEE code of its commune
    (
        "partenaire.caf",
        "caf",
        "CAF du Morbihan",
        "Nadia Benali",
        "accueil@caf56.example.org",
        "02 97 00 10 10",
        "56260",
    ),
    (
        "partenaire.ccas",
        "ccas",
        "CCAS de Lorient",
        "Marc Guillou",
        "ccas@lorient.example.org",
        "02 97 00 20 20",
        "56121",
    ),
]

# Per organisation: (status to reach, need, purpose, eligibility, urgency, days ago)
REQUESTS = [
    ("submitted", "laptop", "job_search", "minimum_benefit", "normal", 2),
    ("submitted", "tablet", "keeping_in_touch", "income_threshold", "normal", 12),
    ("accepted", "laptop", "school", "student_grant", "urgent", 20),
    ("waitlisted", "smartphone", "administration", "minimum_benefit", "normal", 35),
    ("reserved", "laptop", "training", "cej", "normal", 40),
    ("refused", "desktop", "other", "other", "normal", 50),
    ("cancelled", "tablet", "school", "income_threshold", "normal", 60),
    ("expired", "laptop", "job_search", "minimum_benefit", "normal", 120),
]
COMMUNES = ["56121", "56162", "56098", "56260", "56083", "56185", "56007", "56034"]


def seed_partners(*, rng: random.Random, manager: User, referents: dict[str, User]) -> int:
    """Create the organisations and their requests unless they exist; returns how many requests were made."""
    organisations = []
    for username, kind, name, contact, email, phone, insee in ORGANISATIONS:
        commune = Commune.objects.filter(insee_code=insee).first()
        territory = Territory.objects.filter(communes=commune).first() if commune else None
        organisation, _created = PartnerOrganisation.objects.update_or_create(
            name=name,
            defaults={"kind": kind, "contact_name": contact, "email": email, "phone": phone, "territory": territory},
        )
        Referent.objects.update_or_create(user=referents[username], defaults={"organisation": organisation})
        organisations.append(organisation)
    if DeviceRequest.objects.exists():
        return 0
    communes = list(Commune.objects.filter(insee_code__in=COMMUNES)) or list(Commune.objects.all()[:8])
    today = timezone.localdate()
    made = 0
    for organisation, (username, *_rest) in zip(organisations, ORGANISATIONS, strict=True):
        referent = referents[username]
        prefix = organisation.kind.upper()
        for number, (status, need, purpose, ground, urgency, days_ago) in enumerate(REQUESTS, start=1):
            attested = today - datetime.timedelta(days=days_ago)
            request = services.submit_request(
                organisation=organisation,
                household=services.HouseholdData(
                    reference=f"{prefix}-{rng.randint(1000, 9999)}-{number:02d}",
                    commune=rng.choice(communes),
                    size=rng.randint(1, 6),
                    age_bracket=rng.choice(["18_25", "26_59", "26_59", "60_plus"]),
                ),
                data=services.RequestData(
                    need=need,
                    purpose=purpose,
                    eligibility=ground,
                    eligibility_justification="Sortie d'hébergement d'urgence, sans ressources"
                    if ground == "other"
                    else "",
                    attested_by=referent.get_full_name(),
                    attested_on=attested,
                    eligibility_expires_on=(
                        today - datetime.timedelta(days=1) if status == "expired" else services.default_expiry(attested)
                    ),
                    urgency=urgency,
                    note="Disponible le matin" if number % 3 == 0 else "",
                ),
                actor=referent,
            )
            # Back-date so that the queue order and the 10-day flag look like real life.
            DeviceRequest.objects.filter(pk=request.pk).update(
                created_at=F("created_at") - datetime.timedelta(days=days_ago)
            )
            _take_to(request, status, manager=manager, referent=referent)
            made += 1
    services.review_requests(today=today)
    return made


def _take_to(request: DeviceRequest, status: str, *, manager: User, referent: User) -> None:
    if status in ("accepted", "waitlisted", "reserved", "expired"):
        services.accept_request(request=request, actor=manager)
    if status == "waitlisted":
        services.waitlist_request(request=request, actor=manager, reason="Plus de smartphones en stock ce mois-ci")
    if status == "refused":
        services.refuse_request(
            request=request, actor=manager, reason="Le foyer a déjà reçu un ordinateur de l'atelier en 2025"
        )
    if status == "cancelled":
        services.cancel_request(request=request, actor=referent, reason="Le foyer a déménagé")
    if status == "reserved":
        kinds = ["desktop", "all_in_one"] if request.need == "desktop" else [request.need]
        device = Device.objects.filter(status=Status.READY, category__kind__in=kinds).order_by("asset_tag").first()
        if device is not None:
            services.allocate(
                request=request,
                device=device,
                until=timezone.localdate() + datetime.timedelta(days=10),
                actor=manager,
            )
